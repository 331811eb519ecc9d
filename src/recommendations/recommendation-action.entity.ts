import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../common/base.entity';

export const RAG_STATUSES = ['red', 'amber', 'green'] as const;
export type RagStatus = (typeof RAG_STATUSES)[number];

export interface ProgressUpdate {
  on: string;
  note: string;
  rag: RagStatus;
  byUserId: string;
  byName: string;
}

/** One tracked action of a recommendation. */
@Entity('recommendation_action')
export class RecommendationAction extends BaseRecord {
  @Column('uuid', { name: 'recommendation_id' })
  recommendationId!: string;

  @Column('text')
  description!: string;

  @Column('text', { name: 'owner_agency' })
  ownerAgency!: string;

  @Column('uuid', { name: 'owner_organisation_id', nullable: true })
  ownerOrganisationId!: string | null;

  @Column('date', { name: 'due_date' })
  dueDate!: string;

  @Column('text')
  rag!: RagStatus;

  @Column('jsonb', { name: 'progress_updates', default: () => "'[]'" })
  progressUpdates!: ProgressUpdate[];

  @Column('text', { name: 'evidence_of_impact', nullable: true })
  evidenceOfImpact!: string | null;

  @Column('date', { name: 'completed_on', nullable: true })
  completedOn!: string | null;
}
