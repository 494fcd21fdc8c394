import { describe, expect, it } from 'vitest';
import type { AnswerEngine } from '../../src/answers/index.js';
import type { MessagePayload } from '../../src/discord/payload.js';
import { ReplyCache, replyKey } from '../../src/discord/replyCache.js';
import { engine } from '../answers/engine.js';

const message = (content: string): MessagePayload => ({ content, embeds: [{ title: content }], ephemeral: false });
const day = new Date('2026-11-23T10:00:00Z');

describe('replyKey', () => {
  it('is the same whatever order the options came in, and differs by command, value and UTC day', () => {
    const key = replyKey({ command: 'timeline', options: { actor: 'Xi', topic: 'sanctions' } }, day);
    expect(replyKey({ command: 'timeline', options: { topic: 'sanctions', actor: 'Xi' } }, new Date('2026-11-23T23:59:59Z'))).toBe(key);
    expect(replyKey({ command: 'quote', options: { actor: 'Xi', topic: 'sanctions' } }, day)).not.toBe(key);
    expect(replyKey({ command: 'timeline', options: { actor: 'Xi', topic: 'sanction' } }, day)).not.toBe(key);
    expect(replyKey({ command: 'timeline', options: { actor: 'Xi', topic: 'sanctions' } }, new Date('2026-11-24T00:00:00Z'))).not.toBe(key);
    // A separator inside a value cannot make two different requests collide.
    expect(replyKey({ command: 'ask', options: { a: 'x","b":"y' } }, day)).not.toBe(replyKey({ command: 'ask', options: { a: 'x', b: 'y' } }, day));
  });
});

describe('ReplyCache', () => {
  it('forgets the least recently used reply first, keeping at most its capacity', () => {
    const cache = new ReplyCache(2);
    cache.set(engine, 'a', message('a'));
    cache.set(engine, 'b', message('b'));
    expect(cache.get(engine, 'a')?.content).toBe('a'); // a is now the most recent
    cache.set(engine, 'c', message('c'));
    expect(cache.get(engine, 'b')).toBeUndefined();
    expect(cache.get(engine, 'a')?.content).toBe('a');
    expect(cache.get(engine, 'c')?.content).toBe('c');
    expect(cache.size(engine)).toBe(2);
  });

  it('keeps one table per engine: another summary never sees these replies', () => {
    const cache = new ReplyCache();
    const other = { ...engine } as AnswerEngine;
    cache.set(engine, 'k', message('old summary'));
    expect(cache.get(other, 'k')).toBeUndefined();
    expect(cache.size(other)).toBe(0);
  });

  it('freezes what it keeps, so no sender can change the next reply', () => {
    const cache = new ReplyCache();
    const kept = cache.set(engine, 'k', message('frozen'));
    expect(() => {
      (kept.embeds as { title?: string }[])[0]!.title = 'changed';
    }).toThrow(TypeError);
    expect(cache.get(engine, 'k')?.embeds?.[0]?.title).toBe('frozen');
  });
});
