// `npm run build`: compiles the server, the city plugins and the seed to dist/ (tsc, imports
// rewritten to .js), then copies what they read at run time: the SQL migrations.
import { cpSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
rmSync('dist', { recursive: true, force: true });
const tsc = require.resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
cpSync('prisma/migrations', 'dist/prisma/migrations', { recursive: true });
console.log('built dist/ (start it with npm run start:prod)');
