/**
 * Dates and times as people in England read them on a printed document: "3 March 2026" and
 * "3 March 2026 at 2:05pm", always in London time whatever the server's time zone.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

// A plain calendar date has no time zone: formatting it at UTC midnight keeps the same day.
const plainDateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
});

export type DateInput = Date | string;

function toInstant(value: DateInput): Date {
  const instant = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(instant.getTime())) {
    throw new RangeError(`Not a date: ${String(value)}`);
  }
  return instant;
}

/** "3 March 2026". Accepts an IsoDate ('YYYY-MM-DD') or an instant. */
export function formatLondonDate(value: DateInput): string {
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    return plainDateFormat.format(toInstant(`${value}T00:00:00Z`));
  }
  return dateFormat.format(toInstant(value));
}

/** "3 March 2026 at 2:05pm" in London time (GOV.UK style). */
export function formatLondonDateTime(value: DateInput): string {
  const instant = toInstant(value);
  const parts = timeFormat.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  const time = `${part('hour')}:${part('minute')}${part('dayPeriod').toLowerCase()}`;
  return `${dateFormat.format(instant)} at ${time}`;
}
