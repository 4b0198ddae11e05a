// Writes docs/data-register.md from src/privacy/data-register.ts (`npm run data-register`);
// `--check` fails when the file is stale.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pluginFieldEntries } from '../src/plugins/register-entries.ts';
import { DEFAULT_PLUGINS, loadPlugins } from '../src/plugins/registry.ts';
import { DATA_REGISTER, DATA_REGISTER_FILE, renderDataRegister } from '../src/privacy/data-register.ts';

const file = new URL(`../${DATA_REGISTER_FILE}`, import.meta.url);
const markdown = renderDataRegister(DATA_REGISTER, pluginFieldEntries(await loadPlugins(DEFAULT_PLUGINS)));
if (process.argv.includes('--check')) {
  let committed: string | undefined;
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    committed = undefined;
  }
  if (committed !== markdown) {
    console.error(`${DATA_REGISTER_FILE} is stale: run \`npm run data-register\` and commit the result.`);
    process.exit(1);
  }
} else {
  mkdirSync(new URL('.', file), { recursive: true });
  writeFileSync(file, markdown);
  console.log(`${DATA_REGISTER_FILE} written`);
}
