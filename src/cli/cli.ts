/**
 * `npm run --silent cli -- <command> [options] [--json]`: the answer engine
 * from the command line, a stable contract for scripts and tests.
 *
 *   ask "<question>"      one answer; with no question, one question per stdin line (JSON Lines with --json)
 *   brief | help | sources
 *   who <name>
 *   timeline [--actor X] [--topic Y] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--page N]
 *   onthisday [--date MM-DD|YYYY-MM-DD]
 *   quote [--speaker X] [--about Y]
 *
 * --json prints {"kind","title","text","citations":[{"file","outlet","date","evidence"}],"suggestions"}
 * (citation dates are YYYY-MM-DD, the article's publication date). Reading stdin, every line gets
 * exactly one output line; a line that is no valid question (blank, too long) gets
 * {"kind":"error",…} with the reason, also written to stderr.
 * Bad arguments: a message on stderr, exit 2, nothing on stdout. Invalid data: the problems on stderr, exit 1.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import {
  answerRequest,
  answerToText,
  createAnswerEngine,
  UserInputError,
  type Answer,
  type AnswerEngine,
  type EngineCommand,
  type EngineRequest,
} from '../answers/index.js';
import { loadBriefing } from '../summary/load.js';
import { formatProblem, SummaryLoadError } from '../summary/problems.js';

const USAGE = `usage: cli <command> [options] [--json] [--data-dir DIR]
commands:
  ask "<question>"        (no question: one per line on stdin)
  brief | help | sources
  who <name>
  timeline [--actor X] [--topic Y] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--page N]
  onthisday [--date MM-DD|YYYY-MM-DD]
  quote [--speaker X] [--about Y]`;

/** Which options each command accepts, and how many positional words it takes. */
const COMMANDS: Record<EngineCommand, { options: readonly string[]; positionals: 'none' | 'one' | 'optional' }> = {
  ask: { options: [], positionals: 'optional' },
  brief: { options: [], positionals: 'none' },
  help: { options: [], positionals: 'none' },
  sources: { options: [], positionals: 'none' },
  who: { options: [], positionals: 'one' },
  timeline: { options: ['actor', 'topic', 'from', 'to', 'page'], positionals: 'none' },
  onthisday: { options: ['date'], positionals: 'none' },
  quote: { options: ['speaker', 'about'], positionals: 'none' },
};

class UsageError extends Error {}

export interface CliJson {
  kind: string;
  title: string;
  text: string;
  citations: { file: string; outlet: string; date: string; evidence: string }[];
  suggestions: string[];
}

export function answerToJson(answer: Answer): CliJson {
  return {
    kind: answer.kind,
    title: answer.title,
    text: answerToText(answer),
    citations: answer.citations.map((citation) => ({
      file: citation.file,
      outlet: citation.outlet,
      date: citation.isoDate,
      evidence: citation.evidence,
    })),
    suggestions: answer.suggestions,
  };
}

const isCommand = (name: string): name is EngineCommand => Object.hasOwn(COMMANDS, name);

interface Invocation {
  command: EngineCommand;
  json: boolean;
  dataDir: string | undefined;
  words: string[];
  options: Record<string, string | undefined>;
}

function parseInvocation(argv: string[]): Invocation {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        'data-dir': { type: 'string' },
        actor: { type: 'string' },
        topic: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        page: { type: 'string' },
        date: { type: 'string' },
        speaker: { type: 'string' },
        about: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [command, ...words] = parsed.positionals;
  if (!command) throw new UsageError('no command given');
  if (!isCommand(command)) throw new UsageError(`unknown command "${command}"`);
  const spec = COMMANDS[command];
  const { json, 'data-dir': dataDir, ...options } = parsed.values;
  for (const [name, value] of Object.entries(options)) {
    if (value !== undefined && !spec.options.includes(name)) throw new UsageError(`${command} has no --${name} option`);
  }
  if (spec.positionals === 'none' && words.length > 0) throw new UsageError(`${command} takes no arguments (got "${words.join(' ')}")`);
  if (spec.positionals === 'one' && words.length === 0) throw new UsageError(`${command} needs a name, e.g. ${command} "Meng Jianzhu"`);
  return { command, json: json ?? false, dataDir, words, options: options as Record<string, string | undefined> };
}

/** The invocation as an engine request (the command was checked against COMMANDS already). */
function requestFor({ command, words, options }: Invocation): EngineRequest {
  const text = words.join(' ');
  switch (command) {
    case 'ask':
      return { command: 'ask', question: text };
    case 'who':
      return { command: 'who', name: text };
    case 'brief':
    case 'help':
    case 'sources':
      return { command };
    case 'timeline':
      return { command: 'timeline', options: { actor: options.actor, topic: options.topic, from: options.from, to: options.to, page: options.page } };
    case 'onthisday':
      return { command: 'onthisday', options: { date: options.date } };
    case 'quote':
      return { command: 'quote', options: { speaker: options.speaker, about: options.about } };
  }
}

function write(invocation: Invocation, answer: Answer): void {
  process.stdout.write(invocation.json ? `${JSON.stringify(answerToJson(answer))}\n` : `${answerToText(answer)}\n`);
}

/** Questions from stdin, one per line, answered in order. A line that is not a valid question gets an `error` object. */
async function answerStdin(engine: AnswerEngine, invocation: Invocation): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    try {
      const answer = engine.ask(line);
      if (!invocation.json && !first) process.stdout.write('\n');
      write(invocation, answer);
    } catch (error) {
      if (!(error instanceof UserInputError)) throw error;
      process.stderr.write(`${error.message}\n`);
      if (invocation.json) {
        const failure: CliJson = { kind: 'error', title: 'Invalid question', text: error.message, citations: [], suggestions: [...error.suggestions] };
        process.stdout.write(`${JSON.stringify(failure)}\n`);
      }
    }
    first = false;
  }
}

async function main(argv: string[]): Promise<number> {
  let invocation: Invocation;
  try {
    invocation = parseInvocation(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`cli: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  let engine: AnswerEngine;
  try {
    engine = createAnswerEngine(loadBriefing(invocation.dataDir ? { dataDir: invocation.dataDir } : {}));
  } catch (error) {
    if (!(error instanceof SummaryLoadError)) throw error;
    for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    return 1;
  }
  if (invocation.command === 'ask' && invocation.words.length === 0) {
    await answerStdin(engine, invocation);
    return 0;
  }
  let answer: Answer;
  try {
    answer = answerRequest(engine, requestFor(invocation));
  } catch (error) {
    if (!(error instanceof UserInputError || error instanceof UsageError)) throw error;
    process.stderr.write(`cli: ${error.message}\n`);
    return 2;
  }
  write(invocation, answer);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
