/**
 * The daily post over Discord: compose it from the answer engine, send it with the day's nonce
 * (enforce_nonce, so a re-send after a crash returns the message already posted), and sort
 * Discord's errors into "retry later" and "this channel is lost to the bot".
 */
import { DiscordAPIError, Routes } from 'discord.js';
import type { REST } from 'discord.js';
import type { APIMessage } from 'discord-api-types/v10';
import { formatMonthDay } from '../answers/dates.js';
import type { Answer, AnswerEngine } from '../answers/index.js';
import { answerEmbed } from '../discord/render.js';
import { NO_MENTIONS } from '../discord/payload.js';
import type { ComposePost, SendPost } from '../schedule/deliver.js';
import { createPacer } from './pacer.js';

/** Missing Access, Missing Permissions, Unknown Channel: retrying cannot help. */
const PERMANENT_CODES = new Set([50001, 50013, 10003]);

export function isPermanentDiscordError(error: unknown): error is DiscordAPIError {
  if (!(error instanceof DiscordAPIError)) return false;
  return error.status === 403 || error.status === 404 || (typeof error.code === 'number' && PERMANENT_CODES.has(error.code));
}

/**
 * Daily posts a second, under Discord's global 50 requests/s: posts are spaced evenly (see
 * pacer.ts) and three requests a second are left to commands answered meanwhile.
 */
export const DELIVERY_POSTS_PER_SECOND = 47;

/** discord.js's REST already retries 429 and 5xx; what still fails here is reported to the tick. */
export function createDiscordSender(rest: REST, options: { postsPerSecond?: number } = {}): SendPost<Answer> {
  const waitForSlot = createPacer(options.postsPerSecond ?? DELIVERY_POSTS_PER_SECOND);
  return async (channelId, answer, nonce) => {
    await waitForSlot();
    try {
      const message = (await rest.post(Routes.channelMessages(channelId), {
        body: { embeds: [answerEmbed(answer)], nonce, enforce_nonce: true, allowed_mentions: NO_MENTIONS },
      })) as APIMessage;
      return { kind: 'sent', messageId: message.id };
    } catch (error) {
      if (isPermanentDiscordError(error)) return { kind: 'permanent', reason: `${error.status} ${error.message}` };
      return { kind: 'transient', error: error instanceof Error ? error.message : String(error) };
    }
  };
}

/**
 * Today's entries for the subscription's local date; on a day without any, nothing, unless the
 * subscription asked for the nearest anniversary instead.
 */
export function composeDailyPost(engine: () => AnswerEngine, now: () => Date): ComposePost<Answer> {
  return (localDate, subscription) => {
    const answer = engine().onThisDay({ date: localDate.slice(5), now: now(), timeZone: subscription.timeZone });
    if (!isEmptyDay(answer)) return answer;
    if (!subscription.postWhenEmpty) return null;
    const nearestAfter = answer.body.find((part) => part.type === 'list' && part.heading?.startsWith('Nearest after'));
    const next = nearestAfter && nearestAfter.type === 'list' ? nearestAfter.heading?.replace('Nearest after: ', '') : undefined;
    const intro = `Nothing happened on ${formatMonthDay(localDate.slice(5))}.${next ? ` Next: ${next}.` : ''}`;
    const first = answer.body[0];
    const line = first?.type === 'line' ? { ...first, text: intro } : { type: 'line' as const, text: intro, cites: [] };
    return { ...answer, body: nearestAfter ? [line, nearestAfter] : [line] };
  };
}

function isEmptyDay(answer: Answer): boolean {
  const first = answer.body[0];
  return first?.type === 'line' && first.text.startsWith('Nothing in the story happened');
}
