/**
 * The extractor on three articles written for these tests (new names, new
 * dates, page furniture included), so nothing here can lean on the seed
 * articles: people with their roles, organisations, dates resolved against
 * the publication date, quotations and their speakers, verbatim evidence.
 */
import { describe, expect, it } from 'vitest';
import { extractBody } from '../../src/corpus/body.js';
import { extractDraft, type IngestDraft } from '../../src/ingest/draft.js';
import { readPage } from '../../src/ingest/page.js';
import { loadBriefing } from '../../src/summary/load.js';
import { evidenceOf, readFixture } from './helpers.js';

const harbour = extractDraft(readFixture('harbour-talks.txt'));
const flood = extractDraft(readFixture('flood-plan.txt'), { published: '2023-11-08' });
const jobs = extractDraft(readFixture('job-cuts.txt'));

const entity = (draft: IngestDraft, name: string) => draft.entities.find((e) => e.name === name);
const event = (draft: IngestDraft, phrase: string) => draft.events.find((e) => e.phrase === phrase);
const speakerOf = (draft: IngestDraft, start: string) => draft.quotes.find((q) => q.text.startsWith(start))?.speaker;

describe('the page around the story', () => {
  it('keeps the story paragraphs and drops headline, byline, dateline and furniture', () => {
    const raw = readFixture('harbour-talks.txt');
    const layout = readPage(raw);
    expect(layout.title).toBe('Harbour talks stall as Norvik and Tellmark trade blame over fishing quotas');
    expect(layout.author).toBe('Amelia Hart');
    expect(layout.dateline?.value).toBe('2022-03-14');
    for (const furniture of ['Advertisement', 'Share On Facebook', 'Related article: Fishing fleets protest new quota rules', 'Share this article', 'Post a Comment', 'By Amelia Hart']) {
      expect(layout.paragraphs).not.toContain(furniture);
    }
    expect(layout.paragraphs[layout.paragraphs.length - 1]).toMatch(/^The talks are due to resume on Wednesday/);
    // The rule written into the draft cuts the same paragraphs through the loader's own code.
    expect(extractBody(raw, layout.body)).toEqual(layout.paragraphs);
  });

  it('finds the wire credit and takes the publication date from --published when the page prints none', () => {
    expect(flood.article.wire).toBe('AP');
    expect(flood.article.published).toEqual({ date: '2023-11-08', basis: 'given', phrase: null });
    expect(harbour.article.published).toEqual({ date: '2022-03-14', basis: 'stated', phrase: 'Monday, March 14, 2022' });
    expect(jobs.article.published?.date).toBe('2024-06-05');
  });
});

