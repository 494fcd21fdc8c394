import { createHash } from 'node:crypto';

/** Discord rejects message nonces longer than 25 characters. */
export const MAX_NONCE_LENGTH = 25;

/**
 * The message nonce for a channel's post on a local date: derived, never random, so every retry of
 * the same day — even from a restarted process that lost its memory — presents the same nonce and
 * Discord (with enforce_nonce) returns the already-posted message instead of posting it again.
 * 24 base64url characters carry 144 bits of SHA-256: collisions are not a practical concern.
 */
export function deliveryNonce(channelId: string, localDate: string): string {
  return createHash('sha256').update(`on-this-day\u0000${channelId}\u0000${localDate}`).digest('base64url').slice(0, 24);
}
