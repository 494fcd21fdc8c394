/** The plain-text rendering used by the CLI and the console, and the date formats answers use. */
import { describe, expect, it } from 'vitest';
import { answerToText, type Answer } from '../../src/answers/index.js';
import { formatFactDate, parseBoundOption, parseMonthDayOption } from '../../src/answers/dates.js';
import { engine } from './engine.js';

describe('answerToText', () => {
  const answer: Answer = {
    kind: 'search',
    title: 'A title',
    body: [
      { type: 'line', text: 'A line.', cites: [0] },
      { type: 'list', heading: 'Items', items: [{ label: 'Sept 25, 2015', text: 'An item', cites: [1, 0] }] },
      { type: 'facts', facts: [{ label: 'Role', value: 'A role', cites: [] }] },
    ],
    citations: [
      { articleId: 'a', file: 'a.txt', outlet: 'Outlet A', title: 'T', date: 'Sept 23, 2015', isoDate: '2015-09-23', dateInferred: false, evidence: 'Snippet A' },
      { articleId: 'b', file: 'b.txt', outlet: 'Outlet B', title: 'T', date: 'around Sept 13, 2015', isoDate: '2015-09-13', dateInferred: true, evidence: 'Snippet B' },
    ],
    suggestions: ['/brief', '/timeline'],
  };

  it('numbers citation marks and lists the sources with their evidence at the end', () => {
    expect(answerToText(answer)).toBe(
      [
        'A title',
        '',
        'A line. [1]',
        '',
        'Items:',
        '  • Sept 25, 2015 — An item [2][1]',
        '',
        '  Role: A role',
        '',
        'Sources',
        '  [1] Outlet A, Sept 23, 2015, a.txt',
        '      “Snippet A”',
        '  [2] Outlet B, around Sept 13, 2015 (date inferred), b.txt',
        '      “Snippet B”',
        '',
        'Try: /brief  ·  /timeline',
      ].join('\n'),
    );
  });

  it('uses colours only when asked', () => {
    expect(answerToText(engine.brief())).not.toContain('\u001b[');
    expect(answerToText(engine.brief(), { color: true })).toContain('\u001b[1m');
  });
});

describe('dates', () => {
  it('writes each date at its precision', () => {
    expect(formatFactDate({ value: '2015-09-25', precision: 'day', basis: 'stated', phrase: 'Sept. 25' })).toBe('Sept 25, 2015');
    expect(formatFactDate({ value: '2015-09-09', precision: 'approximate', basis: 'inferred', phrase: 'x', reasoning: 'because of y' })).toBe('around Sept 9, 2015');
    expect(formatFactDate({ value: '2015-08', precision: 'month', basis: 'stated', phrase: 'in August' })).toBe('Aug 2015');
    expect(formatFactDate({ value: '2010', precision: 'year', basis: 'stated', phrase: 'in 2010' })).toBe('2010');
  });

  it('reads month-days and date bounds, checking the calendar', () => {
    expect(parseMonthDayOption('9-5')).toEqual({ monthDay: '09-05' });
    expect(parseMonthDayOption('2016-02-29')).toEqual({ monthDay: '02-29', year: 2016 });
    expect(() => parseMonthDayOption('2015-02-29')).toThrow(/February has 28 days in 2015/);
    expect(parseBoundOption('2015', 'from')).toBe('2015-01-01');
    expect(parseBoundOption('2015-02', 'to')).toBe('2015-02-28');
    expect(parseBoundOption('2015-09-25', 'to')).toBe('2015-09-25');
    expect(() => parseBoundOption('2015-13', 'to')).toThrow(/no month 13/);
  });
});
