/** Every command of the answer engine, on the real data: key facts and the articles they cite. */
import { describe, expect, it } from 'vitest';
import { NAME_MAX, QUESTION_MAX, TIMELINE_PAGE_SIZE, UserInputError } from '../../src/answers/index.js';
import { briefing, engine, expectGrounded, FILES, filesCiting, read } from './engine.js';

describe('brief', () => {
  const answer = engine.brief();
  const lists = answer.body.filter((part) => part.type === 'list');

  it('tells the story in 5–8 cited key points, in date order, ending with the Sept. 25 agreement', () => {
    const { text } = read(answer);
    expect(answer.kind).toBe('brief');
    const points = lists.find((part) => part.heading === 'Key points');
    expect(points?.items.length).toBeGreaterThanOrEqual(5);
    expect(points?.items.length).toBeLessThanOrEqual(8);
    for (const item of points?.items ?? []) expect(item.cites.length).toBeGreaterThan(0);
    const dates = (points?.items ?? []).map((item) => item.date?.value ?? '');
    expect([...dates].sort()).toEqual(dates);
    expect(text).toMatch(/Sept 25, 2015/);
    expect(filesCiting(answer, 'agreed in Washington on Sept. 25')).toContain(FILES.sanctionsThreat);
  });

  it('names the main actors, what the sources dispute, and the period and sources covered', () => {
    const { text } = read(answer);
    const actors = lists.find((part) => part.heading === 'Main actors')?.items.map((item) => item.text) ?? [];
    expect(actors.join('\n')).toMatch(/Xi Jinping/);
    expect(actors.join('\n')).toMatch(/Barack Obama/);
    const disputes = lists.find((part) => /disputed/i.test(part.heading ?? ''))?.items ?? [];
    expect(disputes.map((item) => item.text).join('\n')).toMatch(/more than 20 million/);
    expect(text).toMatch(/Period: .*2015/);
    for (const outlet of ['The Washington Times', 'The Heralding']) expect(text).toContain(outlet);
  });
});

describe('help', () => {
  it('says what the bot covers and gives an example of every command', () => {
    const { text } = read(engine.help());
    expect(text).toContain('5 articles');
    for (const example of ['/brief', '/who Meng Jianzhu', '/timeline actor:', '/onthisday 09-25', '/quote speaker:', '/sources', '/ask ']) {
      expect(text).toContain(example);
    }
  });
});

describe('who', () => {
  it('gives Meng Jianzhu’s roles as each article states them, with their sources', () => {
    const answer = engine.who('Meng Jianzhu');
    const { text } = read(answer);
    expect(answer.kind).toBe('who');
    expect(answer.title).toBe('Meng Jianzhu');
    expect(text).toContain('secretary of the Central Politics and Law Commission');
    expect(filesCiting(answer, 'Central Politics and Law Commission')).toContain(FILES.sanctionsThreat);
    expect(filesCiting(answer, 'Central Political and Legal Affairs Commission')).toContain(FILES.heralding);
    expect(text).toMatch(/Sept 9, 2015 — China sends Meng Jianzhu/);
    expect(text).toContain('China’s position on opposing hacking');
  });

  it.each([
    ['Rice', 'Susan Rice'],
    ['Comey', 'James Comey'],
    ['President Xi', 'Xi Jinping'],
    ['Mr. Xi', 'Xi Jinping'],
    ['XÍ JÍNPÍNG', 'Xi Jinping'],
    ['Susan Rise', 'Susan Rice'],
    ['Barak Obama', 'Barack Obama'],
    ['Jack Ma', 'Jack Ma'],
    ['susan-rice', 'Susan Rice'],
    ['the FBI director', 'James Comey'],
  ])('finds %s as %s', (name, expected) => {
    const answer = engine.who(name);
    expectGrounded(answer);
    expect(answer.kind).toBe('who');
    expect(answer.title).toBe(expected);
  });

  it('offers a choice when two people fit, with ids to re-run `who`', () => {
    const answer = engine.who('James');
    expectGrounded(answer);
    expect(answer.kind).toBe('ambiguous');
    expect(answer.candidates?.map((candidate) => candidate.id).sort()).toEqual(['james-clapper', 'james-comey']);
    expect(answer.rerun).toEqual({ command: 'who', option: 'name', options: {} });
    expect(engine.who(answer.candidates?.[0]?.id ?? '').kind).toBe('who');
  });

  it('says a name is not in the sources, suggesting close names when there are some', () => {
    const trump = engine.who('Donald Trump');
    expect(trump.kind).toBe('not_found');
    expect(read(trump).text).toMatch(/not in the sources/i);
    const wife = engine.who('Xi Jinping wife');
    expect(wife.kind).toBe('not_found');
    expect(wife.suggestions).toContain('/who Xi Jinping');
  });

  it('refuses empty and overlong names politely', () => {
    expect(() => engine.who('   ')).toThrow(UserInputError);
    expect(() => engine.who('x'.repeat(NAME_MAX + 1))).toThrow(/too long/);
  });
});

