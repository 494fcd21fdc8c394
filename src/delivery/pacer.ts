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

/** Returns `wait()`: resolves when the caller may make its call (slots are handed out in call order). */
export function createPacer(perSecond: number, clock: PacerClock = realClock): () => Promise<void> {
  if (!(perSecond > 0)) throw new RangeError(`perSecond must be positive, got ${perSecond}`);
  // A hair over 1000/perSecond: summed in floating point, perSecond intervals must not come to
  // 999.9999… ms and put one call too many in a window.
  const interval = 1000 / perSecond + 1e-6;
  let nextSlot = -Infinity;
  return async () => {
    const now = clock.now();
    const slot = Math.max(now, nextSlot);
    nextSlot = slot + interval;
    if (slot > now) await clock.sleep(slot - now);
  };
}
