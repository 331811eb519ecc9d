import fc from 'fast-check';
import { fromEpochDay, IsoDate, toEpochDay } from '../../calendar/iso-date';
import { PROCLAIMED_CHANGES } from '../../calendar/proclaimed-changes';
import { WorkingDayCalendar } from '../../calendar/working-days';
import { CLOCK_RULES, clockRule, ClockRuleId } from './clock-rules';
import { computeDue, extendForPause, RuleOverrideNotAllowedError } from './compute-due';

const calendar = WorkingDayCalendar.fromChanges(PROCLAIMED_CHANGES);
const due = (id: ClockRuleId, basis: { date?: IsoDate; instant?: Date }) =>
  computeDue(clockRule(id), basis, calendar);
const at = (iso: string) => new Date(iso);

describe('computeDue, one worked case per rule (counted by hand)', () => {
  it.each<[ClockRuleId, IsoDate, IsoDate, string]>([
    ['CDR-REGISTRAR', '2026-03-02', '2026-03-09', 'Mon + 7 calendar days'],
    [
      'CDR-CORONER',
      '2026-04-02',
      '2026-04-09',
      'Thu; Good Friday and Easter Monday skipped: Tue 7, Wed 8, Thu 9',
    ],
    ['CDR-JAR-MEETING', '2026-08-28', '2026-09-01', 'Fri; Mon 31 Aug is the summer holiday'],
    ['CDR-DESIGNATED-DR', '2026-12-24', '2026-12-29', 'Thu; Fri 25 and Mon 28 are holidays'],
    ['CDR-FAMILY-LEAFLET', '2026-05-02', '2026-05-06', 'Sat; Mon 4 is a holiday, so Tue 5 is day 1'],
    ['CDR-AGENCY-RETURN', '2026-06-01', '2026-06-29', 'Mon + four holiday-free weeks'],
    ['CDR-CDRM', '2026-01-14', '2026-04-08', '12 weeks: 17 + 28 + 31 + 8 days'],
    ['CDR-DRAFT-ANALYSIS', '2026-12-17', '2027-01-05', 'Thu; 25, 28 Dec and 1 Jan skipped'],
    ['CDR-CDOP-REVIEW', '2026-08-31', '2027-02-28', '6 months; no 31 February'],
    ['CDR-CDOP-REVIEW', '2027-08-31', '2028-02-29', '6 months into a leap year'],
    ['CDR-NCMD-SUBMIT', '2026-04-01', '2026-04-10', 'Wed; Thu 2 (1), Easter skipped, Tue 7 … Fri 10 (5)'],
    ['CDR-SI-REFERRAL', '2026-07-15', '2026-07-15', 'same day'],
    ['CDR-SI-REFERRAL', '2026-07-18', '2026-07-18', 'same day, even a Saturday'],
    ['CDR-ANNUAL-REPORT', '2026-03-31', '2026-09-30', '6 months from 31 March'],
    ['SI-NOTIFY', '2027-12-23', '2028-01-04', 'Thu; 27, 28 Dec and 3 Jan 2028 are holidays'],
    ['SI-PARTNERS', '2026-05-22', '2026-06-01', 'Fri; Mon 25 May is a holiday'],
    ['SI-LAC-DEATH', '2026-03-27', '2026-04-07', 'Fri; Mon 30 … Thu 2 (4), Easter skipped, Tue 7 (5)'],
    ['SI-CARE-LEAVER-DEATH', '2026-08-30', '2026-09-07', 'Sun; Mon 31 Aug is a holiday, Tue 1 Sep is day 1'],
    ['SI-RAPID-REVIEW', '2026-12-14', '2027-01-07', 'Mon; 8 days to Christmas, then Tue 29 … Thu 7 Jan'],
    ['SI-LCSPR-INFORM', '2026-11-02', '2026-11-09', 'Mon + one week'],
    ['SI-LCSPR-COMPLETE', '2026-01-15', '2026-07-15', '6 months'],
    ['SI-LCSPR-PREPUB', '2027-01-05', '2026-12-22', '7 WD before Tue 5 Jan 2027, past 1 Jan, 28 and 25 Dec'],
    ['SI-LCSPR-AVAILABLE', '2026-03-10', '2027-03-10', 'earliest day it may come down'],
    ['SI-LCSPR-AVAILABLE', '2024-02-29', '2025-02-28', 'a year from a leap day'],
    ['SI-NATIONAL-COMPLETE', '2027-08-31', '2028-02-29', '6 months into a leap year'],
    [
      'SI-NATIONAL-PREPUB',
      '2026-06-03',
      '2026-05-22',
      '7 WD before Wed 3 Jun: Tue 2 … Tue 26 (6), Mon 25 skipped',
    ],
    ['SI-NATIONAL-AVAILABLE', '2024-02-29', '2027-02-28', 'three years from a leap day'],
    ['SP-YEARLY-REPORT', '2026-03-31', '2026-09-30', '"by 30 September"'],
    ['CDR-ACTION-DUE', '2026-12-25', '2026-12-25', 'the action’s own due date, even Christmas Day'],
    ['SI-ACTION-DUE', '2026-06-01', '2026-06-01', 'the action’s own due date'],
    ['SP-YEARLY-REPORT-SEND', '2026-09-25', '2026-10-02', 'Fri + 7 calendar days'],
  ])('%s from %s is due %s (%s)', (id, basisDate, dueDate) => {
    expect(due(id, { date: basisDate })).toEqual({ dueDate });
  });

  it('runs CDR-NOTIFY 48 hours from 23:30 on Saturday 24 October 2026 across the clock change', () => {
    // 23:30 BST = 22:30 UTC. 48 real hours later is 22:30 UTC on Monday, which London reads as 22:30 GMT.
    expect(due('CDR-NOTIFY', { instant: at('2026-10-24T22:30:00Z') })).toEqual({
      dueDate: '2026-10-26',
      dueAt: at('2026-10-26T22:30:00Z'),
    });
  });

  it('runs CDR-JAR-DECISION 4 hours across the spring clock change', () => {
    // 23:00 GMT on Saturday 28 March 2026; clocks go forward at 01:00 GMT, so 4 hours later reads 04:00 BST.
    expect(due('CDR-JAR-DECISION', { instant: at('2026-03-28T23:00:00Z') })).toEqual({
      dueDate: '2026-03-29',
      dueAt: at('2026-03-29T03:00:00Z'),
    });
  });

  it('runs CDR-HOME-VISIT 24 hours from 10:00 BST on 24 October 2026 to 09:00 GMT the next day', () => {
    expect(due('CDR-HOME-VISIT', { instant: at('2026-10-24T09:00:00Z') })).toEqual({
      dueDate: '2026-10-25',
      dueAt: at('2026-10-25T09:00:00Z'),
    });
  });

  it('counts working days from the London date of the basis instant', () => {
    // 23:30 UTC on Tuesday 30 June is 00:30 BST on Wednesday 1 July; 5 WD from 1 July is Wed 8 July.
    expect(due('SI-NOTIFY', { instant: at('2026-06-30T23:30:00Z') })).toEqual({ dueDate: '2026-07-08' });
    expect(due('SI-NOTIFY', { date: '2026-07-01', instant: at('2026-06-30T23:30:00Z') })).toEqual({
      dueDate: '2026-07-08',
    });
  });

  it('refuses a basis it cannot count from', () => {
    expect(() => due('CDR-NOTIFY', { date: '2026-10-24' })).toThrow(/CDR-NOTIFY counts hours/);
    expect(() => due('SI-NOTIFY', {})).toThrow(/SI-NOTIFY/);
    expect(() => due('SI-NOTIFY', { date: '2026-06-30', instant: at('2026-06-30T23:30:00Z') })).toThrow(
      /2026-07-01/,
    );
  });

  it('gives every working-day clock a working day as its due date', () => {
    const wdRules = CLOCK_RULES.filter((r) => r.window.unit === 'WD' && r.window.amount > 0);
    fc.assert(
      fc.property(
        fc.constantFrom(...wdRules),
        fc.integer({ min: toEpochDay('1991-01-01'), max: toEpochDay('2099-06-30') }).map(fromEpochDay),
        (rule, basisDate) => {
          expect(calendar.isWorkingDay(computeDue(rule, { date: basisDate }, calendar).dueDate)).toBe(true);
        },
      ),
    );
  });
});