describe('people and organisations', () => {
  it('reads titles before names and appositives after them as roles', () => {
    expect(entity(harbour, 'Clara Lindqvist')).toMatchObject({ kind: 'person', existing: false, role: 'Fisheries Minister' });
    expect(entity(harbour, 'Oskar Brandt')?.role).toBe('Tellmark Trade Secretary');
    expect(entity(harbour, 'Jonas Weber')?.role).toBe('senior analyst at the Baltic Policy Institute');
    expect(entity(flood, 'Hannah Lee')?.role).toBe('hydrologist at Northgate University');
    expect(entity(flood, 'Peter Okafor')?.roles.map((r) => r.title)).toEqual(['Councillor', 'chairman of the council’s infrastructure committee']);
    expect(entity(jobs, 'Marta Kowalczyk')?.role).toBe('Chief Executive Officer');
    expect(entity(jobs, 'Tomas Reyes')?.role).toBe('Union leader');
  });

  it('groups surname references with the full name', () => {
    expect(entity(harbour, 'Clara Lindqvist')?.forms).toContain('Ms. Lindqvist');
    expect(entity(harbour, 'Jonas Weber')?.mentions).toBe(2);
    expect(harbour.entities.filter((e) => /Lindqvist/.test(e.name))).toHaveLength(1);
  });

  it('recognises an unnamed source as a person', () => {
    expect(entity(harbour, 'senior Norvik official')).toMatchObject({ kind: 'person', anonymous: true });
  });

  it('finds organisations by their head word, their context and a list, and leaves places out', () => {
    const organisations = (draft: IngestDraft) => draft.entities.filter((e) => e.kind === 'organization').map((e) => e.name).sort();
    expect(organisations(harbour)).toEqual(['Baltic Policy Institute', 'Tellmark Fishing Association', 'Tellmark Foreign Ministry']);
    expect(organisations(flood)).toEqual(['National Weather Service', 'Northgate University']);
    expect(organisations(jobs)).toEqual(['Baltpress', 'Helix Dynamics', 'Orbital Works', 'Quantel Systems Inc.']);
    // "Shares in Quantel" is the company, named by its first word.
    expect(entity(jobs, 'Quantel Systems Inc.')?.mentions).toBe(2);
    expect(harbour.entities.map((e) => e.name)).not.toContain('Tellmark');
  });

  it('matches names to known entities through their aliases, without joining a different first name', () => {
    const briefing = loadBriefing();
    const text = [
      'Leaders meet again',
      '',
      'Chinese President Xi Jinping arrived in Geneva on Monday for talks on trade, officials said.',
      '“We came to listen,” Mr. Xi said at the airport.',
      'Former secretary of state Condoleezza Rice, a professor at a California university, said the talks were overdue.',
    ].join('\n');
    const draft = extractDraft(text, { published: '2016-03-02' }, briefing);
    expect(draft.entities.find((e) => e.id === 'xi-jinping')).toMatchObject({ existing: true, kind: 'person', mentions: 2 });
    expect(draft.quotes[0]).toMatchObject({ speakerId: 'xi-jinping', existingSpeaker: true });
    const rice = draft.entities.find((e) => e.name === 'Condoleezza Rice');
    expect(rice).toMatchObject({ existing: false });
    expect(rice?.id).not.toBe('susan-rice');
  });
});

describe('dates', () => {
  it('keeps stated dates as stated, taking the year from the publication date', () => {
    expect(event(harbour, 'March 3')).toMatchObject({ date: '2022-03-03', precision: 'day', inferred: false });
    expect(event(harbour, '2019')).toMatchObject({ date: '2019', precision: 'year', inferred: false });
    expect(event(jobs, 'September')).toMatchObject({ date: '2024-09', precision: 'month', inferred: false });
    expect(event(jobs, 'January')).toMatchObject({ date: '2024-01', precision: 'month' });
  });

  it('resolves weekdays by the tense of their clause and marks them inferred with the reasoning', () => {
    // Monday 14 March 2022: talks "broke down on Friday" (past), "are due to resume on Wednesday" (ahead).
    expect(event(harbour, 'on Friday')).toMatchObject({ date: '2022-03-11', precision: 'day', inferred: true });
    expect(event(harbour, 'on Friday')?.reasoning).toMatch(/past tense/);
    expect(event(harbour, 'on Wednesday')).toMatchObject({ date: '2022-03-16', inferred: true });
    // Wednesday 8 November 2023: the mayor "on Tuesday defended"; the river "could peak again on Saturday".
    expect(event(flood, 'on Tuesday')).toMatchObject({ date: '2023-11-07', inferred: true });
    expect(event(flood, 'on Saturday')).toMatchObject({ date: '2023-11-11', inferred: true });
    // Wednesday 5 June 2024: the union "would meet on Friday".
    expect(event(jobs, 'on Friday')).toMatchObject({ date: '2024-06-07', inferred: true });
  });

  it('resolves relative periods to a range, a month or a year', () => {
    expect(event(harbour, 'next week')).toMatchObject({ date: '2022-03-23', precision: 'approximate', inferred: true, earliest: '2022-03-21', latest: '2022-03-27' });
    expect(event(flood, 'later this week')).toMatchObject({ precision: 'approximate', earliest: '2023-11-09', latest: '2023-11-12', inferred: true });
    expect(event(flood, 'next month')).toMatchObject({ date: '2023-12', precision: 'month', inferred: true });
    expect(event(jobs, 'yesterday')).toMatchObject({ date: '2024-06-04', precision: 'day', inferred: true });
    expect(event(jobs, 'last month')).toMatchObject({ date: '2024-05', precision: 'month', inferred: true });
    expect(event(jobs, 'this year')).toMatchObject({ date: '2024', precision: 'year', inferred: true });
  });

  it('leaves out dates inside quotations and offsets that are not dates', () => {
    // "in April" is in Mr. Okafor's quotation, "before the end of the month" in the official's, "a month after" is an offset.
    expect(flood.events.map((e) => e.phrase)).not.toContain('April');
    expect(harbour.events.some((e) => /month/.test(e.phrase))).toBe(false);
    expect(jobs.events.some((e) => /a month after/.test(e.phrase))).toBe(false);
  });

  it('leaves relative dates out when no publication date is known, and says so', () => {
    const draft = extractDraft(readFixture('flood-plan.txt'));
    expect(draft.article.published).toBeNull();
    expect(draft.events.map((e) => e.phrase)).toEqual(['2009']);
    expect(draft.unsure.join('\n')).toMatch(/no publication date/);
  });
});

