import fc from 'fast-check';
import { checkNhsNumber, isValidNhsNumber, nhsNumberCheckDigit, normaliseNhsNumber } from './nhs-number';

/** Builds a test-only 999 number the long way, so the test does not lean on the code under test. */
function testNhsNumber(sixDigits: string): string | null {
  const nine = `999${sixDigits}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
  const remainder = sum % 11;
  if (remainder === 1) return null;
  return `${nine}${remainder === 0 ? 0 : 11 - remainder}`;
}

const validTestNumbers = fc
  .stringMatching(/^\d{6}$/)
  .map(testNhsNumber)
  .filter((n): n is string => n !== null);

describe('isValidNhsNumber', () => {
  it('accepts the published example and 999 test numbers', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber(testNhsNumber('000001')!)).toBe(true);
  });

  it('accepts the number written with spaces or dashes', () => {
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
    expect(isValidNhsNumber('943-476-5919')).toBe(true);
    expect(normaliseNhsNumber(' 943 476-5919 ')).toBe('9434765919');
  });

  it.each(['9434765918', '943476591', '94347659190', '94347659l9', ''])('rejects %p', (value) => {
    expect(isValidNhsNumber(value)).toBe(false);
  });

  it('rejects a number whose check digit would have to be 10', () => {
    const prefix = Array.from({ length: 1000 }, (_, i) => String(i).padStart(6, '0')).find(
      (six) => testNhsNumber(six) === null,
    )!;
    expect(nhsNumberCheckDigit(`999${prefix}`)).toBeNull();
    for (let digit = 0; digit <= 9; digit++) {
      expect(isValidNhsNumber(`999${prefix}${digit}`)).toBe(false);
    }
  });

  it('accepts every 999 number with the right check digit', () => {
    fc.assert(fc.property(validTestNumbers, (n) => isValidNhsNumber(n)));
  });

  it('catches any single mistyped digit', () => {
    fc.assert(
      fc.property(
        validTestNumbers,
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (n, at, bump) => {
          const wrong = n.slice(0, at) + String((Number(n[at]) + bump) % 10) + n.slice(at + 1);
          return !isValidNhsNumber(wrong);
        },
      ),
    );
  });

  it('catches two neighbouring digits swapped', () => {
    fc.assert(
      fc.property(validTestNumbers, fc.integer({ min: 0, max: 8 }), (n, at) => {
        fc.pre(n[at] !== n[at + 1]);
        const swapped = n.slice(0, at) + n[at + 1] + n[at] + n.slice(at + 2);
        return !isValidNhsNumber(swapped);
      }),
    );
  });
});

describe('checkNhsNumber', () => {
  it('is satisfied by a valid number alone, or by a reason alone', () => {
    expect(checkNhsNumber({ nhsNumber: '943 476 5919' })).toEqual([]);
    expect(checkNhsNumber({ nhsNumberMissingReason: 'not-resident-in-england' })).toEqual([]);
    expect(checkNhsNumber({ nhsNumber: '', nhsNumberMissingReason: 'not-yet-available' })).toEqual([]);
  });

  it('names the NHS number field when the number fails the check', () => {
    expect(checkNhsNumber({ nhsNumber: '9434765918' })).toEqual([
      expect.objectContaining({ field: 'child.nhsNumber' }),
    ]);
  });

  it('asks for a known reason when there is no number', () => {
    expect(checkNhsNumber({})).toEqual([expect.objectContaining({ field: 'child.nhsNumberMissingReason' })]);
    expect(checkNhsNumber({ nhsNumberMissingReason: 'forgot' })).toEqual([
      expect.objectContaining({ field: 'child.nhsNumberMissingReason' }),
    ]);
  });

  it('refuses a reason given alongside a valid number', () => {
    expect(checkNhsNumber({ nhsNumber: '9434765919', nhsNumberMissingReason: 'not-yet-available' })).toEqual([
      expect.objectContaining({ field: 'child.nhsNumberMissingReason' }),
    ]);
  });
});
