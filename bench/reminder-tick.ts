/**
 * Times the reminder tick over 1,000,000 open clocks of which 10,000 need a reminder now, and shows the
 * query plan of the tick's selection (it must use the partial index clock_reminder_due, not scan the table).
 *
 *   npm run build && node dist/bench/reminder-tick.js      (or: npm run bench:reminders)
 *
 * Uses a throwaway embedded PostgreSQL, or a new database on the server in DATABASE_URL (dropped after).
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { londonDateOf } from '../src/calendar/iso-date';
import { DUE_CLOCKS_SQL, ReminderTickService, TICK_BATCH } from '../src/reminders/reminder-tick.service';
import { startBenchContext } from './bench-database';

const OPEN_CLOCKS = 1_000_000;
const DUE_CLOCKS = 10_000;

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = process.hrtime.bigint();
  const result = await work();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`${label.padEnd(58)} ${ms.toFixed(1).padStart(9)} ms`);
  return result;
}

async function main(): Promise<void> {
  const { app, close } = await startBenchContext();
  try {
    const data = app.get(DataSource);
    const now = new Date();
    const today = londonDateOf(now);
    const [{ id: org }] = await data.query(
      `INSERT INTO organisation (name, type) VALUES ('Bench CDOP', 'cdop') RETURNING id`,
    );
    await data.query(
      `INSERT INTO app_user (email, name, password_hash, roles, organisation_ids)
       VALUES ('bench-cdop-admin@bench.example', 'Bench administrator', 'x', '{cdop-admin}', ARRAY[$1]::uuid[])`,
      [org],
    );

    // The first DUE_CLOCKS are due today and need their reminder now; the rest are due later and the tick
    // has already planned their next reminder for a day to come.
    await timed(`insert ${OPEN_CLOCKS.toLocaleString('en-GB')} open clocks`, () =>
      data.query(
        `INSERT INTO clock (case_id, case_type, case_reference, case_path, organisation_ids, rule_id, rule_version,
                            unit, window_amount, basis_date, due_date, status, next_reminder_at)
         SELECT gen_random_uuid(), 'cdr', 'BENCH-' || g, '/child-deaths/bench-' || g, ARRAY[$1]::uuid[],
                'CDR-DESIGNATED-DR', 1, 'WD', 1,
                CASE WHEN g <= $3 THEN $4::date - 1 ELSE $4::date + (g % 400) END,
                CASE WHEN g <= $3 THEN $4::date ELSE $4::date + 1 + (g % 400) END,
                'running',
                CASE WHEN g <= $3 THEN $5::timestamptz - make_interval(secs => g % 3600)
                     ELSE $5::timestamptz + make_interval(days => 1 + g % 400) END
           FROM generate_series(1, $2) AS g`,
        [org, OPEN_CLOCKS, DUE_CLOCKS, today, now],
      ),
    );
    await data.query('VACUUM ANALYZE clock');

    const select = (limit: number) =>
      data.transaction(async (m) => {
        const rows: unknown[] = await m.query(DUE_CLOCKS_SQL, [now, limit]);
        return rows.length;
      });
    await select(TICK_BATCH);
    for (let run = 1; run <= 3; run++) {
      await timed(`tick selection, one batch of ${TICK_BATCH} (run ${run})`, () => select(TICK_BATCH));
    }
    const found = await timed(`tick selection, all ${DUE_CLOCKS.toLocaleString('en-GB')} due at once`, () =>
      select(DUE_CLOCKS * 2),
    );
    console.log(`due clocks found: ${found}`);

    const plan: { 'QUERY PLAN': string }[] = await data.transaction((m) =>
      m.query(`EXPLAIN (ANALYZE, BUFFERS) ${DUE_CLOCKS_SQL}`, [now, DUE_CLOCKS * 2]),
    );
    console.log('\nEXPLAIN (ANALYZE, BUFFERS) of the tick selection:');
    console.log(plan.map((row) => `  ${row['QUERY PLAN']}`).join('\n'));

    const created = await timed(`\nwhole tick: ${DUE_CLOCKS.toLocaleString('en-GB')} reminders created`, () =>
      app.get(ReminderTickService).createDueReminders(),
    );
    const again = await timed('second tick (nothing left to do)', () =>
      app.get(ReminderTickService).createDueReminders(),
    );
    console.log(`reminders created: ${created}, then ${again}`);
  } finally {
    await close();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
