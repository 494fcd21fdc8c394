/**
 * Every option of every command, fed hostile input through the command modules
 * and the renderers exactly as the dispatcher calls them: nothing but a
 * UserInputError escapes, and every reply fits Discord, reads as text, is
 * private when it is an error or a miss, and cannot ping or link anyone.
 * (allowed_mentions is added by the dispatcher: discordProperties.test.ts checks it on the wire.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { UserInputError } from '../../src/answers/index.js';
import { createRegistry, isAnswerCommand, optionNames } from '../../src/discord/command.js';
import type { AnswerCommand, CommandContext, CommandOptions } from '../../src/discord/command.js';
import { CustomIds } from '../../src/discord/customIds.js';
import type { MessagePayload } from '../../src/discord/payload.js';
import { isEphemeralAnswer, renderAnswer, renderUserError } from '../../src/discord/render.js';
import { engine } from '../answers/engine.js';
import { expectWithinDiscordLimits } from '../discord/messageRules.js';
import { expectSafeAndReadable, hostileDate, hostilePage, hostileText, hostileZone, maybe } from './hostileInput.js';

/** Cases per command, summed over its options: the issue asks for ≥ 10,000. */
const CASES_PER_COMMAND = 10_000;

const registry = createRegistry(commands);
const customIds = new CustomIds((command) => (registry.has(command) ? optionNames(registry.get(command)) : undefined));
const context: CommandContext = { engine, now: new Date('2026-09-25T12:00:00Z'), services: {} };

function answerCommand(name: string): AnswerCommand {
  const command = registry.get(name);
  if (!command || !isAnswerCommand(command)) throw new Error(`no answer command /${name}`);
  return command;
}

const defined = (options: CommandOptions): Record<string, string> =>
  Object.fromEntries(Object.entries(options).filter((entry): entry is [string, string] => entry[1] !== undefined));

/** What the dispatcher does with a slash command, minus the network. */
function reply(name: string, given: CommandOptions, ctx: CommandContext = context): { payload: MessagePayload; private: boolean } {
  const command = answerCommand(name);
  try {
    const options = command.normalize?.(given, ctx) ?? given;
    const answer = command.answer(options, ctx);
    return { payload: renderAnswer(answer, { customIds, request: { command: name, options: defined(options) } }), private: isEphemeralAnswer(answer) };
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    return { payload: renderUserError(error), private: true };
  }
}

function expectGoodReply(name: string, options: CommandOptions, ctx?: CommandContext): void {
  const { payload, private: mustBePrivate } = reply(name, options, ctx);
  expectWithinDiscordLimits(payload);
  if (mustBePrivate) expect(payload.ephemeral).toBe(true);
  expectSafeAndReadable(payload, Object.values(options));
}

const run = (property: fc.IProperty<[CommandOptions]> | fc.IPropertyWithHooks<[CommandOptions]>, numRuns: number) => fc.assert(property, { numRuns });

describe('every command option survives hostile input', () => {
  it(`/who name: ${CASES_PER_COMMAND} cases`, () => {
    run(
      fc.property(fc.record({ name: hostileText }), (options) => expectGoodReply('who', options)),
      CASES_PER_COMMAND,
    );
  });

  it(`/timeline actor, topic, from, to, page: ${CASES_PER_COMMAND} cases`, () => {
    const options = fc.record({ actor: maybe(hostileText), topic: maybe(hostileText), from: maybe(hostileDate), to: maybe(hostileDate), page: maybe(hostilePage) });
    run(
      fc.property(options, (given) => expectGoodReply('timeline', given)),
      CASES_PER_COMMAND,
    );
  });

  it(`/onthisday date (and the clock's zone, as the engine takes it): ${CASES_PER_COMMAND} cases`, () => {
    run(
      fc.property(fc.record({ date: maybe(hostileDate) }), (options) => expectGoodReply('onthisday', options)),
      CASES_PER_COMMAND / 2,
    );
    // The engine's zone parameter: a garbage zone is a UserInputError or a fallback, never a crash.
    run(
      fc.property(fc.record({ date: maybe(hostileDate), zone: hostileZone }), ({ date, zone }) => {
        try {
          const answer = engine.onThisDay({ date, now: context.now, timeZone: zone });
          const payload = renderAnswer(answer, { customIds });
          expectWithinDiscordLimits(payload);
          expectSafeAndReadable(payload, [date, zone]);
        } catch (error) {
          expect(error).toBeInstanceOf(UserInputError);
          expectSafeAndReadable(renderUserError(error as UserInputError), [date, zone]);
        }
      }),
      CASES_PER_COMMAND / 2,
    );
  });

  it(`/quote speaker, about: ${CASES_PER_COMMAND} cases`, () => {
    run(
      fc.property(fc.record({ speaker: maybe(hostileText), about: maybe(hostileText) }), (options) => expectGoodReply('quote', options)),
      CASES_PER_COMMAND,
    );
  });

  it(`/ask question (the router): ${CASES_PER_COMMAND} cases`, () => {
    const question = fc.oneof(
      hostileText,
      // Questions the router must parse, with hostile parts slotted in.
      fc
        .tuple(fc.constantFrom('What did', 'Who is', 'What happened on', 'When did', 'Why did', 'quote', 'timeline of'), hostileText, fc.constantFrom(' say about sanctions?', '?', ' on 02-30?', ''))
        .map((parts) => parts.join(' ')),
    );
    run(
      fc.property(fc.record({ question }), (options) => expectGoodReply('ask', options)),
      CASES_PER_COMMAND,
    );
  });

  it('the safety check itself rejects working mentions, links, spoilers and internals', () => {
    for (const bad of ['hi <@123>', 'see [x](http://evil.example)', 'a ||secret||', '\\\\<@&1>', 'TypeError: x', '[object Object]', ' ']) {
      expect(() => expectSafeAndReadable({ content: bad }, []), bad).toThrow();
    }
    for (const good of ['hi \\<@123\\>', '`[x](http://evil.example)`', 'a \\|\\|secret']) expectSafeAndReadable({ content: good }, []);
  });

  it('/brief, /help and /sources (no options) render within the rules', () => {
    for (const name of ['brief', 'help', 'sources']) expectGoodReply(name, {});
  });
});
