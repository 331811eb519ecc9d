/**
 * How dates and times read on the pages (GOV.UK style: "5 January 2027", "3:04pm"). Dates are London
 * dates, so an ISO date is shown as written and an instant is converted to Europe/London.
 */
const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const LONDON_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const LONDON_TIME = new Intl.DateTimeFormat('en-GB', {
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
  timeZone: 'Europe/London',
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** '2027-01-05' → '5 January 2027'; an instant → its London date. Anything else is shown unchanged. */
export function formatDate(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && ISO_DATE.test(value)) return DATE.format(new Date(`${value}T00:00:00Z`));
  const instant = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(instant.getTime()) ? String(value) : LONDON_DATE.format(instant);
}

/** An instant → '5 January 2027 at 3:04pm' in London time. */
export function formatDateTime(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const instant = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(instant.getTime())) return String(value);
  const time = LONDON_TIME.format(instant).replace(/\s/g, '').toLowerCase();
  return `${LONDON_DATE.format(instant)} at ${time}`;
}
