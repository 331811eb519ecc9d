import type { NestExpressApplication } from '@nestjs/platform-express';
import { SMTPServer } from 'smtp-server';
import { OutboxSender } from '../src/reminders/outbox-sender.service';
import { api, createFootprint, setNow, sudiNotification } from './child-deaths.fixtures';
import { signIn } from './support/auth';
import { freePort } from './support/free-port';
import { createTestApp } from './support/test-app';

interface Received {
  to: string;
  raw: string;
}

function startMailServer(port: number) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, session, callback) {
      if (address.address.endsWith('@refused.example')) {
        return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  return {
    received,
    listen: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('child death review meeting invitations by email', () => {
  let app: NestExpressApplication;
  let mail: ReturnType<typeof startMailServer>;

  beforeAll(async () => {
    const port = await freePort();
    mail = startMailServer(port);
    await mail.listen();
    app = await createTestApp({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(port),
      PUBLIC_URL: 'https://cdr.example',
    });
  });

  afterAll(async () => {
    await app?.close();
    await mail?.close();
  });

  it('emails each attendee with an address once, with the .ics attached and no child’s name', async () => {
    const f = await createFootprint(app);
    setNow(app, '2026-03-02T12:00:00Z');
    const { caseId, caseReference } = (
      await api(app, f.hospitalNotifier)
        .post('/api/child-deaths/notifications', sudiNotification(f))
        .expect(201)
    ).body;
    await api(app, f.admin)
      .post(`/api/child-deaths/${caseId}/review-meetings`, {
        scheduledFor: '2026-04-20T09:30:00+01:00',
        location: 'Room 2, Civic Centre',
        attendees: [
          {
            name: 'Lucy Hart',
            role: 'Health visitor',
            organisation: 'Community Health',
            email: 'lucy@nhs.example',
          },
          { name: 'Dr Gee', role: 'GP', organisation: 'Mill Lane Surgery', email: 'gee@nhs.example' },
          { name: 'DC Lee', role: 'Investigator', organisation: 'Police' },
        ],
      })
      .expect(201);

    const outbox = app.get(OutboxSender);
    expect((await outbox.sendDue()).sent).toBe(2);
    expect((await outbox.sendDue()).sent).toBe(0);
    expect(mail.received.map((m) => m.to).sort()).toEqual(['gee@nhs.example', 'lucy@nhs.example']);
    for (const { raw } of mail.received) {
      // Unfold long headers and join quoted-printable soft line breaks before reading.
      const unfolded = raw.replace(/=\r?\n/g, '').replace(/\r?\n[ \t]+/g, ' ');
      expect(unfolded).toContain(`Subject: Child death review meeting: case ${caseReference}`);
      expect(unfolded).toMatch(
        /Content-Type: text\/calendar; charset=utf-8; method=REQUEST; name=invitation\.ics/,
      );
      expect(unfolded).toContain('filename=invitation.ics');
      expect(unfolded).toContain(`https://cdr.example/child-deaths/${caseId}`);
      expect(unfolded).toContain('When: Monday 20 April 2026 at 9:30am');
      expect(unfolded).not.toContain('Olivia');
    }
  });

  it('shows an invitation the mail server refused on the administrators’ delivery failures page', async () => {
    const f = await createFootprint(app);
    setNow(app, '2026-03-03T12:00:00Z');
    const { caseId, caseReference } = (
      await api(app, f.hospitalNotifier)
        .post('/api/child-deaths/notifications', sudiNotification(f))
        .expect(201)
    ).body;
    const to = `gone-${caseId.slice(0, 8)}@refused.example`;
    await api(app, f.admin)
      .post(`/api/child-deaths/${caseId}/review-meetings`, {
        scheduledFor: '2026-04-21T09:30:00+01:00',
        attendees: [{ name: 'Dr Gone', role: 'GP', organisation: 'Old Surgery', email: to }],
      })
      .expect(201);

    await app.get(OutboxSender).sendDue();
    const admin = await signIn(app, { roles: ['system-admin'], organisationIds: [] });
    const failures = await api(app, admin).get('/api/reminders/failures').expect(200);
    expect(failures.body).toContainEqual(
      expect.objectContaining({
        message: 'cdrm-invitation',
        to,
        status: 'pending',
        attempts: 1,
        caseReference,
        lastError: expect.stringContaining('Mailbox unavailable'),
      }),
    );
  });
});
