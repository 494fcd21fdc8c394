/** The message shape the renderers produce and the dispatcher sends. */
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord-api-types/v10';

/** On every message, reply, follow-up and edit: nothing the bot sends ever pings anyone. */
export const NO_MENTIONS = Object.freeze({ parse: [] as [] });

export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

export interface MessagePayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: ActionRow[];
  /** Only the person who asked sees it (errors, not-found, clarifications, evidence). */
  ephemeral: boolean;
}
