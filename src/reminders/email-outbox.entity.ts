import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'sent' | 'failed';

/** What the message is: a reminder (of a clock) or a child death review meeting invitation. */
export type OutboxMessageKind = 'reminder' | 'cdrm-invitation';

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/**
 * An email written in the same transaction as the change it tells of (a reminder, a scheduled meeting),
 * and sent after commit by the outbox sender.
 */
@Entity('email_outbox')
export class EmailOutbox {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column('text')
  kind!: OutboxMessageKind;

  /** Set for reminders, and only for them. */
  @Column('uuid', { name: 'reminder_id', unique: true, nullable: true })
  reminderId!: string | null;

  /** Makes a message that has no reminder idempotent: a second one with the same key is not written. */
  @Column('text', { name: 'message_key', unique: true, nullable: true })
  messageKey!: string | null;

  /** Shown to administrators when delivery fails. */
  @Column('text', { name: 'case_reference', nullable: true })
  caseReference!: string | null;

  @Column('text', { name: 'to_address' })
  toAddress!: string;

  @Column('text')
  subject!: string;

  @Column('text', { name: 'text_body' })
  textBody!: string;

  @Column('text', { name: 'html_body' })
  htmlBody!: string;

  @Column('jsonb')
  attachments!: EmailAttachment[];

  @Column('text')
  status!: OutboxStatus;

  @Column('integer')
  attempts!: number;

  @Column('timestamptz', { name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  @Column('timestamptz', { name: 'last_attempt_at', nullable: true })
  lastAttemptAt!: Date | null;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt!: Date | null;
}
