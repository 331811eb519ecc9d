import { mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { EmbeddedCluster } from '../../src/database/embedded-cluster';
import { freePort } from './free-port';

/**
 * A throwaway PostgreSQL for the e2e run: a fresh embedded cluster, or, when DATABASE_URL is set, a fresh
 * database on that server. The real migrations run when the first app starts.
 */
export default async function globalSetup(): Promise<void> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `portal_test_${Date.now()}_${process.pid}`;
    const admin = new Client({ connectionString: external });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
    await admin.end();
    const url = new URL(external);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    globalThis.__TEST_DB__ = { external, name };
    return;
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cdr-portal-test-'));
  const cluster = new EmbeddedCluster({
    dataDir,
    port: await freePort(),
    database: 'portal_test',
    log: () => undefined,
  });
  await cluster.start();
  process.env.DATABASE_URL = cluster.url;
  globalThis.__TEST_DB__ = { cluster, dataDir };
}
