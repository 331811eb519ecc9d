/**
 * Exports 10,000 and then 100,000 reviewed child deaths through the same streaming code path as the API
 * (de-identified JSON, the heaviest per case, then CSV), to /dev/null, and prints the time and the peak
 * resident memory of each run. Targets: under 60 s and 300 MB, with the same memory for both sizes.
 *
 *   npm run build && node dist/bench/ncmd-export.js
 *
 * Uses a throwaway embedded PostgreSQL, or a new database on the server in DATABASE_URL (dropped after).
 */
import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../src/identity/permissions';
import { streamSink } from '../src/ncmd/export-sink';
import { NcmdExportService, type NcmdExportRequest } from '../src/ncmd/ncmd-export.service';
import { startBenchContext } from './bench-database';

const SIZES = [10_000, 100_000];

/** Reviewed cases `from`..`to`, each with one notification and a final analysis form, all in SQL. */
async function generateCases(data: DataSource, cdop: string, from: number, to: number): Promise<void> {
  await data.query(
    `WITH c AS (
       INSERT INTO cdr_case (reference, state, owning_cdop_id, nhs_number, given_name, family_name, date_of_birth,
                             date_of_death, death_known_at, first_notified_at, expected, jar_evaluation,
                             cdrm_held_on, cdop_reviewed_on)
       SELECT 'BENCH-' || g, 'reviewed-by-cdop', $1, NULL, 'Child' || g, 'Bench' || g,
              DATE '2015-01-01' + (g % 3000), DATE '2025-06-01' + (g % 200),
              TIMESTAMPTZ '2025-06-01 10:00Z' + make_interval(days => g % 200),
              TIMESTAMPTZ '2025-06-01 12:00Z' + make_interval(days => g % 200),
              g % 3 = 0, '{"required": false, "criteria": [], "explanations": []}',
              DATE '2026-01-01' + (g % 60), DATE '2026-03-01' + (g % 300)
         FROM generate_series($2::int, $3::int) AS g
       RETURNING id, reference
     ), n AS (
       INSERT INTO cdr_notification (case_id, notified_at, notifier, answers, jar_evaluation)
       SELECT id, TIMESTAMPTZ '2025-06-01 12:00Z', '{"name": "N", "role": "R", "organisation": "O"}',
              jsonb_build_object('child', jsonb_build_object('sex', 'female', 'ethnicity', 'A',
                                   'postcode', 'NS1 4AB', 'nhsNumberMissingReason', 'not-yet-available'),
                                 'timeOfDeath', '06:10', 'placeOfDeath', 'hospital', 'childProtectionPlan', false),
              '{"required": false, "criteria": [], "explanations": []}'
         FROM c
     )
     INSERT INTO cdr_analysis_form (case_id, form_version, answers, status, reviewed_on, finalised_at)
     SELECT id, '2026-04', $4::jsonb, 'final', DATE '2026-03-01', now() FROM c`,
    [
      cdop,
      from,
      to,
      JSON.stringify({
        domains: [
          { domain: 'A', factors: [{ code: 'A03', label: 'Acute illness', score: 1, modifiable: false }] },
        ],
        modifiableFactors: 'no',
        primaryCategory: 9,
        otherCategories: [],
        causeOfDeath: 'Pneumococcal meningitis',
        icd10Codes: ['G00.1'],
        learningPoints: ['No learning identified'],
        actions: [],
        referredToSafeguarding: false,
      }),
    ],
  );
  await data.query('ANALYZE');
}

async function measure(label: string, work: () => Promise<number>): Promise<void> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = process.hrtime.bigint();
  const exported = await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `${label.padEnd(44)} ${exported.toLocaleString('en-GB').padStart(8)} cases ` +
      `${seconds.toFixed(1).padStart(6)} s   peak RSS ${(peak / 2 ** 20).toFixed(0).padStart(4)} MB` +
      ` (${(before / 2 ** 20).toFixed(0)} MB before)`,
  );
}

async function main(): Promise<void> {
  const { app, close } = await startBenchContext();
  try {
    const data = app.get(DataSource);
    const [{ id: cdop }] = await data.query(
      `INSERT INTO organisation (name, type, code) VALUES ('Bench CDOP', 'cdop', 'CDOP-BENCH') RETURNING id`,
    );
    const user: AuthenticatedUser = {
      id: '00000000-0000-0000-0000-000000000000',
      email: 'bench@bench.example',
      name: 'Bench',
      roles: ['cdop-admin'],
      organisationIds: [cdop],
      via: 'token',
    };
    const exports = app.get(NcmdExportService);
    const found = await exports.authorise(user, cdop, 'deidentified');
    const run = async (format: NcmdExportRequest['format']) => {
      const sink = createWriteStream('/dev/null');
      const request: NcmdExportRequest = {
        cdopId: cdop,
        format,
        mode: 'deidentified',
        sinceLastExport: false,
      };
      const summary = await exports.run(user, 'cli', request, found, streamSink(sink), {});
      sink.end();
      await finished(sink);
      if (summary.rejected.length)
        throw new Error(`${summary.rejected.length} generated cases were rejected`);
      return summary.exported;
    };

    let generated = 0;
    for (const size of SIZES) {
      const started = Date.now();
      await generateCases(data, cdop, generated + 1, size);
      generated = size;
      console.log(
        `generated ${size.toLocaleString('en-GB')} reviewed cases in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      await measure(`de-identified JSON, ${size.toLocaleString('en-GB')} cases`, () => run('json'));
      await measure(`de-identified CSV, ${size.toLocaleString('en-GB')} cases`, () => run('csv'));
    }
  } finally {
    await close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
