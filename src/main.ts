import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import pino from 'pino';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';
import { Environment, EnvironmentError, loadEnvironment } from './config/environment';
import { DatabaseServer, startDatabaseServer } from './database/database-server';
import { DemoService } from './demo/demo.service';

async function main(): Promise<void> {
  let env: Environment;
  try {
    env = loadEnvironment();
  } catch (error) {
    if (!(error instanceof EnvironmentError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const log = pino({ level: env.LOG_LEVEL, base: { context: 'Boot' } });
  let db: DatabaseServer | undefined;
  let app: NestExpressApplication | undefined;
  let stopping = false;

  const stop = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    log.info(`stopping (${reason})`);
    await app?.close().catch((error: Error) => log.error({ err: error }, 'error while closing the server'));
    await db?.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void stop('SIGINT', 0));
  process.once('SIGTERM', () => void stop('SIGTERM', 0));

  try {
    db = await startDatabaseServer(env, (message) => log.info(message));
    if (stopping) return;
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env, db.url), {
      bufferLogs: true,
    });
    configureApp(app);
    if (process.argv.includes('--demo')) await app.get(DemoService).seed();
    if (process.argv.includes('--seed-only')) return void (await stop('demo data loaded', 0));
    await app.listen(env.PORT);
    log.info(`portal listening on http://localhost:${env.PORT}`);
  } catch (error) {
    log.error(`start failed: ${(error as Error).message}`);
    await stop('start failed', 1);
  }
}

void main();
