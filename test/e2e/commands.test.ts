/**
 * End to end: the real discord.js client, started by `startBot`, answers every
 * command through the local Discord; buttons, menus, autocomplete, errors and
 * mentions are checked in what the bot actually sent.
 */
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { ComponentType, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerCommand, InteractionCommand } from '../../src/discord/command.js';
import { FILES } from '../answers/engine.js';
import { buttonId, customIdsOf, embedText, engine, expectNoMentions, firstEmbed, isEphemeral, messageBodies, startStack } from './stack.js';
import type { Stack } from './stack.js';

const articleText = Object.values(FILES)
  .map((file) => readFileSync(new URL(`../../data/articles/${file}`, import.meta.url), 'utf8'))
  .join('\n')
  .replace(/\s+/g, ' ');

/** Test-only commands for the paths real commands don't take: a bug, slow work. */
const boom: AnswerCommand = {
  definition: { name: 'boom', description: 'always fails' },
  answer: () => {
    throw new Error('kaboom: an internal bug');
  },
  autocomplete: () => {
    throw new Error('kaboom in autocomplete');
  },
};
const slow: InteractionCommand = {
  definition: { name: 'slow', description: 'takes a while' },
  execute: async () => {
    await delay(150);
    return { message: { content: 'done slowly', ephemeral: false } };
  },
};
const slowPrivate: InteractionCommand = {
  definition: { name: 'slowprivate', description: 'takes a while, answers privately' },
  execute: async () => {
    await delay(150);
    return { message: { content: 'only you can see this', ephemeral: true } };
  },
};

