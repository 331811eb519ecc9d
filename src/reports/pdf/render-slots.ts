/**
 * A counting semaphore with a first-come, first-served queue: at most `limit` holders at once,
 * and a burst of requests waits its turn instead of opening a page each.
 */
export class RenderSlots {
  private active = 0;
  private maxActive = 0;
  private readonly waiting: Array<{ grant: () => void; refuse: (error: Error) => void }> = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`Concurrency must be a whole number of at least 1, not ${limit}`);
    }
  }

  /** Resolves with a release function once a slot is free. Call it exactly once. */
  acquire(): Promise<() => void> {
    return new Promise((resolve, reject) => {
      const grant = (): void => {
        this.active += 1;
        this.maxActive = Math.max(this.maxActive, this.active);
        resolve(this.releaser());
      };
      if (this.active < this.limit) {
        grant();
      } else {
        this.waiting.push({ grant, refuse: reject });
      }
    });
  }

  /** Turns away everyone still queued, for shutdown. */
  refuseWaiting(error: Error): void {
    for (const waiter of this.waiting.splice(0)) {
      waiter.refuse(error);
    }
  }

  get activeCount(): number {
    return this.active;
  }

  get queuedCount(): number {
    return this.waiting.length;
  }

  get maxActiveSeen(): number {
    return this.maxActive;
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) {
        return;
      }
      released = true;
      this.active -= 1;
      this.waiting.shift()?.grant();
    };
  }
}
