import fc from 'fast-check';
import { ButtonStyle, ComponentType } from 'discord.js';
import type { APIButtonComponentWithCustomId, APIStringSelectComponent } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { ANSWER_KINDS, UserInputError } from '../../src/answers/index.js';
import type { Answer, AnswerPart, Citation } from '../../src/answers/index.js';
import { CustomIds } from '../../src/discord/customIds.js';
import { renderEvidence } from '../../src/discord/evidence.js';
import { escapeMarkdown } from '../../src/discord/markdown.js';
import type { MessagePayload } from '../../src/discord/payload.js';
import { KIND_COLOURS, renderAnswer, renderFailure, renderUserError } from '../../src/discord/render.js';
import { engine } from '../answers/engine.js';
import { embedLength, expectWithinDiscordLimits } from './messageRules.js';

const OPTIONS: Record<string, string[]> = { who: ['name'], timeline: ['actor', 'topic', 'from', 'to'], quote: ['speaker', 'about'], ask: ['question'], brief: [] };
const customIds = new CustomIds((command) => OPTIONS[command]);

const words = (count: number, word = 'lorem') => Array.from({ length: count }, (_, index) => `${word}${index}`).join(' ');

function citation(index: number, evidence = `evidence number ${index}`): Citation {
  return {
    articleId: `article-${index % 3}`,
    file: `00${index % 3}_abc.txt`,
    outlet: `Outlet ${index % 3}`,
    title: `Title ${index % 3}`,
    date: 'Sept 23, 2015',
    isoDate: '2015-09-23',
    dateInferred: index % 2 === 0,
    evidence,
  };
}

function answer(overrides: Partial<Answer>): Answer {
  return { kind: 'who', title: 'A title', body: [], citations: [], suggestions: [], ...overrides };
}

const buttons = (payload: MessagePayload) =>
  (payload.components ?? []).flatMap((row) => row.components).filter((c): c is APIButtonComponentWithCustomId => c.type === ComponentType.Button);
const embed = (payload: MessagePayload) => {
  const first = payload.embeds?.[0];
  if (!first) throw new Error('no embed');
  return first;
};

