/**
 * The reply cache, end to end: a request asked again is sent from the cache
 * (same message, the answer not computed again), and never when the answer
 * could differ: other options, another day, a reloaded summary, or buttons
 * whose ids live only in the bot's memory.
 */
import { Writable } from 'node:stream';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { REST, Routes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { commandDefinitions, commands } from '../../commands/index.js';
import { createAnswerEngine, type AnswerEngine } from '../../src/answers/index.js';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import type { AnswerCommand } from '../../src/discord/command.js';
import { createLogger } from '../../src/logger.js';
import { loadBriefing } from '../../src/summary/load.js';
import { startLocalDiscord, type LocalDiscord } from '../local-discord/index.js';
import { copyOfData, editSummary } from '../summary/scratchData.js';
import { customIdsOf, embedText, engine } from './stack.js';

const SILENT = new Writable({ write: (_chunk, _encoding, callback) => callback() });

/** /who that counts how often it is really answered; `note` changes nothing but rides along in its buttons' ids. */
function countedCommand(): { command: AnswerCommand; calls: () => number } {
  let calls = 0;
  const options = ['name', 'note'].map((name) => ({ type: ApplicationCommandOptionType.String as const, name, description: name }));
  const command: AnswerCommand = {
    definition: { name: 'counted', description: 'answers /who, counting', options },
    answer: (given, ctx) => {
      calls++;
      return ctx.engine.who(given.name ?? '');
    },
  };
  return { command, calls: () => calls };
}

describe('the reply cache', () => {
  let discord: LocalDiscord | undefined;
  let bot: RunningBot | undefined;
  afterEach(async () => {
    await bot?.stop();
    await discord?.close();
    bot = discord = undefined;
  });

  async function start(options: { engine: () => AnswerEngine; clock?: () => Date; extra?: AnswerCommand[] }): Promise<LocalDiscord> {
    discord = await startLocalDiscord();
    const rest = new REST({ api: discord.apiUrl }).setToken(discord.token);
    await rest.put(Routes.applicationGuildCommands(discord.applicationId, discord.defaultGuildId), { body: commandDefinitions });
    bot = await startBot({
      config: { token: discord.token, applicationId: discord.applicationId, apiUrl: discord.apiUrl },
      engine: options.engine,
      logger: createLogger({ level: 'warn', secrets: [discord.token], destination: SILENT, pretty: false }),
      commands: [...commands, ...(options.extra ?? [])],
      ...(options.clock ? { clock: options.clock } : {}),
    });
    return discord;
  }

  it('answers a request asked again from the cache, with the same message; other options are answered afresh', async () => {
    const counted = countedCommand();
    const local = await start({ engine: () => engine, extra: [counted.command] });
    const first = await local.sendCommand({ name: 'counted', options: { name: 'Susan Rice' } }).visibleReply();
    const again = await local.sendCommand({ name: 'counted', options: { name: 'Susan Rice' } }).visibleReply();
    expect(counted.calls()).toBe(1);
    expect(again.body).toEqual(first.body);
    expect(embedText(again.message)).toContain('Susan Rice');

    const other = await local.sendCommand({ name: 'counted', options: { name: 'Meng Jianzhu' } }).visibleReply();
    expect(counted.calls()).toBe(2);
    expect(embedText(other.message)).toContain('Meng Jianzhu');
  });

  it('answers afresh on another day: "today" is part of the request', async () => {
    let now = new Date('2026-09-25T23:59:00Z');
    const local = await start({ engine: () => engine, clock: () => now });
    const before = await local.sendCommand({ name: 'ask', options: { question: 'what happened today' } }).visibleReply();
    now = new Date('2026-09-26T00:01:00Z');
    const after = await local.sendCommand({ name: 'ask', options: { question: 'what happened today' } }).visibleReply();
    expect(embedText(before.message)).toContain('Sept 25');
    expect(embedText(after.message)).toContain('Sept 26');
  });

  it('answers from a reloaded summary at once, not from what the old one said', async () => {
    const dir = copyOfData();
    const before = createAnswerEngine(loadBriefing({ dataDir: dir }));
    editSummary(dir, 'entities.yaml', 'Politburo member who oversees cybersecurity', 'Politburo member in charge of cybersecurity');
    const after = createAnswerEngine(loadBriefing({ dataDir: dir }));
    let current = before;
    const local = await start({ engine: () => current });
    const old = await local.sendCommand({ name: 'who', options: { name: 'Meng Jianzhu' } }).visibleReply();
    current = after;
    const fresh = await local.sendCommand({ name: 'who', options: { name: 'Meng Jianzhu' } }).visibleReply();
    expect(embedText(old.message)).toContain('oversees cybersecurity');
    expect(embedText(fresh.message)).toContain('in charge of cybersecurity');
  });

  it('never keeps a reply whose buttons only the bot’s memory can resolve (ids over 100 characters)', async () => {
    const counted = countedCommand();
    const local = await start({ engine: () => engine, extra: [counted.command] });
    for (let i = 0; i < 2; i++) {
      const reply = await local.sendCommand({ name: 'counted', options: { name: 'Susan Rice', note: 'n'.repeat(90) } }).visibleReply();
      expect(embedText(reply.message)).toContain('Susan Rice');
      expect(customIdsOf(reply.message).some((id) => id.startsWith('src#'))).toBe(true);
    }
    expect(counted.calls()).toBe(2);
  });
});
