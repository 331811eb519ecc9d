import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../common/base.entity';

/** The partners' assessment of the reviewer against WT 397, quality by quality. */
export const REVIEWER_QUALITIES = [
  {
    id: 'knowledge',
    label:
      'Professional knowledge, understanding and practice relevant to local child safeguarding practice reviews, including the ability to engage with practitioners, children and families',
  },
  {
    id: 'research',
    label: "Knowledge and understanding of research relevant to children's safeguarding issues",
  },
  {
    id: 'complexity',
    label:
      'Ability to recognise the complex circumstances in which practitioners work together to safeguard children',
  },
  {
    id: 'hindsight',
    label:
      'Ability to understand practice from the viewpoint of those involved at the time rather than using hindsight',
  },
  { id: 'communication', label: 'Ability to communicate findings effectively' },
  { id: 'conflict-of-interest', label: 'Any real or perceived conflict of interest' },
] as const;
export type ReviewerQualityId = (typeof REVIEWER_QUALITIES)[number]['id'];

export interface QualityAssessment {
  quality: ReviewerQualityId;
  met: boolean;
  evidence: string;
}

export interface ReviewerDeclaration {
  hasConflict: boolean;
  details: string;
  declaredAt: string;
  declaredByUserId: string;
}

/** When the reviewer declares a conflict, the partners decide whether and how it can be managed. */
export interface ConflictDecision {
  accepted: boolean;
  how: string;
  decidedOn: string;
  decidedByUserId: string;
}

/** A written request for information from the reviewer (WT 401), and its answer. */
export interface SupervisionEntry {
  id: string;
  requestedOn: string;
  requestedBy: string;
  request: string;
  respondedOn: string | null;
  response: string | null;
  recordedByUserId: string;
}

/** Practitioners and family members invited to take part (WT 400). */
export interface InvolvementEntry {
  id: string;
  kind: 'practitioner' | 'family';
  who: string;
  invitedOn: string;
  outcome: string;
  expectationsNotes: string | null;
  recordedByUserId: string;
}

/** A local child safeguarding practice review, from decision to publication (WT 393–408). */
@Entity('si_lcspr')
export class LcsprRecord extends BaseRecord {
  @Column('uuid', { name: 'incident_id' })
  incidentId!: string;

  @Column('text')
  decision!: 'lcspr' | 'no-lcspr';

  @Column('date', { name: 'decided_on' })
  decidedOn!: string;

  @Column('text')
  rationale!: string;

  @Column('text', { array: true, default: () => "'{}'" })
  criteria!: string[];

  /** When the decision was communicated to the family (WT 395). */
  @Column('date', { name: 'family_told_on', nullable: true })
  familyToldOn!: string | null;

  @Column('text', { name: 'reviewer_name', nullable: true })
  reviewerName!: string | null;

  /** Panel, Ofsted and DfE informed, naming the reviewer (SI-LCSPR-INFORM). */
  @Column('date', { name: 'informed_on', nullable: true })
  informedOn!: string | null;

  @Column('date', { name: 'commissioned_on', nullable: true })
  commissionedOn!: string | null;

  /** The reviewer's portal account: it sees the case only once the declaration lets it. */
  @Column('uuid', { name: 'reviewer_user_id', nullable: true })
  reviewerUserId!: string | null;

  @Column('jsonb', { name: 'reviewer_assessment', nullable: true })
  reviewerAssessment!: QualityAssessment[] | null;

  @Column('jsonb', { nullable: true })
  declaration!: ReviewerDeclaration | null;

  @Column('jsonb', { name: 'conflict_decision', nullable: true })
  conflictDecision!: ConflictDecision | null;

  @Column('text', { name: 'terms_of_reference', nullable: true })
  termsOfReference!: string | null;

  @Column('date', { name: 'terms_agreed_on', nullable: true })
  termsAgreedOn!: string | null;

  @Column('jsonb', { name: 'supervision_log', default: () => "'[]'" })
  supervisionLog!: SupervisionEntry[];

  @Column('jsonb', { name: 'involvement_log', default: () => "'[]'" })
  involvementLog!: InvolvementEntry[];

  @Column('date', { name: 'planned_publication_date', nullable: true })
  plannedPublicationDate!: string | null;

  /** False when only the improvements information is published (WT 404). */
  @Column('boolean', { name: 'publish_full_report', nullable: true })
  publishFullReport!: boolean | null;

  @Column('text', { name: 'reviewer_names', array: true, default: () => "'{}'" })
  reviewerNames!: string[];

  @Column('date', { name: 'sent_to_panel_on', nullable: true })
  sentToPanelOn!: string | null;

  @Column('date', { name: 'sent_to_secretary_of_state_on', nullable: true })
  sentToSecretaryOfStateOn!: string | null;

  @Column('date', { name: 'sent_to_ofsted_on', nullable: true })
  sentToOfstedOn!: string | null;

  @Column('date', { name: 'published_on', nullable: true })
  publishedOn!: string | null;

  @Column('text', { name: 'publication_url', nullable: true })
  publicationUrl!: string | null;

  @Column('text', { name: 'delay_reason', nullable: true })
  delayReason!: string | null;

  /** When the delay reasons went to the Panel and the Secretary of State (WT 408). */
  @Column('date', { name: 'delay_reason_sent_on', nullable: true })
  delayReasonSentOn!: string | null;

  /** Confirmed still publicly available at the end of the minimum year (WT 405). */
  @Column('date', { name: 'availability_confirmed_on', nullable: true })
  availabilityConfirmedOn!: string | null;
}
