import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import Handlebars from 'handlebars';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource, EntityManager } from 'typeorm';
import { TimeSource } from '../calendar/time-source';
import { AppConfig } from '../config/app-config';
import { formatDateTime } from '../web/rendering/formatting';
import { InvitationEmail } from './entities/invitation-email.entity';

export interface InvitationEmailInput {
  meetingId: string;
  to: string;
  name: string;
  caseReference: string;
  scheduledFor: Date;
  location: string | null;
  link: string;
  ics: string;
}

const MAX_ATTEMPTS = 8;
const RETRY_BASE_MS = 60_000;
const BATCH = 25;

const WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'Europe/London' });

function templatesDir(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'templates', 'email', 'child-deaths');
    if (existsSync(join(candidate, 'cdrm-invitation.text.hbs'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`No templates/email/child-deaths found above ${__dirname}`);
  }
}

/**
 * Child death review meeting invitations by email, each with its .ics attached. Written to an outbox in
 * the scheduling transaction, sent after commit (claimed with SKIP LOCKED so two instances never send
 * the same one), retried with backoff. They name the case reference only, never the child.
 */
@Injectable()
export class InvitationMailer implements OnApplicationShutdown {
  private transport?: Transporter;
  private readonly templates: Record<'subject' | 'text' | 'html', HandlebarsTemplateDelegate>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly time: TimeSource,
  ) {
    const dir = templatesDir();
    const load = (name: string, escape: boolean) =>
      Handlebars.compile(readFileSync(join(dir, `cdrm-invitation.${name}.hbs`), 'utf8'), {
        noEscape: !escape,
        strict: false,
      });
    this.templates = { subject: load('subject', false), text: load('text', false), html: load('html', true) };
  }

  async queue(m: EntityManager, input: InvitationEmailInput): Promise<void> {
    const context = {
      name: input.name,
      caseReference: input.caseReference,
      // GOV.UK style: 'Monday 20 April 2026 at 9:30am', London time.
      when: `${WEEKDAY.format(input.scheduledFor)} ${formatDateTime(input.scheduledFor)}`,
      location: input.location ?? '',
      link: `${this.config.publicUrl}${input.link}`,
    };
    await m
      .createQueryBuilder()
      .insert()
      .into(InvitationEmail)
      .values({
        meetingId: input.meetingId,
        toAddress: input.to,
        subject: this.templates.subject(context).replace(/\s+/g, ' ').trim(),
        textBody: this.templates.text(context),
        htmlBody: this.templates.html(context),
        ics: input.ics,
        nextAttemptAt: this.time.now(),
      })
      .orIgnore()
      .execute();
  }

  @Interval(60_000)
  async tick(): Promise<void> {
    if (this.config.SCHEDULER_ENABLED) await this.sendDue();
  }

  /** Sends what is due; returns how many went. Without SMTP settings nothing is sent and nothing is lost. */
  async sendDue(): Promise<number> {
    if (!this.config.SMTP_HOST) return 0;
    let sent = 0;
    for (;;) {
      const { count, more } = await this.dataSource.transaction(async (m) => {
        const batch: InvitationEmail[] = await m
          .getRepository(InvitationEmail)
          .createQueryBuilder('e')
          .where(`e.status = 'pending' AND e.next_attempt_at <= :now`, { now: this.time.now() })
          .orderBy('e.next_attempt_at')
          .limit(BATCH)
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getMany();
        let ok = 0;
        for (const email of batch) {
          const error = await this.send(email);
          const at = this.time.now();
          email.attempts += 1;
          email.lastAttemptAt = at;
          if (!error) {
            ok++;
            email.status = 'sent';
            email.sentAt = at;
          } else {
            email.status = email.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
            email.lastError = error.slice(0, 500);
            email.nextAttemptAt = new Date(at.getTime() + RETRY_BASE_MS * 2 ** (email.attempts - 1));
          }
          await m.getRepository(InvitationEmail).save(email);
        }
        return { count: ok, more: batch.length === BATCH };
      });
      sent += count;
      if (!more) return sent;
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }

  private async send(email: InvitationEmail): Promise<string | undefined> {
    try {
      await this.transporter().sendMail({
        from: this.config.MAIL_FROM,
        to: email.toAddress,
        subject: email.subject,
        text: email.textBody,
        html: email.htmlBody,
        messageId: `<${email.id}@cdr-portal>`,
        attachments: [
          {
            filename: 'invitation.ics',
            content: email.ics,
            contentType: 'text/calendar; charset=utf-8; method=REQUEST',
          },
        ],
      });
      return undefined;
    } catch (error) {
      return (error as Error).message || String(error);
    }
  }

  private transporter(): Transporter {
    this.transport ??= createTransport({
      host: this.config.SMTP_HOST,
      port: this.config.SMTP_PORT,
      secure: this.config.SMTP_SECURE,
      ...(this.config.SMTP_USER
        ? { auth: { user: this.config.SMTP_USER, pass: this.config.SMTP_PASSWORD } }
        : {}),
    });
    return this.transport;
  }
}
