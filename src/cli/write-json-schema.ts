/** `npm run schema`: regenerates data/schema/*.schema.json from the zod schema. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_DATA_DIR } from '../summary/load.js';
import { renderJsonSchemaFile } from '../summary/jsonSchema.js';
import { SUMMARY_FILES } from '../summary/schema.js';

const dir = path.join(DEFAULT_DATA_DIR, 'schema');
mkdirSync(dir, { recursive: true });
for (const name of SUMMARY_FILES) {
  writeFileSync(path.join(dir, `${name}.schema.json`), renderJsonSchemaFile(name));
}
console.log(`wrote ${SUMMARY_FILES.length} JSON Schema files to ${path.relative(process.cwd(), dir)}`);
