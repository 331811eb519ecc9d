import { daysBetween, IsoDate, isIsoDate } from '../../calendar/iso-date';
import { ageInYears } from './age';
import { FieldProblem } from './field-problem';

/** Children Act 2004 s65 (WT footnote 222): a child is a person under 18. */
export const AGE_OF_ADULTHOOD = 18;

export interface AgeAtDeath {
  days: number;
  years: number;
}

export function ageAtDeath(dateOfBirth: IsoDate, dateOfDeath: IsoDate): AgeAtDeath {
  return { days: daysBetween(dateOfBirth, dateOfDeath), years: ageInYears(dateOfBirth, dateOfDeath) };
}

export interface ScopeInput {
  dateOfBirth: IsoDate;
  dateOfDeath: IsoDate;
  /** Born dead; false for any liveborn baby. */
  stillbirth: boolean;
  /** A healthcare professional attended the birth. Only matters for a stillbirth. */
  medicalAttendance: boolean;
  /** A planned termination of pregnancy carried out within the law. */
  lawfulTermination: boolean;
}

export type OutOfScopeReason = 'lawful-termination' | 'stillbirth-with-medical-attendance' | 'age-18-or-over';

export type ScopeDecision =
  { inScope: true; ageAtDeath: AgeAtDeath } | { inScope: false; reason: OutOfScopeReason; message: string };

/**
 * Whether a death is one the child death review process covers (WT 433 with footnotes 222–223). A
 * stillbirth with no healthcare professional present stays in scope: it is one of the joint agency
 * response criteria (WT 449). Expects dates already checked with `checkDeathDates`.
 */
export function assessScope(input: ScopeInput): ScopeDecision {
  if (input.lawfulTermination) {
    return {
      inScope: false,
      reason: 'lawful-termination',
      message:
        'A planned termination of pregnancy carried out within the law is not reviewed by the child death review process (Working Together 2026, footnote 223).',
    };
  }
  if (input.stillbirth && input.medicalAttendance) {
    return {
      inScope: false,
      reason: 'stillbirth-with-medical-attendance',
      message:
        'A stillbirth where a healthcare professional was in attendance is not reviewed by the child death review process (Working Together 2026, footnote 223).',
    };
  }
  const age = ageAtDeath(input.dateOfBirth, input.dateOfDeath);
  if (age.years >= AGE_OF_ADULTHOOD) {
    return {
      inScope: false,
      reason: 'age-18-or-over',
      message: `The child death review process covers children under 18; this person was ${age.years} at death (Working Together 2026, paragraph 433 and footnote 222).`,
    };
  }
  return { inScope: true, ageAtDeath: age };
}

/** Date checks on a notification: real dates, none in the future, and no death before birth. */
export function checkDeathDates(input: {
  dateOfBirth: unknown;
  dateOfDeath: unknown;
  today: IsoDate;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { dateOfBirth, dateOfDeath, today } = input;
  if (!isIsoDate(dateOfBirth)) {
    problems.push({ field: 'child.dateOfBirth', message: 'Date of birth must be a real date as YYYY-MM-DD' });
  } else if (dateOfBirth > today) {
    problems.push({ field: 'child.dateOfBirth', message: 'Date of birth cannot be in the future' });
  }
  if (!isIsoDate(dateOfDeath)) {
    problems.push({ field: 'dateOfDeath', message: 'Date of death must be a real date as YYYY-MM-DD' });
  } else if (dateOfDeath > today) {
    problems.push({ field: 'dateOfDeath', message: 'Date of death cannot be in the future' });
  } else if (isIsoDate(dateOfBirth) && dateOfDeath < dateOfBirth) {
    problems.push({ field: 'dateOfDeath', message: 'Date of death cannot be before the date of birth' });
  }
  return problems;
}
