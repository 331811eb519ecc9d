import { MigrationInterface, QueryRunner } from 'typeorm';

const RECORD = `
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1`;

export class SeriousIncidentReviews1764500000001 implements MigrationInterface {
  name = 'SeriousIncidentReviews1764500000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE serious_incident ADD COLUMN partners_informed_on date`);

    // Content lives in `content` (PostgreSQL) or at `storage_path` under ATTACHMENTS_DIR, never both.
    await q.query(`
      CREATE TABLE si_attachment (${RECORD},
        incident_id uuid NOT NULL REFERENCES serious_incident (id) ON DELETE CASCADE,
        filename text NOT NULL,
        content_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL,
        content bytea,
        storage_path text,
        description text,
        uploaded_by_user_id uuid REFERENCES app_user (id),
        CONSTRAINT si_attachment_one_store CHECK ((content IS NULL) <> (storage_path IS NULL))
      )`);
    await q.query(`CREATE INDEX si_attachment_incident ON si_attachment (incident_id)`);

    await q.query(`
      CREATE TABLE si_rapid_review (${RECORD},
        incident_id uuid NOT NULL UNIQUE REFERENCES serious_incident (id) ON DELETE CASCADE,
        facts text,
        agency_involvement jsonb NOT NULL DEFAULT '[]',
        agency_contributions jsonb NOT NULL DEFAULT '[]',
        immediate_safety_actions jsonb,
        learning text,
        lcspr_recommended boolean,
        lcspr_criteria text[] NOT NULL DEFAULT '{}',
        lcspr_rationale text,
        national_review_may_be_appropriate boolean,
        national_review_rationale text,
        family_informed_on date,
        family_informed_how text,
        sign_offs jsonb NOT NULL DEFAULT '[]',
        submitted_on date,
        submitted_by_user_id uuid REFERENCES app_user (id),
        panel_reply_on date,
        panel_reply_summary text,
        panel_national_review_decision text
          CHECK (panel_national_review_decision IN ('national-review', 'local-review', 'no-further-review'))
      )`);

    await q.query(`
      CREATE TABLE si_lcspr (${RECORD},
        incident_id uuid NOT NULL UNIQUE REFERENCES serious_incident (id) ON DELETE CASCADE,
        decision text NOT NULL CHECK (decision IN ('lcspr', 'no-lcspr')),
        decided_on date NOT NULL,
        rationale text NOT NULL,
        criteria text[] NOT NULL DEFAULT '{}',
        family_told_on date,
        reviewer_name text,
        informed_on date,
        commissioned_on date,
        reviewer_user_id uuid REFERENCES app_user (id),
        reviewer_assessment jsonb,
        declaration jsonb,
        conflict_decision jsonb,
        terms_of_reference text,
        terms_agreed_on date,
        supervision_log jsonb NOT NULL DEFAULT '[]',
        involvement_log jsonb NOT NULL DEFAULT '[]',
        planned_publication_date date,
        publish_full_report boolean,
        reviewer_names text[] NOT NULL DEFAULT '{}',
        sent_to_panel_on date,
        sent_to_secretary_of_state_on date,
        sent_to_ofsted_on date,
        published_on date,
        publication_url text,
        delay_reason text,
        delay_reason_sent_on date,
        availability_confirmed_on date
      )`);
    await q.query(`CREATE INDEX si_lcspr_reviewer ON si_lcspr (reviewer_user_id)`);

    await q.query(`
      CREATE TABLE si_national_review (${RECORD},
        reference text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('case', 'thematic')),
        title text NOT NULL,
        incident_ids uuid[] NOT NULL,
        organisation_ids uuid[] NOT NULL,
        decided_on date NOT NULL,
        scope text NOT NULL,
        reviewer_name text,
        planned_publication_date date,
        sent_to_secretary_of_state_on date,
        published_on date,
        publication_url text,
        delay_reason text,
        created_by_user_id uuid REFERENCES app_user (id)
      )`);
    await q.query(`CREATE INDEX si_national_review_incidents ON si_national_review USING gin (incident_ids)`);
    await q.query(`CREATE INDEX si_national_review_orgs ON si_national_review USING gin (organisation_ids)`);
    await q.query(
      `CREATE TABLE si_national_review_counter (year integer PRIMARY KEY, last_number integer NOT NULL)`,
    );

    await q.query(`
      CREATE TABLE sp_yearly_report (${RECORD},
        partnership_id uuid NOT NULL REFERENCES organisation (id),
        financial_year integer NOT NULL CHECK (financial_year BETWEEN 2000 AND 2100),
        published_on date,
        publication_url text,
        sent_on date,
        CONSTRAINT sp_yearly_report_once UNIQUE (partnership_id, financial_year)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sp_yearly_report`);
    await q.query(`DROP TABLE si_national_review_counter`);
    await q.query(`DROP TABLE si_national_review`);
    await q.query(`DROP TABLE si_lcspr`);
    await q.query(`DROP TABLE si_rapid_review`);
    await q.query(`DROP TABLE si_attachment`);
    await q.query(`ALTER TABLE serious_incident DROP COLUMN partners_informed_on`);
  }
}
