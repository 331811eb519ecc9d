import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client, escapeIdentifier } from 'pg';
import { AppModule } from '../src/app.module';
import { loadEnvironment } from '../src/config/environment';
import { EmbeddedCluster } from '../src/database/embedded-cluster';

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function onServer(connectionString: string, sql: string): Promise<void> {
  const admin = new Client({ connectionString });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A database of our own: a fresh embedded cluster, or a new database beside DATABASE_URL's; dropped after. */
export async function throwawayDatabase(): Promise<BenchDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `portal_bench_${Date.now()}_${process.pid}`;
    await onServer(external, `CREATE DATABASE ${escapeIdentifier(name)}`);
    const url = new URL(external);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: () => onServer(external, `DROP DATABASE IF EXISTS ${escapeIdentifier(name)} WITH (FORCE)`),
    };
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cdr-portal-bench-'));
  const cluster = new EmbeddedCluster({
    dataDir,
    port: await freePort(),
    database: 'portal_bench',
    log: () => undefined,
  });
  await cluster.start();
  return {
    url: cluster.url,
    drop: async () => {
      await cluster.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The portal without HTTP or scheduler on a throwaway database, for benches that call services directly. */
export async function startBenchContext(): Promise<{ app: INestApplicationContext; close(): Promise<void> }> {
  const database = await throwawayDatabase();
  const env = loadEnvironment({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SCHEDULER_ENABLED: 'false',
    // A known first administrator, so the start does not print a generated password.
    ADMIN_EMAIL: 'bench-admin@bench.example',
    ADMIN_PASSWORD: 'bench-only-password-unused',
  });
  delete env.SMTP_HOST;
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(env, database.url), {
    logger: false,
  });
  return {
    app,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
