import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../common/base.entity';

export const RECOMMENDATION_SOURCES = ['lcspr', 'rapid-review', 'cdop', 'national-review'] as const;
export type RecommendationSource = (typeof RECOMMENDATION_SOURCES)[number];

/**
 * A recommendation from a review: what is required of whom, by when (WT 403). Its actions carry the
 * owner agency, due date and progress (WT 410).
 */
@Entity('recommendation')
export class Recommendation extends BaseRecord {
  /** REC-YYYY-NNNN. */
  @Column('text')
  reference!: string;

  @Column('text', { name: 'source_type' })
  sourceType!: RecommendationSource;

  /** The incident, national review or child death case it came from. */
  @Column('uuid', { name: 'source_id', nullable: true })
  sourceId!: string | null;

  @Column('text', { name: 'source_reference' })
  sourceReference!: string;

  /** Who may see it: the source's organisations (and, through them, the partnership). */
  @Column('uuid', { name: 'organisation_ids', array: true })
  organisationIds!: string[];

  @Column('uuid', { name: 'partnership_id', nullable: true })
  partnershipId!: string | null;

  @Column('text')
  text!: string;

  @Column('text', { array: true, default: () => "'{}'" })
  themes!: string[];

  @Column('date', { name: 'made_on' })
  madeOn!: string;

  @Column('uuid', { name: 'created_by_user_id', nullable: true })
  createdByUserId!: string | null;
}
