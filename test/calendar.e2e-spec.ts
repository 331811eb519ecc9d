import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DeadlinesService } from '../src/deadlines/deadlines.service';
import { createOrganisation, signIn, SignedIn } from './support/auth';
import { createTestApp } from './support/test-app';

/*
 * Bank holidays added here are in the 2090s, far from the dates other test files count across, because
 * every test file of a run shares one database (and so one calendar).
 */
describe('working-day calendar API', () => {
  let app: NestExpressApplication;
  let other: NestExpressApplication;
  let admin: SignedIn;
  let reader: SignedIn;

  beforeAll(async () => {
    app = await createTestApp();
    other = await createTestApp();
    const area = await createOrganisation(app, { type: 'local-authority' });
    const cdop = await createOrganisation(app, { type: 'cdop', coversLocalAuthorityIds: [area.id] });
    admin = await signIn(app, { roles: ['system-admin'], organisationIds: [] });
    reader = await signIn(app, { roles: ['read-only'], organisationIds: [cdop.id] });
  });

  afterAll(async () => {
    await other?.close();
    await app?.close();
  });

  const get = (path: string, who: SignedIn = reader, on = app) =>
    request(on.getHttpServer()).get(path).set(who.auth);
  const addHoliday = (body: object, who: SignedIn = admin) =>
    request(app.getHttpServer()).post('/api/calendar/bank-holidays').set(who.auth).send(body);

  it('lists the England and Wales bank holidays of a year, sorted by date', async () => {
    const res = await get('/api/calendar/bank-holidays?year=2026').expect(200);
    expect(res.body.map((h: { date: string }) => h.date)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
    ]);
    expect(res.body[0]).toEqual({ date: '2026-01-01', name: "New Year's Day" });
  });

  it('applies the proclaimed one-off changes seeded with the database: 2022 had ten holidays', async () => {
    const res = await get('/api/calendar/bank-holidays?year=2022').expect(200);
    expect(res.body.map((h: { date: string }) => h.date)).toEqual([
      '2022-01-03',
      '2022-04-15',
      '2022-04-18',
      '2022-05-02',
      '2022-06-02',
      '2022-06-03',
      '2022-08-29',
      '2022-09-19',
      '2022-12-26',
      '2022-12-27',
    ]);
  });

  it('counts Friday 22 May 2026 + 5 working days as Monday 1 June 2026, and back again', async () => {
    const forwards = await get('/api/calendar/working-days?from=2026-05-22&add=5').expect(200);
    expect(forwards.body).toEqual({ from: '2026-05-22', add: 5, date: '2026-06-01' });
    const backwards = await get('/api/calendar/working-days?from=2026-06-01&add=-5').expect(200);
    expect(backwards.body).toEqual({ from: '2026-06-01', add: -5, date: '2026-05-22' });
  });

  it('counts 7 working days before a planned Tuesday 5 January 2027 over Christmas and New Year', async () => {
    const res = await get('/api/calendar/working-days?from=2027-01-05&add=-7').expect(200);
    expect(res.body.date).toBe('2026-12-22');
  });

  it('refuses bad queries with 400 naming the field, and strangers with 401', async () => {
    const badDate = await get('/api/calendar/working-days?from=2026-02-30&add=1').expect(400);
    expect(badDate.body.message).toEqual(['from must be a real date written YYYY-MM-DD']);
    const badAdd = await get('/api/calendar/working-days?from=2026-02-03&add=1.5').expect(400);
    expect(badAdd.body.message).toContain(
      'add must be a whole number of working days (negative to count backwards)',
    );
    const outside = await get('/api/calendar/working-days?from=2100-12-20&add=30').expect(400);
    expect(outside.body.message.join()).toMatch(/^add: .*covers 1990 to 2100/);
    const badYear = await get('/api/calendar/bank-holidays?year=1989').expect(400);
    expect(badYear.body.message.join()).toMatch(/^year must not be less than 1990/);
    await request(app.getHttpServer()).get('/api/calendar/bank-holidays?year=2026').expect(401);
  });

  it('lets only a system administrator add a bank holiday', async () => {
    await addHoliday({ date: '2091-06-04', name: 'Not allowed' }, reader).expect(403);
  });

  it('refuses a change that would make the calendar wrong, naming the field', async () => {
    const bad = await addHoliday({ date: '2091-02-29', name: 'No such day' }).expect(400);
    expect(bad.body.message).toEqual(['date must be a real date written YYYY-MM-DD']);
    const already = await addHoliday({ date: '2091-12-25', name: 'Twice' }).expect(400);
    expect(already.body.message).toEqual(['date 2091-12-25 is already a bank holiday']);
    const notHoliday = await addHoliday({ date: '2091-06-05', name: 'Moved', replaces: '2091-06-06' }).expect(
      400,
    );
    expect(notHoliday.body.message).toEqual([
      'replaces 2091-06-06 is not a bank holiday, so there is nothing to move',
    ]);
    await addHoliday({ date: '2091-06-05', name: 'Extra', unexpected: true }).expect(400);
    const list = await get('/api/calendar/bank-holidays?year=2091').expect(200);
    expect(list.body.map((h: { date: string }) => h.date)).not.toContain('2091-06-05');
  });

  it('adds a holiday that every instance sees at once, audited', async () => {
    const before = await get('/api/calendar/working-days?from=2092-06-03&add=1', reader, other).expect(200);
    expect(before.body.date).toBe('2092-06-04');
    const res = await addHoliday({ date: '2092-06-04', name: 'Extra bank holiday' }).expect(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      version: 1,
      date: '2092-06-04',
      name: 'Extra bank holiday',
      recomputedClocks: 0,
    });
    const after = await get('/api/calendar/working-days?from=2092-06-03&add=1', reader, other).expect(200);
    expect(after.body.date).toBe('2092-06-05');
    const holidays = await get('/api/calendar/bank-holidays?year=2092', reader, other).expect(200);
    expect(holidays.body).toContainEqual({ date: '2092-06-04', name: 'Extra bank holiday' });
    const audit = await app
      .get(DataSource)
      .query(
        `SELECT user_id, details FROM audit_event WHERE action = 'calendar.bank-holiday-add' AND details->>'date' = $1`,
        ['2092-06-04'],
      );
    expect(audit).toEqual([
      { user_id: admin.user.id, details: expect.objectContaining({ name: 'Extra bank holiday' }) },
    ]);
  });

  it('moves the due date of an open working-day clock across a new holiday, and its history says why', async () => {
    const deadlines = app.get(DeadlinesService);
    const caseId = randomUUID();
    const started = await deadlines.start({
      caseId,
      caseType: 'si',
      caseReference: `SI-${caseId.slice(0, 6)}`,
      casePath: `/serious-incidents/${caseId}`,
      organisationIds: [randomUUID()],
      ruleId: 'SI-NOTIFY',
      basis: { date: '2093-03-06' },
    });
    expect(started.dueDate).toBe('2093-03-13');
    const met = await deadlines.start({
      caseId,
      caseType: 'si',
      caseReference: `SI-${caseId.slice(0, 6)}`,
      casePath: `/serious-incidents/${caseId}`,
      organisationIds: [randomUUID()],
      ruleId: 'SI-PARTNERS',
      basis: { date: '2093-03-06' },
    });
    await deadlines.complete(caseId, 'SI-PARTNERS', new Date('2093-03-09T10:00:00Z'));

    const res = await addHoliday({ date: '2093-03-10', name: 'Extra bank holiday' }).expect(201);
    expect(res.body.recomputedClocks).toBe(1);

    const clocks = await deadlines.listForCase(caseId);
    const notify = clocks.find((c) => c.rule === 'SI-NOTIFY')!;
    const partners = clocks.find((c) => c.rule === 'SI-PARTNERS')!;
    expect(notify.dueDate).toBe('2093-03-16');
    expect(notify.history?.map((h) => h.change)).toEqual(['started', 'bank-holiday-added']);
    expect(notify.history?.[1]).toMatchObject({
      dueDateBefore: '2093-03-13',
      dueDateAfter: '2093-03-16',
      details: { date: '2093-03-10', name: 'Extra bank holiday' },
    });
    expect(partners.dueDate).toBe(met.dueDate);
    expect(partners.history?.map((h) => h.change)).toEqual(['started', 'met']);
  });

  it('moves a holiday with `replaces`, and a clock can come earlier as well as later', async () => {
    const deadlines = app.get(DeadlinesService);
    const caseId = randomUUID();
    await deadlines.start({
      caseId,
      caseType: 'cdr',
      caseReference: `CDR-${caseId.slice(0, 6)}`,
      casePath: `/child-deaths/${caseId}`,
      organisationIds: [randomUUID()],
      ruleId: 'CDR-NCMD-SUBMIT',
      basis: { date: '2094-05-27' },
    });
    // From Thursday 27 May 2094, day 5 is Friday 4 June while Monday 31 May is the spring holiday; moved
    // to Friday 4 June, the Monday counts and day 5 comes a day earlier.
    expect((await deadlines.listForCase(caseId))[0].dueDate).toBe('2094-06-04');
    await addHoliday({ date: '2094-06-04', name: 'Spring bank holiday', replaces: '2094-05-31' }).expect(201);
    const [clock] = await deadlines.listForCase(caseId);
    expect(clock.dueDate).toBe('2094-06-03');
    expect(clock.history?.at(-1)).toMatchObject({
      change: 'bank-holiday-moved',
      dueDateBefore: '2094-06-04',
      dueDateAfter: '2094-06-03',
      details: { date: '2094-06-04', replaces: '2094-05-31' },
    });
    const holidays = await get('/api/calendar/bank-holidays?year=2094').expect(200);
    expect(holidays.body.map((h: { date: string }) => h.date)).not.toContain('2094-05-31');
  });
});
