import type { IsoDate } from '../calendar/iso-date';
import type { ClockHistory, ClockChange } from './clock-history.entity';
import { deadlineStatus, DeadlineStatus } from './clock-state';
import type { Clock } from './clock.entity';
import type { PauseReason } from './pauses';
import { BasisEvent, ClockProcess, clockRule, ClockRuleId, ClockWindow, RuleKind } from './rules/clock-rules';

export interface DeadlineHistoryView {
  at: Date;
  change: ClockChange;
  dueDateBefore?: IsoDate;
  dueDateAfter?: IsoDate;
  dueAtBefore?: Date;
  dueAtAfter?: Date;
  details: Record<string, unknown>;
}

/** The contract's deadline shape, with the record fields and what a person needs to act on it. */
export interface DeadlineView {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  caseId: string;
  caseType: ClockProcess;
  caseReference: string;
  link: string;
  rule: ClockRuleId;
  title: string;
  kind: RuleKind;
  subject?: string;
  basisEvent: BasisEvent;
  basisDate: IsoDate;
  basisAt?: Date;
  window: ClockWindow;
  dueDate: IsoDate;
  dueAt?: Date;
  status: DeadlineStatus;
  completedAt?: Date;
  pausedReason?: PauseReason;
  pausedReasonText?: string;
  pausedSince?: Date;
  notApplicableReason?: string;
  history?: DeadlineHistoryView[];
}

function historyView(row: ClockHistory): DeadlineHistoryView {
  return {
    at: row.at,
    change: row.change,
    ...(row.dueDateBefore ? { dueDateBefore: row.dueDateBefore } : {}),
    ...(row.dueDateAfter ? { dueDateAfter: row.dueDateAfter } : {}),
    ...(row.dueAtBefore ? { dueAtBefore: row.dueAtBefore } : {}),
    ...(row.dueAtAfter ? { dueAtAfter: row.dueAtAfter } : {}),
    details: row.details,
  };
}

/** Pending or overdue is decided at `now`, so the same stored clock reads differently tomorrow. */
export function toDeadlineView(clock: Clock, now: Date, history?: ClockHistory[]): DeadlineView {
  const rule = clockRule(clock.ruleId);
  const due = { dueDate: clock.dueDate, ...(clock.dueAt ? { dueAt: clock.dueAt } : {}) };
  return {
    id: clock.id,
    createdAt: clock.createdAt,
    updatedAt: clock.updatedAt,
    version: clock.version,
    caseId: clock.caseId,
    caseType: clock.caseType,
    caseReference: clock.caseReference,
    link: clock.casePath,
    rule: clock.ruleId,
    title: rule.title,
    kind: rule.kind,
    ...(clock.subject ? { subject: clock.subject } : {}),
    basisEvent: rule.basisEvent,
    basisDate: clock.basisDate,
    ...(clock.basisAt ? { basisAt: clock.basisAt } : {}),
    window: { amount: clock.windowAmount, unit: clock.unit, direction: rule.window.direction },
    ...due,
    status: deadlineStatus(clock.status, due, now),
    ...(clock.completedAt ? { completedAt: clock.completedAt } : {}),
    ...(clock.pauseReason ? { pausedReason: clock.pauseReason } : {}),
    ...(clock.pauseText ? { pausedReasonText: clock.pauseText } : {}),
    ...(clock.pausedSince ? { pausedSince: clock.pausedSince } : {}),
    ...(clock.notApplicableReason ? { notApplicableReason: clock.notApplicableReason } : {}),
    ...(history ? { history: history.map(historyView) } : {}),
  };
}
