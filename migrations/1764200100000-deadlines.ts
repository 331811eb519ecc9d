import { MigrationInterface, QueryRunner } from 'typeorm';

export class Deadlines1764200100000 implements MigrationInterface {
  name = 'Deadlines1764200100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE clock (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        case_id uuid NOT NULL,
        case_type text NOT NULL CHECK (case_type IN ('cdr', 'si', 'sp')),
        case_reference text NOT NULL,
        case_path text NOT NULL,
        organisation_ids uuid[] NOT NULL,
        rule_id text NOT NULL,
        subject text NOT NULL DEFAULT '',
        rule_version integer NOT NULL,
        unit text NOT NULL CHECK (unit IN ('WD', 'CD', 'H', 'M', 'Y')),
        window_amount integer NOT NULL CHECK (window_amount >= 0),
        basis_date date NOT NULL,
        basis_at timestamptz,
        due_date date NOT NULL,
        due_at timestamptz,
        status text NOT NULL CHECK (status IN ('running', 'paused', 'met', 'met-late', 'not-applicable')),
        completed_at timestamptz,
        paused_since timestamptz,
        pause_reason text,
        pause_text text,
        pauses jsonb NOT NULL DEFAULT '[]',
        not_applicable_reason text,
        next_reminder_at timestamptz,
        CONSTRAINT clock_one_per_case_rule UNIQUE (case_id, rule_id, subject),
        CONSTRAINT clock_paused_has_reason CHECK ((status = 'paused') = (paused_since IS NOT NULL))
      )`);
    // The reminder tick asks only "which running clocks need a reminder now?": a partial index on that
    // instant keeps the question cheap however many clocks are open or closed.
    await q.query(`CREATE INDEX clock_reminder_due ON clock (next_reminder_at) WHERE status = 'running'`);
    // Open clocks by due date: deadline lists and the recalculation after a bank holiday change.
    await q.query(`CREATE INDEX clock_open_due ON clock (due_date) WHERE status IN ('running', 'paused')`);
    await q.query(`CREATE INDEX clock_organisations ON clock USING gin (organisation_ids)`);

    await q.query(`
      CREATE TABLE clock_history (
        id bigserial PRIMARY KEY,
        clock_id uuid NOT NULL REFERENCES clock (id) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        change text NOT NULL,
        due_date_before date,
        due_date_after date,
        due_at_before timestamptz,
        due_at_after timestamptz,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX clock_history_clock ON clock_history (clock_id, id)`);

    // Append-only: the amount in force is the latest row, and the rows are the history of local choices.
    await q.query(`
      CREATE TABLE clock_default (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        rule_id text NOT NULL,
        amount integer NOT NULL CHECK (amount > 0),
        effective_from timestamptz NOT NULL,
        changed_by uuid
      )`);
    await q.query(
      `CREATE INDEX clock_default_current ON clock_default (organisation_id, rule_id, effective_from DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE clock_default`);
    await q.query(`DROP TABLE clock_history`);
    await q.query(`DROP TABLE clock`);
  }
}
