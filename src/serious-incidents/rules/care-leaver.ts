import { daysBetween, IsoDate } from '../../calendar/iso-date';
import { birthday } from '../../child-deaths/rules/age';

/**
 * Who counts as a care leaver for death notifications (WT 382 with footnote 201): anyone before their
 * 25th birthday who was looked after for at least 13 weeks, in one period or several, beginning after
 * they reached 14 and ending after they reached 16.
 */
export const CARE_LEAVER_AGE_LIMIT = 25;
const QUALIFYING_DAYS = 13 * 7;

export interface LookedAfterPeriod {
  from: IsoDate;
  /** The last day looked after, inclusive. */
  to: IsoDate;
}

export interface CareLeaverAssessment {
  careLeaver: boolean;
  reason: string;
}

export function assessCareLeaver(input: {
  dateOfBirth: IsoDate;
  on: IsoDate;
  lookedAfterPeriods: readonly LookedAfterPeriod[];
}): CareLeaverAssessment {
  const { dateOfBirth, on, lookedAfterPeriods } = input;
  if (on >= birthday(dateOfBirth, CARE_LEAVER_AGE_LIMIT)) {
    return { careLeaver: false, reason: 'Care leaver status ends at the 25th birthday' };
  }
  const fourteenth = birthday(dateOfBirth, 14);
  const sixteenth = birthday(dateOfBirth, 16);
  // Only time looked after since the 14th birthday counts towards the 13 weeks.
  const days = lookedAfterPeriods.reduce((total, period) => {
    const from = period.from > fourteenth ? period.from : fourteenth;
    return period.to < from ? total : total + daysBetween(from, period.to) + 1;
  }, 0);
  if (days < QUALIFYING_DAYS) {
    return {
      careLeaver: false,
      reason: `Looked after for ${days} days since the 14th birthday; at least 13 weeks (91 days) are needed`,
    };
  }
  if (!lookedAfterPeriods.some((period) => period.to >= sixteenth)) {
    return { careLeaver: false, reason: 'Stopped being looked after before the 16th birthday' };
  }
  return {
    careLeaver: true,
    reason: `Looked after for ${days} days since the 14th birthday, and still after the 16th birthday`,
  };
}

/** A care leaver's death is notified up to and including age 24 (WT 382). */
export function withinCareLeaverAge(ageYears: number): boolean {
  return ageYears < CARE_LEAVER_AGE_LIMIT;
}
