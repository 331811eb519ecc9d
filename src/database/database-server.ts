import { Environment } from '../config/environment';
import { EmbeddedCluster } from './embedded-cluster';

export interface DatabaseServer {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when given; otherwise a real PostgreSQL started from the project's own binaries. */
export async function startDatabaseServer(
  env: Environment,
  log: (message: string) => void,
): Promise<DatabaseServer> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, embedded: false, stop: async () => undefined };
  }
  const cluster = new EmbeddedCluster({
    dataDir: env.DATA_DIR,
    port: env.EMBEDDED_PG_PORT,
    database: 'portal',
    log,
  });
  await cluster.start();
  return { url: cluster.url, embedded: true, stop: () => cluster.stop() };
}
