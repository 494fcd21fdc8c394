/**
 * JSON Schema for each summary file, generated from the zod schema so that
 * editors (e.g. the YAML language server) can check files as they are typed.
 */
import { z } from 'zod';
import type { SUMMARY_FILES} from './schema.js';
import { SummarySchema } from './schema.js';

export type SummaryFileName = (typeof SUMMARY_FILES)[number];

export function jsonSchemaForFile(name: SummaryFileName): unknown {
  const shape =
    name === 'articles'
      ? { story: SummarySchema.shape.story, articles: SummarySchema.shape.articles }
      : { [name]: SummarySchema.shape[name] };
  const schema = z.toJSONSchema(z.strictObject(shape), { io: 'input', unrepresentable: 'any' });
  return { ...schema, title: `Briefing Bot summary: data/summary/${name}.yaml` };
}

export function renderJsonSchemaFile(name: SummaryFileName): string {
  return `${JSON.stringify(jsonSchemaForFile(name), null, 2)}\n`;
}
