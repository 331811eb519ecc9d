import fc from 'fast-check';
import { fromEpochDay, isWeekend, toEpochDay } from './iso-date';
import { PROCLAIMED_CHANGES } from './proclaimed-changes';
import { addCalendarDays, addCalendarMonths, addHours, WorkingDayCalendar } from './working-days';

const calendar = WorkingDayCalendar.fromChanges(PROCLAIMED_CHANGES);

// A margin inside 1990–2100 leaves room to count a year or so either way.
const anyDate = fc
  .integer({ min: toEpochDay('1992-01-01'), max: toEpochDay('2098-12-31') })
  .map((epochDay) => fromEpochDay(epochDay));
const anyWorkingDay = anyDate.filter((d) => calendar.isWorkingDay(d));
const someWorkingDays = fc.integer({ min: -300, max: 300 });

describe('WorkingDayCalendar', () => {
  it('knows weekends and bank holidays are not working days', () => {
    expect(calendar.isWorkingDay('2026-05-22')).toBe(true);
    expect(calendar.isWorkingDay('2026-05-23')).toBe(false);
    expect(calendar.isWorkingDay('2026-05-25')).toBe(false);
    expect(calendar.isBankHoliday('2026-05-25')).toBe(true);
    expect(calendar.isWorkingDay('2022-05-30')).toBe(true);
    expect(calendar.isWorkingDay('2022-09-19')).toBe(false);
  });

  it('ends "within 5 working days" of Friday 22 May 2026 on Monday 1 June, past the spring holiday', () => {
    expect(calendar.addWorkingDays('2026-05-22', 5)).toBe('2026-06-01');
    expect(calendar.workingDaysAfter('2026-05-22', 5)).toBe('2026-06-01');
  });

  it('counts 5 working days from Thursday 23 December 2027 past Christmas and New Year substitutes', () => {
    // Fri 24 (1); Mon 27 and Tue 28 replace Christmas and Boxing Day; Wed 29 (2), Thu 30 (3), Fri 31 (4);
    // Sat 1 January 2028 is replaced by Mon 3; Tue 4 (5).
    expect(calendar.workingDaysAfter('2027-12-23', 5)).toBe('2028-01-04');
  });

  it('counts a basis on a non-working day from the next working day', () => {
    // Saturday 2 May 2026: Mon 4 is a holiday, so Tue 5 is day 1.
    expect(calendar.addWorkingDays('2026-05-02', 1)).toBe('2026-05-05');
    expect(calendar.addWorkingDays('2026-05-02', 2)).toBe('2026-05-06');
  });

  it('counts 7 working days before Tuesday 5 January 2027 back past New Year and Christmas 2026', () => {
    // Mon 4 (1); Fri 1 Jan holiday; Thu 31 (2), Wed 30 (3), Tue 29 (4); Mon 28 and Fri 25 holidays;
    // Thu 24 (5), Wed 23 (6), Tue 22 (7).
    expect(calendar.workingDaysBefore('2027-01-05', 7)).toBe('2026-12-22');
    expect(calendar.addWorkingDays('2027-01-05', -7)).toBe('2026-12-22');
  });

  it('keeps a same-day (0 working day) duty on its own day, even at a weekend', () => {
    expect(calendar.addWorkingDays('2026-07-15', 0)).toBe('2026-07-15');
    expect(calendar.addWorkingDays('2026-07-18', 0)).toBe('2026-07-18');
  });

  it('counts working days between dates', () => {
    expect(calendar.workingDaysBetween('2026-05-22', '2026-06-01')).toBe(5);
    expect(calendar.workingDaysBetween('2026-06-01', '2026-05-22')).toBe(-5);
    expect(calendar.workingDaysBetween('2026-12-24', '2026-12-29')).toBe(1);
    expect(calendar.workingDaysBetween('2026-12-24', '2026-12-24')).toBe(0);
  });

  it('refuses to count outside the years it has holidays for, rather than assume none', () => {
    expect(() => calendar.isWorkingDay('2101-01-03')).toThrow(/1990 to 2100/);
    expect(() => calendar.addWorkingDays('2100-12-30', 5)).toThrow(RangeError);
    expect(() => calendar.workingDaysAfter('2026-01-01', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-01-01', 1.5)).toThrow(RangeError);
  });

  it('uses whatever holidays it is given', () => {
    const noHolidays = new WorkingDayCalendar([], { firstYear: 2026, lastYear: 2026 });
    expect(noHolidays.addWorkingDays('2026-05-22', 5)).toBe('2026-05-29');
    const withExtra = WorkingDayCalendar.fromChanges([
      ...PROCLAIMED_CHANGES,
      { date: '2026-05-26', name: 'Extra' },
    ]);
    expect(withExtra.addWorkingDays('2026-05-22', 5)).toBe('2026-06-02');
  });

  it('never lands on a weekend or bank holiday', () => {
    fc.assert(
      fc.property(
        anyDate,
        someWorkingDays.filter((n) => n !== 0),
        (date, n) => {
          const result = calendar.addWorkingDays(date, n);
          expect(isWeekend(result)).toBe(false);
          expect(calendar.isBankHoliday(result)).toBe(false);
          expect(n > 0 ? result > date : result < date).toBe(true);
        },
      ),
    );
  });

  it('returns to the same working day after adding n and then -n working days', () => {
    fc.assert(
      fc.property(anyWorkingDay, someWorkingDays, (date, n) => {
        expect(calendar.addWorkingDays(calendar.addWorkingDays(date, n), -n)).toBe(date);
      }),
    );
  });

  it('agrees with addWorkingDays when counting the days between', () => {
    fc.assert(
      fc.property(anyDate, fc.nat({ max: 300 }), (date, n) => {
        expect(calendar.workingDaysBetween(date, calendar.addWorkingDays(date, n))).toBe(n);
      }),
    );
    fc.assert(
      fc.property(anyWorkingDay, anyWorkingDay, (a, b) => {
        expect(calendar.addWorkingDays(a, calendar.workingDaysBetween(a, b))).toBe(b);
      }),
      { numRuns: 30 },
    );
  });

  it('counts between two dates the same amount either way round, with opposite signs', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -400, max: 400 }), (a, offset) => {
        const b = addCalendarDays(a, offset);
        expect(calendar.workingDaysBetween(a, b)).toBe(0 - calendar.workingDaysBetween(b, a));
      }),
    );
  });
});

