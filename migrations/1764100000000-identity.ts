import { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1764100000000 implements MigrationInterface {
  name = 'Identity1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        name text NOT NULL,
        type text NOT NULL CHECK (type IN
          ('cdop', 'local-authority', 'safeguarding-partnership', 'icb', 'police', 'agency')),
        code text,
        covers_local_authority_ids uuid[] NOT NULL DEFAULT '{}',
        partner_organisation_ids uuid[] NOT NULL DEFAULT '{}'
      )`);
    await q.query(
      `CREATE UNIQUE INDEX organisation_code_unique ON organisation (lower(code)) WHERE code IS NOT NULL`,
    );
    await q.query(`CREATE INDEX organisation_covers ON organisation USING gin (covers_local_authority_ids)`);
    await q.query(`CREATE INDEX organisation_partners ON organisation USING gin (partner_organisation_ids)`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL,
        organisation_ids uuid[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        mfa_enabled boolean NOT NULL DEFAULT false,
        mfa_secret text,
        mfa_pending_secret text,
        mfa_last_step bigint,
        password_changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Email is unique whatever its case: Jo.Bloggs@ and jo.bloggs@ are the same person.
    await q.query(`CREATE UNIQUE INDEX app_user_email_unique ON app_user (lower(email))`);
    await q.query(`CREATE INDEX app_user_organisations ON app_user USING gin (organisation_ids)`);

    // Only hashes of bearer tokens and session ids are stored: a copy of the table lets nobody sign in.
    await q.query(`
      CREATE TABLE api_token (
        token_hash char(64) PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user (id),
        enrolment_only boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX api_token_user ON api_token (user_id)`);
    await q.query(`CREATE INDEX api_token_expires ON api_token (expires_at)`);

    await q.query(`
      CREATE TABLE web_session (
        id_hash char(64) PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user (id),
        enrolment_only boolean NOT NULL DEFAULT false,
        ip text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX web_session_user ON web_session (user_id)`);
    await q.query(`CREATE INDEX web_session_expires ON web_session (expires_at)`);

    // Keyed by a hash of the lower-cased email, whether or not an account exists, so a locked answer
    // says nothing about which emails are registered.
    await q.query(`
      CREATE TABLE login_lockout (
        email_key char(64) PRIMARY KEY,
        failures integer NOT NULL,
        locked_until timestamptz,
        last_failure_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_lockout`);
    await q.query(`DROP TABLE web_session`);
    await q.query(`DROP TABLE api_token`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE organisation`);
  }
}
