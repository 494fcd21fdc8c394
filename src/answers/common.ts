/** Input checks and answer pieces several commands share. */
import type { Entity } from '../summary/schema.js';
import { shorten } from './dates.js';
import { UserInputError } from './errors.js';
import type { Resolution } from './names.js';
import type { Answer, AnswerPart, Rerun } from './types.js';

/** Control characters (newlines, tabs, escapes) make no sense in a one-line option: they become spaces. */
const CONTROL = /\p{Cc}/gu;

/** Trims and checks an optional text option; empty means "not given". */
export function optionalText(value: string | undefined, option: string, max: number): string | undefined {
  if (value === undefined) return undefined;
  const text = value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (text.length === 0) return undefined;
  if (text.length > max) {
    throw new UserInputError(`The ${option} is too long (${text.length} characters): please keep it under ${max}.`);
  }
  return text;
}

/** Like `optionalText`, but the option must be given. */
export function requireText(value: string | undefined, option: string, max: number): string {
  const text = optionalText(value, option, max);
  if (text === undefined) throw new UserInputError(`Please give a ${option}.`);
  return text;
}

/** The line an entity shows in lists: "Susan Rice — national security adviser". */
export function entityLabel(entity: Entity): string {
  const role = entity.roles[0]?.title;
  return role ? `${entity.name} — ${role}` : entity.name;
}

export function notFound(title: string, lines: string[], suggestions: string[] = []): Answer {
  return {
    kind: 'not_found',
    title,
    body: lines.map((text): AnswerPart => ({ type: 'line', text, cites: [] })),
    citations: [],
    suggestions,
  };
}

/** Picking a candidate reruns `/who` with it: for names typed to `/who` or asked about in a question (shared, so frozen). */
export const RERUN_AS_WHO: Rerun = Object.freeze({ command: 'who', option: 'name', options: Object.freeze({}) });

/** The answer when a name did not resolve to one entity: a choice, or "not in the sources". */
export function unresolvedName(input: string, resolution: Exclude<Resolution, { status: 'found' }>, rerun: Rerun): Answer {
  const shown = shorten(input);
  if (resolution.status === 'ambiguous') {
    const candidates = resolution.candidates.map((entity) => ({
      id: entity.id,
      label: entity.name,
      description: entity.roles[0]?.title ?? entity.description.slice(0, 90),
    }));
    return {
      kind: 'ambiguous',
      title: `Which “${shown}” do you mean?`,
      body: [
        { type: 'line', text: `Several people or organisations in the sources match “${shown}”:`, cites: [] },
        { type: 'list', items: resolution.candidates.map((entity) => ({ text: entityLabel(entity), cites: [] })) },
      ],
      citations: [],
      suggestions: resolution.candidates.map((entity) => rerunSuggestion(rerun, entity.name)),
      candidates,
      rerun,
    };
  }
  const guesses = resolution.suggestions;
  return notFound(
    `“${shown}” is not in the sources`,
    [
      `No one called “${shown}” appears in the articles this bot covers.`,
      ...(guesses.length > 0 ? [`Did you mean ${guesses.map((entity) => entity.name).join(', or ')}?`] : []),
    ],
    guesses.map((entity) => rerunSuggestion(rerun, entity.name)),
  );
}

/** A command line the user can type to re-run with another value, e.g. "/timeline actor:Susan Rice". */
export function rerunSuggestion(rerun: Rerun, value: string): string {
  const others = Object.entries(rerun.options).map(([key, option]) => ` ${key}:${option}`).join('');
  return rerun.command === 'who' ? `/who ${value}` : `/${rerun.command} ${rerun.option}:${value}${others}`;
}

/** Upper-cases the first letter: subjects and titles read as headings. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A quotation as shown: curly quotes, the trailing comma of "…,” he said" dropped. */
export function quoted(text: string): string {
  return `“${text.trim().replace(/,$/, '')}”`;
}
