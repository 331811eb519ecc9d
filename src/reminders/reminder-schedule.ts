/**
 * When the people owing a clock are reminded (issue 5, "Reminders and escalation"): on each of the rule's
 * offsets in working days before the due date, on the due date itself, and then on every working day
 * while it is overdue. Plain functions of the due date and the instant asked about, so a tick after
 * downtime finds exactly what is due now: the latest reminder, not a flood of stale ones.
 */
import { addDays, compareIsoDates, IsoDate, londonDateOf, londonMidnight } from '../calendar/iso-date';
import type { WorkingDayCalendar } from '../calendar/working-days';

export type ReminderKind = 'due-soon' | 'due-today' | 'overdue' | 'escalation';

export interface ReminderSlot {
  kind: Exclude<ReminderKind, 'escalation'>;
  /** The day the reminder is for; with the clock, user and kind it identifies the reminder. */
  forDate: IsoDate;
}

export interface ClockDue {
  dueDate: IsoDate;
  /** Only for clocks in hours. */
  dueAt?: Date;
}

function isOverdue(due: ClockDue, now: Date): boolean {
  return due.dueAt
    ? now.getTime() > due.dueAt.getTime()
    : compareIsoDates(londonDateOf(now), due.dueDate) > 0;
}

/** The working-day offsets' dates, latest first; offset 0 (the due date) is the due-today reminder. */
function dueSoonDates(offsets: readonly number[], due: ClockDue, calendar: WorkingDayCalendar): IsoDate[] {
  return offsets
    .filter((k) => k > 0)
    .map((k) => calendar.addWorkingDays(due.dueDate, -k))
    .sort((a, b) => compareIsoDates(b, a));
}

/** The reminder that should exist at `now`, if any. */
export function reminderDueNow(
  offsets: readonly number[],
  due: ClockDue,
  now: Date,
  calendar: WorkingDayCalendar,
): ReminderSlot | undefined {
  const today = londonDateOf(now);
  if (isOverdue(due, now)) {
    return calendar.isWorkingDay(today) ? { kind: 'overdue', forDate: today } : undefined;
  }
  if (today === due.dueDate && offsets.includes(0)) return { kind: 'due-today', forDate: today };
  const latest = dueSoonDates(offsets, due, calendar).find((date) => compareIsoDates(date, today) <= 0);
  return latest ? { kind: 'due-soon', forDate: latest } : undefined;
}

/** The first instant after `now` at which reminderDueNow may give a new reminder. */
export function nextReminderAt(
  offsets: readonly number[],
  due: ClockDue,
  now: Date,
  calendar: WorkingDayCalendar,
): Date {
  const today = londonDateOf(now);
  if (isOverdue(due, now)) return londonMidnight(calendar.addWorkingDays(today, 1));
  const overdueFrom = due.dueAt ? new Date(due.dueAt.getTime() + 1) : londonMidnight(addDays(due.dueDate, 1));
  const starts = [...dueSoonDates(offsets, due, calendar), ...(offsets.includes(0) ? [due.dueDate] : [])].map(
    londonMidnight,
  );
  return [...starts, overdueFrom]
    .filter((instant) => instant.getTime() > now.getTime())
    .reduce((a, b) => (a.getTime() <= b.getTime() ? a : b));
}
