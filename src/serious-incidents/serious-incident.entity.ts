import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../common/base.entity';
import type { AbuseOrNeglect, IncidentLocation, IncidentType } from './rules/incident';
import type { SafeguardingPartner } from './rules/lcspr';

export const INCIDENT_STATUSES = ['draft', 'signed-off', 'submitted'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** One safeguarding partner's view on whether the s16C(1) criteria are met (WT 370). */
export interface PartnerCriteriaView {
  partner: SafeguardingPartner;
  criteriaMet: boolean;
  reason: string;
  recordedOn: string;
  recordedByUserId: string;
  /** Who in the partner organisation agreed, when a partnership manager records it for them. */
  agreedByName: string | null;
}

/** How the partners settled a disagreement about the criteria under local dispute resolution. */
export interface CriteriaResolution {
  criteriaMet: boolean;
  how: string;
  resolvedOn: string;
  recordedByUserId: string;
}

/** A review for an incident that does not meet the criteria (WT 378, 384): never an LCSPR, never sent to the Panel. */
export interface LocalLearningReview {
  decidedOn: string;
  rationale: string;
  recordedByUserId: string;
}

/**
 * A serious child safeguarding incident, from the local authority's notification onwards. One record per
 * incident however many children (WT 372); children are in `si_child`.
 */
@Entity('serious_incident')
export class SeriousIncident extends BaseRecord {
  /** SI-YYYY-NNNN, numbered within the year the record was opened. */
  @Column('text')
  reference!: string;

  @Column('text')
  status!: IncidentStatus;

  /** The notifying local authority: the only organisation that can submit (WT 379). */
  @Column('uuid', { name: 'local_authority_id' })
  localAuthorityId!: string;

  /** The safeguarding partnership covering the notifying authority, when one is set up. */
  @Column('uuid', { name: 'partnership_id', nullable: true })
  partnershipId!: string | null;

  /** The lead area when several are involved (WT 388); the notifying area unless partners agree otherwise. */
  @Column('uuid', { name: 'lead_local_authority_id' })
  leadLocalAuthorityId!: string;

  @Column('uuid', { name: 'involved_local_authority_ids', array: true, default: () => "'{}'" })
  involvedLocalAuthorityIds!: string[];

  @Column('date', { name: 'became_aware_on' })
  becameAwareOn!: string;

  @Column('date', { name: 'incident_date', nullable: true })
  incidentDate!: string | null;

  @Column('text')
  type!: IncidentType;

  @Column('text', { name: 'other_rationale', nullable: true })
  otherRationale!: string | null;

  @Column('text', { name: 'abuse_or_neglect' })
  abuseOrNeglect!: AbuseOrNeglect;

  @Column('text')
  location!: IncidentLocation;

  @Column('text', { default: '' })
  summary!: string;

  /** physical, emotional, sexual, neglect. */
  @Column('text', { name: 'abuse_categories', array: true, default: () => "'{}'" })
  abuseCategories!: string[];

  /** online, extra-familial, institutional, child-exploitation. */
  @Column('text', { name: 'context_factors', array: true, default: () => "'{}'" })
  contextFactors!: string[];

  @Column('text', { name: 'perpetrator_relationship', nullable: true })
  perpetratorRelationship!: string | null;

  @Column('text', { name: 'police_investigation', nullable: true })
  policeInvestigation!: string | null;

  @Column('boolean', { name: 'wider_risk', default: false })
  widerRisk!: boolean;

  @Column('text', { name: 'wider_risk_details', nullable: true })
  widerRiskDetails!: string | null;

  /** The Panel consulted about an adult harmed in childhood (WT 377). */
  @Column('date', { name: 'panel_consulted_on', nullable: true })
  panelConsultedOn!: string | null;

  @Column('text', { name: 'panel_consultation_notes', nullable: true })
  panelConsultationNotes!: string | null;

  /** The child death case this incident was referred from (WT 452). */
  @Column('uuid', { name: 'child_death_case_id', nullable: true })
  childDeathCaseId!: string | null;

  @Column('jsonb', { name: 'partner_views', default: () => "'[]'" })
  partnerViews!: PartnerCriteriaView[];

  @Column('jsonb', { name: 'criteria_resolution', nullable: true })
  criteriaResolution!: CriteriaResolution | null;

  @Column('jsonb', { name: 'local_learning_review', nullable: true })
  localLearningReview!: LocalLearningReview | null;

  @Column('uuid', { name: 'signed_off_by_user_id', nullable: true })
  signedOffByUserId!: string | null;

  @Column('text', { name: 'signed_off_by_name', nullable: true })
  signedOffByName!: string | null;

  @Column('timestamptz', { name: 'signed_off_at', nullable: true })
  signedOffAt!: Date | null;

  @Column('date', { name: 'submitted_on', nullable: true })
  submittedOn!: string | null;

  @Column('text', { name: 'national_reference', nullable: true })
  nationalReference!: string | null;

  @Column('uuid', { name: 'submitted_by_user_id', nullable: true })
  submittedByUserId!: string | null;

  /** When the safeguarding partners (and other areas involved) were told (SI-PARTNERS). */
  @Column('date', { name: 'partners_informed_on', nullable: true })
  partnersInformedOn!: string | null;

  @Column('uuid', { name: 'created_by_user_id', nullable: true })
  createdByUserId!: string | null;
}
