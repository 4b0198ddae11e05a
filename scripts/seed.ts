/**
 * Seeds the demo data set into the configured database (PGlite or PostgreSQL).
 *
 *   npm run seed                      migrate, then seed if the database has no data yet
 *   npm run seed -- --force           migrate, wipe every application table, then seed
 *   npm run seed -- --now 2026-11-30  let the data end at this moment instead of now
 *   npm run seed -- --scale large     the demo data plus ~1,000,000 activities and ~100,000 signals
 *                                     in 5 cities and 200 schools (prisma/seed-large.ts); `medium` is a
 *                                     tenth of that. Meant for PostgreSQL; works on PGlite too
 *                                     (large: ~1 minute, a 1.2 GB data directory).
 *
 * Reads the same environment as the server (DATABASE_URL, PGLITE_DATA_DIR). Exits non-zero with a
 * one-line message on error.
 */
import { loadConfig } from '../src/config.ts';
import { type Database, openDatabase } from '../src/db.ts';
import { migrate } from '../src/migrate.ts';
import { analyzeTables, SCALES, type ScaleName, seedLargeData } from '../prisma/seed-large.ts';
import { isEmpty, SEED_TABLES, seedDemoData } from '../prisma/seed.ts';
import { loadPlugins } from '../src/plugins/registry.ts';

const USAGE = `usage: npm run seed -- [--force] [--now <ISO date/time>] [--scale <${Object.keys(SCALES).join('|')}>]`;

interface Args {
  force: boolean;
  now?: Date;
  scale?: ScaleName;
  help: boolean;
}

function parseArgs(args: string[]): Args {
  const result: Args = { force: false, help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--force') result.force = true;
    else if (arg === '--help' || arg === '-h') result.help = true;
    else if (arg === '--now' || arg.startsWith('--now=')) {
      const value = arg === '--now' ? args[++i] : arg.slice('--now='.length);
      const now = new Date(value ?? '');
      if (!value || Number.isNaN(now.getTime())) throw new Error(`--now needs an ISO date or date-time (${USAGE})`);
      result.now = now;
    } else if (arg === '--scale' || arg.startsWith('--scale=')) {
      const value = arg === '--scale' ? args[++i] : arg.slice('--scale='.length);
      if (!value || !(value in SCALES)) throw new Error(`--scale is one of ${Object.keys(SCALES).join(', ')} (${USAGE})`);
      result.scale = value as ScaleName;
    } else throw new Error(`unknown argument ${arg} (${USAGE})`);
  }
  return result;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  const db = await openDatabase(config.database);
  try {
    await db.withSession((session) => migrate(session));
    if (!args.force && !(await isEmpty(db.prisma))) {
      console.log(`database not empty; nothing seeded${args.scale ? ' (add --force to wipe it and seed the demo and the larger data)' : ''}`);
      return;
    }
    const now = args.now ?? new Date();
    const started = performance.now();
    const summary = await seedDemoData(db.prisma, { now, reset: args.force, plugins: await loadPlugins(config.plugins) });
    const ms = Math.round(performance.now() - started);
    const where = config.database.kind === 'pglite' ? `PGlite (${config.database.dataDir})` : 'PostgreSQL';
    console.log(`${args.force ? 'wiped and seeded' : 'seeded'} ${where} in ${ms} ms:`);
    const width = Math.max(...SEED_TABLES.map((t) => t.length));
    for (const table of SEED_TABLES) console.log(`  ${table.padEnd(width)}  ${summary[table]}`);
    if (args.scale) await seedLarge(db, args.scale, now, where);
  } finally {
    await db.close();
  }
}

async function seedLarge(db: Database, scale: ScaleName, now: Date, where: string) {
  if (db.kind === 'pglite') {
    console.log(`--scale ${scale} on PGlite: works (large: ~1 minute and a 1.2 GB data directory, measured on 2 busy CPUs), but the exports and aggregates on it run on one connection; use PostgreSQL (DATABASE_URL) for benchmarks.`);
  }
  const started = performance.now();
  const added = await seedLargeData(db.prisma, SCALES[scale], now);
  const generated = Math.round(performance.now() - started);
  await analyzeTables(db.prisma);
  const ms = Math.round(performance.now() - started);
  console.log(`added the ${scale} data set to ${where} in ${ms} ms (${generated} ms generating, ${ms - generated} ms ANALYZE):`);
  const width = Math.max(...Object.keys(added).map((t) => t.length));
  for (const [table, rows] of Object.entries(added)) {
    const total = Number((await db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}"`))[0]!.n);
    console.log(`  ${table.padEnd(width)}  +${rows}  (${total} in all)`);
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  // Prisma errors span several lines; keep the one line that says what went wrong.
  const line = message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .at(-1);
  console.error(`seed failed: ${line ?? 'unknown error'}`);
  process.exitCode = 1;
});
