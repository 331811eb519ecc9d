import { daysBetween, isIsoDate, parseIsoDate, type IsoDate } from '../calendar/iso-date';

/** Whole days from birth to death; undefined when either date is not a real date. */
export function ageInDays(dateOfBirth: IsoDate, dateOfDeath: IsoDate): number | undefined {
  if (!isIsoDate(dateOfBirth) || !isIsoDate(dateOfDeath)) return undefined;
  return daysBetween(dateOfBirth, dateOfDeath);
}

/**
 * Completed years on the date of death. A child born on 29 February has a birthday on 1 March in other
 * years, which is how English law counts it.
 */
export function ageInCompletedYears(dateOfBirth: IsoDate, dateOfDeath: IsoDate): number | undefined {
  if (!isIsoDate(dateOfBirth) || !isIsoDate(dateOfDeath)) return undefined;
  const birth = parseIsoDate(dateOfBirth);
  const death = parseIsoDate(dateOfDeath);
  const birthdayNotYetReached =
    death.month < birth.month || (death.month === birth.month && death.day < birth.day);
  return death.year - birth.year - (birthdayNotYetReached ? 1 : 0);
}