describe('renderAnswer keeps every message inside Discord limits', () => {
  it('cuts an oversized title at a word boundary with "…"', () => {
    const payload = renderAnswer(answer({ title: words(200) }), { customIds });
    const title = embed(payload).title ?? '';
    expect(title.length).toBeLessThanOrEqual(256);
    expect(title.endsWith('…')).toBe(true);
    expect(words(200).startsWith(title.slice(0, -1))).toBe(true);
    expect(title.at(-2)).toMatch(/\d/); // ends on a whole word ("lorem37"), not half of one
    expectWithinDiscordLimits(payload);
  });

  it('cuts a description longer than 4,096 characters, keeping whole lines first', () => {
    const lines: AnswerPart[] = Array.from({ length: 60 }, (_, index) => ({ type: 'line', text: `Line ${index}: ${words(20)}`, cites: [] }));
    const payload = renderAnswer(answer({ body: lines }), { customIds });
    const description = embed(payload).description ?? '';
    expect(description.length).toBeLessThanOrEqual(4096);
    expect(description.length).toBeGreaterThan(3500);
    expect(description.startsWith('Line 0: lorem0')).toBe(true);
    expect(description.endsWith('…')).toBe(true);
    expectWithinDiscordLimits(payload);
  });

  it('splits a long headed list into fields of at most 1,024 characters, between items', () => {
    const items = Array.from({ length: 12 }, (_, index) => ({ label: `Item ${index}`, text: words(25), cites: [index % 3] }));
    const payload = renderAnswer(answer({ body: [{ type: 'line', text: 'Intro', cites: [] }, { type: 'list', heading: 'Key points', items }], citations: [0, 1, 2].map((i) => citation(i)) }), { customIds });
    const fields = embed(payload).fields ?? [];
    expect(fields[0]?.name).toBe('Key points');
    expect(fields.length).toBeGreaterThan(1);
    for (const field of fields.filter((f) => f.name !== 'Try')) expect(field.value.split('\n').every((line) => line.startsWith('• **Item'))).toBe(true);
    expect(fields.map((f) => f.value).join('\n').match(/• \*\*Item/g)).toHaveLength(12);
    expectWithinDiscordLimits(payload);
  });

  it('shows at most 25 fields and 6,000 characters in all', () => {
    const facts = Array.from({ length: 40 }, (_, index) => ({ label: `Fact ${index}`, value: words(30), cites: [] }));
    const payload = renderAnswer(answer({ body: [{ type: 'facts', facts }] }), { customIds });
    expect(embed(payload).fields?.length).toBeLessThanOrEqual(25);
    expect(embedLength(embed(payload))).toBeLessThanOrEqual(6000);
    expectWithinDiscordLimits(payload);
  });

  it('names the sources in the footer, one entry per article with its [n] marks, and keeps it under 2,048', () => {
    const few = renderAnswer(answer({ citations: [citation(0), citation(1), citation(3)], body: [{ type: 'line', text: 'x', cites: [0, 2] }] }), { customIds });
    expect(embed(few).footer?.text).toBe('Sources: [1][3] Outlet 0, Sept 23, 2015 (date inferred) · [2] Outlet 1, Sept 23, 2015');
    expect(embed(few).description).toBe('x [1][3]');

    const many = Array.from({ length: 400 }, (_, index) => ({ ...citation(index), articleId: `a${index}`, outlet: words(8, 'outlet') }));
    const payload = renderAnswer(answer({ citations: many }), { customIds });
    expect(embed(payload).footer?.text.length).toBeLessThanOrEqual(2048);
    expectWithinDiscordLimits(payload);
  });

  it('gives each kind its own colour', () => {
    const colours = ANSWER_KINDS.map((kind) => embed(renderAnswer(answer({ kind }), { customIds })).color);
    expect(new Set(colours).size).toBe(ANSWER_KINDS.length);
    expect(colours[0]).toBe(KIND_COLOURS[ANSWER_KINDS[0]]);
  });

  it('escapes markdown from answer text, so echoed input cannot add links, spoilers or headings', () => {
    const payload = renderAnswer(answer({ title: '**bold**', body: [{ type: 'line', text: '# [free nitro](https://evil.example) ||spoiler|| <@123>', cites: [] }] }), { customIds });
    expect(embed(payload).title).toBe('\\*\\*bold\\*\\*');
    expect(embed(payload).description).toBe('\\# \\[free nitro\\](https://evil.example) \\|\\|spoiler\\|\\| \\<@123\\>');
    expect(escapeMarkdown('a_b `c` ~~d~~ \\')).toBe('a\\_b \\`c\\` \\~\\~d\\~\\~ \\\\');
  });

  it('holds for any answer, however large or strange its text', () => {
    const text = fc.oneof(fc.string({ maxLength: 50 }), fc.string({ minLength: 900, maxLength: 6000 }), fc.string({ unit: 'grapheme', maxLength: 300 }));
    const cites = fc.array(fc.nat({ max: 29 }), { maxLength: 4 });
    const part: fc.Arbitrary<AnswerPart> = fc.oneof(
      fc.record({ type: fc.constant('line' as const), text, cites }),
      fc.record({ type: fc.constant('list' as const), heading: fc.option(text, { nil: undefined }), items: fc.array(fc.record({ label: fc.option(text, { nil: undefined }), text, cites }), { maxLength: 30 }) }),
      fc.record({ type: fc.constant('facts' as const), heading: fc.option(text, { nil: undefined }), facts: fc.array(fc.record({ label: text, value: text, cites }), { maxLength: 30 }) }),
    );
    const arbitraryAnswer = fc.record({
      kind: fc.constantFrom(...ANSWER_KINDS),
      title: text,
      body: fc.array(part, { maxLength: 8 }),
      citations: fc.array(fc.record({ i: fc.nat(), evidence: text, outlet: text }).map(({ i, evidence, outlet }) => ({ ...citation(i, evidence), outlet })), { maxLength: 30 }),
      suggestions: fc.array(text, { maxLength: 6 }),
    });
    fc.assert(
      fc.property(arbitraryAnswer, (generated) => {
        const payload = renderAnswer(generated, { customIds, request: { command: 'ask', options: { question: 'q' } } });
        expectWithinDiscordLimits(payload);
        if (generated.citations.length > 0) {
          for (let page = 1; page <= 3; page++) expectWithinDiscordLimits(renderEvidence(generated, page, { command: 'ask', options: { question: 'q' } }, customIds));
        }
      }),
      { numRuns: 150, endOnFailure: true },
    );
  });
});

