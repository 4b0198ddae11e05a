/**
 * Seeds the demo data set into the configured database (PGlite or PostgreSQL).
 *
 *   npm run seed                      migrate, then seed if the database has no data yet
 *   npm run seed -- --force           migrate, wipe every application table, then seed
 *   npm run seed -- --now 2026-11-30  let the data end at this moment instead of now
 *
 * Reads the same environment as the server (DATABASE_URL, PGLITE_DATA_DIR). Exits non-zero with a
 * one-line message on error.
 */
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db.ts';
import { migrate } from '../src/migrate.ts';
import { isEmpty, SEED_TABLES, seedDemoData } from '../prisma/seed.ts';

const USAGE = 'usage: npm run seed -- [--force] [--now <ISO date/time>]';

function parseArgs(args: string[]): { force: boolean; now?: Date; help: boolean } {
  const result: { force: boolean; now?: Date; help: boolean } = { force: false, help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--force') result.force = true;
    else if (arg === '--help' || arg === '-h') result.help = true;
    else if (arg === '--now' || arg.startsWith('--now=')) {
      const value = arg === '--now' ? args[++i] : arg.slice('--now='.length);
      const now = new Date(value ?? '');
      if (!value || Number.isNaN(now.getTime())) throw new Error(`--now needs an ISO date or date-time (${USAGE})`);
      result.now = now;
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
      console.log('database not empty; nothing seeded');
      return;
    }
    const started = performance.now();
    const summary = await seedDemoData(db.prisma, { now: args.now, reset: args.force });
    const ms = Math.round(performance.now() - started);
    const where = config.database.kind === 'pglite' ? `PGlite (${config.database.dataDir})` : 'PostgreSQL';
    console.log(`${args.force ? 'wiped and seeded' : 'seeded'} ${where} in ${ms} ms:`);
    const width = Math.max(...SEED_TABLES.map((t) => t.length));
    for (const table of SEED_TABLES) console.log(`  ${table.padEnd(width)}  ${summary[table]}`);
  } finally {
    await db.close();
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
