// Discord's JSON error answers: { message, code } (+ nested `errors` for 50035).
import { nestFormErrors } from './validate.js';
import type { FormError } from './validate.js';

export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: Record<string, unknown>,
  ) {
    super(message);
  }

  get body(): Record<string, unknown> {
    return { message: this.message, code: this.code, ...(this.errors ? { errors: this.errors } : {}) };
  }
}

export const unknownChannel = (): RestError => new RestError(404, 10003, 'Unknown Channel');
export const unknownMessage = (): RestError => new RestError(404, 10008, 'Unknown Message');
export const unknownWebhook = (): RestError => new RestError(404, 10015, 'Unknown Webhook');
export const unknownInteraction = (): RestError => new RestError(404, 10062, 'Unknown interaction');
export const alreadyAcknowledged = (): RestError => new RestError(400, 40060, 'Interaction has already been acknowledged.');
export const missingAccess = (): RestError => new RestError(403, 50001, 'Missing Access');
export const missingPermissions = (): RestError => new RestError(403, 50013, 'Missing Permissions');
export const emptyMessage = (): RestError => new RestError(400, 50006, 'Cannot send an empty message');

/** Throws Discord's 400 Invalid Form Body when there are errors. */
export function assertValidForm(errors: FormError[]): void {
  if (errors.length > 0) throw new RestError(400, 50035, 'Invalid Form Body', nestFormErrors(errors));
}
