import { FieldProblem } from './field-problem';

/** Why a notification has no NHS number (CDR notification form). */
export const NHS_NUMBER_MISSING_REASONS = ['not-resident-in-england', 'not-yet-available'] as const;
export type NhsNumberMissingReason = (typeof NHS_NUMBER_MISSING_REASONS)[number];

export const NHS_NUMBER_MISSING_REASON_LABELS: Readonly<Record<NhsNumberMissingReason, string>> = {
  'not-resident-in-england': 'Child not resident in England',
  'not-yet-available': 'NHS number not yet available',
};

export function isNhsNumberMissingReason(value: unknown): value is NhsNumberMissingReason {
  return typeof value === 'string' && (NHS_NUMBER_MISSING_REASONS as readonly string[]).includes(value);
}

/** Removes the spaces and dashes people type in ('943 476 5919', '943-476-5919'). */
export function normaliseNhsNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/**
 * The modulus 11 check digit for the first nine digits, or null when the remainder makes 10, which no
 * valid NHS number can have.
 */
export function nhsNumberCheckDigit(firstNineDigits: string): number | null {
  if (!/^\d{9}$/.test(firstNineDigits)) throw new RangeError('Expected nine digits');
  const sum = [...firstNineDigits].reduce((total, digit, index) => total + Number(digit) * (10 - index), 0);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  return check === 10 ? null : check;
}

export function isValidNhsNumber(input: string): boolean {
  const digits = normaliseNhsNumber(input);
  if (!/^\d{10}$/.test(digits)) return false;
  return nhsNumberCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

/** A notification needs a valid NHS number, or else a recorded reason why there is none. */
export function checkNhsNumber(child: {
  nhsNumber?: string | null;
  nhsNumberMissingReason?: string | null;
}): FieldProblem[] {
  const { nhsNumber, nhsNumberMissingReason } = child;
  if (nhsNumber !== undefined && nhsNumber !== null && nhsNumber.trim() !== '') {
    if (!isValidNhsNumber(nhsNumber)) {
      return [
        {
          field: 'child.nhsNumber',
          message: 'NHS number must be 10 digits with a valid check digit',
        },
      ];
    }
    if (nhsNumberMissingReason) {
      return [
        {
          field: 'child.nhsNumberMissingReason',
          message: 'Give either an NHS number or a reason it is missing, not both',
        },
      ];
    }
    return [];
  }
  if (!isNhsNumberMissingReason(nhsNumberMissingReason)) {
    return [
      {
        field: 'child.nhsNumberMissingReason',
        message: `Without an NHS number, give the reason it is missing: ${NHS_NUMBER_MISSING_REASONS.join(' or ')}`,
      },
    ];
  }
  return [];
}