describe('local overrides', () => {
  it('lets a CDOP change a local default', () => {
    expect(
      computeDue(clockRule('CDR-NOTIFY'), { instant: at('2026-03-02T09:00:00Z') }, calendar, { amount: 24 }),
    ).toEqual({ dueDate: '2026-03-03', dueAt: at('2026-03-03T09:00:00Z') });
    expect(computeDue(clockRule('CDR-NCMD-SUBMIT'), { date: '2026-05-22' }, calendar, { amount: 3 })).toEqual(
      {
        dueDate: '2026-05-28',
      },
    );
  });

  it('refuses to change a statutory window, naming the rule', () => {
    const change = () => computeDue(clockRule('SI-NOTIFY'), { date: '2026-05-22' }, calendar, { amount: 10 });
    expect(change).toThrow(RuleOverrideNotAllowedError);
    expect(change).toThrow(/SI-NOTIFY is a statutory window/);
  });

  it('refuses an amount that is not a whole number of units', () => {
    expect(() => computeDue(clockRule('CDR-CDRM'), { date: '2026-01-14' }, calendar, { amount: -1 })).toThrow(
      RangeError,
    );
    expect(() =>
      computeDue(clockRule('CDR-CDRM'), { date: '2026-01-14' }, calendar, { amount: 2.5 }),
    ).toThrow(RangeError);
  });
});

