import { formatLondonDate, formatLondonDateTime } from '../pdf/london-time';

/** How values read on a printed document: the same words wherever a document prints them. */

export interface SummaryRow {
  key: string;
  value: string;
}

export const NOT_RECORDED_TEXT = 'Not recorded';

export function dateText(value: string | Date | null | undefined): string {
  return value ? formatLondonDate(value) : NOT_RECORDED_TEXT;
}

export function dateTimeText(value: string | Date | null | undefined): string {
  return value ? formatLondonDateTime(value) : NOT_RECORDED_TEXT;
}

export function yesNoText(value: boolean | null | undefined): string {
  return value === true ? 'Yes' : value === false ? 'No' : NOT_RECORDED_TEXT;
}

export function textOrNotRecorded(value: unknown): string {
  if (value === null || value === undefined) return NOT_RECORDED_TEXT;
  const text = String(value).trim();
  return text === '' ? NOT_RECORDED_TEXT : text;
}

export function labelOf(labels: Readonly<Record<string, string>>, value: unknown): string {
  return typeof value === 'string' && Object.hasOwn(labels, value) ? labels[value] : textOrNotRecorded(value);
}

/** A name as recorded, or what to print while it is not known. */
export function personName(givenName: unknown, familyName: unknown, unknown = NOT_RECORDED_TEXT): string {
  const name = [givenName, familyName].filter((part) => typeof part === 'string' && part.trim()).join(' ');
  return name || unknown;
}

export function ageText(age: { days: number; years: number }): string {
  if (age.years >= 1) return `${age.years} ${age.years === 1 ? 'year' : 'years'}`;
  return `${age.days} ${age.days === 1 ? 'day' : 'days'}`;
}

/** Rows with the value printed as given. */
export function rows(entries: [string, string][]): SummaryRow[] {
  return entries.map(([key, value]) => ({ key, value }));
}
