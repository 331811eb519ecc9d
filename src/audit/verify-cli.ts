import 'reflect-metadata';
import { Client } from 'pg';
import { loadEnvironment } from '../config/environment';
import { startDatabaseServer } from '../database/database-server';
import { verifyAuditChain } from './audit-verifier';

/**
 * `npm run audit:verify`: checks the audit trail's hash chain against DATABASE_URL (or the embedded
 * cluster in DATA_DIR). Prints `{ valid, checked, firstBrokenId? }`; exits 1 if the chain is broken.
 */
async function main(): Promise<void> {
  const env = loadEnvironment();
  const server = await startDatabaseServer(env, (message) => console.error(message));
  const client = new Client({ connectionString: server.url });
  await client.connect();
  try {
    const result = await verifyAuditChain(async (sql, params) => (await client.query(sql, params)).rows);
    console.log(JSON.stringify(result));
    process.exitCode = result.valid ? 0 : 1;
  } finally {
    await client.end();
    await server.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(2);
});
