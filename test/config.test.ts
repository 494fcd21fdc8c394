import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_DATABASE_PATH, parseConfig } from '../src/config.js';

const TOKEN = `${'M'.repeat(24)}.${'a'.repeat(6)}.${'z'.repeat(38)}`;

describe('configuration from the environment', () => {
  it('runs the local console with defaults when nothing is set (blank values count as unset)', () => {
    const config = parseConfig({ DISCORD_TOKEN: '', DATABASE_PATH: '  ' });
    expect(config.discord).toBeUndefined();
    expect(config.databasePath).toBe(DEFAULT_DATABASE_PATH);
    expect(config.logLevel).toBe('info');
  });

  it('reads the Discord settings when a token and application id are given', () => {
    const config = parseConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: '123456789012345678',
      DISCORD_GUILD_ID: '223456789012345678',
      DISCORD_API_URL: 'http://127.0.0.1:3000/api',
      DATABASE_PATH: '/tmp/x.sqlite',
      LOG_LEVEL: 'debug',
    });
    expect(config.discord).toEqual({
      token: TOKEN,
      applicationId: '123456789012345678',
      guildId: '223456789012345678',
      apiUrl: 'http://127.0.0.1:3000/api',
    });
    expect(config.databasePath).toBe('/tmp/x.sqlite');
    expect(config.logLevel).toBe('debug');
  });

  it('lists every problem at once and never echoes the token', () => {
    const badToken = 'short-secret-token';
    let error: unknown;
    try {
      parseConfig({ DISCORD_TOKEN: badToken, DISCORD_GUILD_ID: '42', LOG_LEVEL: 'loud', DISCORD_API_URL: 'ftp://example' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/DISCORD_TOKEN/);
    expect(problems.join('\n')).toMatch(/DISCORD_APPLICATION_ID is required/);
    expect(problems.join('\n')).toMatch(/DISCORD_GUILD_ID/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL/);
    expect(problems.join('\n')).toMatch(/DISCORD_API_URL/);
    expect((error as Error).message).not.toContain(badToken);
  });
});