describe('extendForPause', () => {
  const pause = (id: ClockRuleId, dueDate: IsoDate, from: string, to: string, dueAt?: Date) =>
    extendForPause(clockRule(id), { dueDate, dueAt }, at(from), at(to), calendar);

  it('adds the working days paused to a working-day clock', () => {
    // Rapid review due Thu 7 Jan 2027; paused Mon 4 to Wed 6 January: 2 working days, so due Mon 11.
    expect(pause('SI-RAPID-REVIEW', '2027-01-07', '2027-01-04T10:00:00Z', '2027-01-06T15:00:00Z')).toEqual({
      dueDate: '2027-01-11',
    });
    // Paused Thu 24 to Tue 29 December 2026: only Tue 29 is a working day in the pause.
    expect(pause('SI-NOTIFY', '2026-12-31', '2026-12-24T12:00:00Z', '2026-12-29T12:00:00Z')).toEqual({
      dueDate: '2027-01-04',
    });
  });

  it('adds calendar days paused to calendar-day and month clocks', () => {
    expect(pause('CDR-CDRM', '2026-04-08', '2026-03-01T09:00:00Z', '2026-03-11T09:00:00Z')).toEqual({
      dueDate: '2026-04-18',
    });
    // An inquest pause of 58 days on a 6-month review due 28 February 2027.
    expect(pause('CDR-CDOP-REVIEW', '2027-02-28', '2027-02-01T09:00:00Z', '2027-03-31T09:00:00Z')).toEqual({
      dueDate: '2027-04-27',
    });
  });

  it('counts pause days on London dates', () => {
    // 23:30 UTC on 30 June is already 1 July in London, so this pause lasts 0 days, not 1.
    expect(pause('CDR-CDRM', '2026-08-01', '2026-06-30T23:30:00Z', '2026-07-01T20:00:00Z')).toEqual({
      dueDate: '2026-08-01',
    });
  });

  it('adds the exact time paused to an hour clock', () => {
    expect(
      pause(
        'CDR-NOTIFY',
        '2026-10-26',
        '2026-10-25T00:30:00Z',
        '2026-10-25T02:00:00Z',
        at('2026-10-26T22:30:00Z'),
      ),
    ).toEqual({ dueDate: '2026-10-27', dueAt: at('2026-10-27T00:00:00Z') });
  });

  it('refuses a pause that ends before it starts', () => {
    expect(() => pause('SI-NOTIFY', '2026-06-01', '2026-05-27T00:00:00Z', '2026-05-26T00:00:00Z')).toThrow(
      /SI-NOTIFY: a pause must end after it starts/,
    );
  });

  it('moves a working-day clock by exactly the working days in the pause', () => {
    const day = fc
      .integer({ min: toEpochDay('1992-01-01'), max: toEpochDay('2098-06-30') })
      .map(fromEpochDay);
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 60 }), (basis, pauseStart, pauseDays) => {
        const rule = clockRule('SI-RAPID-REVIEW');
        const original = computeDue(rule, { date: basis }, calendar);
        const from = at(`${pauseStart}T12:00:00Z`);
        const to = new Date(from.getTime() + pauseDays * 86_400_000);
        const extended = extendForPause(rule, original, from, to, calendar);
        const paused = calendar.workingDaysBetween(
          pauseStart,
          fromEpochDay(toEpochDay(pauseStart) + pauseDays),
        );
        expect(calendar.workingDaysBetween(original.dueDate, extended.dueDate)).toBe(paused);
      }),
    );
  });
});
