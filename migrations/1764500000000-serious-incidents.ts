import { MigrationInterface, QueryRunner } from 'typeorm';

export class SeriousIncidents1764500000000 implements MigrationInterface {
  name = 'SeriousIncidents1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE serious_incident (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        reference text NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'signed-off', 'submitted')),
        local_authority_id uuid NOT NULL REFERENCES organisation (id),
        partnership_id uuid REFERENCES organisation (id),
        lead_local_authority_id uuid NOT NULL REFERENCES organisation (id),
        involved_local_authority_ids uuid[] NOT NULL DEFAULT '{}',
        became_aware_on date NOT NULL,
        incident_date date,
        type text NOT NULL CHECK (type IN ('death', 'serious-harm', 'other')),
        other_rationale text,
        abuse_or_neglect text NOT NULL CHECK (abuse_or_neglect IN ('known', 'suspected', 'not-suspected')),
        location text NOT NULL CHECK (location IN ('in-area', 'outside-england', 'elsewhere-in-england')),
        summary text NOT NULL DEFAULT '',
        abuse_categories text[] NOT NULL DEFAULT '{}',
        context_factors text[] NOT NULL DEFAULT '{}',
        perpetrator_relationship text,
        police_investigation text,
        wider_risk boolean NOT NULL DEFAULT false,
        wider_risk_details text,
        panel_consulted_on date,
        panel_consultation_notes text,
        child_death_case_id uuid,
        partner_views jsonb NOT NULL DEFAULT '[]',
        criteria_resolution jsonb,
        local_learning_review jsonb,
        signed_off_by_user_id uuid REFERENCES app_user (id),
        signed_off_by_name text,
        signed_off_at timestamptz,
        submitted_on date,
        national_reference text,
        submitted_by_user_id uuid REFERENCES app_user (id),
        created_by_user_id uuid REFERENCES app_user (id)
      )`);
    await q.query(`CREATE UNIQUE INDEX serious_incident_reference ON serious_incident (reference)`);
    await q.query(`CREATE INDEX serious_incident_la ON serious_incident (local_authority_id)`);
    await q.query(
      `CREATE INDEX serious_incident_involved ON serious_incident USING gin (involved_local_authority_ids)`,
    );
    // A child death is referred once: a repeated referral finds the incident already opened.
    await q.query(
      `CREATE UNIQUE INDEX serious_incident_child_death ON serious_incident (child_death_case_id)
         WHERE child_death_case_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE si_child (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        incident_id uuid NOT NULL REFERENCES serious_incident (id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position > 0),
        identity_known boolean NOT NULL,
        given_name text,
        family_name text,
        date_of_birth date,
        age_years integer CHECK (age_years BETWEEN 0 AND 30),
        sex text,
        ethnicity text,
        disability text,
        legal_status text NOT NULL CHECK (legal_status IN
          ('looked-after', 'child-protection-plan', 'child-in-need', 'care-leaver', 'none')),
        normally_resident_local_authority_id uuid REFERENCES organisation (id),
        known_to_services boolean,
        nature_of_harm text
      )`);
    await q.query(`CREATE INDEX si_child_incident ON si_child (incident_id, position)`);

    // One row per year: the next SI-YYYY-NNNN is taken under the row lock, so numbers never repeat.
    await q.query(`
      CREATE TABLE si_reference_counter (
        year integer PRIMARY KEY,
        last_number integer NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE si_reference_counter`);
    await q.query(`DROP TABLE si_child`);
    await q.query(`DROP TABLE serious_incident`);
  }
}
