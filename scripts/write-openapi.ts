/** Writes docs/openapi.json from the route table (run: npm run openapi; a test checks the file is current). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiDocument } from '../packages/protocol/src/index.js';

const path = join(import.meta.dirname, '..', 'docs', 'openapi.json');
writeFileSync(path, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.log(`wrote ${path}`);
