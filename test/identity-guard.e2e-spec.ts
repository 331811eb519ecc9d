import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/configure-app';
import { loadEnvironment } from '../src/config/environment';
import { Permission } from '../src/identity/permissions';
import { captureLogs, signIn } from './support/auth';

@Controller('api/guard-probe')
class ProbeController {
  @Get('forgotten')
  forgotten() {
    return { reached: true };
  }

  @Permission('dcs')
  @Get('dcs-only')
  dcsOnly() {
    return { reached: true };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('identity: the global guard', () => {
  let app: NestExpressApplication;
  const lines: string[] = [];

  beforeAll(async () => {
    const env = loadEnvironment({
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      SCHEDULER_ENABLED: 'false',
    });
    const root = AppModule.forRoot(env, process.env.DATABASE_URL!);
    app = await NestFactory.create<NestExpressApplication>(
      { ...root, imports: [...(root.imports ?? []), ProbeModule] },
      { logger: false, bufferLogs: true },
    );
    configureApp(app);
    await app.init();
    captureLogs(app, lines);
  });
  afterAll(() => app.close());

  it('refuses a route with neither @Public nor @Permission to everyone, and logs the route', async () => {
    const dcs = await signIn(app, { roles: ['dcs'], organisationIds: [] });
    await request(app.getHttpServer()).get('/api/guard-probe/forgotten').expect(403);
    const res = await request(app.getHttpServer())
      .get('/api/guard-probe/forgotten')
      .set(dcs.auth)
      .expect(403);
    expect(res.body).not.toHaveProperty('reached');
    expect(
      lines.some((line) =>
        line.includes('GET /api/guard-probe/forgotten has neither @Public() nor @Permission()'),
      ),
    ).toBe(true);
  });

  it('answers 401 without sign-in and 403 (audited) for the wrong role on a @Permission route', async () => {
    const dcs = await signIn(app, { roles: ['dcs'], organisationIds: [] });
    const notifier = await signIn(app, { roles: ['la-notifier'], organisationIds: [] });
    await request(app.getHttpServer()).get('/api/guard-probe/dcs-only').expect(401);
    await request(app.getHttpServer()).get('/api/guard-probe/dcs-only').set(notifier.auth).expect(403);
    const ok = await request(app.getHttpServer()).get('/api/guard-probe/dcs-only').set(dcs.auth).expect(200);
    expect(ok.body).toEqual({ reached: true });

    const denied = await app
      .get(DataSource)
      .query(`SELECT details FROM audit_event WHERE action = 'access.denied' AND user_id = $1`, [
        notifier.user.id,
      ]);
    expect(denied).toEqual([
      {
        details: {
          route: 'GET /api/guard-probe/dcs-only',
          reason: 'role',
          status: 403,
          requiredRoles: ['dcs'],
        },
      },
    ]);
  });
});
