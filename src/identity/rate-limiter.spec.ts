import { SlidingWindowLimiter } from './rate-limiter';

describe('sliding window limiter', () => {
  it('allows the limit within the window, refuses the next, and allows again once the window moves on', () => {
    const limiter = new SlidingWindowLimiter(2, 60_000);
    expect(limiter.hit('ip', 0)).toBe(0);
    expect(limiter.hit('ip', 10_000)).toBe(0);
    expect(limiter.hit('ip', 20_000)).toBe(40);
    expect(limiter.hit('other', 20_000)).toBe(0);
    expect(limiter.hit('ip', 60_001)).toBe(0);
  });
});
