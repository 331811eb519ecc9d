import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../common/base.entity';

/** A review the Panel decided to carry out itself, on one incident or thematically across several (WT 412–428). */
@Entity('si_national_review')
export class NationalReview extends BaseRecord {
  /** NR-YYYY-NNNN. */
  @Column('text')
  reference!: string;

  @Column('text')
  kind!: 'case' | 'thematic';

  @Column('text')
  title!: string;

  @Column('uuid', { name: 'incident_ids', array: true })
  incidentIds!: string[];

  /** The organisations of every incident in it: who may see the review. */
  @Column('uuid', { name: 'organisation_ids', array: true })
  organisationIds!: string[];

  @Column('date', { name: 'decided_on' })
  decidedOn!: string;

  @Column('text')
  scope!: string;

  @Column('text', { name: 'reviewer_name', nullable: true })
  reviewerName!: string | null;

  @Column('date', { name: 'planned_publication_date', nullable: true })
  plannedPublicationDate!: string | null;

  @Column('date', { name: 'sent_to_secretary_of_state_on', nullable: true })
  sentToSecretaryOfStateOn!: string | null;

  @Column('date', { name: 'published_on', nullable: true })
  publishedOn!: string | null;

  @Column('text', { name: 'publication_url', nullable: true })
  publicationUrl!: string | null;

  @Column('text', { name: 'delay_reason', nullable: true })
  delayReason!: string | null;

  @Column('uuid', { name: 'created_by_user_id', nullable: true })
  createdByUserId!: string | null;
}
