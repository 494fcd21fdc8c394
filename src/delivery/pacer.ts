/**
 * Spaces calls evenly: at most `perSecond` a second in *any* one-second window.
 *
 * discord.js counts its 50 requests/s in fixed windows that start with its own first request;
 * Discord's windows start elsewhere, so a burst at the end of one client window and the start of
 * the next can land in a single server window (the fan-out benchmark saw a handful of global
 * 429s in 10,000 posts). Even spacing slightly below the limit cannot do that, whatever the
 * windows' phase, and leaves the rest of the budget to the bot's other REST calls.
 */
export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: PacerClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Returns `wait()`: resolves when the caller may make its call, one caller at a time in call
 * order, each at least 1000/perSecond ms after the previous one was let through. Spacing is
 * measured from when the previous call actually went, not from a schedule: a call that went
 * late (a busy event loop) must not let the next ones catch up, or they would bunch together
 * in the window the late one opened.
 */
export function createPacer(perSecond: number, clock: PacerClock = realClock): () => Promise<void> {
  if (!(perSecond > 0)) throw new RangeError(`perSecond must be positive, got ${perSecond}`);
  // A hair over 1000/perSecond: summed in floating point, perSecond intervals must not come to
  // 999.9999… ms and put one call too many in a window.
  const interval = 1000 / perSecond + 1e-6;
  let lastGrant = -Infinity;
  let queue: Promise<void> = Promise.resolve();
  return () => {
    const turn = queue.then(async () => {
      const wait = lastGrant + interval - clock.now();
      if (wait > 0) await clock.sleep(wait);
      lastGrant = clock.now();
    });
    queue = turn;
    return turn;
  };
}
