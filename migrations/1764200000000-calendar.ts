import { MigrationInterface, QueryRunner } from 'typeorm';
import { PROCLAIMED_CHANGES } from '../src/calendar/proclaimed-changes';

export class Calendar1764200000000 implements MigrationInterface {
  name = 'Calendar1764200000000';

  async up(q: QueryRunner): Promise<void> {
    // `seq` keeps insertion order, which is the order changes are applied in: a later proclamation may move
    // a holiday an earlier one created. Rows are never updated or deleted, so max(seq) versions the calendar.
    await q.query(`
      CREATE TABLE bank_holiday_change (
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        date date NOT NULL,
        name text NOT NULL,
        replaces date,
        created_by uuid
      )`);
    for (const change of PROCLAIMED_CHANGES) {
      await q.query(`INSERT INTO bank_holiday_change (date, name, replaces) VALUES ($1, $2, $3)`, [
        change.date,
        change.name,
        change.replaces ?? null,
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE bank_holiday_change`);
  }
}
