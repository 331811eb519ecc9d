import { MigrationInterface, QueryRunner } from 'typeorm';

const RECORD = `
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1`;

export class ChildDeaths1764400000000 implements MigrationInterface {
  name = 'ChildDeaths1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // References run per calendar year (CDR-2026-0001); one row per year serialises the numbering.
    await q.query(`
      CREATE TABLE cdr_reference_counter (
        year integer PRIMARY KEY,
        last_number integer NOT NULL
      )`);

    await q.query(`
      CREATE TABLE cdr_case (${RECORD},
        reference text NOT NULL UNIQUE,
        state text NOT NULL CHECK (state IN ('notified', 'jar-in-progress', 'information-gathering',
          'awaiting-cdrm', 'cdrm-held', 'awaiting-cdop', 'reviewed-by-cdop', 'submitted-to-ncmd', 'closed')),
        state_history jsonb NOT NULL DEFAULT '[]',
        paused_reason text,
        paused_text text,
        paused_since timestamptz,
        owning_cdop_id uuid NOT NULL REFERENCES organisation (id),
        shared_with_cdop_ids uuid[] NOT NULL DEFAULT '{}',
        resident_local_authority_id uuid REFERENCES organisation (id),
        place_of_death_local_authority_id uuid REFERENCES organisation (id),
        nhs_number text,
        given_name text,
        family_name text,
        date_of_birth date NOT NULL,
        date_of_death date NOT NULL,
        death_known_at timestamptz NOT NULL,
        first_notified_at timestamptz NOT NULL,
        expected boolean NOT NULL,
        looked_after boolean NOT NULL DEFAULT false,
        jar_evaluation jsonb NOT NULL,
        jar_decision jsonb,
        jar_record jsonb,
        designated_doctor_informed jsonb,
        key_worker jsonb,
        investigations jsonb NOT NULL DEFAULT '{}',
        serious_incident_links jsonb NOT NULL DEFAULT '[]',
        cdrm_held_on date,
        cdop_reviewed_on date,
        ncmd_submitted_on date,
        closed_at timestamptz,
        merged_into_case_id uuid REFERENCES cdr_case (id),
        CONSTRAINT cdr_case_paused_has_reason CHECK ((paused_since IS NULL) = (paused_reason IS NULL)),
        CONSTRAINT cdr_case_death_after_birth CHECK (date_of_death >= date_of_birth)
      )`);
    // De-duplication looks a death up by NHS number, or by both dates; searches by name.
    await q.query(`CREATE INDEX cdr_case_nhs_number ON cdr_case (nhs_number) WHERE nhs_number IS NOT NULL`);
    await q.query(`CREATE INDEX cdr_case_dates ON cdr_case (date_of_birth, date_of_death)`);
    await q.query(`CREATE INDEX cdr_case_owning ON cdr_case (owning_cdop_id, state)`);
    await q.query(`CREATE INDEX cdr_case_shared ON cdr_case USING gin (shared_with_cdop_ids)`);

    // Each notification's answers are kept exactly as submitted; merging or splitting only moves case_id.
    await q.query(`
      CREATE TABLE cdr_notification (${RECORD},
        case_id uuid NOT NULL REFERENCES cdr_case (id),
        notified_at timestamptz NOT NULL,
        submitted_by_user_id uuid REFERENCES app_user (id),
        notifier jsonb NOT NULL,
        answers jsonb NOT NULL,
        jar_evaluation jsonb NOT NULL,
        matched jsonb
      )`);
    await q.query(`CREATE INDEX cdr_notification_case ON cdr_notification (case_id, notified_at)`);

    await q.query(`
      CREATE TABLE cdr_reporting_request (${RECORD},
        case_id uuid NOT NULL REFERENCES cdr_case (id),
        kind text NOT NULL CHECK (kind IN ('reporting', 'supplementary')),
        supplementary_type text,
        recipient jsonb NOT NULL,
        agency_organisation_id uuid REFERENCES organisation (id),
        requested_by_user_id uuid REFERENCES app_user (id),
        requested_at timestamptz NOT NULL,
        due_date date NOT NULL,
        opened_at timestamptz,
        returned_at timestamptz,
        returned_via text CHECK (returned_via IN ('account', 'link')),
        returned_by_user_id uuid REFERENCES app_user (id),
        last_chased_at timestamptz,
        chase_count integer NOT NULL DEFAULT 0,
        link_token_hash text UNIQUE,
        link_expires_at timestamptz,
        form_version text NOT NULL,
        answers jsonb,
        CONSTRAINT cdr_reporting_supplementary_type CHECK ((kind = 'supplementary') = (supplementary_type IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX cdr_reporting_request_case ON cdr_reporting_request (case_id)`);
    await q.query(
      `CREATE INDEX cdr_reporting_request_agency ON cdr_reporting_request (agency_organisation_id)
         WHERE returned_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE cdr_family_contact (${RECORD},
        case_id uuid NOT NULL REFERENCES cdr_case (id),
        contacted_on date NOT NULL,
        method text NOT NULL,
        contact_by text NOT NULL,
        guide_offered boolean NOT NULL,
        questions_for_cdrm text[] NOT NULL DEFAULT '{}',
        notes text,
        recorded_by_user_id uuid REFERENCES app_user (id)
      )`);
    await q.query(`CREATE INDEX cdr_family_contact_case ON cdr_family_contact (case_id, contacted_on)`);

