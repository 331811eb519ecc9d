import { MigrationInterface, QueryRunner } from 'typeorm';

export class Audit1764110000000 implements MigrationInterface {
  name = 'Audit1764110000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_event (
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        at timestamptz NOT NULL,
        action text NOT NULL,
        user_id uuid,
        case_id text,
        organisation_ids uuid[] NOT NULL DEFAULT '{}',
        ip text,
        correlation_id text,
        details jsonb NOT NULL DEFAULT '{}',
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL
      )`);
    await q.query(
      `CREATE INDEX audit_event_case ON audit_event (case_id, at DESC) WHERE case_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX audit_event_user ON audit_event (user_id, at DESC)`);
    await q.query(`CREATE INDEX audit_event_action ON audit_event (action, at DESC)`);
    await q.query(`CREATE INDEX audit_event_at ON audit_event (at DESC)`);
    await q.query(`CREATE INDEX audit_event_organisations ON audit_event USING gin (organisation_ids)`);
    // The database itself refuses to change history, whatever the application does.
    await q.query(`
      CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP;
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_refuse_change()`);
  }
}
