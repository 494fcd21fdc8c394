import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/discord/markdown.js';

/** The definition escapeMarkdown's fast paths must agree with. */
const reference = (text: string) => text.replace(/[\\*_~`|[\]<>]/g, '\\$&').replace(/^(\s*)(#|-|\d+(?=\.\s))/gm, '$1\\$2');

// Characters that matter to either pass: markup, markers, digits, dots, and every kind of line break and space.
const tricky = fc.constantFrom(...'\\*_~`|[]<>#-0123456789. \t\n\r\u2028\u2029\u00a0\u3000\ufeffab');

describe('escapeMarkdown', () => {
  it('escapes exactly what the two replaces escape', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: tricky, maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 })), (text) => {
        expect(escapeMarkdown(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('escapes block markup at the start of any line', () => {
    for (const text of ['# Heading', '- item', '12. item', '12.5 million', '12.', ' # indented', 'a\n# b', 'a\r\n- b', '', '#', '-', '1. ', 'x # y']) {
      expect(escapeMarkdown(text)).toBe(reference(text));
    }
    expect(escapeMarkdown('# Heading')).toBe('\\# Heading');
    expect(escapeMarkdown('3. Third')).toBe('\\3. Third');
    expect(escapeMarkdown('3.5 per cent')).toBe('3.5 per cent');
  });
});
