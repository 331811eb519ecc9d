import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import type { DuplicateMatch } from '../rules/duplicate-matching';
import type { Professional, StoredJarEvaluation } from './case-records';

/** One agency's notification of a death, kept exactly as it was submitted. */
@Entity('cdr_notification')
export class ChildDeathNotification extends BaseRecord {
  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('timestamptz', { name: 'notified_at' })
  notifiedAt!: Date;

  @Column('uuid', { name: 'submitted_by_user_id', nullable: true })
  submittedByUserId!: string | null;

  @Column('jsonb')
  notifier!: Professional;

  /** The request body as submitted, field names as in the API contract. */
  @Column('jsonb')
  answers!: Record<string, unknown>;

  /** The joint agency response criteria this notification's own answers met. */
  @Column('jsonb', { name: 'jar_evaluation' })
  jarEvaluation!: StoredJarEvaluation;

  /** How it was matched to a case already open, when it was. */
  @Column('jsonb', { nullable: true })
  matched!: Omit<DuplicateMatch, 'match'> | null;
}
