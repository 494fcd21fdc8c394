/** The subscription store, offered to the subscription commands through BotServices. */
import type { Database } from '../../store/database.js';

declare module '../command.js' {
  interface BotServices {
    /** The open subscriptions database; without it the subscription commands say they are unavailable. */
    subscriptions?: Database;
  }
}

export {};
