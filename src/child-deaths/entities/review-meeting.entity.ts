import { Column, Entity } from 'typeorm';
import type { IsoDate } from '../../calendar/iso-date';
import { BaseRecord } from '../../common/base.entity';
import type { Professional } from './case-records';

export type ReviewMeetingStatus = 'scheduled' | 'held' | 'cancelled';

/** A child death review meeting (CDRM, WT 453). */
@Entity('cdr_review_meeting')
export class ReviewMeeting extends BaseRecord {
  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('timestamptz', { name: 'scheduled_for' })
  scheduledFor!: Date;

  @Column('text', { nullable: true })
  location!: string | null;

  @Column('jsonb')
  attendees!: Professional[];

  /** What was worth knowing when it was scheduled (short notice, post-mortem report not in). */
  @Column('text', { array: true, default: () => "'{}'" })
  warnings!: string[];

  @Column('text')
  status!: ReviewMeetingStatus;

  @Column('date', { name: 'held_on', nullable: true })
  heldOn!: IsoDate | null;

  @Column('text', { array: true, default: () => "'{}'" })
  attended!: string[];

  @Column('text', { nullable: true })
  notes!: string | null;
}