describe('quotations', () => {
  it('gives both halves of a quotation split by its attribution to the same speaker', () => {
    expect(speakerOf(harbour, 'We came with a fair offer')).toBe('Clara Lindqvist');
    expect(speakerOf(harbour, 'That is not the end of it')).toBe('Clara Lindqvist');
    expect(speakerOf(flood, 'The barriers held')).toBe('Rosa Delgado');
    expect(speakerOf(flood, 'I am proud of the crews')).toBe('Rosa Delgado');
  });

  it('finds the speaker named after the quotation, before it, or by surname', () => {
    expect(speakerOf(harbour, 'Nobody in Port Elra')).toBe('Jonas Weber'); // “…,” said Weber.
    expect(speakerOf(jobs, 'We are resizing')).toBe('Marta Kowalczyk'); // “…,” said Kowalczyk, who …
    expect(speakerOf(jobs, 'a betrayal of the people')).toBe('Tomas Reyes'); // Union leader Tomas Reyes called the cuts “…”
    expect(speakerOf(flood, 'We warned about the eastern embankment')).toBe('Peter Okafor');
  });

  it('resolves pronouns and back-references to the last person named or described', () => {
    expect(speakerOf(harbour, 'Our fleets cannot wait')).toBe('Oskar Brandt'); // He said, “…”
    expect(speakerOf(flood, 'We got away with it')).toBe('Hannah Lee'); // “…,” she said. (not Mr. Okafor, named earlier)
    expect(speakerOf(flood, 'We will not let the eastern districts down')).toBe('Rosa Delgado'); // “…,” the mayor said.
    expect(speakerOf(harbour, 'We will table it')).toBe('senior Norvik official'); // “…,” the official said.
  });

  it('carries a quotation on into the next paragraph', () => {
    expect(flood.quotes.find((q) => q.text === 'The money is there. The will is there.')).toMatchObject({ speaker: 'Rosa Delgado', attribution: 'continuation' });
  });
});

describe('figures', () => {
  it('reads numbers with what they count', () => {
    expect(harbour.figures).toContainEqual(expect.objectContaining({ value: 'More than 3,000', counts: 'fishermen', normalized: 3000, kind: 'count' }));
    expect(jobs.figures).toContainEqual(expect.objectContaining({ value: 'about 1,200', counts: 'jobs', normalized: 1200 }));
    expect(flood.figures).toContainEqual(expect.objectContaining({ value: '$12 million', normalized: 12_000_000, kind: 'amount' }));
  });
});

describe('evidence', () => {
  it.each([
    ['harbour-talks.txt', harbour],
    ['flood-plan.txt', flood],
    ['job-cuts.txt', jobs],
  ])('every evidence snippet of %s occurs verbatim in one paragraph of its body', (name, draft) => {
    const paragraphs = readPage(readFixture(name)).paragraphs;
    const snippets = evidenceOf(draft);
    expect(snippets.length).toBeGreaterThan(10);
    for (const snippet of snippets) {
      expect(snippet.length, snippet).toBeGreaterThanOrEqual(8);
      expect(paragraphs.some((paragraph) => paragraph.includes(snippet)), snippet).toBe(true);
    }
  });
});
