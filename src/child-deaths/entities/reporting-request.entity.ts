import { Column, Entity } from 'typeorm';
import type { IsoDate } from '../../calendar/iso-date';
import { BaseRecord } from '../../common/base.entity';
import type { Professional } from './case-records';

export type ReportingFormKind = 'reporting' | 'supplementary';

/**
 * A reporting form (or supplementary form) asked of one agency or professional (WT 439). Its clock is
 * CDR-AGENCY-RETURN with this request's id as the subject.
 */
@Entity('cdr_reporting_request')
export class ReportingRequest extends BaseRecord {
  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('text')
  kind!: ReportingFormKind;

  @Column('text', { name: 'supplementary_type', nullable: true })
  supplementaryType!: string | null;

  @Column('jsonb')
  recipient!: Professional;

  /** The agency whose portal accounts may complete this form. */
  @Column('uuid', { name: 'agency_organisation_id', nullable: true })
  agencyOrganisationId!: string | null;

  @Column('uuid', { name: 'requested_by_user_id', nullable: true })
  requestedByUserId!: string | null;

  @Column('timestamptz', { name: 'requested_at' })
  requestedAt!: Date;

  @Column('date', { name: 'due_date' })
  dueDate!: IsoDate;

  @Column('timestamptz', { name: 'opened_at', nullable: true })
  openedAt!: Date | null;

  @Column('timestamptz', { name: 'returned_at', nullable: true })
  returnedAt!: Date | null;

  @Column('text', { name: 'returned_via', nullable: true })
  returnedVia!: 'account' | 'link' | null;

  @Column('uuid', { name: 'returned_by_user_id', nullable: true })
  returnedByUserId!: string | null;

  @Column('timestamptz', { name: 'last_chased_at', nullable: true })
  lastChasedAt!: Date | null;

  @Column('integer', { name: 'chase_count', default: 0 })
  chaseCount!: number;

  /** SHA-256 of the single-use link's token; the token itself is never stored. */
  @Column('text', { name: 'link_token_hash', nullable: true, select: false })
  linkTokenHash!: string | null;

  @Column('timestamptz', { name: 'link_expires_at', nullable: true })
  linkExpiresAt!: Date | null;

  @Column('text', { name: 'form_version' })
  formVersion!: string;

  @Column('jsonb', { nullable: true })
  answers!: Record<string, unknown> | null;
}
