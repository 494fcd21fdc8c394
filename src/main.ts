/**
 * `npm start`: with DISCORD_TOKEN, the Discord bot; without, the local console.
 * Refuses to start on bad configuration or bad data, naming each problem
 * (file, path, field). SIGINT/SIGTERM shut the bot down gracefully (exit 0).
 */
import { createAnswerEngine } from './answers/index.js';
import { ConfigError, parseConfig } from './config.js';
import type { Config } from './config.js';
import { loadDotEnv } from './env.js';
import { createLogger } from './logger.js';
import type { Logger } from './logger.js';
import { LiveBriefing } from './summary/live.js';
import { loadBriefing } from './summary/load.js';
import type { Briefing } from './summary/load.js';
import { formatProblem, SummaryLoadError } from './summary/problems.js';

function readConfig(): Config {
  try {
    return parseConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${error.message}\nSee .env.example for what each setting means.`);
    process.exit(1);
  }
}

function readBriefing(): Briefing {
  try {
    return loadBriefing();
  } catch (error) {
    if (!(error instanceof SummaryLoadError)) throw error;
    console.error(`Refusing to start: the briefing data has ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}:`);
    for (const problem of error.problems) console.error(`  ${formatProblem(problem)}`);
    process.exit(1);
  }
}

async function runBot(config: Config, discord: NonNullable<Config['discord']>, live: LiveBriefing<ReturnType<typeof createAnswerEngine>>, logger: Logger, stopWatching: () => void): Promise<void> {
  // Loaded only here: the console never pays for discord.js.
  const { startBot } = await import('./discord/bot.js');
  const { startDailyPosts } = await import('./delivery/dailyPosts.js');
  const { closeDatabase, openDatabase } = await import('./store/database.js');
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(config.databasePath);
  } catch (error) {
    logger.fatal({ err: error, databasePath: config.databasePath }, 'could not open the subscriptions database (check DATABASE_PATH)');
    process.exit(1);
  }
  let dailyPosts: ReturnType<typeof startDailyPosts> | undefined;
  let bot: Awaited<ReturnType<typeof startBot>>;
  try {
    bot = await startBot({
      config: discord,
      engine: () => live.current,
      logger,
      services: { subscriptions: db },
      // One tick a minute for every subscription; the first runs at once to catch up on today's missed posts.
      onReady: (client) => {
        dailyPosts = startDailyPosts({ db, rest: client.rest, engine: () => live.current, logger });
      },
      onShutdown: async () => {
        await dailyPosts?.stop();
        closeDatabase(db);
      },
    });
  } catch (error) {
    closeDatabase(db);
    logger.fatal({ err: error }, 'could not connect to Discord (check DISCORD_TOKEN and DISCORD_API_URL)');
    process.exit(1);
  }
  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    stopWatching();
    bot.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'unclean shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  logger.info({ databasePath: config.databasePath }, 'briefing bot running; Ctrl-C to stop');
}

async function main(): Promise<void> {
  loadDotEnv();
  const config = readConfig();
  const logger = createLogger({ level: config.logLevel, secrets: [config.discord?.token] });
  const briefing = readBriefing();
  const live = new LiveBriefing(briefing, { build: createAnswerEngine, logger });
  const stopWatching = live.watch();

  if (config.discord) return runBot(config, config.discord, live, logger, stopWatching);

  const { runConsole } = await import('./console/console.js');
  await runConsole({ input: process.stdin, output: process.stdout, engine: () => live.current });
  stopWatching();
}

await main();