describe('renderAnswer on real answers', () => {
  it('renders every command of the real data within limits, public unless a miss or a question back', () => {
    const answers = [
      engine.brief(),
      engine.help(),
      engine.who('Obama'),
      engine.who('James'),
      engine.who('Zorro'),
      engine.timeline(),
      engine.onThisDay({ date: '09-25' }),
      engine.quote({ speaker: 'Obama' }),
      engine.sources(),
      engine.ask('How many records were stolen in the OPM breach?'),
    ];
    for (const real of answers) {
      const payload = renderAnswer(real, { customIds, request: { command: 'brief', options: {} } });
      expectWithinDiscordLimits(payload);
      expect(payload.ephemeral).toBe(real.kind === 'not_found' || real.kind === 'ambiguous');
    }
  });

  it('pages a timeline with Previous/Next whose ids fetch the neighbouring pages, statelessly', () => {
    const page2 = engine.timeline({ topic: 'sanctions', page: 2 });
    const payload = renderAnswer(page2, { customIds });
    const [previous, indicator, next, sources] = buttons(payload);
    expect(previous?.label).toBe('Previous');
    expect(customIds.decode(previous?.custom_id ?? '')).toEqual({ kind: 'timeline-page', page: 1, filters: { topic: 'sanctions' } });
    expect(indicator?.disabled).toBe(true);
    expect(indicator?.label).toBe(`2 / ${page2.paging?.pageCount}`);
    // Page 2 is the last page of this topic: Next is disabled, Sources recomputes page 2.
    expect(next?.disabled).toBe(true);
    expect(sources?.style).toBe(ButtonStyle.Secondary);
    // A fresh decoder (another instance of the bot) reads the same ids.
    const elsewhere = new CustomIds((command) => OPTIONS[command]);
    expect(elsewhere.decode(sources?.custom_id ?? '')).toEqual({ kind: 'sources', page: 1, request: { command: 'timeline', options: { topic: 'sanctions', page: '2' } } });
    expect((embed(payload).fields ?? []).some((field) => field.name === "Try")).toBe(false); // the buttons do the paging
  });

  it('offers the candidates of an ambiguous name in a select menu that re-runs the command', () => {
    const ambiguous = engine.timeline({ actor: 'James', topic: 'sanctions' });
    expect(ambiguous.kind).toBe('ambiguous');
    const payload = renderAnswer(ambiguous, { customIds });
    const menu = payload.components?.[0]?.components[0] as APIStringSelectComponent;
    expect(menu.type).toBe(ComponentType.StringSelect);
    expect(menu.options.map((option) => option.value)).toEqual(ambiguous.candidates?.map((candidate) => candidate.id));
    expect(customIds.decode(menu.custom_id)).toEqual({ kind: 'pick', option: 'actor', request: { command: 'timeline', options: { topic: 'sanctions' } } });
    expect(payload.ephemeral).toBe(true);
  });

  it('caps a select menu at 25 candidates with labels and descriptions under 100 characters', () => {
    const candidates = Array.from({ length: 40 }, (_, index) => ({ id: `id-${index}`, label: words(30), description: words(30) }));
    const payload = renderAnswer(answer({ kind: 'ambiguous', candidates, rerun: { command: 'who', option: 'name', options: {} } }), { customIds });
    expectWithinDiscordLimits(payload);
    expect((payload.components?.[0]?.components[0] as APIStringSelectComponent).options).toHaveLength(25);
  });

  it('adds no Sources button without citations or without a request to recompute from', () => {
    expect(buttons(renderAnswer(engine.help(), { customIds, request: { command: 'help', options: {} } }))).toHaveLength(0);
    expect(buttons(renderAnswer(engine.brief(), { customIds }))).toHaveLength(0);
    expect(buttons(renderAnswer(engine.brief(), { customIds, request: { command: 'brief', options: {} } })).map((b) => b.label)).toEqual(['Sources']);
  });
});

describe('the evidence view', () => {
  it('pages the verbatim snippets so that every citation appears exactly once, each page within limits', () => {
    const brief = engine.brief();
    const request = { command: 'brief', options: {} };
    const first = renderEvidence(brief, 1, request, customIds);
    const pageCount = Number(/of (\d+)/.exec(embed(first).footer?.text ?? 'of 1')?.[1]);
    const seen: string[] = [];
    for (let page = 1; page <= pageCount; page++) {
      const payload = renderEvidence(brief, page, request, customIds);
      expectWithinDiscordLimits(payload);
      expect(payload.ephemeral).toBe(true);
      seen.push(...(embed(payload).fields ?? []).map((field) => field.name));
    }
    expect(seen).toEqual(brief.citations.map((c, index) => expect.stringMatching(new RegExp(`^\\[${index + 1}\\] ${c.outlet.replace(/[()]/g, '\\$&')}`))));
    const firstField = embed(first).fields?.[0];
    expect(firstField?.value).toContain(escapeMarkdown(brief.citations[0]?.evidence.slice(0, 40) ?? ''));
    expect(firstField?.value).toContain(brief.citations[0]?.file);
  });
});

describe('errors', () => {
  it('shows a user error as it is, with its suggestions, ephemerally', () => {
    const payload = renderUserError(new UserInputError('I don\'t know a topic called "bananas".', ['sanctions', 'opm-breach']));
    expect(payload).toEqual({ content: '⚠️ I don\'t know a topic called "bananas".\nTry: `sanctions` · `opm-breach`', ephemeral: true });
    expect(renderUserError(new UserInputError('Did you mean: sanctions?', ['sanctions'])).content).toBe('⚠️ Did you mean: sanctions?');
    expect(renderUserError(new UserInputError(words(2000))).content?.length).toBeLessThanOrEqual(2000);
  });

  it('gives an unexpected failure a generic message with its error id', () => {
    expect(renderFailure('a1b2c3')).toEqual({ content: expect.stringContaining('`a1b2c3`'), ephemeral: true });
  });
});
