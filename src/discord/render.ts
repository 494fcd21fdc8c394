/**
 * Answer → Discord message: one embed (title, description, fields, a colour
 * per kind, a footer naming the sources) and the components that go with it
 * (timeline paging, Sources, a menu of candidates). Everything is cut to
 * Discord's limits here, so no answer is ever rejected by Discord.
 */
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { Answer, AnswerKind, AnswerPart, Citation, CiteRefs, UserInputError } from '../answers/index.js';
import type { AnswerRequest } from './command.js';
import { button, candidateMenu, pagerButtons, row } from './components.js';
import type { CustomIds } from './customIds.js';
import { DISCORD_LIMITS, truncate } from './limits.js';
import { escapeMarkdown, fitLines, inlineCode } from './markdown.js';
import type { ActionRow, MessagePayload } from './payload.js';

export const KIND_COLOURS: Readonly<Record<AnswerKind, number>> = {
  brief: 0x5865f2,
  help: 0x99aab5,
  who: 0x3ba55c,
  timeline: 0xfaa61a,
  onthisday: 0xeb459e,
  quote: 0x9b59b6,
  sources: 0x1abc9c,
  discrepancy: 0xe67e22,
  search: 0x3498db,
  not_found: 0x747f8d,
  ambiguous: 0xfee75c,
};

/** Fields shorter than this sit side by side. */
const INLINE_FIELD_MAX = 60;
/** Below this many characters of room, a cut-off piece is not worth showing. */
const MIN_USEFUL_ROOM = 40;
/** Discord refuses blank names and titles; a zero-width space is the customary stand-in. */
const BLANK_NAME = '\u200b';
const orBlank = (text: string) => (text.trim() ? text : BLANK_NAME);

export interface RenderOptions {
  customIds: CustomIds;
  /** What produced the answer, so its Sources button can recompute it; without it there is no Sources button. */
  request?: AnswerRequest;
}

/** Only the asker needs to see a miss or a clarifying question. */
export function isEphemeralAnswer(answer: Answer): boolean {
  return answer.kind === 'not_found' || answer.kind === 'ambiguous';
}

export function renderAnswer(answer: Answer, options: RenderOptions): MessagePayload {
  const components: ActionRow[] = [];
  const { customIds } = options;
  if (answer.kind === 'ambiguous' && answer.rerun && answer.candidates) {
    const { command, option, options: others } = answer.rerun;
    const menu = candidateMenu(customIds.encode({ kind: 'pick', option, request: { command, options: { ...others } } }), answer.candidates);
    if (menu) components.push(menu);
  }
  const paging = answer.paging && answer.paging.pageCount > 1 ? answer.paging : undefined;
  const request = answer.paging ? { command: 'timeline', options: { ...answer.paging.filters, page: String(answer.paging.page) } } : options.request;
  const buttons = paging ? pagerButtons(paging.page, paging.pageCount, (page) => customIds.encode({ kind: 'timeline-page', page, filters: paging.filters })) : [];
  if (request && answer.citations.length > 0) {
    buttons.push(button(customIds.encode({ kind: 'sources', page: 1, request }), 'Sources', { emoji: '📚' }));
  }
  if (buttons.length > 0) components.push(row(buttons));
  return { embeds: [answerEmbed(answer, { suggestions: !paging })], components, ephemeral: isEphemeralAnswer(answer) };
}

/** A problem with what the user typed: its message, and what they may have meant. */
export function renderUserError(error: UserInputError): MessagePayload {
  // Messages often name their suggestions already ("Did you mean: …?"): don't repeat them.
  const unsaid = error.suggestions.filter((suggestion) => !error.message.includes(suggestion)).slice(0, 10);
  const tries = unsaid.length > 0 ? `\nTry: ${unsaid.map(inlineCode).join(' · ')}` : '';
  return { content: truncate(`⚠️ ${escapeMarkdown(error.message)}${tries}`, DISCORD_LIMITS.content), ephemeral: true };
}

/** Anything unexpected: a short id to quote, the details are in the log under it. */
export function renderFailure(errorId: string): MessagePayload {
  return { content: `Sorry, something went wrong on my side (error \`${errorId}\`). Please try again in a moment.`, ephemeral: true };
}

/** "[1]" … "[64]": every statement of every answer carries marks, so the common ones are built once. */
const MARKS = Array.from({ length: 64 }, (_, index) => `[${index + 1}]`);
const mark = (index: number) => MARKS[index] ?? `[${index + 1}]`;

/** "[1][3]" after a statement; the footer says which article each number is. */
export function citeMarks(cites: CiteRefs): string {
  if (cites.length === 0) return '';
  let marks = ' ';
  for (const cite of cites) marks += mark(cite);
  return marks;
}

export function citationLabel(citation: Citation): string {
  return `${citation.outlet}, ${citation.date}${citation.dateInferred ? ' (date inferred)' : ''}`;
}

/** "Sources: [1][3] The Washington Times, Sept 23, 2015 · [2] …", one entry per article. */
export function sourcesFooter(citations: readonly Citation[]): string | undefined {
  if (citations.length === 0) return undefined;
  const byArticle = new Map<string, { label: string; marks: string }>();
  for (let index = 0; index < citations.length; index++) {
    const citation = citations[index] as Citation;
    const entry = byArticle.get(citation.articleId);
    if (entry) entry.marks += mark(index);
    else byArticle.set(citation.articleId, { label: citationLabel(citation), marks: mark(index) });
  }
  let text = 'Sources: ';
  let first = true;
  for (const entry of byArticle.values()) {
    text += `${first ? '' : ' · '}${entry.marks} ${entry.label}`;
    first = false;
  }
  return truncate(text, DISCORD_LIMITS.footerText);
}

