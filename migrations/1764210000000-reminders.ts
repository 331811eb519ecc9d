import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reminders1764210000000 implements MigrationInterface {
  name = 'Reminders1764210000000';

  async up(q: QueryRunner): Promise<void> {
    // The unique key is what makes the tick safe to run in several instances at once, and again after a
    // restart: a second attempt at the same reminder inserts nothing.
    await q.query(`
      CREATE TABLE reminder (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        clock_id uuid NOT NULL REFERENCES clock (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id),
        kind text NOT NULL CHECK (kind IN ('due-soon', 'due-today', 'overdue', 'escalation')),
        for_date date NOT NULL,
        due_date date NOT NULL,
        due_at timestamptz,
        read_at timestamptz,
        CONSTRAINT reminder_once UNIQUE (clock_id, user_id, kind, for_date)
      )`);
    await q.query(`CREATE INDEX reminder_inbox ON reminder (user_id, created_at DESC)`);

    // Transactional outbox: a message exists if and only if its reminder does, and is sent after commit.
    await q.query(`
      CREATE TABLE email_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        reminder_id uuid NOT NULL UNIQUE REFERENCES reminder (id) ON DELETE CASCADE,
        to_address text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_attempt_at timestamptz,
        last_error text,
        sent_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX email_outbox_pending ON email_outbox (next_attempt_at) WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX email_outbox_problems ON email_outbox (last_attempt_at DESC) WHERE last_error IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE email_outbox`);
    await q.query(`DROP TABLE reminder`);
  }
}
