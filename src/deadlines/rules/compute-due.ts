/**
 * Due dates of clock rules. Deadlines are London dates; an event's instant is turned into its London
 * date before counting, except for clocks in hours, which run from the exact instant (working-days.md,
 * "Counting").
 */
import { daysBetween, IsoDate, londonDateOf } from '../../calendar/iso-date';
import {
  addCalendarDays,
  addCalendarMonths,
  addHours,
  WorkingDayCalendar,
} from '../../calendar/working-days';
import { canOverride, ClockRule, ClockUnit } from './clock-rules';

/** When the basis event happened: its date, its instant, or both (they must then agree in London). */
export interface ClockBasis {
  date?: IsoDate;
  instant?: Date;
}

export interface DueResult {
  /** The London date by which the action is due (for hour clocks, the London date of dueAt). */
  dueDate: IsoDate;
  /** Only for clocks in hours: the exact instant. */
  dueAt?: Date;
}

/** A local CDOP or partnership amount replacing the rule's default. */
export interface WindowOverride {
  amount: number;
}

export class RuleOverrideNotAllowedError extends Error {
  constructor(readonly ruleId: string) {
    super(`${ruleId} is a statutory window and cannot be changed; it can only be paused with a reason`);
    this.name = 'RuleOverrideNotAllowedError';
  }
}

function basisDate(rule: ClockRule, basis: ClockBasis): IsoDate {
  const fromInstant = basis.instant && londonDateOf(basis.instant);
  if (basis.date !== undefined && fromInstant !== undefined && basis.date !== fromInstant) {
    throw new RangeError(
      `${rule.id}: basis date ${basis.date} is not the London date of the basis instant (${fromInstant})`,
    );
  }
  const date = basis.date ?? fromInstant;
  if (date === undefined) throw new RangeError(`${rule.id}: the basis event needs a date or an instant`);
  return date;
}

function addInUnit(calendar: WorkingDayCalendar, date: IsoDate, unit: Exclude<ClockUnit, 'H'>, n: number) {
  switch (unit) {
    case 'WD':
      return calendar.addWorkingDays(date, n);
    case 'CD':
      return addCalendarDays(date, n);
    case 'M':
      return addCalendarMonths(date, n);
    case 'Y':
      return addCalendarMonths(date, 12 * n);
  }
}

/**
 * The due date (and, for hour clocks, the due instant) of a rule started by its basis event. Throws
 * RuleOverrideNotAllowedError when an override is given for a statutory rule.
 */
export function computeDue(
  rule: ClockRule,
  basis: ClockBasis,
  calendar: WorkingDayCalendar,
  override?: WindowOverride,
): DueResult {
  if (override && !canOverride(rule)) throw new RuleOverrideNotAllowedError(rule.id);
  const amount = override?.amount ?? rule.window.amount;
  if (!Number.isInteger(amount) || amount < 0) {
    throw new RangeError(
      `${rule.id}: the window must be a whole number of ${rule.window.unit}, not ${amount}`,
    );
  }
  const signed = rule.window.direction === 'before' ? -amount : amount;
  if (rule.window.unit === 'H') {
    if (!basis.instant)
      throw new RangeError(`${rule.id} counts hours, so it needs the instant of its basis event`);
    const dueAt = addHours(basis.instant, signed);
    return { dueDate: londonDateOf(dueAt), dueAt };
  }
  return { dueDate: addInUnit(calendar, basisDate(rule, basis), rule.window.unit, signed) };
}

/**
 * The due date after a pause, moved later by the time paused counted in the rule's own unit: working
 * days paused for WD clocks, exact time for hour clocks, and calendar days for CD, M and Y clocks (a
 * month has no fixed length, so a pause of some days cannot be a number of months).
 */
export function extendForPause(
  rule: ClockRule,
  due: DueResult,
  pausedFrom: Date,
  pausedTo: Date,
  calendar: WorkingDayCalendar,
): DueResult {
  const pausedMs = pausedTo.getTime() - pausedFrom.getTime();
  if (!(pausedMs >= 0)) throw new RangeError(`${rule.id}: a pause must end after it starts`);
  if (rule.window.unit === 'H') {
    if (!due.dueAt) throw new RangeError(`${rule.id} counts hours, so its due instant is needed`);
    const dueAt = new Date(due.dueAt.getTime() + pausedMs);
    return { dueDate: londonDateOf(dueAt), dueAt };
  }
  const from = londonDateOf(pausedFrom);
  const to = londonDateOf(pausedTo);
  if (rule.window.unit === 'WD') {
    return { dueDate: calendar.addWorkingDays(due.dueDate, calendar.workingDaysBetween(from, to)) };
  }
  return { dueDate: addCalendarDays(due.dueDate, daysBetween(from, to)) };
}
