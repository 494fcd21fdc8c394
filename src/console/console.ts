/**
 * The local console: what `npm start` runs without a DISCORD_TOKEN. The same
 * answers as on Discord, as readable text (colours only on a terminal). Works
 * with piped input; ends at end of input, on /quit, or on Ctrl-C.
 */
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { answerRequest, answerToText, UserInputError, type Answer, type AnswerEngine } from '../answers/index.js';
import { parseConsoleLine } from './parse.js';

export interface ConsoleOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** The engine, or a getter for the current one (e.g. `() => live.current` with hot reload). */
  engine: AnswerEngine | (() => AnswerEngine);
  /** ANSI colours; default: whether `output` is a terminal. */
  color?: boolean;
  /** Zone for "today" in /onthisday; default the machine's. */
  timeZone?: string;
  /** Where unexpected errors are reported (with their id); default stderr. */
  onError?: (error: unknown, errorId: string) => void;
}

const isTerminal = (stream: NodeJS.ReadableStream | NodeJS.WritableStream) => (stream as { isTTY?: boolean }).isTTY === true;

export function banner(color: boolean): string {
  const bold = (text: string) => (color ? `\u001b[1m${text}\u001b[0m` : text);
  return [
    bold('Briefing Bot — running locally (no DISCORD_TOKEN set)'),
    'To connect it to Discord: put DISCORD_TOKEN and DISCORD_APPLICATION_ID in .env,',
    'run `npm run deploy-commands` once, then `npm start` again.',
    '',
    'Type /help, /brief, /who Meng Jianzhu, /timeline actor:Obama, /onthisday 09-25,',
    '/quote speaker:Obama about:sanctions, /sources, or just ask a question. /quit or Ctrl-C to leave.',
    '',
  ].join('\n');
}

function answerLine(engine: AnswerEngine, line: string, timeZone: string): Answer | string | undefined | 'quit' {
  const parsed = parseConsoleLine(line);
  switch (parsed.command) {
    case 'empty':
      return undefined;
    case 'quit':
      return 'quit';
    case 'invalid':
      return parsed.message;
    case 'onthisday':
      return answerRequest(engine, { command: 'onthisday', options: { ...parsed.options, timeZone } });
    default:
      return answerRequest(engine, parsed);
  }
}

export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { input, output } = options;
  const color = options.color ?? isTerminal(output);
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const currentEngine = typeof options.engine === 'function' ? options.engine : () => options.engine as AnswerEngine;
  const onError = options.onError ?? ((error, id) => process.stderr.write(`[console error ${id}] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`));
  const interactive = isTerminal(input);
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);

  const lines = createInterface({ input, output, terminal: interactive && isTerminal(output), crlfDelay: Infinity });
  lines.setPrompt(paint('36', '> '));
  output.write(`${banner(color)}\n`);
  let stopped = false;
  const closed = new Promise<void>((resolve) => lines.once('close', resolve));
  const stop = () => {
    stopped = true;
    lines.close();
  };
  lines.on('SIGINT', stop);
  process.once('SIGINT', stop);
  if (interactive) lines.prompt();

  lines.on('line', (line) => {
    // Lines already read in the same chunk as /quit are dropped, not answered.
    if (stopped) return;
    let result: ReturnType<typeof answerLine>;
    try {
      result = answerLine(currentEngine(), line, timeZone);
    } catch (error) {
      if (error instanceof UserInputError) {
        result = error.message;
      } else {
        const id = randomBytes(4).toString('hex');
        onError(error, id);
        result = `Sorry, something went wrong answering that (error ${id}).`;
      }
    }
    if (result === 'quit') return stop();
    if (typeof result === 'string') output.write(`${paint('33', result)}\n\n`);
    else if (result) output.write(`${answerToText(result, { color })}\n\n`);
    if (interactive) lines.prompt();
  });

  await closed;
  process.off('SIGINT', stop);
  if (interactive) output.write('\nBye.\n');
}
