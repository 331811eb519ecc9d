import { RenderSlots } from './render-slots';

describe('render slots', () => {
  it('lets at most the limit in, and the rest in the order they asked', async () => {
    const slots = new RenderSlots(2);
    const order: number[] = [];
    const releases = new Map<number, () => void>();
    const waits = [1, 2, 3, 4, 5].map((n) =>
      slots.acquire().then((release) => {
        order.push(n);
        releases.set(n, release);
      }),
    );
    await Promise.resolve();
    expect(order).toEqual([1, 2]);
    expect([slots.activeCount, slots.queuedCount]).toEqual([2, 3]);

    releases.get(2)?.();
    releases.get(2)?.(); // a second release must not free a second slot
    await Promise.resolve();
    expect(order).toEqual([1, 2, 3]);
    expect([slots.activeCount, slots.queuedCount]).toEqual([2, 2]);

    releases.get(1)?.();
    releases.get(3)?.();
    await Promise.all(waits.slice(0, 4));
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(slots.maxActiveSeen).toBe(2);
  });

  it('turns the queue away on shutdown', async () => {
    const slots = new RenderSlots(1);
    await slots.acquire();
    const waiting = slots.acquire();
    slots.refuseWaiting(new Error('closed'));
    await expect(waiting).rejects.toThrow('closed');
  });

  it('needs a limit of at least one', () => {
    expect(() => new RenderSlots(0)).toThrow(RangeError);
  });
});
