/**
 * Working days in England (Working Together 2026, footnote 209): not a Saturday, a Sunday or a bank
 * holiday. Counting follows working-days.md: day 0 is the basis date, and a basis on a non-working day
 * still makes the next working day day 1.
 */
import { bankHolidaysFor, FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from './bank-holidays';
import {
  addDays,
  dayOfWeekOfEpochDay,
  daysInMonth,
  formatIsoDate,
  fromEpochDay,
  IsoDate,
  parseIsoDate,
  toEpochDay,
} from './iso-date';
import type { ProclaimedChange } from './proclaimed-changes';

export interface CalendarCoverage {
  firstYear: number;
  lastYear: number;
}

function assertWholeNumber(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be a whole number, got ${n}`);
}

export class WorkingDayCalendar {
  private readonly holidays: ReadonlySet<number>;
  private readonly firstEpochDay: number;
  private readonly lastEpochDay: number;

  /**
   * @param holidays every bank holiday in the covered years
   * @param coverage the years those holidays are complete for; counting outside them throws rather than
   *   treat an unknown year as having no holidays
   */
  constructor(
    holidays: Iterable<IsoDate>,
    readonly coverage: CalendarCoverage = { firstYear: FIRST_SUPPORTED_YEAR, lastYear: LAST_SUPPORTED_YEAR },
  ) {
    this.holidays = new Set([...holidays].map(toEpochDay));
    this.firstEpochDay = toEpochDay(formatIsoDate(coverage.firstYear, 1, 1));
    this.lastEpochDay = toEpochDay(formatIsoDate(coverage.lastYear, 12, 31));
  }

  /** The England and Wales calendar for every supported year, with the given proclaimed changes applied. */
  static fromChanges(changes: readonly ProclaimedChange[]): WorkingDayCalendar {
    const dates: IsoDate[] = [];
    for (let year = FIRST_SUPPORTED_YEAR; year <= LAST_SUPPORTED_YEAR; year++) {
      dates.push(...bankHolidaysFor(year, changes).map((h) => h.date));
    }
    return new WorkingDayCalendar(dates);
  }

  private isWorkingEpochDay(epochDay: number): boolean {
    if (epochDay < this.firstEpochDay || epochDay > this.lastEpochDay) {
      throw new RangeError(
        `The working-day calendar covers ${this.coverage.firstYear} to ${this.coverage.lastYear}, not ${fromEpochDay(epochDay)}`,
      );
    }
    const dow = dayOfWeekOfEpochDay(epochDay);
    return dow !== 0 && dow !== 6 && !this.holidays.has(epochDay);
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.isWorkingEpochDay(toEpochDay(date));
  }

  isBankHoliday(date: IsoDate): boolean {
    return this.holidays.has(toEpochDay(date));
  }

  /**
   * The nth working day after the date (n > 0) or before it (n < 0), not counting the date itself.
   * With n = 0 the date itself, even when it is not a working day: a "same day" duty does not wait for
   * Monday.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    assertWholeNumber(n, 'Working days');
    const step = Math.sign(n);
    let epochDay = toEpochDay(date);
    for (let counted = 0; counted < Math.abs(n);) {
      epochDay += step;
      if (this.isWorkingEpochDay(epochDay)) counted++;
    }
    return fromEpochDay(epochDay);
  }

  /** "Within n working days" of the basis date: the last day on which the action is in time. */
  workingDaysAfter(basis: IsoDate, n: number): IsoDate {
    if (n < 0) throw new RangeError(`Working days after must not be negative, got ${n}`);
    return this.addWorkingDays(basis, n);
  }

  /** "n working days before" a planned date: the last day on which the action is in time. */
  workingDaysBefore(planned: IsoDate, n: number): IsoDate {
    if (n < 0) throw new RangeError(`Working days before must not be negative, got ${n}`);
    return this.addWorkingDays(planned, -n);
  }

  /**
   * Working days in (a, b] when b is later, and minus those in (b, a] when b is earlier, so that
   * addWorkingDays(a, workingDaysBetween(a, b)) is b whenever b is a working day.
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): number {
    const from = toEpochDay(a);
    const to = toEpochDay(b);
    if (to < from) return 0 - this.workingDaysBetween(b, a);
    let count = 0;
    for (let epochDay = from + 1; epochDay <= to; epochDay++) {
      if (this.isWorkingEpochDay(epochDay)) count++;
    }
    return count;
  }
}

export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  return addDays(date, n);
}

/** Same day of the month n months later; when that month is shorter, its last day (31 Aug + 6 M = 28 Feb). */
export function addCalendarMonths(date: IsoDate, n: number): IsoDate {
  assertWholeNumber(n, 'Months');
  const { year, month, day } = parseIsoDate(date);
  const monthIndex = year * 12 + (month - 1) + n;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  return formatIsoDate(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/** Exact elapsed hours: a 48 h clock across a clock change ends 48 real hours later, not at the same wall time. */
export function addHours(instant: Date, hours: number): Date {
  if (!Number.isFinite(hours)) throw new RangeError(`Hours must be a number, got ${hours}`);
  return new Date(instant.getTime() + hours * 3_600_000);
}