describe('timeline', () => {
  it('lists every event earliest first, a page at a time, each dated at its precision and cited', () => {
    const first = engine.timeline();
    const { text } = read(first);
    expect(first.kind).toBe('timeline');
    expect(first.paging).toMatchObject({ page: 1, total: briefing.summary.events.length, pageSize: TIMELINE_PAGE_SIZE, filters: {} });
    expect(text).toContain('2010 — A special U.S. military cybersecurity unit is established');
    expect(text).toContain('April 2015 — Obama signs the executive order');
    expect(text).toMatch(/around Aug 28, 2015 — /);
    const last = engine.timeline({ page: first.paging?.pageCount });
    const lastText = read(last).text;
    expect(lastText).toContain('Sept 25, 2015 — Obama and Xi agree');
    expect(filesCiting(last, /Sept\. 25/)).toContain(FILES.sanctionsThreat);
  });

  it('filters by actor, topic and dates, and keeps the filters for the next page', () => {
    const meng = engine.timeline({ actor: 'Meng' });
    expect(read(meng).text).toContain('Sept 9, 2015 — China sends Meng Jianzhu');
    expect(meng.paging?.filters).toEqual({ actor: 'meng-jianzhu' });
    const sanctions = engine.timeline({ topic: 'sanctions', from: '2015-09-01', to: '2015-09-30' });
    const items = sanctions.body.flatMap((part) => (part.type === 'list' ? part.items : []));
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.date?.value.slice(0, 7)).toBe('2015-09');
    expect(read(sanctions).files).toContain(FILES.usSoftens);
    const august = engine.timeline({ actor: 'Susan Rice', to: '2015-08' });
    for (const item of august.body.flatMap((part) => (part.type === 'list' ? part.items : []))) expect(item.label).toMatch(/Aug 28, 2015/);
  });

  it('answers an unknown or ambiguous actor like `who`, keeping the other filters', () => {
    expect(engine.timeline({ actor: 'Vladimir Putin' }).kind).toBe('not_found');
    const ambiguous = engine.timeline({ actor: 'James', topic: 'sanctions' });
    expect(ambiguous.kind).toBe('ambiguous');
    expect(ambiguous.rerun).toEqual({ command: 'timeline', option: 'actor', options: { topic: 'sanctions' } });
  });

  it('rejects impossible filters with a polite message', () => {
    expect(() => engine.timeline({ from: '2015-09-30', to: '2015-09-01' })).toThrow(/after the to date/);
    expect(() => engine.timeline({ from: '2015-02-30' })).toThrow(/February has 28 days/);
    expect(() => engine.timeline({ to: 'next week' })).toThrow(UserInputError);
    expect(() => engine.timeline({ topic: 'weather' })).toThrow(/don't know a topic called "weather"/);
    // A near spelling of a keyword gets "did you mean" with the topic it belongs to.
    expect(() => engine.timeline({ topic: 'militry' })).toThrow(/don't know a topic called "militry"\. Did you mean: Distrust and doubts/);
    expect(() => engine.timeline({ page: 99 })).toThrow(/no page 99/);
    expect(() => engine.timeline({ page: 'two' })).toThrow(/whole number/);
  });

  it('accepts topics by name or keyword, and says when no event matches', () => {
    expect(engine.timeline({ topic: 'OPM breach' }).paging?.filters.topic).toBe('opm-breach');
    expect(engine.timeline({ from: '2019-01-01' }).kind).toBe('not_found');
  });
});

describe('onthisday', () => {
  it('lists the events of Sept. 25 (any year) with their sources', () => {
    const answer = engine.onThisDay({ date: '09-25' });
    const { text } = read(answer);
    expect(answer.kind).toBe('onthisday');
    expect(text).toContain('Obama and Xi agree');
    expect(filesCiting(answer, 'agreed in Washington on Sept. 25')).toContain(FILES.sanctionsThreat);
    expect(read(engine.onThisDay({ date: '2015-09-09' })).text).toContain('China sends Meng Jianzhu');
  });

  it('names the nearest anniversaries before and after a day without events', () => {
    const answer = engine.onThisDay({ date: '01-01' });
    const { text } = read(answer);
    expect(text).toContain('Nothing in the story happened on Jan 1.');
    expect(text).toMatch(/Nearest before: Sept 25/);
    expect(text).toMatch(/Nearest after: Aug 28/);
    expect(answer.suggestions).toEqual(['/onthisday 09-25', '/onthisday 08-28']);
  });

  it('uses today in the given time zone by default', () => {
    const now = new Date('2024-09-24T23:30:00Z');
    expect(engine.onThisDay({ now }).title).toBe('On this day: Sept 24');
    expect(engine.onThisDay({ now, timeZone: 'Asia/Shanghai' }).title).toBe('On this day: Sept 25');
    expect(() => engine.onThisDay({ now, timeZone: 'Mars/Olympus' })).toThrow(UserInputError);
  });

  it('takes "today" in /ask from the clock it is given', () => {
    expect(engine.ask('what happened today', new Date('2024-09-25T08:00:00Z')).title).toBe('On this day: Sept 25');
    expect(engine.ask('on this day', new Date('2024-08-28T08:00:00Z')).title).toBe('On this day: Aug 28');
  });

  it.each(['02-30', '13-01', '2015-02-29', '00-10', '9/25', 'tomorrow'])('rejects the impossible or unreadable date %s', (date) => {
    expect(() => engine.onThisDay({ date })).toThrow(UserInputError);
  });

  it('accepts Feb 29 as a month-day', () => {
    expect(engine.onThisDay({ date: '02-29' }).kind).toBe('onthisday');
  });
});

describe('quote', () => {
  it('finds Obama on sanctions', () => {
    const answer = engine.quote({ speaker: 'Obama', about: 'sanctions' });
    const { text } = read(answer);
    expect(answer.kind).toBe('quote');
    expect(text).toContain('We are preparing a number of measures');
    expect(filesCiting(answer, 'We are preparing a number of measures')).toContain(FILES.washingtonTimes);
  });

  it('gives Jack Ma’s “19 million hacks”, cited to the Washington Times', () => {
    const answer = engine.quote({ speaker: 'Jack Ma' });
    expect(read(answer).text).toContain('We have had 19 million hacks against our company.');
    expect(filesCiting(answer, '19 million hacks')).toEqual([FILES.washingtonTimes]);
  });

  it('finds quotes by subject alone', () => {
    const answer = engine.quote({ about: 'victim of hacking' });
    expect(read(answer).text).toContain('China is a staunch defender of cybersecurity');
  });

  it('says so when there is no such quote', () => {
    expect(engine.quote({ speaker: 'Ben Rhodes' }).kind).toBe('not_found');
    expect(read(engine.quote({ speaker: 'Ben Rhodes' })).text).toMatch(/do not quote/);
    expect(engine.quote({ speaker: 'Obama', about: 'Taiwan' }).kind).toBe('not_found');
    expect(engine.quote({ speaker: 'Angela Merkel' }).kind).toBe('not_found');
  });
});

describe('answers computed once', () => {
  it('shares one frozen brief, help and sources between the commands and the router', () => {
    expect(engine.ask('brief me')).toBe(engine.brief());
    expect(engine.ask('Which outlets covered the story?')).toBe(engine.sources());
    expect(Object.isFrozen(engine.brief().body[0])).toBe(true);
  });
});

describe('sources', () => {
  it('lists the five articles with outlet, date (flagging inferred ones) and facts supported', () => {
    const answer = engine.sources();
    const { text, files } = read(answer);
    expect(answer.kind).toBe('sources');
    expect(files.sort()).toEqual(Object.values(FILES).sort());
    expect(text).toContain('The Washington Times — “Xi says China is ready to discuss cybersecurity');
    expect(text).toMatch(/Sept 23, 2015 — 002_fa12ad829e5d20e0\.txt — supports \d+ facts/);
    expect(text).toMatch(/around Sept 13, 2015 \(date inferred: the page prints none\)/);
  });
});

describe('input limits', () => {
  it('refuses an empty or overlong question', () => {
    expect(() => engine.ask('')).toThrow(/Please give a question/);
    expect(() => engine.ask('why '.repeat(QUESTION_MAX))).toThrow(/too long/);
    expect(() => engine.quote({ about: 'x'.repeat(NAME_MAX + 1) })).toThrow(UserInputError);
  });

  it('treats control characters as spaces', () => {
    expect(engine.who('Meng\u0000\nJianzhu').title).toBe('Meng Jianzhu');
  });
});

describe('autocomplete', () => {
  it('completes names and topics by prefix, ids as values', () => {
    expect(engine.completeName('Jam').map((candidate) => candidate.id).sort()).toEqual(['james-clapper', 'james-comey']);
    expect(engine.completeName('').length).toBeGreaterThan(0);
    expect(engine.completeTopic('sanc')[0]?.id).toBe('sanctions');
  });
});
