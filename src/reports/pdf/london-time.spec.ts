import { formatLondonDate, formatLondonDateTime } from './london-time';

describe('London dates and times on documents', () => {
  it('prints a plain date as the same calendar day', () => {
    expect(formatLondonDate('2026-03-03')).toBe('3 March 2026');
    expect(formatLondonDate('2025-12-31')).toBe('31 December 2025');
  });

  it('prints an instant as the London calendar day, which in summer can be the next UTC day', () => {
    expect(formatLondonDate('2026-06-30T23:30:00Z')).toBe('1 July 2026');
    expect(formatLondonDate(new Date('2026-01-31T23:30:00Z'))).toBe('31 January 2026');
  });

  it('prints times in GMT in winter and BST in summer', () => {
    expect(formatLondonDateTime('2026-01-15T14:05:00Z')).toBe('15 January 2026 at 2:05pm');
    expect(formatLondonDateTime('2026-07-15T14:05:00Z')).toBe('15 July 2026 at 3:05pm');
    expect(formatLondonDateTime('2026-07-15T23:00:00Z')).toBe('16 July 2026 at 12:00am');
  });

  it('refuses something that is not a date rather than printing "Invalid Date"', () => {
    expect(() => formatLondonDate('not a date')).toThrow(RangeError);
  });
});
