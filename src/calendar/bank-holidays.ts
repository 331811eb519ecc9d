/**
 * England and Wales bank holidays, computed by rule (working-days.md, "Regular holidays") and then
 * adjusted by proclaimed one-off changes, which are data because a proclamation can come at a few
 * months' notice.
 */
import {
  addDays,
  compareIsoDates,
  dayOfWeek,
  daysInMonth,
  formatIsoDate,
  IsoDate,
  parseIsoDate,
} from './iso-date';
import type { ProclaimedChange } from './proclaimed-changes';

export interface BankHoliday {
  date: IsoDate;
  name: string;
}

export const FIRST_SUPPORTED_YEAR = 1990;
export const LAST_SUPPORTED_YEAR = 2100;

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(
      `Bank holidays are known for ${FIRST_SUPPORTED_YEAR} to ${LAST_SUPPORTED_YEAR} only, not ${year}`,
    );
  }
}

/** Gregorian Easter Sunday (the anonymous, or Meeus/Jones/Butcher, algorithm). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate(year, month, day);
}

const MONDAY = 1;

function firstMonday(year: number, month: number): IsoDate {
  const first = formatIsoDate(year, month, 1);
  return addDays(first, (MONDAY - dayOfWeek(first) + 7) % 7);
}

function lastMonday(year: number, month: number): IsoDate {
  const last = formatIsoDate(year, month, daysInMonth(year, month));
  return addDays(last, -((dayOfWeek(last) - MONDAY + 7) % 7));
}

function newYear(year: number): BankHoliday {
  const jan1 = formatIsoDate(year, 1, 1);
  const dow = dayOfWeek(jan1);
  if (dow === 6) return { date: addDays(jan1, 2), name: "New Year's Day (substitute day)" };
  if (dow === 0) return { date: addDays(jan1, 1), name: "New Year's Day (substitute day)" };
  return { date: jan1, name: "New Year's Day" };
}

// The table "How the two Christmas substitutes combine" in working-days.md.
function christmas(year: number): BankHoliday[] {
  const date = (day: number) => formatIsoDate(year, 12, day);
  switch (dayOfWeek(date(25))) {
    case 5:
      return [
        { date: date(25), name: 'Christmas Day' },
        { date: date(28), name: 'Boxing Day (substitute day)' },
      ];
    case 6:
      return [
        { date: date(27), name: 'Christmas Day (substitute day)' },
        { date: date(28), name: 'Boxing Day (substitute day)' },
      ];
    case 0:
      return [
        { date: date(26), name: 'Boxing Day' },
        { date: date(27), name: 'Christmas Day (substitute day)' },
      ];
    default:
      return [
        { date: date(25), name: 'Christmas Day' },
        { date: date(26), name: 'Boxing Day' },
      ];
  }
}

const byDate = (a: BankHoliday, b: BankHoliday) => compareIsoDates(a.date, b.date);

/** The eight holidays of a year before any proclaimed change, sorted by date. */
export function regularBankHolidays(year: number): BankHoliday[] {
  assertSupportedYear(year);
  const easter = easterSunday(year);
  return [
    newYear(year),
    { date: addDays(easter, -2), name: 'Good Friday' },
    { date: addDays(easter, 1), name: 'Easter Monday' },
    { date: firstMonday(year, 5), name: 'Early May bank holiday' },
    { date: lastMonday(year, 5), name: 'Spring bank holiday' },
    { date: lastMonday(year, 8), name: 'Summer bank holiday' },
    ...christmas(year),
  ].sort(byDate);
}

/**
 * The year's holidays after applying the changes in the order given, so a later change may move a
 * holiday that an earlier one created. A change's new date counts in its own year and the date it
 * replaces is removed from its own year, so a move across New Year works.
 *
 * Throws a RangeError when a change replaces a date that is not a holiday at that point, or adds a
 * date that already is one: both mean the change was entered wrongly, and a silently wrong calendar
 * would move statutory deadlines without anyone noticing.
 */
export function bankHolidaysFor(year: number, changes: readonly ProclaimedChange[]): BankHoliday[] {
  const holidays = new Map(regularBankHolidays(year).map((h) => [h.date, h.name]));
  const inYear = (date: IsoDate) => parseIsoDate(date).year === year;
  for (const change of changes) {
    if (change.replaces !== undefined && inYear(change.replaces)) {
      if (!holidays.delete(change.replaces)) {
        throw new RangeError(
          `${change.name} on ${change.date} replaces ${change.replaces}, which is not a bank holiday`,
        );
      }
    }
    if (inYear(change.date)) {
      if (holidays.has(change.date)) {
        throw new RangeError(
          `${change.name}: ${change.date} is already a bank holiday (${holidays.get(change.date)})`,
        );
      }
      holidays.set(change.date, change.name);
    }
  }
  return [...holidays].map(([date, name]) => ({ date, name })).sort(byDate);
}
