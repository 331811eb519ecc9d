import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';

export type NoticeKind = 'death-notified' | 'cdrm-invitation' | 'action-due' | 'reporting-form-requested';

/**
 * An in-app message to one user. Messages carry the case reference and a link, never the child's name,
 * so they are safe to show on any screen and to copy into email.
 */
@Entity('cdr_notice')
export class Notice extends BaseRecord {
  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('uuid', { name: 'case_id', nullable: true })
  caseId!: string | null;

  @Column('text')
  kind!: NoticeKind;

  /** Makes a notice idempotent: the same key for the same user is recorded once. */
  @Column('text', { name: 'notice_key' })
  noticeKey!: string;

  @Column('text')
  message!: string;

  @Column('text')
  link!: string;

  /** A calendar invitation (.ics) to download with a meeting invitation. */
  @Column('jsonb', { nullable: true })
  attachment!: { filename: string; contentType: string; content: string } | null;

  @Column('timestamptz', { name: 'read_at', nullable: true })
  readAt!: Date | null;
}
