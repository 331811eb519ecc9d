import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { TimeSource } from '../src/calendar/time-source';
import { DeadlinesService } from '../src/deadlines/deadlines.service';
import { ReminderScheduler } from '../src/reminders/reminder.scheduler';
import { createOrganisation, signIn } from './support/auth';
import { freePort } from './support/free-port';
import { createTestApp } from './support/test-app';

const CLOCKS = 100;
const OWNERS = 5;

/*
 * The must-show case: two instances of the portal run the reminder tick at the same moment against one
 * database while 500 reminders fall due (100 clocks, each owed by 5 people). A real SMTP server started
 * here counts what arrives: every reminder exactly once, and nothing again after a restart.
 */
describe('reminders with two instances running the tick at once', () => {
  const port = freePort();
  const delivered: { to: string; reminderId: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        const reminderId = /^X-Reminder-Id: (.*)$/im.exec(raw)?.[1].trim() ?? '';
        for (const rcpt of session.envelope.rcptTo) delivered.push({ to: rcpt.address, reminderId });
        callback();
      });
    },
  });
  const instances: NestExpressApplication[] = [];
  const owners = new Set<string>();
  const clockIds: string[] = [];

  const boot = async () => {
    const app = await createTestApp({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(await port) });
    jest.spyOn(app.get(TimeSource), 'now').mockReturnValue(new Date('2026-09-15T08:00:00+01:00'));
    instances.push(app);
    return app;
  };
  const mine = () => delivered.filter((d) => owners.has(d.to));

  beforeAll(async () => {
    const smtpPort = await port;
    await new Promise<void>((resolve) => server.listen(smtpPort, '127.0.0.1', resolve));
    const first = await boot();
    await boot();
    const area = await createOrganisation(first, { type: 'local-authority' });
    const cdop = await createOrganisation(first, { type: 'cdop', coversLocalAuthorityIds: [area.id] });
    for (let i = 0; i < OWNERS; i++) {
      const owner = await signIn(first, { roles: ['cdop-admin'], organisationIds: [cdop.id] });
      owners.add(owner.user.email);
    }
    const deadlines = first.get(DeadlinesService);
    for (let i = 0; i < CLOCKS; i++) {
      const caseId = randomUUID();
      const clock = await deadlines.start({
        caseId,
        caseType: 'cdr',
        caseReference: `CDR-2026-${String(i).padStart(4, '0')}`,
        casePath: `/child-deaths/${caseId}`,
        organisationIds: [cdop.id],
        ruleId: 'CDR-DESIGNATED-DR',
        basis: { date: '2026-09-14' },
      });
      clockIds.push(clock.id);
    }
  });

  afterAll(async () => {
    for (const app of instances) await app.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('delivers each of the 500 reminders exactly once, with both instances sending', async () => {
    // Each instance ticks over and over, as its interval would, until everything has arrived.
    const sentBy = await Promise.all(
      instances.map(async (app) => {
        let sent = 0;
        const deadline = Date.now() + 60_000;
        while (mine().length < CLOCKS * OWNERS && Date.now() < deadline) {
          sent += (await app.get(ReminderScheduler).tick()).sent;
        }
        return sent;
      }),
    );

    const [{ reminders, sent }] = await instances[0].get(DataSource).query(
      `SELECT count(DISTINCT r.id)::int AS reminders, count(o.id) FILTER (WHERE o.status = 'sent')::int AS sent
           FROM reminder r JOIN email_outbox o ON o.reminder_id = r.id WHERE r.clock_id = ANY($1::uuid[])`,
      [clockIds],
    );
    expect(reminders).toBe(CLOCKS * OWNERS);
    expect(sent).toBe(CLOCKS * OWNERS);
    expect(mine()).toHaveLength(CLOCKS * OWNERS);
    expect(new Set(mine().map((d) => `${d.to} ${d.reminderId}`)).size).toBe(CLOCKS * OWNERS);
    expect(sentBy.every((n) => n > 0)).toBe(true);
  });

  it('sends nothing again when an instance restarts and ticks once more', async () => {
    await instances.shift()!.close();
    const restarted = await boot();
    await Promise.all(instances.map((app) => app.get(ReminderScheduler).tick()));
    expect(restarted).toBe(instances[1]);
    const [{ reminders }] = await restarted
      .get(DataSource)
      .query(`SELECT count(*)::int AS reminders FROM reminder WHERE clock_id = ANY($1::uuid[])`, [clockIds]);
    expect(reminders).toBe(CLOCKS * OWNERS);
    expect(mine()).toHaveLength(CLOCKS * OWNERS);
  });
});
