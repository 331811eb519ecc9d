import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { EmbeddedCluster } from '../src/database/embedded-cluster';
import { freePort } from './support/free-port';

async function count(cluster: EmbeddedCluster): Promise<number> {
  const client = new Client({ connectionString: cluster.url });
  await client.connect();
  const { rows } = await client.query('SELECT count(*)::int AS n FROM kept');
  await client.end();
  return rows[0].n;
}

describe('embedded PostgreSQL', () => {
  let dataDir: string;
  let port: number;
  const logs: string[] = [];
  const open = () => new EmbeddedCluster({ dataDir, port, database: 'kept_db', log: (m) => logs.push(m) });

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cdr-cluster-'));
    port = await freePort();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps data across a clean stop and start', async () => {
    const first = open();
    await first.start();
    const client = new Client({ connectionString: first.url });
    await client.connect();
    await client.query('CREATE TABLE kept (n int); INSERT INTO kept VALUES (1), (2)');
    await client.end();
    await first.stop();
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    const second = open();
    await second.start();
    expect(await count(second)).toBe(2);
    await second.stop();
  });

  it('recovers by itself when a crash left the server running and its lock file behind', async () => {
    const crashed = open();
    await crashed.start();
    const pid = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

    // A new process finds the orphan of the one that died, stops it and starts cleanly.
    const restarted = open();
    await restarted.start();
    expect(logs.join('\n')).toMatch(/orphaned PostgreSQL server/);
    expect(spawnSync('kill', ['-0', String(pid)]).status).not.toBe(0);
    expect(await count(restarted)).toBe(2);

    // A hard kill leaves only postmaster.pid behind.
    spawnSync('kill', [
      '-9',
      readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0],
    ]);
    await new Promise((r) => setTimeout(r, 500));
    const afterKill = open();
    await afterKill.start();
    expect(await count(afterKill)).toBe(2);
    await afterKill.stop();
  });
});
