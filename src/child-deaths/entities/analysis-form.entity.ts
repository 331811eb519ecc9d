import { Column, Entity } from 'typeorm';
import type { IsoDate } from '../../calendar/iso-date';
import { BaseRecord } from '../../common/base.entity';
import type { AnalysisDraft } from '../rules/analysis-form';

export type AnalysisFormStatus = 'draft' | 'sent-to-cdop' | 'final';

/**
 * The case's analysis form: drafted after the CDRM, agreed by the CDOP (WT 453, 454). `answers` follow
 * the API contract's analysis body for `formVersion`.
 */
@Entity('cdr_analysis_form')
export class AnalysisForm extends BaseRecord {
  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('text', { name: 'form_version' })
  formVersion!: string;

  @Column('jsonb')
  answers!: Omit<AnalysisDraft, 'formVersion' | 'reviewedOn'>;

  @Column('text')
  status!: AnalysisFormStatus;

  @Column('uuid', { name: 'drafted_by_user_id', nullable: true })
  draftedByUserId!: string | null;

  @Column('timestamptz', { name: 'sent_to_cdop_at', nullable: true })
  sentToCdopAt!: Date | null;

  @Column('date', { name: 'reviewed_on', nullable: true })
  reviewedOn!: IsoDate | null;

  @Column('timestamptz', { name: 'finalised_at', nullable: true })
  finalisedAt!: Date | null;

  @Column('uuid', { name: 'finalised_by_user_id', nullable: true })
  finalisedByUserId!: string | null;
}
