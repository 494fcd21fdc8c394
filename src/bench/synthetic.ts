/**
 * A deterministic synthetic corpus in the real schema, for the scale benchmark:
 * `n` articles whose people share a small pool of first and last names (so names
 * collide), whose events crowd onto a few dozen calendar days across 30 years,
 * and whose quotes reuse a small vocabulary. Every fact's evidence is a sentence
 * of its article, so the loader's cross-checks pass. Summary files are JSON.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Entity, Event, Figure, Quote, Summary, Topic } from '../summary/schema.js';
import { createRandom } from './random.js';

const FIRST = ['Wei', 'Li', 'John', 'Susan', 'Ahmed', 'Maria', 'Chen', 'James', 'Anna', 'Xi', 'Robert', 'Mei', 'David', 'Olga', 'Kenji', 'Fatima', 'Peter', 'Lin', 'Carlos', 'Nadia'];
const LAST = ['Zhang', 'Smith', 'Wang', 'Rice', 'Khan', 'Garcia', 'Liu', 'Brown', 'Ivanova', 'Jinping', 'Meng', 'Tanaka', 'Obama', 'Chen', 'Lopez', 'Haddad', 'Clapper', 'Yang', 'Müller', 'Kerry'];
const ROLES = ['minister', 'spokesperson', 'analyst', 'national security adviser', 'ambassador', 'chief executive', 'senator', 'director'];
const ORGS = ['State Department', 'Foreign Ministry', 'Commerce Ministry', 'Senate', 'Pentagon', 'Public Security Ministry', 'Treasury', 'White House', 'Brookings Institution', 'Xinhua', 'Boeing', 'Microsoft', 'Alibaba', 'Tencent', 'Politburo', 'Congress', 'Justice Department', 'FBI', 'NSA', 'PLA'];
const CITIES = ['Washington', 'Beijing', 'Seattle', 'Shanghai', 'New York', 'Geneva', 'Tokyo', 'Brussels'];
const VERBS = ['met', 'called', 'criticised', 'welcomed', 'negotiated with', 'warned'];
const TOPICS = ['cybersecurity', 'trade', 'climate', 'human rights', 'military', 'espionage', 'investment', 'state visit', 'sanctions', 'intellectual property', 'internet', 'diplomacy'];
const WORDS = ['cooperation', 'hacking', 'theft', 'agreement', 'trust', 'dialogue', 'pressure', 'sovereignty', 'markets', 'security', 'progress', 'respect', 'concerns', 'framework', 'stability'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Few distinct month-days, so "on this day" and date filters see crowds. */
const CROWDED_DAYS = Array.from({ length: 36 }, (_, i) => ({ month: 1 + (i % 12), day: 1 + ((i * 7) % 28) }));

const pad = (value: number) => String(value).padStart(2, '0');
const slug = (text: string) => text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export interface SyntheticCorpus {
  dataDir: string;
  articles: number;
  entities: number;
  events: number;
  quotes: number;
}

