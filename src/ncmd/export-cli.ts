/**
 * Scheduled NCMD transfers: writes one export to stdout and records it like any other.
 *
 *   npm run export:ncmd -- --cdop <code|id> [--since-last] [--format csv|json] [--mode ncmd|deidentified]
 *                          [--from YYYY-MM-DD] [--to YYYY-MM-DD] > file
 *
 * Uses DATABASE_URL, or the embedded cluster in DATA_DIR (stop the portal first: one cluster, one owner).
 * Runs as the system, with a CDOP administrator's powers over that one CDOP; the audit trail shows the
 * export with via "cli". Progress and rejected cases (ids and reasons, never personal data) go to stderr.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { isIsoDate } from '../calendar/iso-date';
import { EnvironmentError, loadEnvironment } from '../config/environment';
import { startDatabaseServer, type DatabaseServer } from '../database/database-server';
import type { AuthenticatedUser } from '../identity/permissions';
import { EXPORT_MODES, type ExportMode } from './export-case';
import { streamSink } from './export-sink';
import { NcmdExportService, type NcmdExportRequest } from './ncmd-export.service';

/** Who the audit trail and the case history name for a scheduled export; not an account anyone signs in to. */
export const CLI_USER_ID = '00000000-0000-0000-0000-000000000000';

const USAGE =
  'usage: export:ncmd -- --cdop <code|id> [--since-last] [--format csv|json] [--mode ncmd|deidentified] ' +
  '[--from YYYY-MM-DD] [--to YYYY-MM-DD]';

interface CliOptions {
  cdop: string;
  request: Omit<NcmdExportRequest, 'cdopId'>;
}

export function parseCli(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      cdop: { type: 'string' },
      'since-last': { type: 'boolean', default: false },
      format: { type: 'string', default: 'csv' },
      mode: { type: 'string', default: 'ncmd' },
      from: { type: 'string' },
      to: { type: 'string' },
    },
    strict: true,
  });
  if (!values.cdop) throw new Error('--cdop is required');
  if (values.format !== 'csv' && values.format !== 'json') throw new Error('--format must be csv or json');
  if (!(EXPORT_MODES as readonly string[]).includes(values.mode)) {
    throw new Error(`--mode must be ${EXPORT_MODES.join(' or ')}`);
  }
  for (const flag of ['from', 'to'] as const) {
    if (values[flag] !== undefined && !isIsoDate(values[flag]))
      throw new Error(`--${flag} must be YYYY-MM-DD`);
  }
  return {
    cdop: values.cdop,
    request: {
      format: values.format,
      mode: values.mode as ExportMode,
      sinceLastExport: values['since-last'],
      reviewedFrom: values.from,
      reviewedTo: values.to,
    },
  };
}

async function main(): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCli(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  let db: DatabaseServer | undefined;
  try {
    // stdout carries the export, so the portal's own logging is kept off it.
    const env = loadEnvironment({ ...process.env, LOG_LEVEL: 'silent', SCHEDULER_ENABLED: 'false' });
    db = await startDatabaseServer(env, (message) => process.stderr.write(`${message}\n`));
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(env, db.url), { logger: false });
    try {
      const [cdop]: { id: string }[] = await app
        .get(DataSource)
        .query(
          `SELECT id FROM organisation WHERE type = 'cdop' AND (id::text = $1 OR lower(code) = lower($1)) LIMIT 1`,
          [options.cdop],
        );
      if (!cdop) throw new Error(`No CDOP with the id or code ${options.cdop}`);
      const system: AuthenticatedUser = {
        id: CLI_USER_ID,
        email: 'ncmd-export@system.invalid',
        name: 'Scheduled NCMD export',
        roles: ['cdop-admin'],
        organisationIds: [cdop.id],
        via: 'token',
      };
      const exports = app.get(NcmdExportService);
      const request = { ...options.request, cdopId: cdop.id };
      const found = await exports.authorise(system, cdop.id, request.mode);
      const summary = await exports.run(system, 'cli', request, found, streamSink(process.stdout), {});
      process.stderr.write(
        `NCMD export ${summary.exportId}: ${summary.exported} cases exported, ${summary.rejected.length} rejected\n`,
      );
      for (const rejected of summary.rejected) {
        const reasons = rejected.reasons.map((r) => `${r.field} ${r.message}`).join('; ');
        process.stderr.write(`  rejected ${rejected.caseId}: ${reasons}\n`);
      }
      return summary.rejected.length > 0 ? 3 : 0;
    } finally {
      await app.close();
    }
  } catch (error) {
    process.stderr.write(
      `NCMD export failed: ${error instanceof EnvironmentError ? error.message : (error as Error).message}\n`,
    );
    return 1;
  } finally {
    await db?.stop();
  }
}

if (require.main === module) {
  void main().then((code) => {
    process.exitCode = code;
  });
}
