import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TimeSource } from '../src/calendar/time-source';
import { DeadlinesService, StartClockInput } from '../src/deadlines/deadlines.service';
import { Organisation } from '../src/identity/organisation.entity';
import { MAX_SEND_ATTEMPTS } from '../src/reminders/outbox-sender.service';
import { ReminderScheduler } from '../src/reminders/reminder.scheduler';
import { createOrganisation, signIn, SignedIn } from './support/auth';
import { freePort } from './support/free-port';
import { createTestApp } from './support/test-app';

interface Received {
  to: string;
  reminderId: string;
  subject: string;
  raw: string;
}

/** A real SMTP server in the test; it can refuse the next messages for an address, or all of them. */
function startMailServer(port: number) {
  const received: Received[] = [];
  const refusals = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        const left = refusals.get(to) ?? 0;
        if (left > 0) {
          refusals.set(to, left - 1);
          return callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 }));
        }
        // Long headers are folded over several lines; unfold them before reading.
        const headers = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
        const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(headers)?.[1].trim() ?? '';
        received.push({ to, reminderId: header('X-Reminder-Id'), subject: header('Subject'), raw });
        callback();
      });
    },
  });
  return {
    received,
    refuse: (address: string, times: number) => refusals.set(address, times),
    listen: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('reminders and escalation', () => {
  let app: NestExpressApplication;
  let mail: ReturnType<typeof startMailServer>;
  let area: Organisation;
  let partnership: Organisation;
  let cdop: Organisation;
  let notifier: SignedIn;
  let dcs: SignedIn;
  let manager: SignedIn;
  let cdopAdmin: SignedIn;
  let elsewhere: SignedIn;

  const setNow = (iso: string) => jest.spyOn(app.get(TimeSource), 'now').mockReturnValue(new Date(iso));
  const tick = () => app.get(ReminderScheduler).tick();
  const db = () => app.get(DataSource);

  const start = (input: Pick<StartClockInput, 'ruleId' | 'basis'> & Partial<StartClockInput>) => {
    const caseId = randomUUID();
    return app.get(DeadlinesService).start({
      caseId,
      caseType: input.ruleId.startsWith('CDR') ? 'cdr' : 'si',
      caseReference: `REF-${caseId.slice(0, 8)}`,
      casePath: `/cases/${caseId}`,
      organisationIds: [area.id, partnership.id],
      ...input,
    });
  };

  /** The reminders of one clock, as [user, kind, day] in a stable order. */
  const remindersOf = async (clockId: string) => {
    const rows: { user_id: string; kind: string; for_date: string }[] = await db().query(
      `SELECT user_id, kind, for_date::text AS for_date FROM reminder WHERE clock_id = $1 ORDER BY for_date, kind, user_id`,
      [clockId],
    );
    const name = new Map([
      [notifier.user.id, 'notifier'],
      [dcs.user.id, 'dcs'],
      [manager.user.id, 'manager'],
      [cdopAdmin.user.id, 'cdop-admin'],
      [elsewhere.user.id, 'elsewhere'],
    ]);
    return rows.map((r) => [name.get(r.user_id) ?? r.user_id, r.kind, r.for_date]);
  };

  beforeAll(async () => {
    const port = await freePort();
    mail = startMailServer(port);
    await mail.listen();
    app = await createTestApp({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(port),
      PUBLIC_URL: 'https://portal.example',
      MAIL_FROM: 'reminders@portal.example',
    });
    area = await createOrganisation(app, { type: 'local-authority' });
    const icb = await createOrganisation(app, { type: 'icb' });
    const police = await createOrganisation(app, { type: 'police' });
    partnership = await createOrganisation(app, {
      type: 'safeguarding-partnership',
      coversLocalAuthorityIds: [area.id],
      partnerOrganisationIds: [area.id, icb.id, police.id],
    });
    cdop = await createOrganisation(app, { type: 'cdop', coversLocalAuthorityIds: [area.id] });
    const otherArea = await createOrganisation(app, { type: 'local-authority' });
    notifier = await signIn(app, { roles: ['la-notifier'], organisationIds: [area.id] });
    dcs = await signIn(app, { roles: ['dcs'], organisationIds: [area.id] });
    manager = await signIn(app, { roles: ['partnership-manager'], organisationIds: [partnership.id] });
    cdopAdmin = await signIn(app, { roles: ['cdop-admin'], organisationIds: [cdop.id] });
    elsewhere = await signIn(app, { roles: ['la-notifier', 'dcs'], organisationIds: [otherArea.id] });
  });

  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await app?.close();
    await mail?.close();
  });

  it('reminds whoever owes a clock before, on and after the due date, once each, and escalates when overdue', async () => {
    setNow('2026-05-22T09:00:00+01:00');
    const clock = await start({ ruleId: 'SI-NOTIFY', basis: { date: '2026-05-22' } });
    expect(clock.dueDate).toBe('2026-06-01');

    setNow('2026-05-27T09:00:00+01:00');
    await tick();
    expect(await remindersOf(clock.id)).toEqual([]);

    setNow('2026-05-28T08:00:00+01:00');
    await tick();
    await tick();
    setNow('2026-06-01T07:00:00+01:00');
    await tick();
    setNow('2026-06-02T07:00:00+01:00');
    await tick();
    setNow('2026-06-02T16:00:00+01:00');
    await tick();
    setNow('2026-06-06T10:00:00+01:00');
    await tick();
    setNow('2026-06-08T07:00:00+01:00');
    await tick();

    // Nobody outside the clock's organisations ('elsewhere'), and the DCS, who owes it, is not escalated to.
    expect((await remindersOf(clock.id)).sort()).toEqual(
      [
        ['notifier', 'due-soon', '2026-05-28'],
        ['dcs', 'due-soon', '2026-05-28'],
        ['notifier', 'due-today', '2026-06-01'],
        ['dcs', 'due-today', '2026-06-01'],
        ['manager', 'escalation', '2026-06-02'],
        ['notifier', 'overdue', '2026-06-02'],
        ['dcs', 'overdue', '2026-06-02'],
        ['manager', 'escalation', '2026-06-08'],
        ['notifier', 'overdue', '2026-06-08'],
        ['dcs', 'overdue', '2026-06-08'],
      ].sort(),
    );

    const emails = mail.received.filter((m) => m.raw.includes(clock.caseReference));
    expect(emails).toHaveLength(10);
    const escalation = emails.find((m) => m.to === manager.user.email)!;
    expect(escalation.subject).toBe(
      `Escalation: statutory deadline SI-NOTIFY overdue on case ${clock.caseReference}`,
    );
    const dueSoon = emails.find((m) => m.subject.startsWith('Due Monday 1 June 2026'))!;
    expect(dueSoon.raw).toContain(`https://portal.example/cases/${clock.caseId}`);
    expect(dueSoon.raw).toMatch(/^From: reminders@portal\.example/m);
  });

  it('after downtime sends only what is due now, not every reminder that was missed', async () => {
    setNow('2026-06-09T09:00:00+01:00');
    const clock = await start({ ruleId: 'SI-RAPID-REVIEW', basis: { date: '2026-06-09' } });
    expect(clock.dueDate).toBe('2026-06-30');
    await tick();
    setNow('2026-07-03T09:00:00+01:00');
    await tick();
    expect((await remindersOf(clock.id)).sort()).toEqual([
      ['dcs', 'escalation', '2026-07-03'],
      ['manager', 'overdue', '2026-07-03'],
    ]);
  });

  it('stops reminding once a clock is met or paused', async () => {
    setNow('2026-07-06T09:00:00+01:00');
    const met = await start({ ruleId: 'SI-PARTNERS', basis: { date: '2026-07-06' } });
    const paused = await start({ ruleId: 'SI-LCSPR-COMPLETE', basis: { date: '2026-01-06' } });
    const deadlines = app.get(DeadlinesService);
    await deadlines.complete(met.caseId, 'SI-PARTNERS', new Date('2026-07-07T10:00:00+01:00'));
    await deadlines.pause(paused.caseId, 'all-pausable', 'criminal-investigation-or-prosecution');
    setNow('2026-07-20T09:00:00+01:00');
    await tick();
    expect(await remindersOf(met.id)).toEqual([]);
    expect(await remindersOf(paused.id)).toEqual([]);
  });

  it('shows a user their inbox, read and unread with links, and what will remind them next', async () => {
    setNow('2026-07-21T09:00:00+01:00');
    const clock = await start({
      ruleId: 'CDR-DESIGNATED-DR',
      basis: { date: '2026-07-20' },
      organisationIds: [cdop.id],
    });
    const later = await start({
      ruleId: 'CDR-CDRM',
      basis: { date: '2026-07-20' },
      organisationIds: [cdop.id],
    });
    await tick();

    const inbox = await request(app.getHttpServer()).get('/api/reminders').set(cdopAdmin.auth).expect(200);
    const reminder = inbox.body.reminders.find((r: { caseId: string }) => r.caseId === clock.caseId);
    expect(reminder).toMatchObject({
      kind: 'due-today',
      forDate: '2026-07-21',
      read: false,
      caseReference: clock.caseReference,
      link: `/cases/${clock.caseId}`,
      rule: 'CDR-DESIGNATED-DR',
      dueDate: '2026-07-21',
      version: 1,
    });
    expect(inbox.body.upcoming).toContainEqual(
      expect.objectContaining({ clockId: later.id, dueDate: '2026-10-12', nextReminderOn: '2026-09-28' }),
    );

    const read = await request(app.getHttpServer())
      .post(`/api/reminders/${reminder.id}/read`)
      .set(cdopAdmin.auth)
      .expect(200);
    expect(read.body).toMatchObject({ id: reminder.id, read: true, version: 2 });
    const after = await request(app.getHttpServer()).get('/api/reminders').set(cdopAdmin.auth).expect(200);
    expect(after.body.unread).toBe(inbox.body.unread - 1);
    await request(app.getHttpServer())
      .post(`/api/reminders/${reminder.id}/read`)
      .set(notifier.auth)
      .expect(404);
    await request(app.getHttpServer()).get('/api/reminders').expect(401);
  });

  it('retries a refused email with growing waits, and delivers it once', async () => {
    setNow('2026-07-22T09:00:00+01:00');
    const ownCdop = await createOrganisation(app, { type: 'cdop', coversLocalAuthorityIds: [area.id] });
    const owner = await signIn(app, { roles: ['cdop-admin'], organisationIds: [ownCdop.id] });
    mail.refuse(owner.user.email, 2);
    const clock = await start({
      ruleId: 'CDR-DESIGNATED-DR',
      basis: { date: '2026-07-21' },
      organisationIds: [ownCdop.id],
    });
    const outbox = async () =>
      (
        await db().query(
          `SELECT o.status, o.attempts, o.last_error FROM email_outbox o JOIN reminder r ON r.id = o.reminder_id
            WHERE r.clock_id = $1 AND r.user_id = $2`,
          [clock.id, owner.user.id],
        )
      )[0];
    const delivered = () => mail.received.filter((m) => m.to === owner.user.email);

    await tick();
    expect(await outbox()).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await outbox()).last_error).toMatch(/451 Mailbox busy/);
    setNow('2026-07-22T09:00:59+01:00');
    await tick();
    expect((await outbox()).attempts).toBe(1);
    setNow('2026-07-22T09:01:01+01:00');
    await tick();
    expect((await outbox()).attempts).toBe(2);
    setNow('2026-07-22T09:02:59+01:00');
    await tick();
    expect((await outbox()).attempts).toBe(2);
    expect(delivered()).toHaveLength(0);
    setNow('2026-07-22T09:03:02+01:00');
    await tick();
    expect(await outbox()).toMatchObject({ status: 'sent', attempts: 3 });
    await tick();
    expect(delivered()).toHaveLength(1);
  });

  it('gives up after the last attempt and shows the failure to system administrators only', async () => {
    setNow('2026-07-23T09:00:00+01:00');
    const ownCdop = await createOrganisation(app, { type: 'cdop', coversLocalAuthorityIds: [area.id] });
    const owner = await signIn(app, { roles: ['cdop-admin'], organisationIds: [ownCdop.id] });
    mail.refuse(owner.user.email, 1000);
    const clock = await start({
      ruleId: 'CDR-DESIGNATED-DR',
      basis: { date: '2026-07-22' },
      organisationIds: [ownCdop.id],
    });
    let now = new Date('2026-07-23T09:00:00+01:00').getTime();
    for (let attempt = 1; attempt <= MAX_SEND_ATTEMPTS; attempt++) {
      await tick();
      now += 24 * 3_600_000;
      setNow(new Date(now).toISOString());
    }
    const admin = await signIn(app, { roles: ['system-admin'], organisationIds: [] });
    const failures = await request(app.getHttpServer())
      .get('/api/reminders/failures')
      .set(admin.auth)
      .expect(200);
    expect(failures.body).toContainEqual(
      expect.objectContaining({
        to: owner.user.email,
        status: 'failed',
        attempts: MAX_SEND_ATTEMPTS,
        caseReference: clock.caseReference,
        rule: 'CDR-DESIGNATED-DR',
        lastError: expect.stringContaining('Mailbox busy'),
      }),
    );
    await request(app.getHttpServer()).get('/api/reminders/failures').set(cdopAdmin.auth).expect(403);
  });
});
