import { Column, Entity } from 'typeorm';
import type { IsoDate } from '../../calendar/iso-date';
import { BaseRecord } from '../../common/base.entity';
import type { CaseState, PauseReason } from '../rules/case-lifecycle';
import type {
  DesignatedDoctorInformed,
  Investigations,
  JarDecisionRecord,
  JarRecord,
  KeyWorker,
  SeriousIncidentLink,
  StateChange,
  StoredJarEvaluation,
} from './case-records';

/**
 * One child's death, however many agencies notified it. The identity columns hold the reconciled view of
 * the notifications (each kept as submitted in cdr_notification) so that later notifications can be
 * matched against it.
 */
@Entity('cdr_case')
export class ChildDeathCase extends BaseRecord {
  /** CDR-YYYY-NNNN: safe to show in reminders and emails, unlike the child's name. */
  @Column('text')
  reference!: string;

  @Column('text')
  state!: CaseState;

  @Column('jsonb', { name: 'state_history', default: () => "'[]'" })
  stateHistory!: StateChange[];

  @Column('text', { name: 'paused_reason', nullable: true })
  pausedReason!: PauseReason | null;

  @Column('text', { name: 'paused_text', nullable: true })
  pausedText!: string | null;

  @Column('timestamptz', { name: 'paused_since', nullable: true })
  pausedSince!: Date | null;

  /** The CDOP recorded as reviewing the death: normally the one where the child lived (WT 440). */
  @Column('uuid', { name: 'owning_cdop_id' })
  owningCdopId!: string;

  /** Other CDOPs that can see the case: where a non-resident child died, or the one first notified. */
  @Column('uuid', { name: 'shared_with_cdop_ids', array: true, default: () => "'{}'" })
  sharedWithCdopIds!: string[];

  @Column('uuid', { name: 'resident_local_authority_id', nullable: true })
  residentLocalAuthorityId!: string | null;

  @Column('uuid', { name: 'place_of_death_local_authority_id', nullable: true })
  placeOfDeathLocalAuthorityId!: string | null;

  @Column('text', { name: 'nhs_number', nullable: true })
  nhsNumber!: string | null;

  @Column('text', { name: 'given_name', nullable: true })
  givenName!: string | null;

  @Column('text', { name: 'family_name', nullable: true })
  familyName!: string | null;

  @Column('date', { name: 'date_of_birth' })
  dateOfBirth!: IsoDate;

  @Column('date', { name: 'date_of_death' })
  dateOfDeath!: IsoDate;

  /** When the death (or first awareness of it) happened: the basis of CDR-NOTIFY. */
  @Column('timestamptz', { name: 'death_known_at' })
  deathKnownAt!: Date;

  @Column('timestamptz', { name: 'first_notified_at' })
  firstNotifiedAt!: Date;

  @Column('boolean')
  expected!: boolean;

  @Column('boolean', { name: 'looked_after', default: false })
  lookedAfter!: boolean;

  /** The WT 449 criteria met by any notification. */
  @Column('jsonb', { name: 'jar_evaluation' })
  jarEvaluation!: StoredJarEvaluation;

  @Column('jsonb', { name: 'jar_decision', nullable: true })
  jarDecision!: JarDecisionRecord | null;

  @Column('jsonb', { name: 'jar_record', nullable: true })
  jarRecord!: JarRecord | null;

  @Column('jsonb', { name: 'designated_doctor_informed', nullable: true })
  designatedDoctorInformed!: DesignatedDoctorInformed | null;

  @Column('jsonb', { name: 'key_worker', nullable: true })
  keyWorker!: KeyWorker | null;

  @Column('jsonb', { default: () => "'{}'" })
  investigations!: Investigations;

  @Column('jsonb', { name: 'serious_incident_links', default: () => "'[]'" })
  seriousIncidentLinks!: SeriousIncidentLink[];

  @Column('date', { name: 'cdrm_held_on', nullable: true })
  cdrmHeldOn!: IsoDate | null;

  @Column('date', { name: 'cdop_reviewed_on', nullable: true })
  cdopReviewedOn!: IsoDate | null;

  @Column('date', { name: 'ncmd_submitted_on', nullable: true })
  ncmdSubmittedOn!: IsoDate | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  /** Set when an administrator merged this case into another: it then stays only as a pointer. */
  @Column('uuid', { name: 'merged_into_case_id', nullable: true })
  mergedIntoCaseId!: string | null;
}

/** Every organisation whose people may see the case. */
export function caseOrganisationIds(c: Pick<ChildDeathCase, 'owningCdopId' | 'sharedWithCdopIds'>): string[] {
  return [c.owningCdopId, ...c.sharedWithCdopIds];
}
