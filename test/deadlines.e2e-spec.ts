import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TimeSource } from '../src/calendar/time-source';
import { DeadlinesService, StartClockInput } from '../src/deadlines/deadlines.service';
import type { ClockRuleId } from '../src/deadlines/rules/clock-rules';
import type { ClockBasis } from '../src/deadlines/rules/compute-due';
import { Organisation } from '../src/identity/organisation.entity';
import { createOrganisation, signIn, SignedIn } from './support/auth';
import { createTestApp } from './support/test-app';

describe('clocks on cases', () => {
  let app: NestExpressApplication;
  let deadlines: DeadlinesService;
  let cdopA: Organisation;
  let cdopB: Organisation;
  let partnership: Organisation;
  let areaA: Organisation;
  let cdopAdminA: SignedIn;

  const setNow = (iso: string) => jest.spyOn(app.get(TimeSource), 'now').mockReturnValue(new Date(iso));

  const start = (ruleId: ClockRuleId, basis: ClockBasis, extra: Partial<StartClockInput> = {}) => {
    const caseId = extra.caseId ?? randomUUID();
    const caseType = ruleId.startsWith('CDR') ? 'cdr' : ruleId.startsWith('SI') ? 'si' : 'sp';
    return deadlines.start({
      caseId,
      caseType,
      caseReference: `REF-${caseId.slice(0, 8)}`,
      casePath: `/cases/${caseId}`,
      organisationIds: [cdopA.id, areaA.id],
      ruleId,
      basis,
      ...extra,
    });
  };

  beforeAll(async () => {
    app = await createTestApp();
    deadlines = app.get(DeadlinesService);
    areaA = await createOrganisation(app, { type: 'local-authority' });
    const areaB = await createOrganisation(app, { type: 'local-authority' });
    cdopA = await createOrganisation(app, { type: 'cdop', coversLocalAuthorityIds: [areaA.id] });
    cdopB = await createOrganisation(app, { type: 'cdop', coversLocalAuthorityIds: [areaB.id] });
    const icb = await createOrganisation(app, { type: 'icb' });
    const police = await createOrganisation(app, { type: 'police' });
    partnership = await createOrganisation(app, {
      type: 'safeguarding-partnership',
      coversLocalAuthorityIds: [areaA.id],
      partnerOrganisationIds: [areaA.id, icb.id, police.id],
    });
    cdopAdminA = await signIn(app, { roles: ['cdop-admin'], organisationIds: [cdopA.id] });
  });

  afterEach(() => jest.restoreAllMocks());
  afterAll(() => app?.close());

  describe('due dates, as a case module starting clocks sees them', () => {
    it('gives Friday 22 May 2026 + 5 working days as Monday 1 June 2026, and starts each clock once', async () => {
      const caseId = randomUUID();
      const first = await start('SI-NOTIFY', { date: '2026-05-22' }, { caseId });
      expect(first).toMatchObject({
        rule: 'SI-NOTIFY',
        basisEvent: 'authority-became-aware',
        basisDate: '2026-05-22',
        dueDate: '2026-06-01',
        window: { amount: 5, unit: 'WD', direction: 'after' },
      });
      const again = await start('SI-NOTIFY', { date: '2026-05-29' }, { caseId });
      expect(again.dueDate).toBe('2026-06-01');
      const [listed] = await deadlines.listForCase(caseId);
      expect(listed.history?.map((h) => h.change)).toEqual(['started']);
    });

    it('runs a notification clock across Christmas 2027 and the New Year substitute day', async () => {
      expect((await start('SI-NOTIFY', { date: '2027-12-23' })).dueDate).toBe('2028-01-04');
    });

    it('counts the LCSPR pre-publication date 7 working days before a planned Tuesday 5 January 2027', async () => {
      const clock = await start('SI-LCSPR-PREPUB', { date: '2027-01-05' });
      expect(clock).toMatchObject({ dueDate: '2026-12-22', window: { direction: 'before' } });
    });

    it('ends a 6-month clock from 31 August on the last day of February, the 29th in a leap year', async () => {
      expect((await start('CDR-CDOP-REVIEW', { date: '2026-08-31' })).dueDate).toBe('2027-02-28');
      expect((await start('CDR-CDOP-REVIEW', { date: '2027-08-31' })).dueDate).toBe('2028-02-29');
    });

    it('runs a 48-hour clock 48 real hours across the October clock change', async () => {
      const clock = await start('CDR-NOTIFY', { instant: new Date('2026-10-24T12:00:00+01:00') });
      expect(clock.dueDate).toBe('2026-10-26');
      expect(new Date(clock.dueAt!).toISOString()).toBe('2026-10-26T11:00:00.000Z');
    });

    it('refuses a basis the rule cannot count from, naming the basis', async () => {
      await expect(start('CDR-NOTIFY', { date: '2026-10-24' })).rejects.toMatchObject({
        response: { message: ['basis: CDR-NOTIFY counts hours, so it needs the instant of its basis event'] },
      });
      await expect(start('SI-NOTIFY', { date: '2026-05-22' }, { caseType: 'cdr' })).rejects.toMatchObject({
        status: 400,
      });
    });

    it('starts nothing when the caller’s own transaction rolls back', async () => {
      const caseId = randomUUID();
      await expect(
        app.get(DataSource).transaction(async (m) => {
          await start('SI-NOTIFY', { date: '2026-05-22' }, { caseId }).then(() => undefined);
          await deadlines.start(
            {
              caseId,
              caseType: 'si',
              caseReference: 'REF',
              casePath: '/x',
              organisationIds: [cdopA.id],
              ruleId: 'SI-PARTNERS',
              basis: { date: '2026-05-22' },
            },
            m,
          );
          throw new Error('the case could not be saved');
        }),
      ).rejects.toThrow('the case could not be saved');
      expect((await deadlines.listForCase(caseId)).map((c) => c.rule)).toEqual(['SI-NOTIFY']);
    });
  });

  describe('states', () => {
    it('is pending until the end of the due date in London, then overdue', async () => {
      const clock = await start('SI-NOTIFY', { date: '2026-05-22' });
      setNow('2026-06-01T23:59:00+01:00');
      expect((await deadlines.listForCase(clock.caseId))[0].status).toBe('pending');
      setNow('2026-06-02T00:00:01+01:00');
      expect((await deadlines.listForCase(clock.caseId))[0].status).toBe('overdue');
    });

    it('is met when the action is recorded by the end of the due date, and met late after it', async () => {
      const onTime = await start('SI-NOTIFY', { date: '2026-05-22' });
      const late = await start('SI-NOTIFY', { date: '2026-05-22' });
      const met = await deadlines.complete(onTime.caseId, 'SI-NOTIFY', new Date('2026-06-01T23:30:00+01:00'));
      const metLate = await deadlines.complete(
        late.caseId,
        'SI-NOTIFY',
        new Date('2026-06-02T00:30:00+01:00'),
      );
      expect(met).toMatchObject({ status: 'met', completedAt: new Date('2026-06-01T22:30:00Z') });
      expect(metLate.status).toBe('met-late');
      const again = await deadlines.complete(onTime.caseId, 'SI-NOTIFY', new Date('2026-07-01T12:00:00Z'));
      expect(again).toMatchObject({ status: 'met', completedAt: new Date('2026-06-01T22:30:00Z') });
      const [history] = await deadlines.listForCase(late.caseId);
      expect(history.history?.map((h) => h.change)).toEqual(['started', 'met-late']);
    });

    it('recomputes the due date from a corrected basis, and judges a met clock again', async () => {
      const clock = await start('SI-NOTIFY', { date: '2026-05-26' });
      await deadlines.complete(clock.caseId, 'SI-NOTIFY', new Date('2026-06-02T10:00:00+01:00'));
      const corrected = await deadlines.correctBasis(clock.caseId, 'SI-NOTIFY', { date: '2026-05-22' });
      expect(corrected).toMatchObject({ basisDate: '2026-05-22', dueDate: '2026-06-01', status: 'met-late' });
      const [listed] = await deadlines.listForCase(clock.caseId);
      expect(listed.history?.at(-1)).toMatchObject({
        change: 'basis-corrected',
        dueDateBefore: '2026-06-02',
        dueDateAfter: '2026-06-01',
        details: { basisDateBefore: '2026-05-26', basisDateAfter: '2026-05-22' },
      });
    });

    it('marks a clock not applicable with the reason', async () => {
      const clock = await start('SI-LAC-DEATH', { date: '2026-05-22' });
      const marked = await deadlines.markNotApplicable(
        clock.caseId,
        'SI-LAC-DEATH',
        'The child was not looked after',
      );
      expect(marked).toMatchObject({
        status: 'not-applicable',
        notApplicableReason: 'The child was not looked after',
      });
      await expect(
        deadlines.complete(clock.caseId, 'SI-LAC-DEATH', new Date('2026-05-23T10:00:00Z')),
      ).rejects.toMatchObject({ status: 409 });
    });

    it('keeps one clock per subject for a rule that runs more than once on a case', async () => {
      const caseId = randomUUID();
      setNow('2026-06-01T12:00:00+01:00');
      await start('CDR-AGENCY-RETURN', { date: '2026-05-22' }, { caseId, subject: 'school' });
      await start('CDR-AGENCY-RETURN', { date: '2026-06-01' }, { caseId, subject: 'hospital' });
      await deadlines.complete(
        caseId,
        { ruleId: 'CDR-AGENCY-RETURN', subject: 'school' },
        new Date('2026-06-01T10:00:00Z'),
      );
      const clocks = await deadlines.listForCase(caseId);
      expect(clocks.map((c) => [c.subject, c.status, c.dueDate])).toEqual([
        ['school', 'met', '2026-06-22'],
        ['hospital', 'pending', '2026-06-29'],
      ]);
    });
  });

  describe('pauses', () => {
    it('pauses the clocks other proceedings hold up, and resuming extends each in its own unit', async () => {
      const caseId = randomUUID();
      setNow('2026-06-01T09:00:00+01:00');
      await start('CDR-CDOP-REVIEW', { date: '2026-05-22' }, { caseId });
      await start('CDR-DESIGNATED-DR', { date: '2026-05-29' }, { caseId });
      await start('CDR-DRAFT-ANALYSIS', { date: '2026-05-29' }, { caseId });

      setNow('2026-06-08T10:00:00+01:00');
      const paused = await deadlines.pause(caseId, 'all-pausable', 'post-mortem-awaited');
      expect(paused.map((c) => [c.rule, c.status, c.pausedReason])).toEqual([
        ['CDR-CDOP-REVIEW', 'paused', 'post-mortem-awaited'],
      ]);
      await deadlines.pause(caseId, ['CDR-DRAFT-ANALYSIS'], 'other', 'Chair unavailable');

      setNow('2026-06-15T16:00:00+01:00');
      const resumed = await deadlines.resume(caseId, 'all-paused');
      const byRule = Object.fromEntries(resumed.map((c) => [c.rule, c]));
      // 7 calendar days paused for the months clock; 5 working days paused for the working-day clock.
      expect(byRule['CDR-CDOP-REVIEW']).toMatchObject({ status: 'pending', dueDate: '2026-11-29' });
      expect(byRule['CDR-DRAFT-ANALYSIS']).toMatchObject({ status: 'pending', dueDate: '2026-06-19' });
      const clocks = await deadlines.listForCase(caseId);
      const review = clocks.find((c) => c.rule === 'CDR-CDOP-REVIEW')!;
      expect(review.history?.map((h) => h.change)).toEqual(['started', 'paused', 'resumed']);
      expect(review.history?.[2]).toMatchObject({ dueDateBefore: '2026-11-22', dueDateAfter: '2026-11-29' });
      expect(clocks.find((c) => c.rule === 'CDR-DESIGNATED-DR')!.history).toHaveLength(1);
    });

    it('shows a paused clock as paused with its reason, whatever the date', async () => {
      const clock = await start('CDR-CDRM', { date: '2026-01-05' });
      setNow('2026-02-01T10:00:00Z');
      await deadlines.pause(clock.caseId, ['CDR-CDRM'], 'inquest');
      setNow('2026-09-01T10:00:00+01:00');
      const [listed] = await deadlines.listForCase(clock.caseId);
      expect(listed).toMatchObject({ status: 'paused', pausedReason: 'inquest' });
    });

    it('pauses only with a reason from the list, and "other" only with text', async () => {
      const clock = await start('CDR-CDRM', { date: '2026-05-22' });
      await expect(deadlines.pause(clock.caseId, ['CDR-CDRM'], 'other')).rejects.toMatchObject({
        response: { message: ['text must say why when the reason is "other"'] },
      });
      await expect(deadlines.pause(clock.caseId, ['CDR-CDRM'], 'holiday' as never)).rejects.toMatchObject({
        status: 400,
      });
      await deadlines.complete(clock.caseId, 'CDR-CDRM', new Date('2026-06-01T10:00:00Z'));
      await expect(deadlines.pause(clock.caseId, ['CDR-CDRM'], 'inquest')).rejects.toMatchObject({
        status: 409,
      });
    });
  });

  describe('local defaults', () => {
    const defaults = (org: Organisation, who: SignedIn) =>
      request(app.getHttpServer()).get(`/api/organisations/${org.id}/clock-defaults`).set(who.auth);
    const change = (org: Organisation, who: SignedIn, body: object) =>
      request(app.getHttpServer())
        .put(`/api/organisations/${org.id}/clock-defaults`)
        .set(who.auth)
        .send(body);

    it('applies a CDOP’s changed window only to clocks started after the change, audited', async () => {
      setNow('2026-03-02T09:00:00Z');
      const before = await start(
        'CDR-CDOP-REVIEW',
        { date: '2026-03-02' },
        { defaultsOrganisationId: cdopA.id },
      );
      expect(before.dueDate).toBe('2026-09-02');

      setNow('2026-03-03T09:00:00Z');
      const res = await change(cdopA, cdopAdminA, {
        defaults: [{ ruleId: 'CDR-CDOP-REVIEW', amount: 9 }],
      }).expect(200);
      expect(res.body.find((d: { ruleId: string }) => d.ruleId === 'CDR-CDOP-REVIEW')).toMatchObject({
        ruleAmount: 6,
        amount: 9,
        editable: true,
      });

      setNow('2026-03-04T09:00:00Z');
      const after = await start(
        'CDR-CDOP-REVIEW',
        { date: '2026-03-02' },
        { defaultsOrganisationId: cdopA.id },
      );
      expect(after).toMatchObject({ dueDate: '2026-12-02', window: { amount: 9, unit: 'M' } });
      const elsewhere = await start(
        'CDR-CDOP-REVIEW',
        { date: '2026-03-02' },
        { defaultsOrganisationId: cdopB.id },
      );
      expect(elsewhere.dueDate).toBe('2026-09-02');
      expect((await deadlines.listForCase(before.caseId))[0].dueDate).toBe('2026-09-02');

      const audit = await app
        .get(DataSource)
        .query(`SELECT details FROM audit_event WHERE action = 'clock-default.change' AND user_id = $1`, [
          cdopAdminA.user.id,
        ]);
      expect(audit).toEqual([
        { details: { organisationId: cdopA.id, changes: { 'CDR-CDOP-REVIEW': { before: 6, after: 9 } } } },
      ]);
    });

    it('refuses to change a statutory window, naming the rule', async () => {
      const res = await change(cdopA, cdopAdminA, {
        defaults: [
          { ruleId: 'CDR-CDRM', amount: 90 },
          { ruleId: 'CDR-REGISTRAR', amount: 10 },
        ],
      }).expect(400);
      expect(res.body.message).toEqual([
        'defaults[1].ruleId: CDR-REGISTRAR is a statutory window and cannot be changed; it can only be paused with a reason',
      ]);
      const list = await defaults(cdopA, cdopAdminA).expect(200);
      expect(list.body.find((d: { ruleId: string }) => d.ruleId === 'CDR-CDRM').amount).toBe(84);
      expect(list.body.find((d: { ruleId: string }) => d.ruleId === 'CDR-REGISTRAR')).toMatchObject({
        kind: 'statutory',
        editable: false,
      });
      expect(list.body.every((d: { ruleId: string }) => d.ruleId.startsWith('CDR-'))).toBe(true);
    });

    it('lets only the CDOP’s own administrator, or the partnership’s own manager, change its defaults', async () => {
      const body = { defaults: [{ ruleId: 'CDR-CDRM', amount: 90 }] };
      const otherAdmin = await signIn(app, { roles: ['cdop-admin'], organisationIds: [cdopB.id] });
      await change(cdopA, otherAdmin, body).expect(403);
      await defaults(cdopA, otherAdmin).expect(403);
      const manager = await signIn(app, {
        roles: ['partnership-manager'],
        organisationIds: [partnership.id],
      });
      await change(cdopA, manager, body).expect(403);
      const reader = await signIn(app, { roles: ['read-only'], organisationIds: [cdopA.id] });
      await change(cdopA, reader, body).expect(403);
      const wrongKind = await change(partnership, manager, body).expect(400);
      expect(wrongKind.body.message).toEqual([
        'defaults[0].ruleId: CDR-CDRM is not a clock of this kind of organisation',
      ]);
      await change(partnership, manager, { defaults: [{ ruleId: 'SI-LCSPR-INFORM', amount: 3 }] }).expect(
        200,
      );
      await change(areaA, manager, body).expect(404);
      await change(cdopA, cdopAdminA, { defaults: [{ ruleId: 'CDR-CDRM', amount: 0 }] }).expect(400);
    });
  });

  describe('GET /api/deadlines', () => {
    const list = (who: SignedIn, query = '') =>
      request(app.getHttpServer()).get(`/api/deadlines${query}`).set(who.auth).expect(200);
    const ids = (res: request.Response) => res.body.map((d: { id: string }) => d.id);

    it('returns only the clocks of cases the caller may see, filtered by status, due date and organisation', async () => {
      setNow('2026-06-03T12:00:00+01:00');
      const overdue = await start('SI-NOTIFY', { date: '2026-05-22' });
      const pending = await start('SI-NOTIFY', { date: '2026-06-02' });
      const inB = await start('SI-NOTIFY', { date: '2026-05-22' }, { organisationIds: [cdopB.id] });

      const mine = await list(cdopAdminA);
      expect(ids(mine)).toEqual(expect.arrayContaining([overdue.id, pending.id]));
      expect(ids(mine)).not.toContain(inB.id);
      expect(mine.body.find((d: { id: string }) => d.id === overdue.id)).toMatchObject({
        rule: 'SI-NOTIFY',
        status: 'overdue',
        dueDate: '2026-06-01',
        caseReference: overdue.caseReference,
        link: `/cases/${overdue.caseId}`,
      });

      const overdueOnly = await list(cdopAdminA, '?status=overdue');
      expect(ids(overdueOnly)).toContain(overdue.id);
      expect(ids(overdueOnly)).not.toContain(pending.id);
      expect(ids(await list(cdopAdminA, '?status=pending'))).toContain(pending.id);
      expect(ids(await list(cdopAdminA, '?dueBefore=2026-06-02'))).not.toContain(pending.id);
      expect(ids(await list(cdopAdminA, `?organisationId=${cdopB.id}`))).toEqual([]);

      const adminB = await signIn(app, { roles: ['cdop-admin'], organisationIds: [cdopB.id] });
      expect(ids(await list(adminB))).toContain(inB.id);
      expect(ids(await list(adminB))).not.toContain(overdue.id);
      const partnershipMember = await signIn(app, {
        roles: ['safeguarding-partner'],
        organisationIds: [partnership.id],
      });
      expect(ids(await list(partnershipMember))).toContain(overdue.id);
      const reviewer = await signIn(app, { roles: ['reviewer'], organisationIds: [cdopA.id] });
      expect(ids(await list(reviewer))).toEqual([]);
    });

    it('refuses bad filters with 400 naming the field', async () => {
      const res = await request(app.getHttpServer())
        .get('/api/deadlines?status=late&dueBefore=2026-13-01')
        .set(cdopAdminA.auth)
        .expect(400);
      expect(res.body.message).toEqual([
        'status must be one of: pending, met, met-late, overdue, paused, not-applicable',
        'dueBefore must be a real date written YYYY-MM-DD',
      ]);
      await request(app.getHttpServer()).get('/api/deadlines').expect(401);
    });
  });
});