describe('the bot on a local Discord, end to end', () => {
  let stack: Stack;
  const ask = (name: string, options: Record<string, string> = {}) => stack.discord.sendCommand({ name, options });

  beforeAll(async () => {
    stack = await startStack({ extraCommands: [boom, slow, slowPrivate], clock: () => new Date('2015-09-25T12:00:00Z'), deferAfterMs: 50 });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  describe('every command answers publicly, citing its sources in the footer', () => {
    const cases: { name: string; options?: Record<string, string>; expected: RegExp; answer: () => ReturnType<typeof engine.brief> }[] = [
      { name: 'brief', expected: /Xi Jinping/, answer: () => engine.brief() },
      { name: 'who', options: { name: 'Meng Jianzhu' }, expected: /^Meng Jianzhu$/m, answer: () => engine.who('Meng Jianzhu') },
      { name: 'timeline', expected: /page 1 of \d+/, answer: () => engine.timeline() },
      { name: 'onthisday', options: { date: '09-25' }, expected: /On this day: Sept 25/, answer: () => engine.onThisDay({ date: '09-25' }) },
      { name: 'quote', options: { speaker: 'Obama', about: 'sanctions' }, expected: /“/, answer: () => engine.quote({ speaker: 'Obama', about: 'sanctions' }) },
      { name: 'sources', expected: /The Washington Times/, answer: () => engine.sources() },
      { name: 'ask', options: { question: 'Who is Susan Rice?' }, expected: /^Susan Rice$/m, answer: () => engine.ask('Who is Susan Rice?') },
    ];
    for (const { name, options, expected, answer } of cases) {
      it(`/${name}`, async () => {
        const reply = await ask(name, options).visibleReply();
        expect(isEphemeral(reply.message)).toBe(false);
        expect(embedText(reply.message)).toMatch(expected);
        const footer = firstEmbed(reply.message).footer?.text ?? '';
        expect(footer).toMatch(/^Sources: \[1\]/);
        for (const citation of answer().citations) expect(footer).toContain(`${citation.outlet}, ${citation.date}`);
        expectNoMentions(reply.body);
        expect(customIdsOf(reply.message).some((id) => id.startsWith('src:'))).toBe(true);
      });
    }

    it('/help explains the commands (it cites nothing, so it has no Sources)', async () => {
      const reply = await ask('help').visibleReply();
      expect(isEphemeral(reply.message)).toBe(false);
      for (const command of ['/brief', '/who', '/timeline', '/onthisday', '/quote', '/sources', '/ask']) expect(embedText(reply.message)).toContain(command);
      expect(customIdsOf(reply.message)).toEqual([]);
    });

    it('a fixed answer (/brief) is sent the same every time, and /ask reaching it keeps its own Sources button', async () => {
      const first = await ask('brief').visibleReply();
      const again = await ask('brief').visibleReply();
      expect(again.body).toEqual(first.body);
      const asked = await ask('ask', { question: 'brief me' }).visibleReply();
      expect(firstEmbed(asked.message).title).toBe(firstEmbed(first.message).title);
      expect(buttonId(asked.message, 'Sources')).toMatch(/^src:1:ask:/);
      expect(buttonId(again.message, 'Sources')).toBe('src:1:brief');
    });

    it('/onthisday without a date takes today from the bot clock', async () => {
      const reply = await ask('onthisday').visibleReply();
      expect(firstEmbed(reply.message).title).toBe('On this day: Sept 25');
    });
  });

  describe('autocomplete', () => {
    it('offers names for /who, and the chosen value answers for exactly that entity', async () => {
      const choices = await stack.discord.sendAutocomplete({ name: 'who', options: { name: 'meng' }, focused: 'name' }).choices();
      const meng = choices.find((choice) => choice.name.startsWith('Meng Jianzhu'));
      expect(meng).toBeDefined();
      const reply = await ask('who', { name: String(meng?.value) }).visibleReply();
      expect(firstEmbed(reply.message).title).toBe('Meng Jianzhu');
    });

    it('offers actors and topics for /timeline and speakers for /quote', async () => {
      const actors = await stack.discord.sendAutocomplete({ name: 'timeline', options: { actor: 'oba' }, focused: 'actor' }).choices();
      expect(actors.map((choice) => choice.value)).toContain('barack-obama');
      const topics = await stack.discord.sendAutocomplete({ name: 'timeline', options: { topic: 'sanc' }, focused: 'topic' }).choices();
      expect(topics.map((choice) => choice.value)).toContain('sanctions');
      const speakers = await stack.discord.sendAutocomplete({ name: 'quote', options: { speaker: 'xi' }, focused: 'speaker' }).choices();
      expect(speakers.map((choice) => choice.value)).toContain('xi-jinping');
    });

    it('answers with no choices, never an error, for input nothing matches', async () => {
      const choices = await stack.discord.sendAutocomplete({ name: 'who', options: { name: 'x'.repeat(6000) }, focused: 'name' }).choices();
      expect(choices).toEqual([]);
    });

    it('offers no choices when its handler throws, and logs why', async () => {
      const choices = await stack.discord.sendAutocomplete({ name: 'boom', options: { anything: 'x' }, focused: 'anything' }).choices();
      expect(choices).toEqual([]);
      expect(stack.logs.some((line) => line.msg === 'autocomplete failed; offering no choices' && line.command === '/boom')).toBe(true);
    });
  });

  describe('components', () => {
    it('pages the timeline with Previous/Next, updating the message in place', async () => {
      const first = await ask('timeline').visibleReply();
      const next = stack.discord.sendButton({ customId: buttonId(first.message, 'Next'), message: first.message });
      const update = await next.response();
      expect(update.type).toBe(InteractionResponseType.UpdateMessage);
      const page2 = await next.visibleReply();
      expect(page2.message.id).toBe(first.message.id);
      expect(firstEmbed(page2.message).description).toMatch(/page 2 of/);
      expect(firstEmbed(page2.message).description).not.toBe(firstEmbed(first.message).description);
      expectNoMentions(page2.body);

      const back = await stack.discord.sendButton({ customId: buttonId(page2.message, 'Previous'), message: page2.message }).visibleReply();
      expect(firstEmbed(back.message).description).toBe(firstEmbed(first.message).description);
    });

    it('resolves an ambiguous name through a select menu of the candidates', async () => {
      const question = await ask('who', { name: 'James' }).visibleReply();
      expect(isEphemeral(question.message)).toBe(true);
      const row = question.message.components?.[0];
      const menu = row && 'components' in row ? row.components[0] : undefined;
      expect(menu?.type).toBe(ComponentType.StringSelect);
      const values = menu && 'options' in menu ? (menu.options ?? []).map((option) => option.value) : [];
      expect(values).toEqual(expect.arrayContaining(['james-comey', 'james-clapper']));

      const chosen = await stack.discord.sendSelect({ customId: menu && 'custom_id' in menu ? menu.custom_id : '', values: ['james-clapper'], message: question.message }).visibleReply();
      expect(firstEmbed(chosen.message).title).toBe('James Clapper');
      expect(isEphemeral(chosen.message)).toBe(false);
      expectNoMentions(chosen.body);
    });

    it('shows the evidence behind an answer ephemerally from its Sources button, quoted verbatim', async () => {
      const answer = await ask('who', { name: 'Susan Rice' }).visibleReply();
      const sources = await stack.discord.sendButton({ customId: buttonId(answer.message, 'Sources'), message: answer.message }).visibleReply();
      expect(isEphemeral(sources.message)).toBe(true);
      const fields = firstEmbed(sources.message).fields ?? [];
      expect(fields.length).toBe(engine.who('Susan Rice').citations.length);
      for (const field of fields) {
        const quoted = /^> (.*)$/m.exec(field.value)?.[1]?.replace(/\\(.)/g, '$1').replace(/…$/, '') ?? '';
        expect(quoted.length).toBeGreaterThan(8);
        expect(articleText).toContain(quoted.replace(/\s+/g, ' '));
      }
    });

    it('pages the evidence of a long answer inside the ephemeral view', async () => {
      const brief = await ask('brief').visibleReply();
      const opened = await stack.discord.sendButton({ customId: buttonId(brief.message, 'Sources'), message: brief.message }).visibleReply();
      expect(firstEmbed(opened.message).footer?.text).toMatch(/^Page 1 of \d+$/);
      const paged = stack.discord.sendButton({ customId: buttonId(opened.message, 'Next'), message: opened.message });
      expect((await paged.response()).type).toBe(InteractionResponseType.UpdateMessage);
      const page2 = await paged.visibleReply();
      expect(firstEmbed(page2.message).footer?.text).toMatch(/^Page 2 of \d+$/);
      expect(isEphemeral(page2.message)).toBe(true);
    });
  });

  describe('misses and bad input get a friendly ephemeral reply', () => {
    it('a name not in the sources', async () => {
      const reply = await ask('who', { name: 'Zorro' }).visibleReply();
      expect(isEphemeral(reply.message)).toBe(true);
      expect(firstEmbed(reply.message).title).toContain('is not in the sources');
    });

    const bad: [string, string, Record<string, string>, RegExp][] = [
      ['an empty question', 'ask', { question: '   ' }, /Please give a question/],
      ['a 6,000-character name', 'who', { name: 'a'.repeat(6000) }, /too long \(6000 characters\)/],
      ['an impossible date', 'onthisday', { date: '02-30' }, /doesn't exist: February has 29 days/],
      ['an unknown topic', 'timeline', { topic: 'bananas' }, /I don't know a topic called "bananas"/],
    ];
    for (const [what, name, options, message] of bad) {
      it(what, async () => {
        const reply = await ask(name, options).visibleReply();
        expect(isEphemeral(reply.message)).toBe(true);
        expect(reply.message.content).toMatch(/^⚠️ /);
        expect(reply.message.content.replace(/\\(.)/g, '$1')).toMatch(message);
        expectNoMentions(reply.body);
      });
    }

    it('an internal error: a generic message with an error id, logged with the command, guild and latency', async () => {
      const reply = await ask('boom').visibleReply();
      expect(isEphemeral(reply.message)).toBe(true);
      const errorId = /error `([0-9a-f]{6})`/.exec(reply.message.content)?.[1];
      expect(errorId).toBeDefined();
      expect(reply.message.content).not.toContain('kaboom');
      const logged = stack.logs.find((line) => line.errorId === errorId);
      expect(logged).toMatchObject({ level: 50, command: '/boom', guild: stack.discord.defaultGuildId, msg: 'interaction failed' });
      expect(logged?.latencyMs).toBeTypeOf('number');
      expect(JSON.stringify(logged)).toContain('kaboom');
    });
  });

  describe('interaction commands (the kind the subscription commands use)', () => {
    it('slow work is deferred first, then the reply replaces "thinking…"', async () => {
      const handle = ask('slow');
      expect((await handle.response()).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
      const reply = await handle.visibleReply();
      expect(reply.message.content).toBe('done slowly');
      expectNoMentions(reply.body);
    });

    it('a private reply after a public deferral replaces it with an ephemeral follow-up', async () => {
      const handle = ask('slowprivate');
      const followUp = await handle.nextFollowUp();
      expect(followUp.message.content).toBe('only you can see this');
      expect((followUp.message.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
      expect(handle.answers.some((answer) => answer.kind === 'delete' && answer.original)).toBe(true);
    });
  });

  it('"@everyone" in a question never pings: no mentions allowed, none made', async () => {
    const reply = await ask('ask', { question: '@everyone who is Obama? <@&123456789012345678>' }).visibleReply();
    expectNoMentions(reply.body);
    expect(reply.message.mention_everyone).toBe(false);
    expect(reply.message.mention_roles).toEqual([]);
  });

  it('every message body the bot sent carried allowed_mentions: { parse: [] }', () => {
    const bodies = messageBodies(stack.discord.requests);
    expect(bodies.length).toBeGreaterThan(20);
    for (const { entry, body } of bodies) expect(body.allowed_mentions, `${entry.method} ${entry.path}`).toEqual({ parse: [] });
  });

  it('never wrote the token to its logs', () => {
    expect(stack.logs.length).toBeGreaterThan(0);
    expect(JSON.stringify(stack.logs)).not.toContain(stack.discord.token);
  });
});
