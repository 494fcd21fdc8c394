import cron from 'node-cron';

export interface SchedulerLogger {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
  error(data: object, message: string): void;
}

export interface SchedulerOptions {
  /** One pass over what is due; its errors are logged and the next tick runs as usual. */
  tick: () => Promise<unknown>;
  /** Default every minute. */
  cronExpression?: string;
  /** Run a tick at once, to catch up on posts missed while the bot was down. Default true. */
  runOnStart?: boolean;
  logger?: SchedulerLogger;
}

export interface Scheduler {
  /** Runs a tick now unless one is running (then waits for that one). */
  runNow(): Promise<void>;
  /** Stops ticking and waits for a running tick to finish, so the database can then be closed. */
  stop(): Promise<void>;
}

const silent: SchedulerLogger = { info() {}, warn() {}, error() {} };

/**
 * One cron job for all subscriptions: every tick asks the database what is due. Ticks never
 * overlap — node-cron's noOverlap skips a scheduled tick while one runs, and the same guard covers
 * ticks started by hand (node-cron's own execute() ignores noOverlap).
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const { tick, cronExpression = '* * * * *', runOnStart = true, logger = silent } = options;
  if (!cron.validate(cronExpression)) throw new Error(`invalid cron expression "${cronExpression}"`);

  let running: Promise<void> | undefined;
  let stopped = false;
  const runTick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      logger.warn({}, 'previous delivery tick still running; skipping this one');
      return running;
    }
    running = (async () => {
      try {
        await tick();
      } catch (error) {
        logger.error({ err: error }, 'delivery tick failed');
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  const task = cron.createTask(cronExpression, runTick, {
    name: 'daily-on-this-day',
    noOverlap: true,
    logger: {
      info: (message) => logger.info({}, String(message)),
      warn: (message) => logger.warn({}, String(message)),
      error: (message, err) => logger.error({ err: err ?? message }, String(message)),
      debug: () => {},
    },
  });
  void task.start();
  if (runOnStart) void runTick();

  return {
    runNow: runTick,
    async stop() {
      stopped = true;
      await task.destroy();
      await running;
    },
  };
}
