import fc from 'fast-check';
import {
  addDays,
  compareIsoDates,
  dayOfWeek,
  daysBetween,
  endOfLondonDay,
  formatIsoDate,
  fromEpochDay,
  isIsoDate,
  londonDateOf,
  londonMidnight,
  parseIsoDate,
  toEpochDay,
} from './iso-date';

const anyDate = fc
  .integer({ min: toEpochDay('1900-01-01'), max: toEpochDay('2199-12-31') })
  .map((epochDay) => fromEpochDay(epochDay));

describe('ISO dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate('2026-01-01T00:00:00Z')).toBe(false);
    expect(isIsoDate(20260101)).toBe(false);
  });

  it('names the bad value when parsing fails', () => {
    expect(() => parseIsoDate('2026-02-30')).toThrow(/"2026-02-30"/);
    expect(() => formatIsoDate(2026, 2, 30)).toThrow(RangeError);
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek('2026-05-22')).toBe(5);
    expect(dayOfWeek('2027-12-25')).toBe(6);
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('1969-12-28')).toBe(0);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(() => addDays('2026-03-01', 0.5)).toThrow(RangeError);
  });

  it('orders and subtracts dates', () => {
    expect(['2026-10-02', '2025-12-31', '2026-01-09'].sort(compareIsoDates)).toEqual([
      '2025-12-31',
      '2026-01-09',
      '2026-10-02',
    ]);
    expect(daysBetween('2026-01-14', '2026-04-08')).toBe(84);
  });

  it('round-trips every date through its day number, and adding then subtracting days returns it', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -5000, max: 5000 }), (date, n) => {
        expect(fromEpochDay(toEpochDay(date))).toBe(date);
        expect(addDays(addDays(date, n), -n)).toBe(date);
        expect(daysBetween(date, addDays(date, n))).toBe(n);
        expect(compareIsoDates(date, addDays(date, n))).toBe(Math.sign(-n) || 0);
      }),
    );
  });
});

describe('Europe/London', () => {
  it('gives the London date of an instant, in winter and in summer time', () => {
    expect(londonDateOf(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-15');
    // 23:30 UTC on 30 June is 00:30 BST on 1 July.
    expect(londonDateOf(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
  });

  it('finds midnight in GMT, in BST and on both clock-change days', () => {
    expect(londonMidnight('2026-01-15').toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(londonMidnight('2026-07-01').toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(londonMidnight('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(londonMidnight('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
  });

  it('ends a London day one millisecond before the next one starts (the clock-change days are 23 and 25 hours)', () => {
    expect(endOfLondonDay('2026-03-29').toISOString()).toBe('2026-03-29T22:59:59.999Z');
    expect(endOfLondonDay('2026-10-25').toISOString()).toBe('2026-10-25T23:59:59.999Z');
  });

  it('puts midnight and the end of every day on that London date', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        expect(londonDateOf(londonMidnight(date))).toBe(date);
        expect(londonDateOf(endOfLondonDay(date))).toBe(date);
        expect(londonDateOf(new Date(londonMidnight(date).getTime() - 1))).toBe(addDays(date, -1));
      }),
    );
  });
});
