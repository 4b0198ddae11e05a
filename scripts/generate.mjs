// Runs `prisma generate` (Prisma client + Pothos types). Works offline.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const env = { ...process.env };
const enginesDir = dirname(require.resolve('@prisma/engines/package.json'));
const hasEngine = existsSync(enginesDir) && readdirSync(enginesDir).some((f) => f.startsWith('schema-engine'));
// `prisma generate` never runs the schema engine, but the CLI downloads it first; where that host is
// unreachable, pointing the CLI at any existing file skips the download.
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !hasEngine) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;

// The Pothos generator is a bin of @pothos/plugin-prisma; make it findable when run outside npm.
env.PATH = [resolve('node_modules/.bin'), env.PATH].join(delimiter);

const cli = join(dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
const result = spawnSync(process.execPath, [cli, 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
