/** Instants for London calendar days, so `from=2026-03-29` means midnight in England, not UTC. */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function londonOffsetMinutes(at: Date): number {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-]\d+)?/.exec(name ?? '');
  return match?.[1] ? Number(match[1]) * 60 : 0;
}

/** Midnight at the start of a London date. */
export function londonStartOfDay(date: string): Date {
  const [, y, m, d] = DATE.exec(date)!.map(Number);
  const utcMidnight = Date.UTC(y, m - 1, d);
  return new Date(utcMidnight - londonOffsetMinutes(new Date(utcMidnight)) * 60_000);
}

/** The first instant after a London date. */
export function londonEndOfDay(date: string): Date {
  const [, y, m, d] = DATE.exec(date)!.map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return londonStartOfDay(next);
}

export function isIsoDate(value: string): boolean {
  return DATE.test(value);
}
