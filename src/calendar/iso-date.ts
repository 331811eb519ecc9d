/**
 * Calendar dates as plain 'YYYY-MM-DD' strings, and the Europe/London view of instants.
 *
 * Deadlines are London dates (working-days.md, "Counting"), so dates never carry a time or an offset:
 * arithmetic is done on whole days counted from 1970-01-01, which no clock change can disturb.
 */
export type IsoDate = string;

/** 0 = Sunday … 6 = Saturday, as JavaScript's getUTCDay. */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// setUTCFullYear, unlike Date.UTC, does not map years 0–99 onto 1900–1999.
function utcMs({ year, month, day }: DateParts): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcMs({ year, month: month + 1, day: 0 })).getUTCDate();
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/** Throws a RangeError naming the value, so a bad date is caught where it enters and not days later. */
export function parseIsoDate(value: IsoDate): DateParts {
  if (!isIsoDate(value))
    throw new RangeError(`Not a calendar date in YYYY-MM-DD form: ${JSON.stringify(value)}`);
  return {
    year: Number(value.slice(0, 4)),
    month: Number(value.slice(5, 7)),
    day: Number(value.slice(8, 10)),
  };
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isIsoDate(iso)) throw new RangeError(`No such date: ${year}-${month}-${day}`);
  return iso;
}

/** Days since 1970-01-01. */
export function toEpochDay(date: IsoDate): number {
  return Math.round(utcMs(parseIsoDate(date)) / MS_PER_DAY);
}

export function fromEpochDay(epochDay: number): IsoDate {
  const d = new Date(epochDay * MS_PER_DAY);
  return formatIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function dayOfWeekOfEpochDay(epochDay: number): DayOfWeek {
  // 1970-01-01 was a Thursday.
  return ((((epochDay + 4) % 7) + 7) % 7) as DayOfWeek;
}

export function dayOfWeek(date: IsoDate): DayOfWeek {
  return dayOfWeekOfEpochDay(toEpochDay(date));
}

export function isWeekend(date: IsoDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Days must be a whole number, got ${days}`);
  return fromEpochDay(toEpochDay(date) + days);
}

/** Calendar days from a to b: positive when b is later. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** -1, 0 or 1, for Array.prototype.sort. */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const diff = daysBetween(b, a);
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

const londonFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function londonWallClock(instant: Date): DateParts & { hour: number; minute: number; second: number } {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid instant');
  const parts = londonFormat.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

/** The date on a London calendar at that instant (GMT in winter, BST in summer). */
export function londonDateOf(instant: Date): IsoDate {
  const { year, month, day } = londonWallClock(instant);
  return formatIsoDate(year, month, day);
}

// London's offset from UTC in ms at an instant; whole seconds, so milliseconds are left out of both sides.
function londonOffsetMs(instantMs: number): number {
  const wall = londonWallClock(new Date(instantMs));
  const wallAsUtc = utcMs(wall) + ((wall.hour * 60 + wall.minute) * 60 + wall.second) * 1000;
  return wallAsUtc - (instantMs - (((instantMs % 1000) + 1000) % 1000));
}

/** The instant London's clocks read 00:00 on that date. London changes its clocks at 01:00 UTC, so it exists. */
export function londonMidnight(date: IsoDate): Date {
  const wallMs = toEpochDay(date) * MS_PER_DAY;
  const first = wallMs - londonOffsetMs(wallMs);
  return new Date(wallMs - londonOffsetMs(first));
}

/** The last millisecond of that London date: a deadline on this date is still met at this instant. */
export function endOfLondonDay(date: IsoDate): Date {
  return new Date(londonMidnight(addDays(date, 1)).getTime() - 1);
}
