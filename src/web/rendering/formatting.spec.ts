import { formatDate, formatDateTime } from './formatting';

describe('page date formatting', () => {
  it('shows an ISO date as the GOV.UK long date, whatever the server time zone', () => {
    expect(formatDate('2027-01-05')).toBe('5 January 2027');
    expect(formatDate('2026-03-29')).toBe('29 March 2026');
  });

  it('shows an instant as its London date and time, across the clock change', () => {
    expect(formatDateTime('2026-10-24T23:30:00Z')).toBe('25 October 2026 at 12:30am');
    expect(formatDateTime(new Date('2026-12-01T15:04:00Z'))).toBe('1 December 2026 at 3:04pm');
    expect(formatDate('2026-06-30T23:30:00Z')).toBe('1 July 2026');
  });

  it('shows nothing for a missing value and leaves text that is not a date alone', () => {
    expect(formatDate(undefined)).toBe('');
    expect(formatDateTime(null)).toBe('');
    expect(formatDate('not recorded')).toBe('not recorded');
  });
});
