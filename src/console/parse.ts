/**
 * Reads one console line: "/who Meng Jianzhu", "/timeline actor:Obama page:2",
 * "/onthisday 09-25", "/quote speaker:Obama about:sanctions", or a plain question.
 * Option values run to the next "name:" of a known option, so names may hold spaces.
 */
import type { EngineRequest } from '../answers/index.js';

export type ConsoleCommand = EngineRequest | { command: 'quit' } | { command: 'empty' } | { command: 'invalid'; message: string };

/** Each command's options; the first is what a bare value fills ("/onthisday 09-25" → date). */
const OPTIONS = {
  who: ['name'],
  timeline: ['actor', 'topic', 'from', 'to', 'page'],
  onthisday: ['date'],
  quote: ['speaker', 'about'],
  ask: ['question'],
  brief: [],
  help: [],
  sources: [],
} as const satisfies Record<string, readonly string[]>;

type CommandName = keyof typeof OPTIONS;

function readOptions(command: CommandName, rest: string): Record<string, string> | string {
  const names: readonly string[] = OPTIONS[command];
  if (!rest) return {};
  if (names.length === 0) return `/${command} takes no options.`;
  const marker = /(?:^|\s)([a-z]+):/gi;
  const found: { name: string; start: number; valueStart: number }[] = [];
  for (let match = marker.exec(rest); match; match = marker.exec(rest)) {
    const name = (match[1] ?? '').toLowerCase();
    // "actor:Obama" is an option; "Why: because" inside a value is not, unless it names one.
    if (!names.includes(name)) {
      if (found.length === 0 && match.index === 0) return `/${command} has no option "${name}". Its options: ${names.join(', ')}.`;
      continue;
    }
    found.push({ name, start: match.index, valueStart: match.index + match[0].length });
  }
  const values: Record<string, string> = {};
  const leading = (found[0]?.start ?? rest.length) > 0 ? rest.slice(0, found[0]?.start ?? rest.length).trim() : '';
  if (leading) values[names[0] ?? ''] = leading;
  found.forEach((option, index) => {
    const end = found[index + 1]?.start ?? rest.length;
    if (values[option.name] !== undefined) return;
    values[option.name] = rest.slice(option.valueStart, end).trim();
  });
  return values;
}

export function parseConsoleLine(line: string): ConsoleCommand {
  const text = line.trim();
  if (!text) return { command: 'empty' };
  if (/^\/?(?:quit|exit|bye)$/i.test(text)) return { command: 'quit' };
  if (!text.startsWith('/')) return { command: 'ask', question: text };

  const match = /^\/(\S+)\s*(.*)$/s.exec(text);
  const name = (match?.[1] ?? '').toLowerCase();
  const rest = match?.[2]?.trim() ?? '';
  if (!(name in OPTIONS)) {
    return { command: 'invalid', message: `There is no /${name} command. Try /help for the list.` };
  }
  const command = name as CommandName;
  const values = readOptions(command, rest);
  if (typeof values === 'string') return { command: 'invalid', message: values };
  switch (command) {
    case 'brief':
    case 'help':
    case 'sources':
      return { command };
    case 'who':
      return { command, name: values.name ?? '' };
    case 'ask':
      return { command, question: values.question ?? '' };
    case 'timeline':
      return { command, options: values };
    case 'onthisday':
      return { command, options: values };
    case 'quote':
      return { command, options: values };
  }
}
