import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { TimeSource } from '../calendar/time-source';
import { AppConfig } from '../config/app-config';
import type { EmailAttachment } from './email-outbox.entity';

/** Attempts before a message is given up as failed and shown to administrators. */
export const MAX_SEND_ATTEMPTS = 8;
/** Wait after the first failure; it doubles with each further failure (1, 2, 4 … 64 minutes). */
export const RETRY_BASE_MS = 60_000;
const SEND_BATCH = 25;
// The server cannot be reached at all: the rest of the batch would only wait for the same timeout.
const CONNECTION_ERRORS = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'EAUTH']);

interface PendingEmail {
  id: string;
  reminder_id: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  attachments: EmailAttachment[];
  attempts: number;
}

export interface SendResult {
  sent: number;
  retrying: number;
  failed: number;
}

export function retryDelayMs(attempts: number): number {
  return RETRY_BASE_MS * 2 ** (attempts - 1);
}

/**
 * Sends the email outbox. Each batch is claimed with FOR UPDATE SKIP LOCKED and stays locked until it is
 * marked sent, so two instances never pick the same message; a failure is retried later with exponential
 * backoff, and after MAX_SEND_ATTEMPTS it is marked failed.
 */
@Injectable()
export class OutboxSender implements OnApplicationShutdown {
  private transport?: Transporter;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly time: TimeSource,
  ) {}

  async sendDue(): Promise<SendResult> {
    const total: SendResult = { sent: 0, retrying: 0, failed: 0 };
    if (!this.config.SMTP_HOST) return total;
    for (;;) {
      const result = await this.dataSource.transaction(async (m) => {
        const batch: PendingEmail[] = await m.query(
          `SELECT id, reminder_id, to_address, subject, text_body, html_body, attachments, attempts
             FROM email_outbox
            WHERE status = 'pending' AND next_attempt_at <= $1
            ORDER BY next_attempt_at, id
            LIMIT $2
              FOR UPDATE SKIP LOCKED`,
          [this.time.now(), SEND_BATCH],
        );
        const counts = { sent: 0, retrying: 0, failed: 0, more: batch.length === SEND_BATCH };
        for (const email of batch) {
          const { error, unreachable } = await this.send(email);
          const at = this.time.now();
          const attempts = email.attempts + 1;
          if (!error) {
            counts.sent++;
            await m.query(
              `UPDATE email_outbox SET status = 'sent', attempts = $2, sent_at = $3, last_attempt_at = $3,
                      updated_at = now() WHERE id = $1`,
              [email.id, attempts, at],
            );
          } else {
            const gaveUp = attempts >= MAX_SEND_ATTEMPTS;
            if (gaveUp) counts.failed++;
            else counts.retrying++;
            await m.query(
              `UPDATE email_outbox SET status = $2, attempts = $3, last_attempt_at = $4, last_error = $5,
                      next_attempt_at = $6, updated_at = now() WHERE id = $1`,
              [
                email.id,
                gaveUp ? 'failed' : 'pending',
                attempts,
                at,
                error.slice(0, 500),
                new Date(at.getTime() + retryDelayMs(attempts)),
              ],
            );
            if (unreachable) {
              counts.more = false;
              break;
            }
          }
        }
        return counts;
      });
      total.sent += result.sent;
      total.retrying += result.retrying;
      total.failed += result.failed;
      if (!result.more) return total;
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }

  /** No error when sent; otherwise what went wrong, for the administrators' failures page. */
  private async send(email: PendingEmail): Promise<{ error?: string; unreachable?: boolean }> {
    try {
      await this.transporter().sendMail({
        from: this.config.MAIL_FROM,
        to: email.to_address,
        subject: email.subject,
        text: email.text_body,
        html: email.html_body,
        messageId: `<${email.id}@cdr-portal>`,
        ...(email.reminder_id ? { headers: { 'X-Reminder-Id': email.reminder_id } } : {}),
        attachments: email.attachments,
      });
      return {};
    } catch (error) {
      const code = (error as { code?: string }).code;
      return {
        error: (error as Error).message || String(error),
        unreachable: code !== undefined && CONNECTION_ERRORS.has(code),
      };
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
      pool: true,
      maxConnections: 2,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return this.transport;
  }
}
