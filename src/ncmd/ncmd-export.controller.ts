import { BadRequestException, Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { requestContext } from '../audit/audit.service';
import { type AuthenticatedUser, CurrentUser, Permission } from '../identity/permissions';
import { NcmdExportQuery } from './ncmd-export.dto';
import { type NcmdExportRequest, NcmdExportService } from './ncmd-export.service';
import { sendExport } from './send-export';

@ApiTags('exports')
@Controller('api/exports')
export class NcmdExportController {
  constructor(private readonly exports: NcmdExportService) {}

  @Get('ncmd')
  @Permission('cdop-admin', 'designated-doctor')
  @ApiOperation({
    summary: 'The NCMD export of a CDOP’s reviewed cases, streamed as JSON or CSV',
    description:
      'Every case is validated against the NCMD export schema 1.0 before it is written; invalid cases are ' +
      'listed under `rejected` (JSON) with their reasons field by field. `mode=ncmd` is identifiable and ' +
      'for cdop-admin only; it records the NCMD submission of the cases it contains (CDR-NCMD-SUBMIT).',
  })
  @ApiOkResponse({ description: 'application/json or text/csv, streamed' })
  async ncmd(
    @Query() query: NcmdExportQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await sendExport(this.exports, user, 'api', exportRequest(query), res, requestContext(req));
  }
}

export function exportRequest(query: NcmdExportQuery): NcmdExportRequest {
  if (query.reviewedFrom && query.reviewedTo && query.reviewedFrom > query.reviewedTo) {
    throw new BadRequestException(['reviewedTo: must not be before reviewedFrom']);
  }
  return {
    cdopId: query.cdopId,
    reviewedFrom: query.reviewedFrom,
    reviewedTo: query.reviewedTo,
    sinceLastExport: query.sinceLastExport ?? false,
    format: query.format ?? 'json',
    mode: query.mode ?? 'ncmd',
  };
}
