/**
 * The Sources view: for each [n] of an answer, the article and the verbatim
 * snippet that supports it. Shown ephemerally; paged when the snippets pass
 * one message's limits (pages are cut the same way every time, so a page
 * number in a button means the same snippets on any instance).
 */
import type { APIEmbedField } from 'discord-api-types/v10';
import type { Answer, Citation } from '../answers/index.js';
import type { AnswerRequest } from './command.js';
import { pagerButtons, row } from './components.js';
import type { CustomIds } from './customIds.js';
import { DISCORD_LIMITS, truncate } from './limits.js';
import { escapeMarkdown } from './markdown.js';
import type { MessagePayload } from './payload.js';
import { citationLabel, KIND_COLOURS } from './render.js';

/** A snippet longer than this is cut: the article file is named for the rest. */
const EVIDENCE_MAX = 700;
const DESCRIPTION = 'Each [n] in the answer, with the words the article printed.';

function evidenceField(citation: Citation, index: number): APIEmbedField {
  const name = truncate(`[${index + 1}] ${citationLabel(citation)}`, DISCORD_LIMITS.fieldName);
  const value = `> ${escapeMarkdown(truncate(citation.evidence.replace(/\s+/g, ' '), EVIDENCE_MAX))}\n${escapeMarkdown(citation.title)} · \`${citation.file}\``;
  return { name, value: truncate(value, DISCORD_LIMITS.fieldValue) };
}

/** Splits fields into pages that each fit one embed next to the fixed parts. */
function paginate(fields: readonly APIEmbedField[], fixedLength: number): APIEmbedField[][] {
  const pages: APIEmbedField[][] = [];
  let page: APIEmbedField[] = [];
  let length = fixedLength;
  for (const field of fields) {
    const size = field.name.length + field.value.length;
    if (page.length > 0 && (page.length >= DISCORD_LIMITS.embedFields || length + size > DISCORD_LIMITS.embedsTotal)) {
      pages.push(page);
      page = [];
      length = fixedLength;
    }
    page.push(field);
    length += size;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

export function renderEvidence(answer: Answer, page: number, request: AnswerRequest, customIds: CustomIds): MessagePayload {
  const title = truncate(`Sources: ${escapeMarkdown(answer.title)}`, DISCORD_LIMITS.embedTitle);
  // Room for the footer ("Page 12 of 34") counted generously.
  const fixed = title.length + DESCRIPTION.length + 40;
  const pages = paginate(answer.citations.map(evidenceField), fixed);
  if (pages.length === 0) {
    return { content: 'This answer cites no article.', ephemeral: true };
  }
  const shown = Math.min(Math.max(page, 1), pages.length);
  const embed = {
    title,
    description: DESCRIPTION,
    color: KIND_COLOURS.sources,
    fields: pages[shown - 1],
    ...(pages.length > 1 ? { footer: { text: `Page ${shown} of ${pages.length}` } } : {}),
  };
  const components =
    pages.length > 1 ? [row(pagerButtons(shown, pages.length, (target) => customIds.encode({ kind: 'sources', page: target, request })))] : [];
  return { embeds: [embed], components, ephemeral: true };
}
