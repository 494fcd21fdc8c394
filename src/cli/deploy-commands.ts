/**
 * `npm run deploy-commands`: registers the slash commands with Discord — in
 * DISCORD_GUILD_ID when set (instant, for development), otherwise globally
 * (may take up to an hour to appear). A separate step, never run at start-up.
 */
import { REST, Routes } from 'discord.js';
import { commandDefinitions } from '../../commands/index.js';
import { ConfigError, parseConfig } from '../config.js';
import { loadDotEnv } from '../env.js';

loadDotEnv();
try {
  const config = parseConfig(process.env);
  if (!config.discord) {
    console.error('deploy-commands needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (see .env.example).');
    process.exit(2);
  }
  const { token, applicationId, guildId, apiUrl } = config.discord;
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const registered = (await rest.put(route, { body: commandDefinitions })) as { name: string }[];
  console.log(
    `Registered ${registered.length} commands ${guildId ? `in guild ${guildId}` : 'globally'}: ${registered.map((command) => `/${command.name}`).join(' ')}`,
  );
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(`Could not register the commands: ${(error as Error).message}`);
  process.exit(1);
}
