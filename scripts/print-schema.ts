// Writes schema.graphql from the code (`npm run schema:print`); `--check` fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { printedSchema } from '../src/schema.ts';

const file = new URL('../schema.graphql', import.meta.url);
const sdl = printedSchema();
if (process.argv.includes('--check')) {
  const committed = readFileSync(file, 'utf8');
  if (committed !== sdl) {
    console.error('schema.graphql is stale: run `npm run schema:print` and commit the result.');
    process.exit(1);
  }
} else {
  writeFileSync(file, sdl);
  console.log('schema.graphql written');
}
