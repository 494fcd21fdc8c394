import type { SendOutcome, SendPost } from '../../src/schedule/deliver.js';

/** What the test composer produces: enough to tell posts apart. */
export interface TestPost {
  channelId: string;
  localDate: string;
}

export interface PostedMessage {
  id: string;
  channelId: string;
  nonce: string;
  content: TestPost;
  at: Date;
}

/** A clock the test moves by hand. */
export class FakeClock {
  private instant: number;
  constructor(start: string | Date) {
    this.instant = new Date(start).getTime();
  }
  readonly now = (): Date => new Date(this.instant);
  set(to: string | Date): void {
    this.instant = new Date(to).getTime();
  }
  advance(ms: number): void {
    this.instant += ms;
  }
}

/**
 * A stand-in for Discord's message endpoint as far as delivery cares: it stores messages, and —
 * like Discord with `enforce_nonce` — a nonce seen within the last few minutes returns the message
 * already created instead of creating another. Scripted failures stand in for HTTP errors.
 */
export class FakeDiscord {
  readonly messages: PostedMessage[] = [];
  /** Every request that reached "Discord", including failed and deduplicated ones. */
  readonly requests: { channelId: string; nonce: string; at: Date }[] = [];
  private readonly scripted = new Map<string, SendOutcome[]>();
  private nextId = 1;

  constructor(
    private readonly clock: () => Date,
    private readonly nonceWindowMs = 5 * 60_000,
  ) {}

  /** The next sends to this channel get these outcomes (in order) instead of posting. */
  failNext(channelId: string, ...outcomes: Exclude<SendOutcome, { kind: 'sent' }>[]): void {
    this.scripted.set(channelId, [...(this.scripted.get(channelId) ?? []), ...outcomes]);
  }

  /** Drops the failures still scripted for a channel. */
  recover(channelId: string): void {
    this.scripted.delete(channelId);
  }

  /** Seeds a message that some earlier process posted (e.g. one that crashed right after). */
  remember(message: PostedMessage): void {
    this.messages.push(message);
  }

  readonly send: SendPost<TestPost> = async (channelId, content, nonce) => {
    const at = this.clock();
    this.requests.push({ channelId, nonce, at });
    const scripted = this.scripted.get(channelId)?.shift();
    if (scripted) return scripted;
    const duplicate = this.messages.find(
      (message) => message.nonce === nonce && at.getTime() - message.at.getTime() <= this.nonceWindowMs,
    );
    if (duplicate) return { kind: 'sent', messageId: duplicate.id };
    const id = `msg-${this.nextId++}`;
    this.messages.push({ id, channelId, nonce, content, at });
    return { kind: 'sent', messageId: id };
  };

  messagesIn(channelId: string): PostedMessage[] {
    return this.messages.filter((message) => message.channelId === channelId);
  }

  requestsTo(channelId: string): number {
    return this.requests.filter((request) => request.channelId === channelId).length;
  }
}

/** Composes a post for every day (the real composer lives elsewhere). */
export const composeEveryDay = (localDate: string, subscription: { channelId: string }): TestPost => ({
  channelId: subscription.channelId,
  localDate,
});
