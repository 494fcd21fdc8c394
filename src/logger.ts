/**
 * Structured logs (pino): JSON lines, or pino-pretty when writing to a terminal.
 * Secrets (the bot token) are scrubbed from every line before it is written,
 * whatever field or message they end up in.
 */
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import pino, { type DestinationStream, type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';
import type { LogLevel } from './config.js';

export type { Logger } from 'pino';

export const REDACTED = '[redacted]';

export interface LoggerOptions {
  level: LogLevel;
  /** Strings that must never be written (e.g. the bot token). */
  secrets?: readonly (string | undefined)[];
  /** Where lines go; default stdout. Tests pass a capturing stream. */
  destination?: NodeJS.WritableStream;
  /** Human-readable output; default: when the destination is a terminal. */
  pretty?: boolean;
}

/** Replaces each secret wherever it appears in a chunk of text. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let scrubbed = text;
  for (const secret of secrets) scrubbed = scrubbed.split(secret).join(REDACTED);
  return scrubbed;
}

function scrubbingStream(target: NodeJS.WritableStream, secrets: readonly string[]): DestinationStream {
  if (secrets.length === 0) return target as DestinationStream;
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      target.write(scrubSecrets(chunk.toString(), secrets));
      callback();
    },
  }) as unknown as DestinationStream;
}

// pino-pretty (with colorette, dateformat, joycon, secure-json-parse…: ~20 ms and ~2 MB at start)
// is loaded only when a terminal reads the logs; piped or captured output is plain JSON.
// It is CommonJS, so a synchronous require keeps createLogger synchronous.
const requireCjs = createRequire(import.meta.url);
const loadPretty = () => requireCjs('pino-pretty') as typeof PinoPretty;

export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter((secret): secret is string => typeof secret === 'string' && secret.length >= 8);
  const target = options.destination ?? process.stdout;
  const usePretty = options.pretty ?? Boolean((target as NodeJS.WriteStream).isTTY);
  const formatted = usePretty ? loadPretty()({ destination: scrubbingStream(target, secrets), colorize: true, sync: true }) : scrubbingStream(target, secrets);
  return pino(
    {
      level: options.level,
      base: undefined,
      // Belt and braces: common places a token could be logged as a field.
      redact: { paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization'], censor: REDACTED },
    },
    formatted,
  );
}
