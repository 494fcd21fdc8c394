/**
 * Topic lookup for the `topic` option and for questions ("timeline of the
 * sanctions"): id, name or keyword, forgiving of case, plurals and typos.
 */
import type { Topic } from '../summary/schema.js';
import { ApproximatePattern, fieldNorm, weighted } from './approximate.js';
import { UserInputError } from './errors.js';
import { shorten } from './dates.js';
import { nameKey } from './names.js';
import { queryTerms } from './terms.js';

interface TopicName {
  topic: Topic;
  text: string;
  terms: string[];
  /** `text` lowercase, and Fuse's length norm for it: what a close spelling is scored on. */
  lower: string;
  norm: number;
}

/** Fuse's threshold for a suggestion, and the best score `find` accepts as the topic meant. */
const SUGGEST_SCORE = 0.35;
const ACCEPT_SCORE = 0.2;

export class TopicResolver {
  private readonly byKey = new Map<string, Topic>();
  private readonly names: TopicName[] = [];

  constructor(private readonly topics: ReadonlyMap<string, Topic>) {
    for (const topic of topics.values()) {
      for (const text of [topic.id, topic.name, ...topic.keywords]) {
        const key = nameKey(text);
        if (!this.byKey.has(key)) this.byKey.set(key, topic);
        this.names.push({ topic, text, terms: queryTerms(text), lower: text.toLowerCase(), norm: fieldNorm(text) });
      }
    }
  }

  get all(): Topic[] {
    return [...this.topics.values()];
  }

  /** The topic meant by an option value, or a UserInputError listing the topics. */
  resolve(input: string): Topic {
    const found = this.find(input);
    if (found) return found;
    const guesses = this.closeSpellings(nameKey(input)).map((name) => name.topic.name);
    const suggestions = [...new Set(guesses.length > 0 ? guesses : this.all.map((topic) => topic.name))].slice(0, 5);
    throw new UserInputError(
      `I don't know a topic called "${shorten(input.trim())}". ${guesses.length > 0 ? 'Did you mean' : 'Topics include'}: ${suggestions.join('; ')}?`,
      suggestions,
    );
  }

  /** The topic meant, if any: exact id/name/keyword, then every word of a name or keyword, then a close spelling. */
  find(input: string): Topic | undefined {
    const key = nameKey(input.replace(/^\s*the\s+/i, ''));
    if (!key) return undefined;
    const exact = this.byKey.get(key) ?? this.topics.get(input.trim());
    if (exact) return exact;
    const terms = queryTerms(input);
    if (terms.length > 0) {
      const covering = this.names.filter((name) => name.terms.length > 0 && name.terms.every((term) => terms.includes(term)) && terms.every((term) => name.terms.includes(term)));
      const [first] = covering;
      if (first && covering.every((name) => name.topic === first.topic)) return first.topic;
    }
    return this.closestSpelling(key);
  }

  /** The topic whose name or keyword is spelled closest to `key`, if close enough. */
  private closestSpelling(key: string): Topic | undefined {
    const [best] = this.closeSpellings(key);
    return best && best.score <= ACCEPT_SCORE ? best.topic : undefined;
  }

  /**
   * Names and keywords spelled close to `key`, closest first (ties in data order): the hits and
   * order Fuse.js gives with the engine's settings (test/answers/approximate.test.ts), without Fuse.
   */
  private closeSpellings(key: string): (TopicName & { score: number })[] {
    const pattern = new ApproximatePattern(key, SUGGEST_SCORE);
    const close: (TopicName & { score: number })[] = [];
    for (const name of this.names) {
      if (!name.lower.trim()) continue;
      const score = pattern.score(name.lower);
      if (score < 1) close.push({ ...name, score: weighted(score, name.norm) });
    }
    return close.sort((a, b) => a.score - b.score);
  }

  /** The topic a longer phrase opens with ("the sanctions the US was preparing against …" → sanctions), if one does. */
  leadingTopic(phrase: string): Topic | undefined {
    const [first] = queryTerms(phrase);
    return first === undefined ? undefined : this.mentionedIn(phrase).find((topic) => this.names.some((name) => name.topic === topic && name.terms[0] === first));
  }

  /** Topics a question names by a keyword phrase, strongest (longest phrase) first. */
  mentionedIn(question: string): Topic[] {
    const terms = new Set(queryTerms(question));
    const scored = new Map<Topic, number>();
    for (const name of this.names) {
      if (name.terms.length === 0 || !name.terms.every((term) => terms.has(term))) continue;
      scored.set(name.topic, Math.max(scored.get(name.topic) ?? 0, name.terms.length));
    }
    return [...scored].sort((a, b) => b[1] - a[1]).map(([topic]) => topic);
  }
}
