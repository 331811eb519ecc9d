import { IsoDate, londonDateOf } from '../calendar/iso-date';
import { FieldProblem } from './rules/field-problem';
import { checkNhsNumber } from './rules/nhs-number';
import { assessScope, checkDeathDates, OutOfScopeReason } from './rules/scope';

/** The notification answers the checks look at, as in the API contract. */
export interface NotificationFacts {
  child: { dateOfBirth: string; nhsNumber?: string; nhsNumberMissingReason?: string };
  dateOfDeath: string;
  notifiedAt: string;
  becameAwareAt?: string;
  circumstances: { stillbirthNoHealthProfessional?: boolean };
  stillbirth?: boolean;
  medicalAttendanceAtBirth?: boolean;
  lawfulTermination?: boolean;
}

export type NotificationCheck =
  | { outcome: 'invalid'; problems: FieldProblem[] }
  | { outcome: 'out-of-scope'; reason: OutOfScopeReason; message: string }
  | { outcome: 'accepted' };

// Devices' clocks drift: a notification stamped a few minutes ahead of the server is not "in the future".
const CLOCK_SKEW_MS = 5 * 60_000;

function instantProblems(
  field: string,
  value: string | undefined,
  now: Date,
  dateOfDeath: IsoDate,
): FieldProblem[] {
  if (value === undefined) return [];
  const at = new Date(value);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) return [{ field, message: 'cannot be in the future' }];
  if (londonDateOf(at) < dateOfDeath) return [{ field, message: 'cannot be before the date of death' }];
  return [];
}

/**
 * Whether a death can be accepted: valid NHS number (or a reason), sensible dates, a child under 18
 * (all 400s naming the field), then whether the child death review process covers it at all.
 */
export function checkNotification(facts: NotificationFacts, now: Date): NotificationCheck {
  const today = londonDateOf(now);
  const problems: FieldProblem[] = [
    ...checkNhsNumber(facts.child),
    ...checkDeathDates({ dateOfBirth: facts.child.dateOfBirth, dateOfDeath: facts.dateOfDeath, today }),
  ];
  const datesValid = problems.every((p) => p.field !== 'child.dateOfBirth' && p.field !== 'dateOfDeath');
  if (datesValid) {
    problems.push(
      ...instantProblems('notifiedAt', facts.notifiedAt, now, facts.dateOfDeath),
      ...instantProblems('becameAwareAt', facts.becameAwareAt, now, facts.dateOfDeath),
    );
  }
  const stillbornUnattended = facts.circumstances.stillbirthNoHealthProfessional === true;
  if (stillbornUnattended && facts.medicalAttendanceAtBirth === true) {
    problems.push({
      field: 'medicalAttendanceAtBirth',
      message:
        'contradicts circumstances.stillbirthNoHealthProfessional: say whether a healthcare professional attended',
    });
  }
  if (stillbornUnattended && facts.stillbirth === false) {
    problems.push({
      field: 'stillbirth',
      message: 'contradicts circumstances.stillbirthNoHealthProfessional',
    });
  }
  if (!datesValid) return { outcome: 'invalid', problems };

  const scope = assessScope({
    dateOfBirth: facts.child.dateOfBirth,
    dateOfDeath: facts.dateOfDeath,
    stillbirth: facts.stillbirth === true || stillbornUnattended,
    medicalAttendance: facts.medicalAttendanceAtBirth === true,
    lawfulTermination: facts.lawfulTermination === true,
  });
  if (!scope.inScope && scope.reason === 'age-18-or-over') {
    problems.push({ field: 'child.dateOfBirth', message: scope.message });
  }
  if (problems.length) return { outcome: 'invalid', problems };
  if (!scope.inScope) return { outcome: 'out-of-scope', reason: scope.reason, message: scope.message };
  return { outcome: 'accepted' };
}

export function problemMessages(problems: readonly FieldProblem[]): string[] {
  return problems.map((p) => `${p.field}: ${p.message}`);
}
