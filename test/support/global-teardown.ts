import { rmSync } from 'node:fs';
import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const db = globalThis.__TEST_DB__;
  if (!db) return;
  if (db.cluster) {
    await db.cluster.stop();
    rmSync(db.dataDir!, { recursive: true, force: true });
  } else if (db.external) {
    const admin = new Client({ connectionString: db.external });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(db.name!)} WITH (FORCE)`);
    await admin.end();
  }
}