describe('calendar months', () => {
  it('ends 6 months from 31 August on 28 February, or 29 February in a leap year', () => {
    expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addCalendarMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addCalendarMonths('2099-08-31', 6)).toBe('2100-02-28');
  });

  it('ends 6 months from 31 March on 30 September', () => {
    expect(addCalendarMonths('2026-03-31', 6)).toBe('2026-09-30');
  });

  it('counts backwards and across years', () => {
    expect(addCalendarMonths('2027-03-31', -1)).toBe('2027-02-28');
    expect(addCalendarMonths('2026-01-15', -13)).toBe('2024-12-15');
    expect(addCalendarMonths('2024-02-29', 12)).toBe('2025-02-28');
  });

  it('keeps the day of the month unless the target month is too short, then takes its last day', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -240, max: 240 }), (date, n) => {
        const result = addCalendarMonths(date, n);
        const [y, m, d] = date.split('-').map(Number);
        const [ry, rm, rd] = result.split('-').map(Number);
        expect(ry * 12 + rm - (y * 12 + m)).toBe(n);
        if (rd !== d) {
          expect(rd).toBeLessThan(d);
          expect(addCalendarDays(result, 1).slice(8)).toBe('01');
        }
      }),
    );
  });
});

describe('hours', () => {
  it('runs a 48 hour clock from 23:30 on Saturday 24 October 2026 across the clock change to 22:30 on Monday', () => {
    // 23:30 BST is 22:30 UTC; the clocks go back at 02:00 BST on Sunday 25 October, so 48 real hours later
    // London reads 22:30 GMT on Monday 26 October.
    const due = addHours(new Date('2026-10-24T22:30:00Z'), 48);
    expect(due.toISOString()).toBe('2026-10-26T22:30:00.000Z');
  });

  it('elapses exactly the hours given', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        fc.integer({ min: -1000, max: 1000 }),
        (instant, h) => {
          expect(addHours(instant, h).getTime() - instant.getTime()).toBe(h * 3_600_000);
        },
      ),
    );
  });
});
