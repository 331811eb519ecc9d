import { isIsoDate, IsoDate } from '../../calendar/iso-date';

export type DateParts = { day?: unknown; month?: unknown; year?: unknown };

export type DateOutcome = { empty: true } | { date: IsoDate } | { error: string; anchor: string };

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** GOV.UK lets people type the month as a number or a name ("3", "Mar", "March"). */
function monthNumber(text: string): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const index = MONTHS.findIndex((m) => text.length >= 3 && m.startsWith(text.toLowerCase()));
  return index >= 0 ? index + 1 : undefined;
}

/**
 * Reads a GOV.UK date input (three boxes: `<field>-day`, `-month`, `-year`). Errors follow the design
 * system's wording and point at the first box to fix. `label` is how the message names the date, such
 * as "Date of death".
 */
export function readDateInput(field: string, parts: DateParts, label: string): DateOutcome {
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const day = text(parts.day);
  const month = text(parts.month);
  const year = text(parts.year);
  if (!day && !month && !year) return { empty: true };
  const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean) as string[];
  if (missing.length) {
    return { error: `${label} must include a ${missing.join(' and ')}`, anchor: `${field}-${missing[0]}` };
  }
  const m = monthNumber(month);
  if (!/^\d{1,2}$/.test(day) || m === undefined || !/^\d{4}$/.test(year)) {
    return { error: `${label} must be a real date`, anchor: `${field}-day` };
  }
  const iso = `${year}-${String(m).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(iso) ? { date: iso } : { error: `${label} must be a real date`, anchor: `${field}-day` };
}

/** The three boxes' values for a date already known, to fill the input again. */
export function dateInputValues(date: IsoDate | undefined): { day: string; month: string; year: string } {
  if (!date) return { day: '', month: '', year: '' };
  const [year, month, day] = date.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}
