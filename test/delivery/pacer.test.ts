/** The pacer on a virtual clock: even spacing in call order, never more than the rate in any window. */
import { describe, expect, it } from 'vitest';
import { createPacer, type PacerClock } from '../../src/delivery/pacer.js';

/**
 * Time moves only when `run()` wakes the next sleeper; each woken caller runs to its next
 * await before time moves on, so what it reads from `now()` is its own wake-up time.
 */
function virtualClock(): PacerClock & { run(): Promise<void> } {
  let time = 0;
  const sleepers: { wake: number; resolve: () => void }[] = [];
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => time,
    sleep: (ms) => new Promise<void>((resolve) => sleepers.push({ wake: time + ms, resolve })),
    async run() {
      await settle();
      while (sleepers.length > 0) {
        sleepers.sort((a, b) => a.wake - b.wake);
        const next = sleepers.shift() as { wake: number; resolve: () => void };
        time = Math.max(time, next.wake);
        next.resolve();
        await settle();
      }
    },
  };
}

describe('createPacer', () => {
  it('lets the first call through at once and spaces the rest 1000/perSecond apart', async () => {
    const clock = virtualClock();
    const wait = createPacer(4, clock);
    const times: number[] = [];
    const caller = (async () => {
      for (let i = 0; i < 5; i++) {
        await wait();
        times.push(Math.round(clock.now()));
      }
    })();
    await clock.run();
    await caller;
    expect(times).toEqual([0, 250, 500, 750, 1000]);
  });

  it('keeps concurrent callers within the rate in every one-second window', async () => {
    const clock = virtualClock();
    const wait = createPacer(47, clock);
    const times: number[] = [];
    const callers = Promise.all(Array.from({ length: 500 }, () => wait().then(() => times.push(clock.now()))));
    await clock.run();
    await callers;
    expect(times).toHaveLength(500);
    for (const start of times) expect(times.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(47);
  });

  it('does not bank unused time: after a pause, calls are spaced again', async () => {
    const clock = virtualClock();
    const wait = createPacer(10, clock);
    let before = 0;
    const caller = (async () => {
      await wait();
      await clock.sleep(5_000);
      before = clock.now();
      await wait();
      await wait();
    })();
    await clock.run();
    await caller;
    expect(clock.now() - before).toBeCloseTo(100, 3);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => createPacer(0)).toThrow(RangeError);
  });
});

describe('createPacer when a call goes late', () => {
  it('spaces the next calls from the late one, so they cannot bunch up behind it', async () => {
    let time = 0;
    const sleeps: number[] = [];
    // The second wait oversleeps by 80 ms, as under a long garbage collection.
    const clock: PacerClock = {
      now: () => time,
      sleep: async (ms) => {
        sleeps.push(ms);
        time += sleeps.length === 2 ? ms + 80 : ms;
      },
    };
    const wait = createPacer(10, clock);
    const grants: number[] = [];
    for (let i = 0; i < 5; i++) {
      await wait();
      grants.push(Math.round(time));
    }
    expect(grants).toEqual([0, 100, 280, 380, 480]);
  });
});
