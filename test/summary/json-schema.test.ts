import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderJsonSchemaFile } from '../../src/summary/jsonSchema.js';
import { SUMMARY_FILES } from '../../src/summary/schema.js';

describe('JSON Schema for editors', () => {
  it.each(SUMMARY_FILES)('data/schema/%s.schema.json is generated from the zod schema (run `npm run schema`)', (name) => {
    const committed = readFileSync(fileURLToPath(new URL(`../../data/schema/${name}.schema.json`, import.meta.url)), 'utf8');
    expect(committed).toBe(renderJsonSchemaFile(name));
  });

  it('describes the required fields of an event', () => {
    const schema = JSON.parse(renderJsonSchemaFile('events')) as {
      properties: { events: { items: { required: string[] } } };
    };
    expect(schema.properties.events.items.required).toEqual(expect.arrayContaining(['id', 'title', 'date', 'summary', 'sources']));
  });
});
