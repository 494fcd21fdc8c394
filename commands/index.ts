/**
 * Every slash command the bot offers. `commandDefinitions` is what
 * deploy-commands registers; `commands` is what the dispatcher serves.
 * A new command: a module exporting `definition` and `command`, listed here.
 */
import type { BotCommand, CommandDefinition } from '../src/discord/command.js';
import * as ask from './ask.js';
import * as brief from './brief.js';
import * as help from './help.js';
import * as onthisday from './onthisday.js';
import * as quote from './quote.js';
import * as sources from './sources.js';
import * as subscribe from './subscribe.js';
import * as subscriptionPreview from './subscription-preview.js';
import * as subscriptions from './subscriptions.js';
import * as timeline from './timeline.js';
import * as unsubscribe from './unsubscribe.js';
import * as who from './who.js';

export const commands: readonly BotCommand[] = [
  brief,
  help,
  who,
  timeline,
  onthisday,
  quote,
  sources,
  ask,
  subscribe,
  unsubscribe,
  subscriptions,
  subscriptionPreview,
].map((module) => module.command);

export const commandDefinitions: readonly CommandDefinition[] = commands.map((command) => command.definition);
