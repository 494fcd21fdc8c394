/** How the local console reads a line. */
import { describe, expect, it } from 'vitest';
import { parseConsoleLine } from '../../src/console/parse.js';

describe('parseConsoleLine', () => {
  it('reads commands, bare values and named options whose values hold spaces', () => {
    expect(parseConsoleLine('/brief')).toEqual({ command: 'brief' });
    expect(parseConsoleLine('/who Meng Jianzhu')).toEqual({ command: 'who', name: 'Meng Jianzhu' });
    expect(parseConsoleLine('/who name:Susan Rice')).toEqual({ command: 'who', name: 'Susan Rice' });
    expect(parseConsoleLine('/timeline actor:Barack Obama topic:sanctions page:2')).toEqual({
      command: 'timeline',
      options: { actor: 'Barack Obama', topic: 'sanctions', page: '2' },
    });
    expect(parseConsoleLine('/onthisday 09-25')).toEqual({ command: 'onthisday', options: { date: '09-25' } });
    expect(parseConsoleLine('/quote speaker:Obama about:sanctions')).toEqual({ command: 'quote', options: { speaker: 'Obama', about: 'sanctions' } });
    expect(parseConsoleLine('/QUOTE Obama about: hacking')).toEqual({ command: 'quote', options: { speaker: 'Obama', about: 'hacking' } });
  });

  it('treats anything else as a question, and blank lines as nothing', () => {
    expect(parseConsoleLine('  Who is Rice?  ')).toEqual({ command: 'ask', question: 'Who is Rice?' });
    expect(parseConsoleLine('/ask What is the OPM?')).toEqual({ command: 'ask', question: 'What is the OPM?' });
    expect(parseConsoleLine('   ')).toEqual({ command: 'empty' });
    expect(parseConsoleLine('/quit')).toEqual({ command: 'quit' });
  });

  it('explains unknown commands and options', () => {
    expect(parseConsoleLine('/nope')).toMatchObject({ command: 'invalid', message: expect.stringMatching(/no \/nope command.*\/help/) });
    expect(parseConsoleLine('/timeline who:Obama')).toMatchObject({ command: 'invalid', message: expect.stringMatching(/actor, topic, from, to, page/) });
    expect(parseConsoleLine('/brief now')).toMatchObject({ command: 'invalid' });
  });
});
