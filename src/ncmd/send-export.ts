import { Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { AuditRequestContext } from '../audit/audit.service';
import type { AuthenticatedUser } from '../identity/permissions';
import { streamSink } from './export-sink';
import type { ExportChannel, NcmdExportRequest, NcmdExportService } from './ncmd-export.service';

const logger = new Logger('NcmdExport');

/**
 * Authorises, then streams the export as a download. Errors before the first byte become the usual error
 * response; after it the status is sent, so the connection is cut and the client sees an incomplete file
 * (the export is then not recorded as complete).
 */
export async function sendExport(
  exports: NcmdExportService,
  user: AuthenticatedUser,
  channel: ExportChannel,
  request: NcmdExportRequest,
  res: Response,
  context: AuditRequestContext,
): Promise<void> {
  const cdop = await exports.authorise(user, request.cdopId, request.mode);
  const date = new Date().toISOString().slice(0, 10);
  const name = `ncmd-${request.mode}-${cdop.code.replace(/[^A-Za-z0-9-]/g, '') || 'cdop'}-${date}.${request.format}`;
  res.status(200);
  res.setHeader(
    'Content-Type',
    request.format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
  );
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  res.setHeader('Cache-Control', 'no-store');
  try {
    await exports.run(user, channel, request, cdop, streamSink(res), context);
    res.end();
  } catch (error) {
    if (!res.headersSent) throw error;
    logger.error(`NCMD export stopped part way: ${(error as Error).message}`);
    res.destroy();
  }
}
