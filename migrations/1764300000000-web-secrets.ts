import { MigrationInterface, QueryRunner } from 'typeorm';

/** Secrets the web pages share across instances (the CSRF signing key), generated on first start. */
export class WebSecrets1764300000000 implements MigrationInterface {
  name = 'WebSecrets1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE web_secret (
        name text PRIMARY KEY,
        value text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE web_secret`);
  }
}
