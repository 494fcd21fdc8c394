/** Buttons and select menus: paging, Sources, and the candidates of an ambiguous name. */
import { ButtonStyle, ComponentType } from 'discord.js';
import type { APIButtonComponentWithCustomId, APISelectMenuOption } from 'discord-api-types/v10';
import type { Candidate } from '../answers/index.js';
import { INERT_PREFIX } from './customIds.js';
import { DISCORD_LIMITS, truncate } from './limits.js';
import type { ActionRow } from './payload.js';

export function button(customId: string, label: string, options: { style?: ButtonStyle; disabled?: boolean; emoji?: string } = {}): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    style: (options.style ?? ButtonStyle.Secondary) as APIButtonComponentWithCustomId['style'],
    custom_id: customId,
    label: truncate(label, DISCORD_LIMITS.buttonLabel),
    ...(options.emoji ? { emoji: { name: options.emoji } } : {}),
    ...(options.disabled ? { disabled: true } : {}),
  };
}

/**
 * [◀ Previous] [2 / 4] [Next ▶]: `idFor(page)` builds the id that fetches a page.
 * At either end the button is disabled and gets an inert id (ids must be unique in a message).
 */
export function pagerButtons(page: number, pageCount: number, idFor: (page: number) => string): APIButtonComponentWithCustomId[] {
  return [
    page > 1 ? button(idFor(page - 1), 'Previous', { emoji: '◀' }) : button(`${INERT_PREFIX}prev`, 'Previous', { emoji: '◀', disabled: true }),
    button(`${INERT_PREFIX}page`, `${page} / ${pageCount}`, { disabled: true }),
    page < pageCount ? button(idFor(page + 1), 'Next', { emoji: '▶' }) : button(`${INERT_PREFIX}next`, 'Next', { emoji: '▶', disabled: true }),
  ];
}

export function row(components: ActionRow['components']): ActionRow {
  return { type: ComponentType.ActionRow, components };
}

/** A select menu of candidates (Discord takes 25 options, values up to 100 characters). */
export function candidateMenu(customId: string, candidates: readonly Candidate[]): ActionRow | undefined {
  const options: APISelectMenuOption[] = candidates
    .filter((candidate) => candidate.id.length <= DISCORD_LIMITS.choiceValue)
    .slice(0, DISCORD_LIMITS.selectOptions)
    .map((candidate) => ({
      label: truncate(candidate.label, DISCORD_LIMITS.selectOptionLabel),
      value: candidate.id,
      ...(candidate.description ? { description: truncate(candidate.description, DISCORD_LIMITS.selectOptionDescription) } : {}),
    }));
  if (options.length === 0) return undefined;
  return row([{ type: ComponentType.StringSelect, custom_id: customId, placeholder: 'Choose one…', options, min_values: 1, max_values: 1 }]);
}
