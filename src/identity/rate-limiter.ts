/**
 * Counts attempts per key over a sliding window, in memory. Kept per process on purpose: it stops bursts
 * from one client cheaply; the lockout (in PostgreSQL) is what holds across processes and restarts.
 */
export class SlidingWindowLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts an attempt; returns 0 if allowed, else the seconds until the oldest attempt leaves the window. */
  hit(key: string, now = Date.now()): number {
    if (this.attempts.size > 10_000) this.prune(now);
    const recent = (this.attempts.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.attempts.set(key, recent);
      return Math.max(1, Math.ceil((recent[0] + this.windowMs - now) / 1000));
    }
    recent.push(now);
    this.attempts.set(key, recent);
    return 0;
  }

  private prune(now: number): void {
    for (const [key, times] of this.attempts) {
      if (times.every((at) => at <= now - this.windowMs)) this.attempts.delete(key);
    }
  }
}
