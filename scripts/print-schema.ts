// Writes the schema of the configured plugin set (`PLUGINS`, default amsterdam,arnhem) from the code:
// `npm run schema:print`. The default set's contract is `schema.graphql` (committed, checked by a
// test); any other set gets its own file, `schema.<plugins>.graphql` (`schema.core.graphql` for none),
// because that deployment's frontend builds against that contract. `--out FILE` names the file;
// `--check` fails when the file is stale instead of writing it.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, DEFAULT_PLUGINS, loadConfig } from '../src/config.ts';
import { loadPlugins } from '../src/plugins/registry.ts';
import { buildSchema, printSchemaOf } from '../src/schema.ts';

/** The contract file of a plugin set: `schema.graphql` for the default set. */
export function contractFile(plugins: readonly string[]): string {
  const sorted = [...plugins].sort();
  if (sorted.join(',') === [...DEFAULT_PLUGINS].sort().join(',')) return 'schema.graphql';
  return `schema.${sorted.length ? sorted.join('+') : 'core'}.graphql`;
}

let plugins: string[];
try {
  plugins = loadConfig().plugins;
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : String(error));
  process.exit(1);
}
const outIndex = process.argv.indexOf('--out');
const name = outIndex > 0 ? process.argv[outIndex + 1] : contractFile(plugins);
if (!name) {
  console.error('--out needs a file name');
  process.exit(1);
}
const file = resolve(new URL('..', import.meta.url).pathname, name);
const sdl = printSchemaOf(await buildSchema(await loadPlugins(plugins)));
const setName = plugins.length ? plugins.join(', ') : 'no plugins';
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {}
  if (committed !== sdl) {
    console.error(`${name} (${setName}) is stale: run \`npm run schema:print\` and commit the result.`);
    process.exit(1);
  }
} else {
  writeFileSync(file, sdl);
  console.log(`${name} written (${setName})`);
}
