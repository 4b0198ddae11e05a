/**
 * `npm run bench:export`: the streaming exports' rows per second and peak memory, against a baseline
 * in the same run: the same rows read by hand with ONE raw SQL query into memory and formatted to
 * CSV with the same column functions (what an export without streaming would do).
 *
 * Database: PostgreSQL when DATABASE_URL is set (used as it is, e.g. after
 * `npm run seed -- --scale large`), otherwise an in-memory PGlite with the demo data plus the
 * `medium` data set (BENCH_SCALE=none|medium|large). Each case runs twice: with memory
 * sampled (after a forced GC, so only what is still referenced counts) every 25 ms and at each
 * chunk read / when the baseline holds all its rows: peak live V8 heap and peak RSS above what was
 * in use when the run started; then timed. "Flat" means the export's peak does not grow with the rows exported, which the
 * `… ~10%` cases (a date range holding about a tenth of the rows) show beside the full exports.
 * Also compares the batch query as raw SQL with the same batch through Prisma `findMany` + select.
 */
import { performance } from 'node:perf_hooks';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { seedDemoData } from '../prisma/seed.ts';
import { analyzeTables, SCALES, type ScaleName, seedLargeData } from '../prisma/seed-large.ts';
import { buildApp } from '../src/app.ts';
import { signToken } from '../src/auth/token.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db.ts';
import { csvLine } from '../src/exports/csv.ts';
import { activitiesExport, type ExportDefinition, type ExportScope, readBatch, signalsExport } from '../src/exports/definitions.ts';
import { Prisma, type PrismaClient } from '../src/generated/prisma/client.ts';
import { createLogger } from '../src/logger.ts';
import { migrate } from '../src/migrate.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const MB = 1024 * 1024;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

interface Sample {
  ms: number;
  rows: number;
  bytes: number;
  /** Peaks above the start of the run, in MB: live V8 heap (sampled after a GC) and RSS. */
  heap: number;
  rss: number;
}

/** One run; calls `probe` where it holds the most (PGlite keeps the event loop busy, so timers alone miss peaks). */
type Run = (probe: () => void) => Promise<{ rows: number; bytes: number }>;

/**
 * Runs `fn` twice: once timed, once with memory sampled every 25 ms after a forced GC (so the
 * heap figure is what is still referenced, not garbage V8 has not collected yet). Peaks are
 * relative to the start of the run.
 */
