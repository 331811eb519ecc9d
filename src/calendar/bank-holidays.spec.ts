import fc from 'fast-check';
import {
  bankHolidaysFor,
  easterSunday,
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_YEAR,
  regularBankHolidays,
} from './bank-holidays';
import { dayOfWeek, isWeekend } from './iso-date';
import { PROCLAIMED_CHANGES } from './proclaimed-changes';

const datesOf = (year: number) => bankHolidaysFor(year, PROCLAIMED_CHANGES).map((h) => h.date);
const anyYear = fc.integer({ min: FIRST_SUPPORTED_YEAR, max: LAST_SUPPORTED_YEAR });

describe('England and Wales bank holidays', () => {
  it('matches the worked values for 2026 and 2027', () => {
    expect(datesOf(2026)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
    ]);
    expect(datesOf(2027)).toEqual([
      '2027-01-01',
      '2027-03-26',
      '2027-03-29',
      '2027-05-03',
      '2027-05-31',
      '2027-08-30',
      '2027-12-27',
      '2027-12-28',
    ]);
  });

  it('gives 2022 its ten holidays, with the spring holiday moved off 30 May', () => {
    expect(datesOf(2022)).toEqual([
      '2022-01-03',
      '2022-04-15',
      '2022-04-18',
      '2022-05-02',
      '2022-06-02',
      '2022-06-03',
      '2022-08-29',
      '2022-09-19',
      '2022-12-26',
      '2022-12-27',
    ]);
    expect(bankHolidaysFor(2022, PROCLAIMED_CHANGES)).toContainEqual({
      date: '2022-09-19',
      name: 'State funeral of Queen Elizabeth II',
    });
  });

  it.each([
    [1995, ['1995-05-08'], ['1995-05-01']],
    [1999, ['1999-12-31', '1999-12-27', '1999-12-28'], []],
    [2002, ['2002-06-03', '2002-06-04'], ['2002-05-27']],
    [2011, ['2011-04-29'], []],
    [2012, ['2012-06-04', '2012-06-05'], ['2012-05-28']],
    [2020, ['2020-05-08'], ['2020-05-04']],
    [2023, ['2023-05-01', '2023-05-08'], []],
  ])('applies the proclaimed changes of %i', (year, present, absent) => {
    const dates = datesOf(year);
    for (const date of present) expect(dates).toContain(date);
    for (const date of absent) expect(dates).not.toContain(date);
  });

  it('substitutes New Year and Christmas that fall at a weekend', () => {
    // 1 January 2028 is a Saturday, 2023 a Sunday.
    expect(datesOf(2028)[0]).toBe('2028-01-03');
    expect(datesOf(2023)[0]).toBe('2023-01-02');
    // Christmas Day on a Sunday (2022) was covered by Boxing Day on Monday and Christmas on Tuesday.
    expect(bankHolidaysFor(2022, [])).toEqual(
      expect.arrayContaining([
        { date: '2022-12-26', name: 'Boxing Day' },
        { date: '2022-12-27', name: 'Christmas Day (substitute day)' },
      ]),
    );
  });

  it('computes Gregorian Easter', () => {
    expect(easterSunday(1990)).toBe('1990-04-15');
    expect(easterSunday(2008)).toBe('2008-03-23');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2100)).toBe('2100-03-28');
  });

  it('refuses years it cannot vouch for', () => {
    expect(() => regularBankHolidays(1989)).toThrow(RangeError);
    expect(() => regularBankHolidays(2101)).toThrow(RangeError);
    expect(() => bankHolidaysFor(2101, PROCLAIMED_CHANGES)).toThrow(/1990 to 2100/);
  });

  it('gives every supported year eight distinct weekday holidays by rule, with Easter on a Sunday', () => {
    fc.assert(
      fc.property(anyYear, (year) => {
        const holidays = regularBankHolidays(year);
        expect(holidays).toHaveLength(8);
        expect(new Set(holidays.map((h) => h.date)).size).toBe(8);
        for (const { date } of holidays) {
          expect(isWeekend(date)).toBe(false);
          expect(date.startsWith(`${year}-`)).toBe(true);
        }
        const easter = easterSunday(year);
        expect(dayOfWeek(easter)).toBe(0);
        expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('lets an administrator move a holiday across New Year or add one', () => {
    const changes = [
      { date: '2031-01-02', name: 'Boxing Day (moved)', replaces: '2030-12-26' },
      { date: '2031-06-13', name: 'Extra holiday' },
    ];
    expect(bankHolidaysFor(2030, changes).map((h) => h.date)).not.toContain('2030-12-26');
    expect(bankHolidaysFor(2031, changes).map((h) => h.date)).toEqual(
      expect.arrayContaining(['2031-01-01', '2031-01-02', '2031-06-13']),
    );
  });

  it('lets a later change move a holiday that an earlier change created', () => {
    const changes = [
      { date: '2031-06-13', name: 'Extra holiday' },
      { date: '2031-06-16', name: 'Extra holiday (moved)', replaces: '2031-06-13' },
    ];
    const dates = bankHolidaysFor(2031, changes).map((h) => h.date);
    expect(dates).toContain('2031-06-16');
    expect(dates).not.toContain('2031-06-13');
  });

  it('rejects a change that replaces a day which is not a holiday, or adds one that already is', () => {
    expect(() =>
      bankHolidaysFor(2026, [{ date: '2026-06-01', name: 'Moved', replaces: '2026-05-26' }]),
    ).toThrow(/2026-05-26, which is not a bank holiday/);
    expect(() => bankHolidaysFor(2026, [{ date: '2026-05-25', name: 'Again' }])).toThrow(
      /already a bank holiday/,
    );
    expect(() => bankHolidaysFor(2026, [{ date: '2026-6-1', name: 'Bad' }])).toThrow(RangeError);
  });
});