    await q.query(`
      CREATE TABLE cdr_review_meeting (${RECORD},
        case_id uuid NOT NULL REFERENCES cdr_case (id),
        scheduled_for timestamptz NOT NULL,
        location text,
        attendees jsonb NOT NULL,
        warnings text[] NOT NULL DEFAULT '{}',
        status text NOT NULL CHECK (status IN ('scheduled', 'held', 'cancelled')),
        held_on date,
        attended text[] NOT NULL DEFAULT '{}',
        notes text
      )`);
    await q.query(`CREATE INDEX cdr_review_meeting_case ON cdr_review_meeting (case_id)`);
    await q.query(
      `CREATE INDEX cdr_review_meeting_upcoming ON cdr_review_meeting (scheduled_for) WHERE status = 'scheduled'`,
    );

    // Answers follow the shape of their own form version, so a new NCMD version needs no schema change.
    await q.query(`
      CREATE TABLE cdr_analysis_form (${RECORD},
        case_id uuid NOT NULL UNIQUE REFERENCES cdr_case (id),
        form_version text NOT NULL,
        answers jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'sent-to-cdop', 'final')),
        drafted_by_user_id uuid REFERENCES app_user (id),
        sent_to_cdop_at timestamptz,
        reviewed_on date,
        finalised_at timestamptz,
        finalised_by_user_id uuid REFERENCES app_user (id)
      )`);

    await q.query(`
      CREATE TABLE cdr_panel_meeting (${RECORD},
        cdop_id uuid NOT NULL REFERENCES organisation (id),
        meeting_on date NOT NULL,
        location text
      )`);
    await q.query(`CREATE INDEX cdr_panel_meeting_cdop ON cdr_panel_meeting (cdop_id, meeting_on)`);
    await q.query(`
      CREATE TABLE cdr_panel_agenda_item (${RECORD},
        panel_meeting_id uuid NOT NULL REFERENCES cdr_panel_meeting (id),
        case_id uuid NOT NULL REFERENCES cdr_case (id),
        outcome text CHECK (outcome IN ('analysis-agreed', 'deferred', 'more-information-needed')),
        outcome_notes text,
        outcome_recorded_at timestamptz,
        CONSTRAINT cdr_panel_agenda_once UNIQUE (panel_meeting_id, case_id)
      )`);

    await q.query(`
      CREATE TABLE cdr_action (${RECORD},
        case_id uuid NOT NULL REFERENCES cdr_case (id),
        owner text NOT NULL,
        description text NOT NULL,
        due_date date NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'in-progress', 'completed', 'cancelled')),
        completed_on date,
        status_note text
      )`);
    await q.query(`CREATE INDEX cdr_action_case ON cdr_action (case_id)`);
    await q.query(
      `CREATE INDEX cdr_action_open ON cdr_action (due_date) WHERE status IN ('open', 'in-progress')`,
    );

    // Meeting invitations by email, written in the same transaction as the meeting and sent after commit.
    await q.query(`
      CREATE TABLE cdr_invitation_email (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        meeting_id uuid NOT NULL REFERENCES cdr_review_meeting (id),
        to_address text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text NOT NULL,
        ics text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_attempt_at timestamptz,
        last_error text,
        sent_at timestamptz,
        CONSTRAINT cdr_invitation_once UNIQUE (meeting_id, to_address)
      )`);
    await q.query(
      `CREATE INDEX cdr_invitation_pending ON cdr_invitation_email (next_attempt_at) WHERE status = 'pending'`,
    );

    // In-app notices: the designated doctor told of a death, meeting invitations, action reminders. The key
    // makes a notice idempotent, so a re-run of the reminder tick adds nothing.
    await q.query(`
      CREATE TABLE cdr_notice (${RECORD},
        user_id uuid NOT NULL REFERENCES app_user (id),
        case_id uuid REFERENCES cdr_case (id),
        kind text NOT NULL,
        notice_key text NOT NULL,
        message text NOT NULL,
        link text NOT NULL,
        attachment jsonb,
        read_at timestamptz,
        CONSTRAINT cdr_notice_once UNIQUE (user_id, notice_key)
      )`);
    await q.query(`CREATE INDEX cdr_notice_inbox ON cdr_notice (user_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'cdr_notice',
      'cdr_invitation_email',
      'cdr_action',
      'cdr_panel_agenda_item',
      'cdr_panel_meeting',
      'cdr_analysis_form',
      'cdr_review_meeting',
      'cdr_family_contact',
      'cdr_reporting_request',
      'cdr_notification',
      'cdr_case',
      'cdr_reference_counter',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
