import { IsoDate, parseIsoDate } from '../../calendar/iso-date';

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The date someone born on `dateOfBirth` reaches `years` of age. Someone born on 29 February reaches
 * each new age on 1 March in common years, as English law treats it.
 */
export function birthday(dateOfBirth: IsoDate, years: number): IsoDate {
  const { year, month, day } = parseIsoDate(dateOfBirth);
  const target = String(year + years).padStart(4, '0');
  if (month === 2 && day === 29 && !isLeapYear(year + years)) return `${target}-03-01`;
  return `${target}${dateOfBirth.slice(4)}`;
}

/** Age in completed years on the date `on`. */
export function ageInYears(dateOfBirth: IsoDate, on: IsoDate): number {
  const years = parseIsoDate(on).year - parseIsoDate(dateOfBirth).year;
  return on < birthday(dateOfBirth, years) ? years - 1 : years;
}
