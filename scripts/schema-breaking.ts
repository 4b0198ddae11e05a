// Compares `schema.graphql` with the last released contract, `docs/schema-released.graphql`, and fails
// on every change that can break a client built against the release (graphql-js's
// findBreakingChanges: a removed field or type, a type changed, an argument made required, …).
// Dangerous changes (an enum value added, a default changed) are listed but pass. CI runs it.
// `npm run schema:breaking -- --release` records the current contract as released (with the
// package version), which is what a release does after saying its breaking changes in the notes.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, findBreakingChanges, findDangerousChanges } from 'graphql';

const root = new URL('..', import.meta.url).pathname;
const option = (name: string, fallback: string) => {
  const at = process.argv.indexOf(name);
  return resolve(root, at > 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback);
};
// `--schema FILE` and `--against FILE` compare other files (a deployment's own contract, tests).
const current = option('--schema', 'schema.graphql');
const released = option('--against', 'docs/schema-released.graphql');
const version = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).version as string;
const sdl = readFileSync(current, 'utf8');

if (process.argv.includes('--release')) {
  writeFileSync(released, `# The contract released as ${version}; \`npm run schema:breaking\` compares schema.graphql with it.\n${sdl}`);
  console.log(`docs/schema-released.graphql is now the contract of ${version}`);
  process.exit(0);
}

const releasedSdl = readFileSync(released, 'utf8');
const releasedVersion = /released as (\S+);/.exec(releasedSdl)?.[1] ?? 'the last release';
const before = buildSchema(releasedSdl);
const after = buildSchema(sdl);
const breaking = findBreakingChanges(before, after);
for (const change of findDangerousChanges(before, after)) console.log(`dangerous (${change.type}): ${change.description}`);
if (breaking.length) {
  console.error(`schema.graphql breaks ${breaking.length} thing(s) a client of ${releasedVersion} may rely on:`);
  for (const change of breaking) console.error(`  ${change.type}: ${change.description}`);
  console.error('Keep the old field beside the new one (with @deprecated), or release a new major version: `npm run schema:breaking -- --release`.');
  process.exit(1);
}
console.log(`schema.graphql keeps every promise of ${releasedVersion}.`);
