import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TimeSource } from '../calendar/time-source';
import type { EmailAttachment, OutboxMessageKind } from './email-outbox.entity';
import { EmailContext, EmailTemplates } from './email-templates';

export interface OutboxEmail {
  /** Reminders are written by the reminder tick, tied to their reminder. */
  kind: Exclude<OutboxMessageKind, 'reminder'>;
  /** A second message with the same key is not written. */
  key: string;
  /** Shown to administrators if delivery fails. */
  caseReference: string;
  to: string;
  /** Under templates/email, without the suffix: 'child-deaths/cdrm-invitation'. */
  template: string;
  /** What the template shows. Never a child's name or anything else about the child. */
  context: EmailContext;
  attachments?: EmailAttachment[];
}

/** Other capabilities' emails, through the same outbox, sender, retries and failures page as reminders. */
@Injectable()
export class EmailOutboxService {
  private readonly templates = new EmailTemplates();

  constructor(private readonly time: TimeSource) {}

  /** Written inside the caller's transaction: sent after commit, and never if the caller rolls back. */
  async enqueue(m: EntityManager, email: OutboxEmail): Promise<void> {
    const rendered = this.templates.renderTemplate(email.template, email.context);
    await m.query(
      `INSERT INTO email_outbox (kind, message_key, case_reference, to_address, subject, text_body, html_body,
                                 attachments, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)
       ON CONFLICT (message_key) DO NOTHING`,
      [
        email.kind,
        email.key,
        email.caseReference,
        email.to,
        rendered.subject,
        rendered.text,
        rendered.html,
        JSON.stringify(email.attachments ?? []),
        this.time.now(),
      ],
    );
  }
}
