import type { IsoDate } from '../calendar/iso-date';
import { londonInstant } from './case-facts';

/**
 * The instant to record for something done on `date`: now if it was today, otherwise midday that day,
 * so that the London date (which is what deadlines count) is always the one given.
 */
export function instantOn(date: IsoDate, today: IsoDate, now: Date): Date {
  return date === today ? now : londonInstant(date, '12:00');
}
