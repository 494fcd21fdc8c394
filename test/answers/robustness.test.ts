/**
 * Whatever is typed, the engine either answers (grounded, every mark pointing at a
 * citation quoting its article) or throws a UserInputError with a readable message.
 * A modest run here; the hardening suite runs many more cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserInputError, type Answer } from '../../src/answers/index.js';
import { engine, expectGrounded } from './engine.js';

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('Obama', 'james', '09-25', '2015-02-29', '@everyone', '**Rice**', '<@123>', '\u0000\u0007', 'Sept 31', 'x'.repeat(6000)),
);

function answersOrExplains(run: () => Answer): void {
  let answer: Answer;
  try {
    answer = run();
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    expect((error as Error).message.length).toBeGreaterThan(10);
    return;
  }
  expectGrounded(answer);
}

describe('robustness', () => {
  it('never throws anything but a UserInputError, and every answer is grounded', () => {
    fc.assert(
      fc.property(text, text, fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), (first, second, page) => {
        answersOrExplains(() => engine.ask(first));
        answersOrExplains(() => engine.who(first));
        answersOrExplains(() => engine.onThisDay({ date: first }));
        answersOrExplains(() => engine.timeline({ actor: first, topic: second, from: second, page }));
        answersOrExplains(() => engine.quote({ speaker: first, about: second }));
      }),
      { numRuns: 300 },
    );
  });
});
