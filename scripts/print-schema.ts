// Writes schema.graphql from the code, with the default plugins (`npm run schema:print`);
// `--check` fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_PLUGINS, loadPlugins } from '../src/plugins/registry.ts';
import { buildSchema, printSchemaOf } from '../src/schema.ts';

const file = new URL('../schema.graphql', import.meta.url);
const sdl = printSchemaOf(await buildSchema(await loadPlugins(DEFAULT_PLUGINS)));
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
