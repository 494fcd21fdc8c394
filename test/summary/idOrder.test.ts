/** Events on the same date are listed by id: plain comparison of ids must give the locale order it replaced. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdSchema } from '../../src/summary/schema.js';

describe('id order', () => {
  it('is the same by code units as by locale for every valid id', () => {
    const id = fc
      .array(fc.stringMatching(/^[a-z0-9]{1,4}$/), { minLength: 1, maxLength: 4 })
      .map((parts) => parts.join('-'))
      .filter((value) => IdSchema.safeParse(value).success);
    const collator = new Intl.Collator();
    fc.assert(
      fc.property(id, id, (a, b) => {
        expect(a < b ? -1 : a > b ? 1 : 0).toBe(Math.sign(collator.compare(a, b)));
        expect(a < b ? -1 : a > b ? 1 : 0).toBe(Math.sign(a.localeCompare(b)));
      }),
      { numRuns: 20000 },
    );
  });
});
