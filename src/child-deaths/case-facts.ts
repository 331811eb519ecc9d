import { IsoDate, londonMidnight } from '../calendar/iso-date';
import { normaliseNhsNumber } from './rules/nhs-number';
import type { ChildDeathCase } from './entities/child-death-case.entity';
import { combinedJarEvaluation, reconciledView, StoredNotification } from './reconciled-view';

const londonWall = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

function wallClockMs(instant: Date): number {
  const part = (type: string) =>
    Number(londonWall.formatToParts(instant).find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
}

/** The instant London's clocks read `time` on `date` (the earlier one when the clocks go back). */
export function londonInstant(date: IsoDate, time: string): Date {
  const [hours, minutes] = time.split(':').map(Number);
  const wall = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    hours,
    minutes,
  );
  let guess = wall;
  for (let i = 0; i < 2; i++) guess = wall - (wallClockMs(new Date(guess)) - guess);
  return new Date(guess);
}

/** The instant a death was known: when someone became aware of it, or the death itself (London time). */
export function deathKnownAt(answers: {
  dateOfDeath: string;
  timeOfDeath?: string;
  becameAwareAt?: string;
}): Date {
  if (answers.becameAwareAt) return new Date(answers.becameAwareAt);
  return answers.timeOfDeath
    ? londonInstant(answers.dateOfDeath, answers.timeOfDeath)
    : londonMidnight(answers.dateOfDeath);
}

interface ReconciledAnswers {
  child?: { givenName?: string; familyName?: string; dateOfBirth?: IsoDate; nhsNumber?: string };
  dateOfDeath?: IsoDate;
  expected?: boolean;
  lookedAfter?: boolean;
}

/**
 * Refreshes the case's own copy of the facts it is matched and listed by from all its notifications.
 * Dates that would put the death before the birth (notifiers disagreeing badly) leave the dates as they were.
 */
export function applyNotifications(c: ChildDeathCase, notifications: readonly StoredNotification[]): void {
  const view = reconciledView(notifications).answers as ReconciledAnswers;
  const child = view.child ?? {};
  c.givenName = child.givenName ?? null;
  c.familyName = child.familyName ?? null;
  c.nhsNumber = child.nhsNumber ? normaliseNhsNumber(child.nhsNumber) : null;
  const dateOfBirth = child.dateOfBirth ?? c.dateOfBirth;
  const dateOfDeath = view.dateOfDeath ?? c.dateOfDeath;
  if (dateOfBirth <= dateOfDeath) {
    c.dateOfBirth = dateOfBirth;
    c.dateOfDeath = dateOfDeath;
  }
  c.expected = view.expected ?? c.expected;
  c.lookedAfter = notifications.some((n) => n.answers.lookedAfter === true);
  const jar = combinedJarEvaluation(notifications);
  c.jarEvaluation = { required: jar.required, criteria: jar.criteria, explanations: jar.explanations };
}
