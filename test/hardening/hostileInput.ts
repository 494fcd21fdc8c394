/**
 * What a hostile or careless user can type into any option, as fast-check
 * arbitraries, and the checks every reply to it must pass: within Discord's
 * limits, readable, and unable to ping anyone or smuggle a link.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { APIEmbed } from 'discord-api-types/v10';

const MENTIONS = ['@everyone', '@here', '<@123456789012345678>', '<@!123>', '<@&123>', '<#123>', '</who:123>'];
const MARKDOWN = ['**', '||', '`', '```', '__', '~~', '> ', '# ', '[x](http://evil.example)', '[Obama](https://evil.example/a)', '\\', '\\<@123>'];
const REAL = ['Obama', 'Xi Jinping', 'Meng Jianzhu', 'Rice', 'FBI', 'sanctions', 'hacking', 'Josh Earnest', 'China', '09-25', '2015-09-25'];
const IMPOSSIBLE_DATES = ['02-30', '13-01', '00-00', '2015-02-29', '0000-00-00', '9999-99-99', '2015-13-01', '-1-01', '09-31', '2015-09-25T99', '1e3', 'NaN'];
const BLANK = ['', ' ', '   ', '\t', '\n', '\r\n', '\u200b', '\u00a0', '\u3000'];
const ZONES = ['UTC', 'Mars/Olympus', '', '../../etc/passwd', '+99:99', 'Europe/Nowhere', 'America/New_York', '\u0000'];

/** 6,000 characters, the longest message body Discord carries. */
export const LONG_INPUTS = ['x'.repeat(6000), '@everyone '.repeat(600), '<@123>'.repeat(1000), '[x](http://e.example) '.repeat(272).slice(0, 6000)];

const controlChars = fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)), maxLength: 12 });

/** A real name or topic with markup or a mention stuck to it: the inputs most likely to be echoed back. */
const decorated = fc
  .tuple(fc.constantFrom(...MENTIONS, ...MARKDOWN), fc.constantFrom(...REAL, ''), fc.constantFrom(...MENTIONS, ...MARKDOWN, ''))
  .map(([before, core, after]) => `${before}${core}${after}`);

/** Anything at all a user can type in a text option. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: controlChars },
  { weight: 4, arbitrary: decorated },
  { weight: 1, arbitrary: fc.constantFrom(...MENTIONS, ...MARKDOWN, ...REAL, ...BLANK) },
  { weight: 1, arbitrary: fc.constantFrom(...LONG_INPUTS) },
);

/** Date-shaped text: impossible days, wrong shapes, and plain garbage. */
export const hostileDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...IMPOSSIBLE_DATES, ...BLANK),
  fc.tuple(fc.integer({ min: -1, max: 10_000 }), fc.integer({ min: -1, max: 99 }), fc.integer({ min: -1, max: 99 })).map(([y, m, d]) => `${y}-${m}-${d}`),
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([m, d]) => `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  hostileText,
);

export const hostileZone: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...ZONES), fc.string({ unit: 'binary', maxLength: 20 }));

/** A page number as a button might carry it back, tampered with. */
export const hostilePage: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: -5, max: 1_000_000 }).map(String),
  fc.constantFrom('0', '-1', '1.5', 'NaN', 'Infinity', '1e309', '', ' 2 ', '0x10'),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

/** An optional option: absent as often as present. */
export const maybe = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arbitrary, { nil: undefined, freq: 3 });

/** All the text a reader sees in a message. */
export function visibleText(message: { content?: string | null; embeds?: readonly APIEmbed[] }): string {
  return [
    message.content ?? '',
    ...(message.embeds ?? []).flatMap((embed) => [embed.title ?? '', embed.description ?? '', ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]), embed.footer?.text ?? '']),
  ]
    .filter(Boolean)
    .join('\n');
}

/** Matches of `pattern` whose first character is not escaped by an odd number of backslashes. */
function unescapedMatches(text: string, pattern: RegExp): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(pattern)) {
    let slashes = 0;
    for (let index = match.index - 1; index >= 0 && text[index] === '\\'; index -= 1) slashes += 1;
    if (slashes % 2 === 0) found.push(match[0]);
  }
  return found;
}

const WORKING_MENTION = /<(?:@[!&]?|#)\d+>/g;
const WORKING_LINK = /\[[^\]\n]*\]\(\s*<?https?:/g;
const WORKING_SPOILER = /\|\|/g;
const INTERNALS = /\[object Object\]|\bat \S+ \(?[^)\s]*:\d+:\d+\)?|TypeError|ReferenceError|RangeError/;

/** The text outside inline code spans (markup inside `…` is shown literally); escaped backticks open nothing. */
function outsideCode(text: string): string {
  let out = '';
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === '\\') {
      out += text.slice(index, index + 2);
      index += 1;
    } else if (char === '`') {
      const close = text.indexOf('`', index + 1);
      if (close === -1) out += char;
      else index = close;
    } else out += char;
  }
  return out;
}

/**
 * Readable, and what the user typed cannot act as a mention, a masked link or a
 * spoiler. "undefined" is only allowed where the user typed it.
 */
export function expectSafeAndReadable(message: { content?: string | null; embeds?: readonly APIEmbed[] }, inputs: readonly (string | undefined)[]): void {
  const text = visibleText(message);
  expect(text.trim().length, 'a reply says something').toBeGreaterThan(0);
  expect(text).not.toMatch(INTERNALS);
  if (!inputs.some((input) => input?.includes('undefined'))) expect(text).not.toContain('undefined');
  // The bot writes no mentions, links or spoilers of its own: any outside a code span came from input unescaped.
  const markup = outsideCode(text);
  expect(unescapedMatches(markup, WORKING_MENTION)).toEqual([]);
  expect(unescapedMatches(markup, WORKING_LINK)).toEqual([]);
  expect(unescapedMatches(markup, WORKING_SPOILER)).toEqual([]);
}
