/** `npm run deploy-commands` against the local Discord: to the guild when one is set, otherwise globally. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../commands/index.js';
import { startLocalDiscord } from '../local-discord/index.js';
import type { LocalDiscord } from '../local-discord/index.js';

const run = promisify(execFile);
const projectRoot = new URL('../..', import.meta.url).pathname;
const names = commandDefinitions.map((definition) => definition.name).sort();

describe('npm run deploy-commands', () => {
  let discord: LocalDiscord;

  beforeAll(async () => {
    discord = await startLocalDiscord();
  });
  afterAll(async () => {
    await discord?.close();
  });

  const deploy = (guildId: string) =>
    run('npm', ['run', '--silent', 'deploy-commands'], {
      cwd: projectRoot,
      // An empty DISCORD_GUILD_ID wins over a developer's .env, and counts as unset.
      env: { ...process.env, DISCORD_TOKEN: discord.token, DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_GUILD_ID: guildId, DISCORD_API_URL: discord.apiUrl },
      timeout: 60_000,
    });

  it('registers every command in the guild given by DISCORD_GUILD_ID', async () => {
    const { stdout } = await deploy(discord.defaultGuildId);
    expect(stdout).toContain(`Registered ${names.length} commands in guild ${discord.defaultGuildId}`);
    const registered = discord.registeredCommands(discord.defaultGuildId);
    expect(registered.map((command) => command.name).sort()).toEqual(names);
    const who = registered.find((command) => command.name === 'who');
    expect(who?.options?.[0]).toMatchObject({ name: 'name', required: true, autocomplete: true });
    expect(discord.registeredCommands()).toEqual([]);
    expect(stdout).not.toContain(discord.token);
  });

  it('registers them globally without a guild, and running it again keeps their ids', async () => {
    await deploy('');
    const first = discord.registeredCommands();
    expect(first.map((command) => command.name).sort()).toEqual(names);
    await deploy('');
    expect(discord.registeredCommands().map((command) => command.id).sort()).toEqual(first.map((command) => command.id).sort());
    expect(discord.requestsTo('PUT', '/applications/:id/commands')).toHaveLength(2);
  });
});
