/**
 * A running clock's due date and state, derived from what is stored (basis, window, pauses) so that a
 * changed calendar or a corrected basis always gives the same answer as a clock started afresh.
 */
import { endOfLondonDay } from '../calendar/iso-date';
import type { WorkingDayCalendar } from '../calendar/working-days';
import type { PausePeriod } from './pauses';
import type { ClockRule } from './rules/clock-rules';
import { ClockBasis, computeDue, DueResult, extendForPause } from './rules/compute-due';

/** What is stored: a running clock is pending or overdue depending on the day it is looked at. */
export type StoredClockStatus = 'running' | 'paused' | 'met' | 'met-late' | 'not-applicable';

/** The contract's deadline states. */
export type DeadlineStatus = 'pending' | 'met' | 'met-late' | 'overdue' | 'paused' | 'not-applicable';

/**
 * The due date of a clock whose window is `amount` (the rule's own, or the local default in force when the
 * clock started), moved on by every pause that has ended.
 */
export function dueWithPauses(
  rule: ClockRule,
  amount: number,
  basis: ClockBasis,
  pauses: readonly PausePeriod[],
  calendar: WorkingDayCalendar,
): DueResult {
  // The amount was fixed when the clock started; statutory or local, it is this clock's window now.
  const ownRule = { ...rule, window: { ...rule.window, amount } };
  return pauses.reduce(
    (due, pause) => extendForPause(rule, due, pause.from, pause.to, calendar),
    computeDue(ownRule, basis, calendar),
  );
}

/** The last instant the action is in time: the due instant for hour clocks, else the end of the London day. */
export function deadlineInstant(due: DueResult): Date {
  return due.dueAt ?? endOfLondonDay(due.dueDate);
}

export function isLate(due: DueResult, at: Date): boolean {
  return at.getTime() > deadlineInstant(due).getTime();
}

export function deadlineStatus(stored: StoredClockStatus, due: DueResult, now: Date): DeadlineStatus {
  if (stored !== 'running') return stored;
  return isLate(due, now) ? 'overdue' : 'pending';
}
