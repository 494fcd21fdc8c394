/** Autocomplete choices from the engine's candidates, within Discord's limits (25 choices, 100 characters). */
import type { Candidate } from '../answers/index.js';
import type { AutocompleteChoice } from './command.js';
import { DISCORD_LIMITS, truncate } from './limits.js';

export function candidateChoices(candidates: readonly Candidate[]): AutocompleteChoice[] {
  const choices: AutocompleteChoice[] = [];
  for (const candidate of candidates) {
    if (choices.length >= DISCORD_LIMITS.autocompleteChoices) break;
    if (candidate.id.length === 0 || candidate.id.length > DISCORD_LIMITS.choiceValue) continue;
    const label = candidate.description ? `${candidate.label} — ${candidate.description}` : candidate.label;
    choices.push({ name: truncate(label, DISCORD_LIMITS.choiceName) || candidate.id, value: candidate.id });
  }
  return choices;
}
