import { deathKnownAt, londonInstant } from './case-facts';

describe('londonInstant', () => {
  it('reads a winter time as GMT and a summer time as BST', () => {
    expect(londonInstant('2026-01-15', '03:40').toISOString()).toBe('2026-01-15T03:40:00.000Z');
    expect(londonInstant('2026-07-15', '03:40').toISOString()).toBe('2026-07-15T02:40:00.000Z');
  });

  it('is right on the night the clocks go forward', () => {
    expect(londonInstant('2026-03-29', '00:30').toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(londonInstant('2026-03-29', '02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
});

describe('deathKnownAt', () => {
  it('prefers when someone became aware of the death', () => {
    const at = deathKnownAt({
      dateOfDeath: '2026-01-15',
      timeOfDeath: '03:40',
      becameAwareAt: '2026-01-16T09:00:00Z',
    });
    expect(at.toISOString()).toBe('2026-01-16T09:00:00.000Z');
  });

  it('uses London midnight when only the date is known', () => {
    expect(deathKnownAt({ dateOfDeath: '2026-07-15' }).toISOString()).toBe('2026-07-14T23:00:00.000Z');
  });
});
