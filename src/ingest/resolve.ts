/**
 * Matching a name found in a new article to an entity the briefing already
 * knows, through the aliases the curators recorded ("Mr. Xi" → xi-jinping).
 */
import { normalizeName, type Briefing } from '../summary/load.js';
import type { Entity } from '../summary/schema.js';

/** What the extractor uses of the briefing: aliases and entities to match names, events to link dated mentions. */
export type Known = Pick<Briefing, 'aliasIndex' | 'entities'> & Partial<Pick<Briefing, 'events'>>;

export type Resolution = { id: string; entity: Entity } | { ambiguous: string[] } | undefined;

/** Tries each form in turn; the first form that names entities of the wanted kind decides. */
export function resolve(known: Known | undefined, forms: readonly string[], kind?: Entity['kind']): Resolution {
  if (!known) return undefined;
  for (const form of forms) {
    const key = normalizeName(form);
    if (!key) continue;
    const ids = (known.aliasIndex.get(key) ?? []).filter((id) => !kind || known.entities.get(id)?.kind === kind);
    if (ids.length === 1) {
      const id = ids[0] as string;
      const entity = known.entities.get(id);
      if (entity) return { id, entity };
    }
    if (ids.length > 1) return { ambiguous: ids };
  }
  return undefined;
}

export function resolvedId(resolution: Resolution): string | undefined {
  return resolution && 'id' in resolution ? resolution.id : undefined;
}
