import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomIds } from '../../src/discord/customIds.js';
import type { ComponentAction } from '../../src/discord/customIds.js';

const OPTIONS: Record<string, string[]> = { who: ['name'], timeline: ['actor', 'topic', 'from', 'to'], quote: ['speaker', 'about'], ask: ['question'], brief: [] };
const fresh = () => new CustomIds((command) => OPTIONS[command]);

describe('custom ids', () => {
  it('writes a timeline page as tl:<page>:<actor>:<topic>:<from>:<to>, dropping empty trailing fields', () => {
    const ids = fresh();
    expect(ids.encode({ kind: 'timeline-page', page: 2, filters: { actor: 'barack-obama', topic: 'sanctions', from: '2015-09', to: '2015-09-30' } })).toBe(
      'tl:2:barack-obama:sanctions:2015-09:2015-09-30',
    );
    expect(ids.encode({ kind: 'timeline-page', page: 3, filters: { topic: 'sanctions' } })).toBe('tl:3::sanctions');
    expect(ids.decode('tl:3::sanctions')).toEqual({ kind: 'timeline-page', page: 3, filters: { topic: 'sanctions' } });
  });

  it('round-trips any request through a different instance (stateless), escaping ":" and "%"', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 30 });
    const action: fc.Arbitrary<ComponentAction> = fc.oneof(
      fc.record({ kind: fc.constant('timeline-page' as const), page: fc.integer({ min: 1, max: 10_000 }), filters: fc.record({ actor: text, topic: text }, { requiredKeys: [] }) }),
      fc.record({ kind: fc.constant('sources' as const), page: fc.integer({ min: 1, max: 99 }), request: fc.record({ command: fc.constant('quote'), options: fc.record({ speaker: text, about: text }, { requiredKeys: [] }) }) }),
      fc.record({ kind: fc.constant('pick' as const), option: fc.constant('speaker'), request: fc.record({ command: fc.constant('quote'), options: fc.record({ about: text }, { requiredKeys: [] }) }) }),
    );
    const withoutEmpty = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== ''));
    const normalized = (a: ComponentAction): ComponentAction =>
      a.kind === 'timeline-page' ? { ...a, filters: withoutEmpty(a.filters as Record<string, string>) } : { ...a, request: { ...a.request, options: withoutEmpty(a.request.options) } };
    fc.assert(
      fc.property(action, (a) => {
        const id = fresh().encode(a);
        expect(id.length).toBeLessThanOrEqual(100);
        if (!id.includes('#')) expect(fresh().decode(id)).toEqual(normalized(a));
      }),
    );
    expect(fresh().encode({ kind: 'sources', page: 1, request: { command: 'ask', options: { question: 'Re: 100% sure?' } } })).toBe('src:1:ask:Re%3A 100%25 sure?');
  });

  it('keeps an id longer than 100 characters under a short key, and calls it expired on another instance', () => {
    const ids = fresh();
    const action: ComponentAction = { kind: 'sources', page: 1, request: { command: 'ask', options: { question: 'why '.repeat(100) } } };
    const id = ids.encode(action);
    expect(id).toMatch(/^src#[\w-]{16}$/);
    expect(ids.decode(id)).toEqual(action);
    expect(fresh().decode(id)).toEqual({ kind: 'expired' });
  });

  it('rejects ids it did not write: unknown prefix, command or option, bad page', () => {
    const ids = fresh();
    for (const id of ['nope', 'tl:0', 'tl:abc', 'tl:1:a:b:c:d:e', 'src:1:unknown', 'src:x:who', 'pick:who:speaker', 'pick:nope:name', 'x:prev', '']) {
      expect(ids.decode(id), id).toEqual({ kind: 'unknown' });
    }
  });
});
