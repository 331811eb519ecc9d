import { Column, Entity } from 'typeorm';
import type { IsoDate } from '../calendar/iso-date';
import { BaseRecord } from '../common/base.entity';
import type { StoredClockStatus } from './clock-state';
import type { PauseReason } from './pauses';
import type { ClockProcess, ClockRuleId, ClockUnit } from './rules/clock-rules';

/** A pause that has ended, as stored (instants as ISO strings in jsonb). */
export interface StoredPause {
  from: string;
  to: string;
  reason: PauseReason;
  text?: string;
}

/** One clock rule running on one case: started by its basis event, met by the action it waits for. */
@Entity('clock')
export class Clock extends BaseRecord {
  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('text', { name: 'case_type' })
  caseType!: ClockProcess;

  /** What people call the case; safe to show in reminders (never the child's name). */
  @Column('text', { name: 'case_reference' })
  caseReference!: string;

  /** Path of the case's page, for links in reminders. */
  @Column('text', { name: 'case_path' })
  casePath!: string;

  /** Owning and shared-with organisations: who may see the clock and who is reminded. */
  @Column('uuid', { name: 'organisation_ids', array: true })
  organisationIds!: string[];

  @Column('text', { name: 'rule_id' })
  ruleId!: ClockRuleId;

  /** Tells apart clocks of one rule that runs several times on a case (one per agency asked, say). */
  @Column('text', { default: '' })
  subject!: string;

  @Column('integer', { name: 'rule_version' })
  ruleVersion!: number;

  @Column('text')
  unit!: ClockUnit;

  /** The window in force when the clock started: the rule's, or the local default then. */
  @Column('integer', { name: 'window_amount' })
  windowAmount!: number;

  @Column('date', { name: 'basis_date' })
  basisDate!: IsoDate;

  @Column('timestamptz', { name: 'basis_at', nullable: true })
  basisAt!: Date | null;

  @Column('date', { name: 'due_date' })
  dueDate!: IsoDate;

  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt!: Date | null;

  @Column('text')
  status!: StoredClockStatus;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  @Column('timestamptz', { name: 'paused_since', nullable: true })
  pausedSince!: Date | null;

  @Column('text', { name: 'pause_reason', nullable: true })
  pauseReason!: PauseReason | null;

  @Column('text', { name: 'pause_text', nullable: true })
  pauseText!: string | null;

  @Column('jsonb', { default: () => "'[]'" })
  pauses!: StoredPause[];

  @Column('text', { name: 'not_applicable_reason', nullable: true })
  notApplicableReason!: string | null;

  /** When the reminder tick should next look at this clock; maintained by the reminders module. */
  @Column('timestamptz', { name: 'next_reminder_at', nullable: true })
  nextReminderAt!: Date | null;
}