async function measure(fn: Run): Promise<Sample> {
  // Memory first, so RSS growth shows here rather than being already taken by the timed run.
  gc();
  const start = process.memoryUsage();
  let rss = start.rss;
  let heap = start.heapUsed;
  const sample = () => {
    gc();
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const timer = setInterval(sample, 25);
  let sampled: { rows: number; bytes: number };
  try {
    sampled = await fn(sample);
    sample();
  } finally {
    clearInterval(timer);
  }

  gc();
  const t0 = performance.now();
  const { rows, bytes } = await fn(() => {});
  const ms = performance.now() - t0;
  if (sampled.rows !== rows) throw new Error(`the timed run read ${rows} rows, the sampled one ${sampled.rows}`);
  return { ms, rows, bytes, heap: (heap - start.heapUsed) / MB, rss: (rss - start.rss) / MB };
}

async function main() {
  const url = process.env.DATABASE_URL;
  const scale = (process.env.BENCH_SCALE ?? 'medium') as ScaleName | 'none';
  const config = { ...loadConfig({ ...process.env, LOG_LEVEL: 'silent', RATE_LIMIT_VIEWER_PER_MINUTE: '0', RATE_LIMIT_ADDRESS_PER_MINUTE: '0' }), seedDemoData: false };
  const db = url ? await openDatabase({ kind: 'postgres', url }) : await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
  const prisma = db.prisma;
  if (!url) {
    await db.withSession((s) => migrate(s));
    const now = new Date('2026-11-30T12:00:00Z');
    let t0 = performance.now();
    await seedDemoData(prisma, { now });
    console.log(`PGlite (in memory): demo data seeded in ${fmt(performance.now() - t0)} ms`);
    if (scale !== 'none') {
      t0 = performance.now();
      await seedLargeData(prisma, SCALES[scale], now);
      await analyzeTables(prisma);
      console.log(`PGlite (in memory): + the ${scale} data set in ${fmt(performance.now() - t0)} ms`);
    }
  }
  const app = await buildApp(config, { db, log: createLogger('silent') });
  // An admin: the only role that gets one row per signal (each audited as a read).
  const admin = await prisma.person.findFirstOrThrow({ where: { roleAssignments: { some: { role: 'ADMIN', scope: 'GLOBAL' } } }, select: { id: true } });
  const token = await signToken(config.jwt, admin.id);
  const [activities, signals] = await Promise.all([prisma.activity.count(), prisma.signal.count()]);
  console.log(`database: ${db.kind}, ${fmt(activities)} activities, ${fmt(signals)} signals; node ${process.version}\n`);

  // A date range with about a tenth of the activities: the latest tenth by start.
  const [{ from }] = await prisma.$queryRaw<[{ from: string }]>`
    SELECT to_char(("startsAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Amsterdam')::date + 1, 'YYYY-MM-DD') AS from
    FROM "Activity" ORDER BY "startsAt" DESC OFFSET ${Math.floor(activities / 10)} LIMIT 1`;

  const download = async (path: string, probe: () => void) => {
    const response = await app.yoga.fetch(`http://bench${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
    let bytes = 0;
    let newlines = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      probe();
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) newlines++;
    }
    return { rows: path.includes('.csv') ? newlines - 1 : newlines, bytes };
  };

  // The baseline: every row with one query, into memory, formatted as one CSV string.
  const byHand = (definition: ExportDefinition, scope: ExportScope): Run => async (probe) => {
    const q = definition.sql(scope);
    const where = q.where.length ? Prisma.sql`WHERE ${Prisma.join(q.where, ' AND ')}` : Prisma.empty;
    const rows = await prisma.$queryRaw<Record<string, unknown>[]>`SELECT ${q.select} FROM ${q.from} ${q.output ?? Prisma.empty} ${where} ORDER BY ${q.key}`;
    const text = csvLine(definition.columns.map((c) => c.header)) + rows.map((r) => csvLine(definition.columns.map((c) => c.value(r)))).join('');
    probe();
    return { rows: rows.length, bytes: Buffer.byteLength(text) };
  };
  const all: ExportScope = { filter: { cityId: [], schoolId: [], partnershipId: [], kind: [] }, cityIds: null };
  const tenth: ExportScope = { ...all, filter: { ...all.filter, from } };
  // A small selective export: the consultations of one partnership (filtered batch plan).
  const [{ partnershipId }] = await prisma.$queryRaw<[{ partnershipId: string }]>`
    SELECT "partnershipId"::text AS "partnershipId" FROM "Activity" WHERE kind = 'CONSULTATION' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`;
  const one: ExportScope = { ...all, filter: { ...all.filter, partnershipId: [partnershipId], kind: ['CONSULTATION'] } };

  const allActivities = byHand(activitiesExport, all);
  const cases: { name: string; path: string; baseline: Run }[] = [
    {
      name: 'one partnership',
      path: `/exports/activities.csv?kind=CONSULTATION&partnershipId=${encodeGlobalID('Partnership', partnershipId)}`,
      baseline: byHand(activitiesExport, one),
    },
    { name: 'activities.csv ~10%', path: `/exports/activities.csv?from=${from}`, baseline: byHand(activitiesExport, tenth) },
    { name: 'activities.csv', path: '/exports/activities.csv', baseline: allActivities },
    { name: 'activities.ndjson', path: '/exports/activities.ndjson', baseline: allActivities },
    { name: 'signals.csv', path: '/exports/signals.csv', baseline: byHand(signalsExport, all) },
  ];

  await download('/exports/signals.csv?from=2099-01-01', () => {}); // warm-up: code paths and the viewer query
  const results: { name: string; stream: Sample; base: Sample }[] = [];
  // Exports first, all baselines after: RSS rarely shrinks, so a baseline run first would hide the export's peak.
  const streamed = [];
  const progress = (what: string, m: Sample) => console.error(`  ${what}: ${fmt(m.rows)} rows in ${fmt(m.ms)} ms, peak heap +${fmt(m.heap, 1)} MB`);
  for (const c of cases) {
    streamed.push(await measure((probe) => download(c.path, probe)));
    progress(`export ${c.name}`, streamed.at(-1)!);
  }
  const baselines = new Map<Run, Sample>(); // activities.csv and .ndjson share theirs
  for (const [i, c] of cases.entries()) {
    const base = baselines.get(c.baseline) ?? (await measure(c.baseline));
    baselines.set(c.baseline, base);
    progress(`baseline ${c.name}`, base);
    results.push({ name: c.name, stream: streamed[i]!, base });
    if (base.rows !== streamed[i]!.rows) throw new Error(`${c.name}: ${streamed[i]!.rows} rows exported, ${base.rows} by hand`);
  }

  console.log('export (streamed, batches of 1000)   vs   baseline (one query, all rows in memory, same CSV)');
  console.log(
    ['case'.padEnd(20), 'rows'.padStart(10), 'MB'.padStart(7), 'rows/s'.padStart(10), 'base rows/s'.padStart(12), 'time ratio'.padStart(11),
      'peak heap'.padStart(10), 'base heap'.padStart(10), 'peak RSS'.padStart(9), 'base RSS'.padStart(9)].join(' '),
  );
  for (const { name, stream, base } of results) {
    console.log(
      [
        name.padEnd(20),
        fmt(stream.rows).padStart(10),
        fmt(stream.bytes / MB, 1).padStart(7),
        fmt((stream.rows / stream.ms) * 1000).padStart(10),
        fmt((base.rows / base.ms) * 1000).padStart(12),
        `${fmt(stream.ms / base.ms, 2)}×`.padStart(11),
        `${fmt(stream.heap, 1)} MB`.padStart(10),
        `${fmt(base.heap, 1)} MB`.padStart(10),
        `${fmt(stream.rss, 0)} MB`.padStart(9),
        `${fmt(base.rss, 0)} MB`.padStart(9),
      ].join(' '),
    );
  }
  const [, small, full] = results;
  console.log(
    `\nmemory as rows grow ×${fmt(full!.stream.rows / small!.stream.rows, 1)}: export peak heap ${fmt(small!.stream.heap, 1)} → ${fmt(full!.stream.heap, 1)} MB, ` +
      `baseline ${fmt(small!.base.heap, 1)} → ${fmt(full!.base.heap, 1)} MB`,
  );

  await compareBatchQueries(prisma, activities);
  await app.stop();
  await db.close();
}

/** The activities batch query as raw SQL (what the export uses) against Prisma findMany + select. */
async function compareBatchQueries(prisma: PrismaClient, total: number) {
  const limit = 1000;
  const rowsToRead = Math.min(total, 50_000);
  const scope: ExportScope = { filter: { cityId: [], schoolId: [], partnershipId: [], kind: [] }, cityIds: null };
  const raw = async () => {
    let after: string | null = null;
    for (let read = 0; read < rowsToRead; ) {
      const rows: { id: string }[] = await readBatch(prisma, activitiesExport, scope, after, limit);
      if (!rows.length) break;
      read += rows.length;
      after = rows.at(-1)!.id;
    }
  };
  const findMany = async () => {
    let after: string | undefined;
    for (let read = 0; read < rowsToRead; ) {
      const rows = await prisma.activity.findMany({
        where: after ? { id: { gt: after } } : {},
        orderBy: { id: 'asc' },
        take: limit,
        select: {
          id: true, partnershipId: true, kind: true, startsAt: true, durationMinutes: true, location: true, participantCount: true,
          details: true, pilotData: true, partnership: { select: { schoolId: true, cityId: true, youthWorkOrganisationId: true, form: true } },
        },
      });
      if (!rows.length) break;
      read += rows.length;
      after = rows.at(-1)!.id;
    }
  };
  const time = async (fn: () => Promise<void>) => {
    await fn();
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };
  const rawMs = await time(raw);
  const prismaMs = await time(findMany);
  console.log(
    `\nbatch query, ${fmt(rowsToRead)} activities in batches of ${limit}: raw SQL ${fmt((rowsToRead / rawMs) * 1000)} rows/s, ` +
      `findMany + select ${fmt((rowsToRead / prismaMs) * 1000)} rows/s (raw is ${fmt(prismaMs / rawMs, 2)}× as fast)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
