import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../common/base.entity';
import type { SafeguardingPartner } from './rules/lcspr';

export interface AgencyInvolvement {
  agency: string;
  summary: string;
}

/** A request to an agency for its contribution to the rapid review, tracked until it comes back. */
export interface AgencyContribution {
  id: string;
  agency: string;
  organisationId: string | null;
  requestedOn: string;
  dueOn: string;
  receivedOn: string | null;
  summary: string | null;
}

export interface SafetyAction {
  action: string;
  owner: string;
  dueDate?: string;
}

export interface PartnerSignOff {
  partner: SafeguardingPartner;
  organisationId: string | null;
  signedOn: string;
  recordedByUserId: string;
  /** The person in the partner who agreed: the signed-in partner, or named by a partnership manager. */
  agreedByName: string;
  at: string;
}

export const PANEL_NATIONAL_REVIEW_DECISIONS = [
  'national-review',
  'local-review',
  'no-further-review',
] as const;
export type PanelNationalReviewDecision = (typeof PANEL_NATIONAL_REVIEW_DECISIONS)[number];

/** The rapid review (WT 385, 392–393): the five sections of its purpose and the Panel's reply. */
@Entity('si_rapid_review')
export class RapidReviewRecord extends BaseRecord {
  @Column('uuid', { name: 'incident_id' })
  incidentId!: string;

  @Column('text', { nullable: true })
  facts!: string | null;

  @Column('jsonb', { name: 'agency_involvement', default: () => "'[]'" })
  agencyInvolvement!: AgencyInvolvement[];

  @Column('jsonb', { name: 'agency_contributions', default: () => "'[]'" })
  agencyContributions!: AgencyContribution[];

  /** Null until section 2 is answered; an empty list records that no immediate action was needed. */
  @Column('jsonb', { name: 'immediate_safety_actions', nullable: true })
  immediateSafetyActions!: SafetyAction[] | null;

  @Column('text', { nullable: true })
  learning!: string | null;

  @Column('boolean', { name: 'lcspr_recommended', nullable: true })
  lcsprRecommended!: boolean | null;

  @Column('text', { name: 'lcspr_criteria', array: true, default: () => "'{}'" })
  lcsprCriteria!: string[];

  @Column('text', { name: 'lcspr_rationale', nullable: true })
  lcsprRationale!: string | null;

  @Column('boolean', { name: 'national_review_may_be_appropriate', nullable: true })
  nationalReviewMayBeAppropriate!: boolean | null;

  @Column('text', { name: 'national_review_rationale', nullable: true })
  nationalReviewRationale!: string | null;

  @Column('date', { name: 'family_informed_on', nullable: true })
  familyInformedOn!: string | null;

  @Column('text', { name: 'family_informed_how', nullable: true })
  familyInformedHow!: string | null;

  @Column('jsonb', { name: 'sign_offs', default: () => "'[]'" })
  signOffs!: PartnerSignOff[];

  @Column('date', { name: 'submitted_on', nullable: true })
  submittedOn!: string | null;

  @Column('uuid', { name: 'submitted_by_user_id', nullable: true })
  submittedByUserId!: string | null;

  @Column('date', { name: 'panel_reply_on', nullable: true })
  panelReplyOn!: string | null;

  @Column('text', { name: 'panel_reply_summary', nullable: true })
  panelReplySummary!: string | null;

  @Column('text', { name: 'panel_national_review_decision', nullable: true })
  panelNationalReviewDecision!: PanelNationalReviewDecision | null;
}
