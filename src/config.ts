/**
 * Configuration, read once from the environment and validated with zod.
 * Every problem is reported at once; the token's value never appears in a message.
 */
import { z } from 'zod';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Empty strings (as left by copying .env.example) count as unset. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

const EnvSchema = z
  .object({
    DISCORD_TOKEN: optional(z.string().min(50, 'does not look like a bot token (too short)')),
    DISCORD_APPLICATION_ID: optional(snowflake),
    DISCORD_GUILD_ID: optional(snowflake),
    DISCORD_API_URL: optional(
      z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://discord.com/api' }),
    ),
    DATABASE_PATH: optional(z.string()),
    LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })),
  });

const isSet = (value: string | undefined) => value !== undefined && value.trim() !== '';

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  /** Absent: run the local console. */
  discord?: {
    token: string;
    applicationId: string;
    guildId?: string;
    /** REST base without /v10; undefined means Discord's own. */
    apiUrl?: string;
  };
  /** Application id without a token (enough for deploy-commands' dry runs and for messages). */
  applicationId?: string;
  guildId?: string;
  apiUrl?: string;
  databasePath: string;
  logLevel: LogLevel;
}

export const DEFAULT_DATABASE_PATH = './var/briefing.sqlite';

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = EnvSchema.safeParse(env);
  // zod messages name the rule, never the received value, so the token cannot leak here.
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  if (isSet(env.DISCORD_TOKEN) && !isSet(env.DISCORD_APPLICATION_ID)) {
    problems.push('DISCORD_APPLICATION_ID is required when DISCORD_TOKEN is set');
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    discord:
      e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID
        ? { token: e.DISCORD_TOKEN, applicationId: e.DISCORD_APPLICATION_ID, guildId: e.DISCORD_GUILD_ID, apiUrl: e.DISCORD_API_URL }
        : undefined,
    applicationId: e.DISCORD_APPLICATION_ID,
    guildId: e.DISCORD_GUILD_ID,
    apiUrl: e.DISCORD_API_URL,
    databasePath: e.DATABASE_PATH ?? DEFAULT_DATABASE_PATH,
    logLevel: e.LOG_LEVEL ?? 'info',
  };
}
