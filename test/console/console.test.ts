/** The local console, fed through a pipe as `npm start` would be when stdin is not a terminal. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../src/console/console.js';
import { engine } from '../answers/engine.js';

async function session(lines: string[], options: { color?: boolean; endInput?: boolean } = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const errors: string[] = [];
  const done = runConsole({ input, output, engine: () => engine, color: options.color ?? false, onError: (_error, id) => errors.push(id) });
  input.write(lines.map((line) => `${line}\n`).join(''));
  if (options.endInput !== false) input.end();
  await done;
  return { text, errors };
}

describe('local console', () => {
  it('says it runs locally and how to connect to Discord', async () => {
    const { text } = await session([]);
    expect(text).toMatch(/running locally/);
    expect(text).toMatch(/DISCORD_TOKEN and DISCORD_APPLICATION_ID in \.env/);
    expect(text).toMatch(/npm run deploy-commands/);
  });

  it('answers commands and plain questions from piped input, then exits at end of input', async () => {
    const { text, errors } = await session([
      '/who Meng Jianzhu',
      '/timeline actor:Obama',
      '/onthisday 09-25',
      '/quote speaker:Obama about:sanctions',
      '/sources',
      'How many companies were on the sanctions list?',
    ]);
    expect(errors).toEqual([]);
    expect(text).toContain('secretary of the Central Politics and Law Commission');
    expect(text).toContain('Timeline involving Barack Obama');
    expect(text).toContain('On this day: Sept 25');
    expect(text).toContain('We are preparing a number of measures');
    expect(text).toContain('001_b5b8a279e97dc747.txt');
    expect(text).toMatch(/at least 25[\s\S]*about two dozen/);
    expect(text).not.toContain('\u001b[');
  });

  it('answers bad input with one polite line and carries on', async () => {
    const { text } = await session(['/onthisday 02-30', '/timeline page:x', '/frobnicate', '/who', 'Who is Rice?']);
    expect(text).toContain('The date "02-30" doesn\'t exist: February has 29 days.\n');
    expect(text).toContain('The page must be a whole number');
    expect(text).toContain('There is no /frobnicate command. Try /help for the list.');
    expect(text).toContain('Please give a name.');
    expect(text).toContain('Susan Rice');
  });

  it('stops at /quit without waiting for the end of input', async () => {
    const { text } = await session(['/quit', '/brief'], { endInput: false });
    expect(text).not.toContain('Key points');
  });

  it('colours its output when asked (on a terminal)', async () => {
    const { text } = await session(['/help'], { color: true });
    expect(text).toContain('\u001b[1mBriefing Bot: how to use it\u001b[0m');
  });
});