interface Block {
  heading?: string;
  lines: string[];
}

/** Body parts as lines of markdown; facts without a heading become fields of their own. */
function partToBlocks(part: AnswerPart): (Block | APIEmbedField)[] {
  switch (part.type) {
    case 'line':
      return [{ lines: [escapeMarkdown(part.text) + citeMarks(part.cites)] }];
    case 'list':
      return [
        {
          heading: part.heading,
          lines: part.items.map((item) => `• ${item.label ? `**${escapeMarkdown(item.label)}** — ` : ''}${escapeMarkdown(item.text)}${citeMarks(item.cites)}`),
        },
      ];
    case 'facts':
      if (part.heading) {
        return [{ heading: part.heading, lines: part.facts.map((fact) => `**${escapeMarkdown(fact.label)}:** ${escapeMarkdown(fact.value)}${citeMarks(fact.cites)}`) }];
      }
      return part.facts.map((fact) => {
        const marks = truncate(citeMarks(fact.cites), 100);
        const text = escapeMarkdown(fact.value);
        const value = truncate(text.trim() ? text : '—', DISCORD_LIMITS.fieldValue - marks.length) + marks;
        return { name: orBlank(truncate(escapeMarkdown(fact.label), DISCORD_LIMITS.fieldName)), value, inline: value.length <= INLINE_FIELD_MAX };
      });
  }
}

const isField = (item: Block | APIEmbedField): item is APIEmbedField => 'value' in item;

/**
 * The embed, within every limit: the description takes the leading lines, each
 * headed part becomes fields (split at line boundaries past 1,024 characters),
 * and when the 6,000-character total runs out the last piece is cut with "…".
 */
export function answerEmbed(answer: Answer, options: { suggestions?: boolean } = {}): APIEmbed {
  const title = orBlank(truncate(escapeMarkdown(answer.title), DISCORD_LIMITS.embedTitle));
  const footer = sourcesFooter(answer.citations);
  let room = DISCORD_LIMITS.embedsTotal - title.length - (footer?.length ?? 0);
  const embed: APIEmbed = { title, color: KIND_COLOURS[answer.kind] };
  const fields: APIEmbedField[] = [];
  const items = answer.body.flatMap(partToBlocks);

  // The description: every headless block before the first field or heading, a blank line between blocks.
  const lead: string[] = [];
  let next = 0;
  for (; next < items.length; next++) {
    const item = items[next] as Block | APIEmbedField;
    if (isField(item) || item.heading) break;
    if (next > 0) lead.push('');
    lead.push(...item.lines);
  }
  let complete = true;
  if (next > 0) {
    const fitted = fitLines(lead, Math.min(DISCORD_LIMITS.embedDescription, room));
    if (fitted.text.trim()) embed.description = fitted.text;
    room -= fitted.text.length;
    complete = fitted.complete;
  }

  for (; complete && next < items.length; next++) {
    const item = items[next] as Block | APIEmbedField;
    const chunks: APIEmbedField[] = isField(item) ? [item] : blockFields(item);
    for (const field of chunks) {
      const fieldRoom = Math.min(room - field.name.length, DISCORD_LIMITS.fieldValue);
      if (fields.length >= DISCORD_LIMITS.embedFields || fieldRoom < Math.min(field.value.length, MIN_USEFUL_ROOM)) {
        complete = false;
        break;
      }
      const value = field.value.length <= fieldRoom ? field.value : fitLines(field.value.split('\n'), fieldRoom).text;
      if (!value.trim()) continue;
      // The field objects are this render's own: cut in place rather than copied.
      if (value !== field.value) {
        field.value = value;
        complete = false;
      }
      fields.push(field);
      room -= field.name.length + value.length;
    }
  }

  const suggestions = options.suggestions === false ? [] : answer.suggestions;
  if (suggestions.length > 0 && fields.length < DISCORD_LIMITS.embedFields) {
    const value = truncate(suggestions.map(inlineCode).join(' · '), Math.min(DISCORD_LIMITS.fieldValue, room - 3));
    if (value.length >= 3) fields.push({ name: 'Try', value });
  }
  if (fields.length > 0) embed.fields = fields;
  if (footer) embed.footer = { text: footer };
  return embed;
}

/** A headed block as fields of at most 1,024 characters, split between lines. */
function blockFields(block: Block): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  let current: string[] = [];
  let length = 0;
  const flush = () => {
    if (current.length === 0) return;
    const name = fields.length === 0 && block.heading ? orBlank(truncate(escapeMarkdown(block.heading), DISCORD_LIMITS.fieldName)) : BLANK_NAME;
    fields.push({ name, value: current.join('\n') });
    current = [];
    length = 0;
  };
  for (const line of block.lines) {
    if (!line.trim()) continue;
    const fitted = truncate(line, DISCORD_LIMITS.fieldValue);
    if (length + fitted.length + (current.length > 0 ? 1 : 0) > DISCORD_LIMITS.fieldValue) flush();
    length += fitted.length + (current.length > 0 ? 1 : 0);
    current.push(fitted);
  }
  flush();
  return fields;
}