/** Writes `articles/*.txt` and `summary/*.json` for `n` articles under `dataDir`. */
export function writeSyntheticCorpus(dataDir: string, n: number, seed = 2015): SyntheticCorpus {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[random.int(items.length)] as T;
  mkdirSync(path.join(dataDir, 'articles'), { recursive: true });
  mkdirSync(path.join(dataDir, 'summary'), { recursive: true });

  const topics: Topic[] = TOPICS.map((name) => ({ id: slug(name), name, description: `Coverage of ${name} in the synthetic corpus.`, keywords: [name.split(' ')[0] as string] }));
  const orgs: Entity[] = ORGS.map((name) => ({
    id: `org-${slug(name)}`, name, kind: 'organization', category: 'government', aliases: [], roles: [], affiliations: [],
    description: `The ${name}, as the synthetic articles describe it.`, related: [], topics: [], mentions: [],
  }));
  const peopleCount = Math.max(10, Math.ceil(n * 1.5));
  const people: Entity[] = Array.from({ length: peopleCount }, (_, i) => {
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const last = name.split(' ')[1] as string;
    return {
      id: `person-${i}`, name, kind: 'person', category: 'official', aliases: [`Mr. ${last}`, last], roles: [], affiliations: [],
      description: `${name} appears in the synthetic articles as an official.`, related: [], topics: [pick(topics).id], mentions: [],
    };
  });
  const articles: Summary['articles'] = [];
  const events: Event[] = [];
  const quotes: Quote[] = [];
  const figures: Figure[] = [];

  for (let i = 0; i < n; i++) {
    const id = `a-${i}`;
    const year = 1995 + (i % 30);
    const published = pick(CROWDED_DAYS);
    const cast = [...new Set([(i * 2) % peopleCount, (i * 2 + 1) % peopleCount, random.int(peopleCount), random.int(peopleCount)])].map((k) => people[k] as Entity);
    const paragraphs: string[] = [];
    for (const person of cast) {
      const org = pick(orgs);
      const role = pick(ROLES);
      const sentence = `${person.name}, the ${role} of the ${org.name}, spoke to reporters in ${pick(CITIES)} about report ${i}.`;
      paragraphs.push(sentence);
      person.mentions.push({ article: id, evidence: sentence });
      if (person.roles.length < 3) person.roles.push({ title: role, organization: org.id, sources: [{ article: id, evidence: sentence }] });
      if (org.mentions.length < 20) org.mentions.push({ article: id, evidence: sentence });
    }
    for (let e = 0; e < 2; e++) {
      const when = pick(CROWDED_DAYS);
      const eventYear = year - random.int(3);
      const [a, b] = [pick(cast), pick(cast)];
      const topic = pick(topics);
      const city = pick(CITIES);
      const sentence = `On ${MONTHS[when.month - 1]} ${when.day}, ${eventYear}, ${a.name} ${pick(VERBS)} ${b.name} in ${city} over ${topic.name} (item ${i}-${e}).`;
      paragraphs.push(sentence);
      events.push({
        id: `event-${i}-${e}`, title: `${a.name} and ${b.name} in ${city} on ${topic.name}`,
        date: { value: `${eventYear}-${pad(when.month)}-${pad(when.day)}`, precision: 'day', basis: 'stated', phrase: `${MONTHS[when.month - 1]} ${when.day}` },
        summary: `In ${city}, ${a.name} and ${b.name} discussed ${topic.name}.`, location: city,
        actors: [...new Set([a.id, b.id])], topics: [topic.id], sources: [{ article: id, evidence: sentence }],
      });
    }
    const speaker = pick(cast);
    const text = `We will not accept ${pick(WORDS)} without ${pick(WORDS)}, and ${pick(WORDS)} must come first in ${pick(TOPICS)}`;
    const quoteSentence = `“${text},” ${speaker.name} said in report ${i}.`;
    paragraphs.push(quoteSentence);
    quotes.push({
      id: `quote-${i}`, speaker: speaker.id, text, context: `Said during report ${i} of the synthetic corpus.`,
      event: `event-${i}-0`, topics: [pick(topics).id], sources: [{ article: id, evidence: quoteSentence }],
    });
    if (i % 10 === 0) {
      const count = 1000 + random.int(100000);
      const sentence = `Officials said ${count} accounts were affected in case ${i}.`;
      paragraphs.push(sentence);
      figures.push({
        id: `figure-${i}`, subject: `accounts affected in case ${i}`, kind: 'count', values: [{ value: String(count), normalized: count, sources: [{ article: id, evidence: sentence }] }],
        verdict: 'single', note: 'Only one synthetic article gives this number.', topics: ['cybersecurity'], keywords: ['accounts'],
      });
    }
    const file = `a${String(i).padStart(5, '0')}.txt`;
    const title = `Synthetic report ${i} on ${pick(TOPICS)}`;
    writeFileSync(path.join(dataDir, 'articles', file), [`Synthetic Wire | ${title}`, '', 'STORY BEGINS', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n'));
    articles.push({
      id, file, outlet: 'Synthetic Wire', outletBasis: 'stated', title, titleBasis: 'stated', author: `${pick(FIRST)} ${pick(LAST)}`,
      published: { value: `${year}-${pad(published.month)}-${pad(published.day)}`, precision: 'day', basis: 'stated', phrase: 'dateline' },
      body: { startLine: 'STORY BEGINS', dropLines: ['STORY BEGINS'] },
    });
  }

  const entities = [...orgs.filter((org) => org.mentions.length > 0), ...people.filter((person) => person.mentions.length > 0)];
  const files: Record<string, unknown> = {
    articles: { story: { title: 'A synthetic story', description: 'A generated corpus for the scale benchmark.' }, articles },
    topics: { topics }, entities: { entities }, events: { events }, quotes: { quotes }, figures: { figures },
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dataDir, 'summary', `${name}.json`), JSON.stringify(content));
  return { dataDir, articles: n, entities: entities.length, events: events.length, quotes: quotes.length };
}
