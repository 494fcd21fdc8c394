/**
 * Document analysis has a fast path for plain ASCII text (see `plainWords.ts`): it must give
 * exactly the terms the general path gives, cyber joins and hyphens included.
 */
import { describe, expect, it } from 'vitest';
import { documentTerms } from '../../src/answers/terms.js';

describe('documentTerms', () => {
  it('splits, stems and joins plain text as the general path does', () => {
    expect(documentTerms('Cyber-Attacks on Microsoft-owned servers')).toEqual(['cyberattack', 'cyber', 'attack', 'cyber', 'attack', 'microsoftown', 'microsoft', 'own', 'server']);
    expect(documentTerms('a cy-ber attack')).toEqual(['cyber', 'cy', 'ber', 'cyberattack', 'attack']);
    expect(documentTerms('a--b c-d- -e X-Y-Z')).toEqual(['cd', 'xyz']);
    expect(documentTerms('the CYBER security of 9-11')).toEqual(['cyber', 'cybersecur', 'secur', '911', '9', '11']);
    expect(documentTerms('Hackers lost 2,000 files')).toEqual(['hack', 'loss', '2', '000', 'file']);
    expect(documentTerms('Report 12-3 (item 0-0).')).toEqual(['report', '123', '12', '3', 'item', '00', '0', '0']);
  });

  it('gives the same terms for text the fast path reads and text it leaves to the general path', () => {
    // An apostrophe, "U.S." and an accent each send a text down the general path.
    expect(documentTerms("Cyber attacks on the U.S. and Rice's visit")).toEqual([
      ...documentTerms('Cyber attacks on the'),
      ...documentTerms('us and Rice visit'),
    ]);
    expect(documentTerms('Xí Jinping met Obama')).toEqual(documentTerms('Xi Jinping met Obama'));
  });
});
