/**
 * Component custom ids carry everything needed to answer a click, so buttons
 * keep working after a restart and on any instance of the bot:
 *
 *   tl:<page>:<actor>:<topic>:<from>:<to>       a timeline page (filters as resolved ids)
 *   src:<page>:<command>:<option values…>        page <page> of an answer's evidence
 *   pick:<command>:<option>:<option values…>    an ambiguous name; the chosen value fills <option>
 *
 * Values sit in the command's option order, ":" and "%" percent-escaped, empty
 * trailing ones dropped. The rare id that would pass Discord's 100 characters
 * (a long question) is kept in memory under a short hash instead; such a
 * button answers "expired" after a restart rather than failing.
 */
import { createHash } from 'node:crypto';
import type { TimelineFilters } from '../answers/index.js';
import { PAGE_MAX } from '../answers/index.js';
import type { AnswerRequest } from './command.js';
import { DISCORD_LIMITS } from './limits.js';

export type ComponentAction =
  | { kind: 'timeline-page'; page: number; filters: TimelineFilters }
  | { kind: 'sources'; page: number; request: AnswerRequest }
  | { kind: 'pick'; option: string; request: AnswerRequest };

export type DecodedCustomId = ComponentAction | { kind: 'expired' } | { kind: 'unknown' };

/** Disabled buttons (page indicator, Previous on page 1) still need unique ids; clicks on them are ignored. */
export const INERT_PREFIX = 'x:';

const TIMELINE_FIELDS = ['actor', 'topic', 'from', 'to'] as const;
const OVERFLOW_MARK = '#';

const escapeField = (value: string) => value.replace(/[%:]/g, (char) => (char === '%' ? '%25' : '%3A'));
const unescapeField = (value: string) => value.replace(/%(25|3A)/g, (_match, code: string) => (code === '25' ? '%' : ':'));

function joinFields(head: string, values: readonly (string | undefined)[]): string {
  let end = values.length;
  while (end > 0 && !values[end - 1]) end--; // empty trailing values are dropped
  let joined = head;
  for (let index = 0; index < end; index++) joined += `:${escapeField(values[index] ?? '')}`;
  return joined;
}

function parsePage(text: string | undefined): number | undefined {
  if (!text || !/^\d{1,5}$/.test(text)) return undefined;
  const page = Number(text);
  return page >= 1 && page <= PAGE_MAX ? page : undefined;
}

/** Where a stored id's "#" mark is ("src#key"), or -1: the mark comes before any ":" (a "#" inside a value always follows one). */
function overflowMarkAt(customId: string): number {
  const mark = customId.indexOf(OVERFLOW_MARK);
  const colon = customId.indexOf(':');
  return mark > 0 && (colon === -1 || mark < colon) ? mark : -1;
}

/** Remembers ids too long for Discord, most recent first out last; bounded so memory stays flat. */
class OverflowStore {
  private readonly entries = new Map<string, string>();

  constructor(private readonly capacity: number) {}

  keep(full: string): string {
    const key = createHash('sha256').update(full).digest('base64url').slice(0, 16);
    this.entries.delete(key);
    this.entries.set(key, full);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return key;
  }

  get(key: string): string | undefined {
    return this.entries.get(key);
  }
}

export class CustomIds {
  private readonly overflow: OverflowStore;

  /** `optionsOf(command)`: the command's option names in order (from its definition), undefined for an unknown command. */
  constructor(
    private readonly optionsOf: (command: string) => readonly string[] | undefined,
    overflowCapacity = 10_000,
  ) {
    this.overflow = new OverflowStore(overflowCapacity);
  }

  encode(action: ComponentAction): string {
    const full = this.encodeFull(action);
    if (full.length <= DISCORD_LIMITS.customId) return full;
    const prefix = full.slice(0, full.indexOf(':'));
    return `${prefix}${OVERFLOW_MARK}${this.overflow.keep(full)}`;
  }

  decode(customId: string): DecodedCustomId {
    const mark = overflowMarkAt(customId);
    if (mark > 0) {
      const full = this.overflow.get(customId.slice(mark + 1));
      return full === undefined ? { kind: 'expired' } : this.decodeFull(full);
    }
    return this.decodeFull(customId);
  }

  /** Whether the id only points into the in-memory store (which may forget it) rather than carrying its request. */
  isStored(customId: string): boolean {
    return overflowMarkAt(customId) > 0;
  }

  private encodeFull(action: ComponentAction): string {
    switch (action.kind) {
      case 'timeline-page':
        return joinFields(`tl:${action.page}`, TIMELINE_FIELDS.map((field) => action.filters[field]));
      case 'sources':
        return joinFields(`src:${action.page}:${action.request.command}`, this.valuesOf(action.request));
      case 'pick':
        return joinFields(`pick:${action.request.command}:${action.option}`, this.valuesOf(action.request));
    }
  }

  /** The request's values in the command's option order, then `page` (timeline Sources) last. */
  private valuesOf(request: AnswerRequest): (string | undefined)[] {
    const names = this.optionsOf(request.command) ?? [];
    return [...names, 'page'].map((name) => request.options[name]);
  }

  private requestFrom(command: string | undefined, values: readonly string[]): AnswerRequest | undefined {
    const names = command === undefined ? undefined : this.optionsOf(command);
    if (command === undefined || names === undefined || values.length > names.length + 1) return undefined;
    const options: Record<string, string> = {};
    [...names, 'page'].forEach((name, index) => {
      const value = values[index];
      if (value) options[name] = unescapeField(value);
    });
    return { command, options };
  }

  private decodeFull(customId: string): DecodedCustomId {
    const [prefix, ...fields] = customId.split(':');
    const unknown = { kind: 'unknown' } as const;
    switch (prefix) {
      case 'tl': {
        const [pageText, ...values] = fields;
        const page = parsePage(pageText);
        if (page === undefined || values.length > TIMELINE_FIELDS.length) return unknown;
        const filters: TimelineFilters = {};
        TIMELINE_FIELDS.forEach((field, index) => {
          const value = values[index];
          if (value) filters[field] = unescapeField(value);
        });
        return { kind: 'timeline-page', page, filters };
      }
      case 'src': {
        const [pageText, command, ...values] = fields;
        const page = parsePage(pageText);
        const request = this.requestFrom(command, values);
        return page !== undefined && request ? { kind: 'sources', page, request } : unknown;
      }
      case 'pick': {
        const [command, option, ...values] = fields;
        const request = this.requestFrom(command, values);
        return request && option && this.optionsOf(request.command)?.includes(option) ? { kind: 'pick', option, request } : unknown;
      }
      default:
        return unknown;
    }
  }
}
