/** `answerRequest`: the one mapping from a request (CLI, console) to the engine. */
import { describe, expect, it } from 'vitest';
import { answerRequest, UserInputError, type EngineRequest } from '../../src/answers/index.js';
import { engine, read } from './engine.js';

describe('answerRequest', () => {
  const cases: [EngineRequest, string, RegExp][] = [
    [{ command: 'brief' }, 'brief', /Sept 25, 2015/],
    [{ command: 'help' }, 'help', /\/who/],
    [{ command: 'sources' }, 'sources', /Washington Times/],
    [{ command: 'who', name: 'Meng Jianzhu' }, 'who', /Meng Jianzhu/],
    [{ command: 'timeline', options: { actor: 'Xi Jinping', page: '1' } }, 'timeline', /Xi/],
    [{ command: 'onthisday', options: { date: '09-25' } }, 'onthisday', /Sept 25/],
    [{ command: 'quote', options: { speaker: 'Obama' } }, 'quote', /Obama/],
    [{ command: 'ask', question: 'Who is Susan Rice?' }, 'who', /Rice/],
  ];

  it.each(cases)('%j answers as the engine method does', (request, kind, text) => {
    const answer = answerRequest(engine, request);
    expect(answer.kind).toBe(kind);
    expect(read(answer).text).toMatch(text);
  });

  it('passes options through unchanged: page 2 of a timeline is not page 1', () => {
    const first = answerRequest(engine, { command: 'timeline', options: {} });
    const second = answerRequest(engine, { command: 'timeline', options: { page: 2 } });
    expect(second).toEqual(engine.timeline({ page: 2 }));
    expect(second).not.toEqual(first);
  });

  it('lets input errors through for the caller to show', () => {
    expect(() => answerRequest(engine, { command: 'onthisday', options: { date: '02-30' } })).toThrow(UserInputError);
  });
});
