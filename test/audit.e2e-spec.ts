import type { NestExpressApplication } from '@nestjs/platform-express';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditService } from '../src/audit/audit.service';
import { createOrganisation, signIn, SignedIn, withScratchDatabase } from './support/auth';
import { createTestApp } from './support/test-app';

describe('audit trail', () => {
  let app: NestExpressApplication;
  let admin: SignedIn;
  let audit: AuditService;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp();
    audit = app.get(AuditService);
    admin = await signIn(app, { roles: ['system-admin'], organisationIds: [] });
  });
  afterAll(() => app.close());

  it('finds events by case, user, action and date, newest first, in the contract’s shape', async () => {
    const caseId = randomUUID();
    const actor = await signIn(app, { roles: ['cdop-panel-member'], organisationIds: [] });
    const who = { ...actor.user, via: 'token' as const };
    await audit.record({
      action: 'case.read',
      actor: who,
      caseId,
      request: { ip: '10.1.2.3', correlationId: 'corr-1' },
    });
    await audit.record({
      action: 'case.update',
      actor: who,
      caseId,
      details: { changes: { status: { before: 'open', after: 'closed' } } },
    });

    const res = await http().get('/api/audit').query({ caseId }).set(admin.auth).expect(200);
    expect(res.body.map((e: { action: string }) => e.action)).toEqual(['case.update', 'case.read']);
    expect(res.body[1]).toMatchObject({
      userId: actor.user.id,
      action: 'case.read',
      caseId,
      ip: '10.1.2.3',
      correlationId: 'corr-1',
      details: {},
      version: 1,
    });
    expect(new Date(res.body[1].at).toISOString()).toBe(res.body[1].at);
    expect(res.body[0].details).toEqual({ changes: { status: { before: 'open', after: 'closed' } } });

    const byUserAndAction = await http()
      .get('/api/audit')
      .query({ userId: actor.user.id, action: 'case.read' })
      .set(admin.auth)
      .expect(200);
    expect(byUserAndAction.body).toHaveLength(1);
    const today = new Date().toISOString().slice(0, 10);
    const future = await http()
      .get('/api/audit')
      .query({ caseId, from: '2999-01-01' })
      .set(admin.auth)
      .expect(200);
    expect(future.body).toEqual([]);
    const upToNow = await http()
      .get('/api/audit')
      .query({ caseId, to: new Date(Date.now() + 60_000).toISOString() })
      .set(admin.auth);
    expect(upToNow.body).toHaveLength(2);
    await http().get('/api/audit').query({ caseId, from: today, to: today }).set(admin.auth).expect(200);
    await http().get('/api/audit').query({ from: '1 May' }).set(admin.auth).expect(400);
  });

  it('records the request’s IP and correlation id for events written while serving it', async () => {
    const la = await createOrganisation(app, { type: 'local-authority' });
    await http()
      .post('/api/organisations')
      .set(admin.auth)
      .set('X-Correlation-Id', 'audit-correlation-42')
      .send({ name: 'Correlated council', type: 'local-authority' })
      .expect(201);
    const res = await http()
      .get('/api/audit')
      .query({ action: 'admin.organisation-create', userId: admin.user.id })
      .set(admin.auth)
      .expect(200);
    expect(res.body[0]).toMatchObject({
      correlationId: 'audit-correlation-42',
      ip: expect.stringContaining('127.0.0.1'),
    });
    expect(la.id).toBeDefined();
  });

  it('shows CDOP admins and partnership managers only the history of their own cases', async () => {
    const la = await createOrganisation(app, { type: 'local-authority' });
    const otherLa = await createOrganisation(app, { type: 'local-authority' });
    const cdop = await createOrganisation(app, { type: 'cdop', coversLocalAuthorityIds: [la.id] });
    const cdopAdmin = await signIn(app, { roles: ['cdop-admin'], organisationIds: [cdop.id] });
    const ownCase = randomUUID();
    const otherCase = randomUUID();
    await audit.record({
      action: 'case.read',
      userId: admin.user.id,
      caseId: ownCase,
      organisationIds: [la.id],
    });
    await audit.record({
      action: 'case.read',
      userId: admin.user.id,
      caseId: otherCase,
      organisationIds: [otherLa.id],
    });

    const own = await http().get('/api/audit').query({ caseId: ownCase }).set(cdopAdmin.auth).expect(200);
    expect(own.body).toHaveLength(1);
    const other = await http().get('/api/audit').query({ caseId: otherCase }).set(cdopAdmin.auth).expect(200);
    expect(other.body).toEqual([]);
    const all = await http().get('/api/audit').set(cdopAdmin.auth).expect(200);
    expect(all.body.every((e: { caseId?: string }) => e.caseId === ownCase)).toBe(true);

    const notifier = await signIn(app, { roles: ['la-notifier'], organisationIds: [la.id] });
    await http().get('/api/audit').set(notifier.auth).expect(403);
    await http().get('/api/audit/verify').set(cdopAdmin.auth).expect(403);
  });

  it('writes an event given a transaction only if that transaction commits', async () => {
    const caseId = randomUUID();
    await app
      .get(DataSource)
      .transaction(async (m) => {
        await audit.record({ action: 'case.create', userId: admin.user.id, caseId }, m);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    const res = await http().get('/api/audit').query({ caseId }).set(admin.auth).expect(200);
    expect(res.body).toEqual([]);
  });

  it('is append-only in the database itself: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const db = app.get(DataSource);
    await expect(db.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
  });

  it('keeps one linear chain when many events are written at once', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => audit.record({ action: 'case.read', caseId: `concurrent-${i}` })),
    );
    const res = await http().get('/api/audit/verify').set(admin.auth).expect(200);
    expect(res.body).toMatchObject({ valid: true });
    expect(res.body.checked).toBeGreaterThanOrEqual(40);
    expect(res.body).not.toHaveProperty('firstBrokenId');
  });
});

