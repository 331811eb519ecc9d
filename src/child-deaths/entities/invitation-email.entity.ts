import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A meeting invitation waiting in the outbox; it exists if and only if the meeting was scheduled. */
@Entity('cdr_invitation_email')
export class InvitationEmail {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column('uuid', { name: 'meeting_id' })
  meetingId!: string;

  @Column('text', { name: 'to_address' })
  toAddress!: string;

  @Column('text')
  subject!: string;

  @Column('text', { name: 'text_body' })
  textBody!: string;

  @Column('text', { name: 'html_body' })
  htmlBody!: string;

  @Column('text')
  ics!: string;

  @Column('text', { default: 'pending' })
  status!: 'pending' | 'sent' | 'failed';

  @Column('integer', { default: 0 })
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
