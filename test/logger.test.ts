import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, REDACTED, scrubSecrets } from '../src/logger.js';

const TOKEN = `${'M'.repeat(24)}.${'a'.repeat(6)}.${'z'.repeat(38)}`;

function capture() {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  return { stream, text: () => chunks.join('') };
}

describe('logging', () => {
  it.each([false, true])('never writes the token, wherever it appears (pretty: %s)', (pretty) => {
    const out = capture();
    const logger = createLogger({ level: 'info', secrets: [TOKEN], destination: out.stream, pretty });
    logger.info({ headers: { authorization: `Bot ${TOKEN}` } }, `login with ${TOKEN}`);
    logger.error({ err: new Error(`bad token ${TOKEN}`) }, 'failed');
    logger.warn({ nested: { deep: [TOKEN] } }, 'nested');
    expect(out.text()).not.toContain(TOKEN);
    expect(out.text()).toContain(REDACTED);
    expect(out.text()).toContain('failed');
  });

  it('writes JSON lines with level and message when not pretty', () => {
    const out = capture();
    createLogger({ level: 'info', destination: out.stream, pretty: false }).info({ command: 'who' }, 'answered');
    const line = JSON.parse(out.text().trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 30, command: 'who', msg: 'answered' });
  });

  it('scrubs every occurrence of every secret', () => {
    expect(scrubSecrets('a SECRET1 b SECRET1 c SECRET2', ['SECRET1', 'SECRET2'])).toBe(`a ${REDACTED} b ${REDACTED} c ${REDACTED}`);
  });
});
