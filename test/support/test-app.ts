import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/configure-app';
import { loadEnvironment } from '../../src/config/environment';

/**
 * The real application, wired exactly as in production, on the run's throwaway database. Settings can be
 * overridden per test file (for example a lower lockout threshold).
 */
export async function createTestApp(overrides: Record<string, string> = {}): Promise<NestExpressApplication> {
  const env = loadEnvironment({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SCHEDULER_ENABLED: 'false',
    ...overrides,
  });
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(env, process.env.DATABASE_URL!),
    {
      logger: false,
      bufferLogs: true,
    },
  );
  configureApp(app);
  await app.init();
  return app;
}
