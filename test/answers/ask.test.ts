/**
 * The `ask` router on the real data: questions in varied phrasings (typos,
 * surnames only, titles, ambiguous and unanswerable ones), each checked for
 * the kind of answer, its key fact and the article it cites.
 */
import { describe, expect, it } from 'vitest';
import type { AnswerKind } from '../../src/answers/index.js';
import { engine, FILES, read } from './engine.js';

interface Case {
  question: string;
  kind: AnswerKind;
  /** The key fact, as the answer's text must state it. */
  fact?: RegExp;
  /** Articles the answer must cite. */
  cites?: string[];
}

const { usSoftens, sanctionsThreat, washingtonTimes, heralding, toughTalk } = FILES;

const CASES: Case[] = [
  // People and organisations, however they are named.
  { question: 'Who is Meng Jianzhu?', kind: 'who', fact: /secretary of the Central Politics and Law Commission/, cites: [sanctionsThreat, heralding] },
  { question: "who's comey?", kind: 'who', fact: /Director of the Federal Bureau of Investigation/, cites: [heralding] },
  { question: 'Tell me about Susan Rise', kind: 'who', fact: /^Susan Rice\n[\s\S]*national security adviser/, cites: [sanctionsThreat] },
  { question: 'who is barak obama', kind: 'who', fact: /^Barack Obama\n[\s\S]*U\.S\. President/, cites: [sanctionsThreat] },
  { question: 'Who is President Xi?', kind: 'who', fact: /^Xi Jinping\n[\s\S]*Chinese President/, cites: [washingtonTimes] },
  { question: 'What do you know about Mr. Xi?', kind: 'who', fact: /^Xi Jinping\n/, cites: [toughTalk] },
  { question: 'Who is Clapper', kind: 'who', fact: /Director of National Intelligence/, cites: [heralding] },
  { question: 'Who is the FBI director?', kind: 'who', fact: /^James Comey\n/, cites: [heralding] },
  { question: 'Who is the national security adviser?', kind: 'who', fact: /^Susan Rice\n/, cites: [toughTalk] },
  { question: "What is Meng Jianzhu's role?", kind: 'who', fact: /Xi’s special envoy/, cites: [sanctionsThreat] },
  { question: 'Who is Rossmann?', kind: 'who', fact: /programme manager \(FireEye\)/, cites: [toughTalk] },
  { question: 'What is the OPM?', kind: 'who', fact: /^Office of Personnel Management\n/, cites: [washingtonTimes] },
  { question: 'Rice', kind: 'who', fact: /^Susan Rice\n/, cites: [sanctionsThreat] },
  { question: 'Who is Yang Jiechi?', kind: 'who', fact: /State Councilor who oversees Chinese diplomacy/, cites: [sanctionsThreat] },
  // Ambiguous names: a choice, not a guess.
  { question: 'Who is James?', kind: 'ambiguous', fact: /James Comey[\s\S]*James Clapper/ },
  { question: 'Who is the president?', kind: 'ambiguous', fact: /Xi Jinping[\s\S]*Barack Obama/ },
  // Longer questions that say who someone is, or qualify what they ask about.
  { question: 'Who is Susan Rice, the national security adviser to President Barack Obama during the 2015 talks?', kind: 'who', fact: /^Susan Rice\n/, cites: [sanctionsThreat] },
  { question: 'When did Meng Jianzhu, the Chinese security chief sent by Xi Jinping as his special envoy, meet Susan Rice?', kind: 'timeline', fact: /Susan Rice meets Meng Jianzhu/, cites: [heralding] },
  { question: 'What did Obama say about sanctions against Chinese companies and individuals who benefit from cyber theft?', kind: 'quote', fact: /Barack Obama about “sanctions”[\s\S]*We are preparing a number of measures/, cites: [washingtonTimes] },
  { question: 'What did Xi Jinping, the Chinese president, say about hacking?', kind: 'quote', fact: /victim of hacking/, cites: [washingtonTimes] },
  { question: 'Tell me about the sanctions the United States was preparing against Chinese companies over cyber theft', kind: 'timeline', fact: /Threatened US sanctions/ },
  // Where the sources disagree, and whether someone is in them.
  { question: 'Compare the sources on Xi’s arrival date', kind: 'discrepancy', fact: /^Date of Xi Jinping's arrival in the United States\n[\s\S]*Sept\. 22[\s\S]*Sept\. 24/, cites: [sanctionsThreat, usSoftens] },
  { question: 'Do the sources disagree about anything?', kind: 'discrepancy', fact: /The sources disagree on 7 points[\s\S]*Date of Xi Jinping's arrival/, cites: [heralding, toughTalk] },
  { question: 'Any conflicting reports about the OPM breach?', kind: 'discrepancy', fact: /more than 20 million/, cites: [heralding] },
  { question: 'Do the sources disagree about the weather?', kind: 'discrepancy', fact: /no disagreement between the sources about “weather”/ },
  { question: 'Is Meng Jianzhu in the sources?', kind: 'who', fact: /^Meng Jianzhu\n[\s\S]*Mentioned in 2 of 5 articles/ },
  { question: 'Is Donald Trump in the articles?', kind: 'not_found', fact: /“Donald Trump” is not in the sources/ },
  // Names the sources never mention.
  { question: 'Who is Donald Trump?', kind: 'not_found', fact: /not in the sources/i },
  { question: 'Who is Nick Rosman?', kind: 'not_found', fact: /Did you mean Nick Rossmann\?/ },
  { question: "Who is Xi Jinping's wife?", kind: 'not_found', fact: /Did you mean Xi Jinping\?/ },
  { question: 'What did Trump say about China?', kind: 'not_found', fact: /“Trump” is not in the sources/ },
  // Facts the articles never state, later events, general knowledge.
  { question: 'Who won the 2016 election?', kind: 'not_found', fact: /don’t say anything that answers/ },
  { question: 'What is the capital of France?', kind: 'not_found', fact: /don’t say anything that answers/ },
  { question: 'What happened in 2019?', kind: 'not_found', fact: /no event in 2019/ },
  { question: 'How many hacks did Microsoft suffer?', kind: 'not_found', fact: /no figure that answers/ },
  { question: 'What is the weather in Beijing today?', kind: 'not_found' },
  { question: 'What happened after the 2015 agreement in 2016?', kind: 'not_found' },
  { question: 'What happened after Sept 25?', kind: 'not_found', fact: /no event after Sept 25/ },
  { question: 'What may happen next?', kind: 'not_found' },
  // Figures: every source's value when they differ.
  { question: 'How many companies were on the sanctions list?', kind: 'discrepancy', fact: /at least 25[\s\S]*about two dozen/, cites: [sanctionsThreat] },
  { question: 'how many people were affected by the OPM breach', kind: 'discrepancy', fact: /more than 20 million government employees[\s\S]*millions of current and former US government employees/, cites: [sanctionsThreat, washingtonTimes, heralding, toughTalk] },
  { question: 'How many hacks did Alibaba suffer?', kind: 'search', fact: /19 million hacks/, cites: [washingtonTimes] },
  { question: 'How much did US companies lose to Chinese hacking?', kind: 'search', fact: /several billions of dollars/, cites: [sanctionsThreat] },
  { question: 'How long did the envoy talks last?', kind: 'discrepancy', fact: /weeklong meeting[\s\S]*all-night meeting/, cites: [heralding, usSoftens] },
  { question: 'How many organisations is FireEye tracking?', kind: 'search', fact: /about two dozen organisations in China/, cites: [toughTalk] },
  // When, and what happened when.
  { question: 'When did Xi arrive in the US?', kind: 'discrepancy', fact: /Sept\. 22[\s\S]*Sept\. 24/, cites: [sanctionsThreat, usSoftens] },
  { question: 'When did Obama and Xi agree on cybersecurity?', kind: 'timeline', fact: /^Sept 25, 2015: .*agreed/m, cites: [sanctionsThreat] },
  { question: 'When did Meng Jianzhu arrive in the United States?', kind: 'search', fact: /Sept\. 9/, cites: [sanctionsThreat] },
  { question: 'When did Rice visit China?', kind: 'timeline', fact: /around Aug 28, 2015: .*Rice visited China in late August/, cites: [sanctionsThreat] },
  { question: 'When was the executive order signed?', kind: 'timeline', fact: /^April 2015: /m, cites: [usSoftens] },
  { question: 'What happened on Sept 25?', kind: 'timeline', fact: /Sept 25, 2015 — Obama and Xi agree/, cites: [sanctionsThreat] },
  { question: 'What happened on September 9th, 2015?', kind: 'timeline', fact: /Sept 9, 2015 — China sends Meng Jianzhu/, cites: [sanctionsThreat] },
  { question: 'what happened in late August', kind: 'timeline', fact: /Aug 28, 2015 — Rice meets Central Military Commission Vice Chairman Fan Changlong/, cites: [toughTalk] },
  { question: 'What happened before April 2015?', kind: 'timeline', fact: /^ {2}• 2010 — /m, cites: [sanctionsThreat] },
  // Quotes.
  { question: 'What did Obama say about sanctions?', kind: 'quote', fact: /We are preparing a number of measures/, cites: [washingtonTimes] },
  { question: 'What did Xi say about hacking?', kind: 'quote', fact: /staunch defender of cybersecurity and also a victim of hacking/, cites: [washingtonTimes] },
  { question: 'what did jack ma say', kind: 'quote', fact: /We have had 19 million hacks against our company/, cites: [washingtonTimes] },
  { question: 'What did Pritzker complain about?', kind: 'quote', fact: /serious concerns about an overall lack of legal and regulatory transparency/, cites: [washingtonTimes] },
  { question: 'Who said China is a victim of hacking?', kind: 'quote', fact: /^ {2}• Xi Jinping — “China is a staunch defender/m, cites: [washingtonTimes] },
  { question: 'What did the senior administration official say about sanctions?', kind: 'quote', fact: /there are not going to be any sanctions/, cites: [usSoftens] },
  // Timelines, anniversaries, sources, the brief.
  { question: 'Give me the timeline of the sanctions', kind: 'timeline', fact: /April 2015 — Obama signs the executive order/, cites: [usSoftens] },
  { question: 'chronology for Meng Jianzhu', kind: 'timeline', fact: /Sept 9, 2015 — China sends Meng Jianzhu/, cites: [sanctionsThreat] },
  { question: 'sanctions', kind: 'timeline', fact: /Timeline on “Threatened US sanctions”/ },
  { question: 'what happened on this day, sept 25', kind: 'onthisday', fact: /On this day: Sept 25/, cites: [sanctionsThreat, toughTalk] },
  { question: 'Which outlets covered the story?', kind: 'sources', fact: /The Washington Times/, cites: [washingtonTimes, heralding] },
  { question: 'brief me', kind: 'brief', fact: /Key points:/, cites: [sanctionsThreat] },
  { question: 'help', kind: 'help', fact: /\/who Meng Jianzhu/ },
  // Free questions the search answers from the articles' own sentences and facts.
  { question: 'Why did the US hold off on sanctions?', kind: 'search', fact: /holds off on sanctions until after Xi's visit/, cites: [usSoftens] },
  { question: 'Who warned China about sanctions?', kind: 'search', fact: /Susan Rice visits China and warns of sanctions/, cites: [sanctionsThreat] },
  { question: 'Which companies did Xi meet?', kind: 'search', fact: /Boeing, Amazon, Pepsi, Microsoft and DuPont/, cites: [washingtonTimes] },
  { question: 'Who met with Meng Jianzhu?', kind: 'search', fact: /Susan Rice met with Meng Jianzhu|Susan Rice meets Meng Jianzhu/, cites: [heralding] },
];

describe('ask', () => {
  it('is tested on at least 40 questions', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)('$question → $kind', ({ question, kind, fact, cites = [] }) => {
    const answer = engine.ask(question);
    const { text, files } = read(answer);
    expect(answer.kind, text).toBe(kind);
    if (fact) expect(text).toMatch(fact);
    for (const file of cites) expect(files, text).toContain(file);
    if (kind === 'not_found' || kind === 'ambiguous') expect(answer.citations).toEqual([]);
  });

  it('ignores greetings, mentions and trailing punctuation', () => {
    const answer = engine.ask('<@123456> hey, can you tell me who is Meng Jianzhu??? @everyone');
    expect(answer.kind).toBe('who');
    expect(answer.title).toBe('Meng Jianzhu');
  });

  it('politely refuses an impossible date in a question', () => {
    expect(() => engine.ask('What happened on Feb 30?')).toThrow(/Feb 30 isn't a real date/);
  });
});