/** `npm run audit:verify` without the build step: the CLI's TypeScript compiled on the fly with swc. */
function runVerifyCli(): { status: number | null; stdout: string } {
  const hook =
    "const swc = require('@swc/core');" +
    "require.extensions['.ts'] = (m, f) => m._compile(swc.transformFileSync(f).code, f);" +
    "require('./src/audit/verify-cli.ts');";
  const result = spawnSync(process.execPath, ['-e', hook], {
    cwd: path.resolve(__dirname, '..'),
    env: { ...process.env, NODE_ENV: 'test' },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout };
}

describe('audit trail: tampering', () => {
  it('is reported by the chain check, naming the first broken row', async () => {
    await withScratchDatabase(async () => {
      const app = await createTestApp();
      try {
        const admin = await signIn(app, { roles: ['system-admin'], organisationIds: [] });
        const audit = app.get(AuditService);
        for (let i = 0; i < 5; i++) await audit.record({ action: 'case.read', caseId: `tamper-${i}` });
        const verify = () =>
          request(app.getHttpServer()).get('/api/audit/verify').set(admin.auth).expect(200);
        expect((await verify()).body).toMatchObject({ valid: true });
        expect(runVerifyCli()).toMatchObject({ status: 0, stdout: expect.stringContaining('"valid":true') });

        const db = app.get(DataSource);
        const [target] = await db.query(`SELECT id FROM audit_event WHERE case_id = 'tamper-2'`);
        // As the database superuser, with triggers switched off for this session only.
        await db.transaction(async (m) => {
          await m.query(`SET LOCAL session_replication_role = replica`);
          await m.query(`UPDATE audit_event SET details = '{"note": "nothing to see"}' WHERE id = $1`, [
            target.id,
          ]);
        });
        const broken = (await verify()).body;
        expect(broken).toMatchObject({ valid: false, firstBrokenId: target.id });
        expect(broken.checked).toBeGreaterThan(0);
        const cli = runVerifyCli();
        expect(cli.status).toBe(1);
        expect(JSON.parse(cli.stdout)).toEqual(broken);

        await db.transaction(async (m) => {
          await m.query(`SET LOCAL session_replication_role = replica`);
          await m.query(`UPDATE audit_event SET details = '{}' WHERE id = $1`, [target.id]);
        });
        expect((await verify()).body).toMatchObject({ valid: true });

        const [next] = await db.query(`SELECT id FROM audit_event WHERE case_id = 'tamper-3'`);
        await db.transaction(async (m) => {
          await m.query(`SET LOCAL session_replication_role = replica`);
          await m.query(`DELETE FROM audit_event WHERE id = $1`, [target.id]);
        });
        expect((await verify()).body).toMatchObject({ valid: false, firstBrokenId: next.id });
      } finally {
        await app.close();
      }
    });
  });
});
