/**
 * A problem with what the user typed. Its message is polite, complete and safe
 * to show as is (no stack, no internals); renderers show it, the CLI prints it
 * on stderr and exits 2. Any other error is a bug.
 */
export class UserInputError extends Error {
  constructor(
    message: string,
    /** Valid values the user may have meant, e.g. topic names. */
    readonly suggestions: readonly string[] = [],
  ) {
    super(message);
    this.name = 'UserInputError';
  }
}
