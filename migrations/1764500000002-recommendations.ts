import { MigrationInterface, QueryRunner } from 'typeorm';

const RECORD = `
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1`;

export class Recommendations1764500000002 implements MigrationInterface {
  name = 'Recommendations1764500000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE recommendation (${RECORD},
        reference text NOT NULL UNIQUE,
        source_type text NOT NULL CHECK (source_type IN ('lcspr', 'rapid-review', 'cdop', 'national-review')),
        source_id uuid,
        source_reference text NOT NULL,
        organisation_ids uuid[] NOT NULL,
        partnership_id uuid REFERENCES organisation (id),
        text text NOT NULL,
        themes text[] NOT NULL DEFAULT '{}',
        made_on date NOT NULL,
        created_by_user_id uuid REFERENCES app_user (id)
      )`);
    await q.query(`CREATE INDEX recommendation_orgs ON recommendation USING gin (organisation_ids)`);
    await q.query(`CREATE INDEX recommendation_source ON recommendation (source_id)`);

    await q.query(`
      CREATE TABLE recommendation_action (${RECORD},
        recommendation_id uuid NOT NULL REFERENCES recommendation (id) ON DELETE CASCADE,
        description text NOT NULL,
        owner_agency text NOT NULL,
        owner_organisation_id uuid REFERENCES organisation (id),
        due_date date NOT NULL,
        rag text NOT NULL CHECK (rag IN ('red', 'amber', 'green')),
        progress_updates jsonb NOT NULL DEFAULT '[]',
        evidence_of_impact text,
        completed_on date
      )`);
    await q.query(`CREATE INDEX recommendation_action_rec ON recommendation_action (recommendation_id)`);
    await q.query(
      `CREATE INDEX recommendation_action_open ON recommendation_action (due_date) WHERE completed_on IS NULL`,
    );

    await q.query(
      `CREATE TABLE recommendation_counter (year integer PRIMARY KEY, last_number integer NOT NULL)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE recommendation_counter`);
    await q.query(`DROP TABLE recommendation_action`);
    await q.query(`DROP TABLE recommendation`);
  }
}
