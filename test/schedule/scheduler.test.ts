import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startScheduler, type Scheduler, type SchedulerLogger } from '../../src/schedule/scheduler.js';

// node-cron runs on setTimeout and Date; fake timers move both, so minutes pass instantly.
const MINUTE = 60_000;

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function recordingLogger(): SchedulerLogger & { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  return {
    errors,
    warnings,
    info: () => {},
    warn: (_data, message) => warnings.push(message),
    error: (_data, message) => errors.push(message),
  };
}

describe('startScheduler', () => {
  let scheduler: Scheduler | undefined;

  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-06-10T06:59:30Z') });
  });
  afterEach(async () => {
    await scheduler?.stop();
    scheduler = undefined;
    vi.useRealTimers();
  });

  it('ticks once at start, to catch up, and then every minute on the minute', async () => {
    const ticks: string[] = [];
    scheduler = startScheduler({
      tick: async () => {
        ticks.push(new Date().toISOString());
      },
    });
    await vi.advanceTimersByTimeAsync(3 * MINUTE);
    expect(ticks).toEqual([
      '2025-06-10T06:59:30.000Z',
      '2025-06-10T07:00:00.000Z',
      '2025-06-10T07:01:00.000Z',
      '2025-06-10T07:02:00.000Z',
    ]);
  });

  it('can start without the catch-up tick', async () => {
    const tick = vi.fn(async () => {});
    scheduler = startScheduler({ tick, runOnStart: false });
    await vi.advanceTimersByTimeAsync(29_000);
    expect(tick).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(tick).toHaveBeenCalledTimes(1);
  });

  it('never runs two ticks at once: minutes that arrive during a long tick are skipped', async () => {
    const slow = deferred();
    let calls = 0;
    let running = 0;
    let mostAtOnce = 0;
    scheduler = startScheduler({
      runOnStart: false,
      tick: async () => {
        calls += 1;
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        if (calls === 1) await slow.promise;
        running -= 1;
      },
    });
    await vi.advanceTimersByTimeAsync(30_000); // 07:00, the slow tick starts
    await vi.advanceTimersByTimeAsync(5 * MINUTE); // 07:01 … 07:05 come and go
    expect(calls).toBe(1);
    const manual = scheduler.runNow(); // a manual run joins the running tick instead of starting one
    expect(calls).toBe(1);

    slow.resolve();
    await manual;
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(calls).toBe(2);
    expect(mostAtOnce).toBe(1);
  });

  it('logs a failing tick and keeps ticking', async () => {
    const logger = recordingLogger();
    let calls = 0;
    scheduler = startScheduler({
      logger,
      tick: async () => {
        calls += 1;
        if (calls === 1) throw new Error('database is locked');
      },
    });
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    expect(calls).toBe(3);
    expect(logger.errors).toEqual(['delivery tick failed']);
  });

  it('stop() waits for the running tick and nothing ticks afterwards', async () => {
    const slow = deferred();
    let finished = false;
    const tick = vi.fn(async () => {
      await slow.promise;
      finished = true;
    });
    scheduler = startScheduler({ tick });
    const stopped = scheduler.stop().then(() => finished);
    slow.resolve();
    expect(await stopped).toBe(true);

    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    await scheduler.runNow();
    expect(tick).toHaveBeenCalledTimes(1);
  });

  it('refuses an invalid cron expression', () => {
    expect(() => startScheduler({ tick: async () => {}, cronExpression: '61 * * * *' })).toThrow(/invalid cron/);
  });
});
