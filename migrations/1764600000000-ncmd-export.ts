import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each NCMD export contained (so "since last export" can leave out cases already sent at the same
 * revision), the pseudonym secret of the de-identified mode, and the index the export walks.
 */
export class NcmdExport1764600000000 implements MigrationInterface {
  name = 'NcmdExport1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ncmd_export (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cdop_id uuid NOT NULL REFERENCES organisation (id),
        mode text NOT NULL CHECK (mode IN ('ncmd', 'deidentified')),
        format text NOT NULL CHECK (format IN ('json', 'csv')),
        user_id uuid REFERENCES app_user (id),
        via text NOT NULL CHECK (via IN ('api', 'web', 'cli')),
        started_at timestamptz NOT NULL,
        completed_at timestamptz,
        reviewed_from date,
        reviewed_to date,
        since_last_export boolean NOT NULL,
        case_count integer NOT NULL DEFAULT 0,
        rejected_count integer NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX ncmd_export_cdop ON ncmd_export (cdop_id, mode, started_at DESC)`);
    await q.query(`
      CREATE TABLE ncmd_export_case (
        export_id uuid NOT NULL REFERENCES ncmd_export (id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cdr_case (id),
        revision integer NOT NULL,
        PRIMARY KEY (export_id, case_id)
      )`);
    await q.query(`CREATE INDEX ncmd_export_case_case ON ncmd_export_case (case_id, revision)`);
    await q.query(`
      CREATE TABLE ncmd_secret (
        name text PRIMARY KEY,
        value text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX ncmd_reviewed_case ON cdr_case (owning_cdop_id, cdop_reviewed_on, id)
         WHERE cdop_reviewed_on IS NOT NULL AND merged_into_case_id IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ncmd_reviewed_case`);
    await q.query(`DROP TABLE ncmd_secret`);
    await q.query(`DROP TABLE ncmd_export_case`);
    await q.query(`DROP TABLE ncmd_export`);
  }
}
