import { londonEndOfDay, londonStartOfDay } from './london-time';

describe('London day bounds', () => {
  it('uses GMT in winter and BST in summer', () => {
    expect(londonStartOfDay('2026-01-15').toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(londonStartOfDay('2026-07-15').toISOString()).toBe('2026-07-14T23:00:00.000Z');
  });

  it('handles the days the clocks change', () => {
    expect(londonStartOfDay('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(londonEndOfDay('2026-03-29').toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(londonStartOfDay('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(londonEndOfDay('2026-10-25').toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });
});
