/**
 * `npm run bench`: what the GraphQL layer costs on top of the database work it needs.
 *
 * For a few typical screens it times the API (in-process `yoga.fetch`, token, access rules,
 * Pothos/Prisma planning, JSON) and, as the baseline in the same run, the same rows fetched by hand
 * with Prisma. Reported as medians and the API/baseline ratio, on PGlite and (if reachable)
 * PostgreSQL. Ratios, not absolute times, are what to compare between machines.
 */
import pg from 'pg';
import { seedDemoData } from '../prisma/seed.ts';
import { buildApp } from '../src/app.ts';
import { signToken } from '../src/auth/token.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db.ts';
import type { PrismaClient } from '../src/generated/prisma/client.ts';
import { createLogger } from '../src/logger.ts';
import { migrate } from '../src/migrate.ts';
import { RUNS, time, WARMUP } from './timing.ts';

const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

interface Case {
  name: string;
  query: string;
  baseline: (prisma: PrismaClient) => Promise<unknown>;
}

const CASES: Case[] = [
  {
    name: 'activities(first: 100) + partnership, school, facilitators',
    query: `{ activities(first: 100) { totalCount edges { node { id kind startsAt durationMinutes
              partnership { name school { name } } facilitators { name } } } } }`,
    baseline: (prisma) =>
      Promise.all([
        prisma.activity.findMany({
          take: 101,
          orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
          include: { partnership: { include: { school: true } }, facilitators: { include: { person: true } } },
        }),
        prisma.activity.count(),
      ]),
  },
  {
    name: 'signals(first: 50) + youth, follow-ups',
    query: `{ signals(first: 50) { totalCount edges { node { id status summary reportedAt
              youth { code } followUps { action at by { name } } } } } }`,
    // By hand too, reading signal content means writing its audit events (one INSERT).
    baseline: async (prisma) => {
      const [signals] = await Promise.all([
        prisma.signal.findMany({
          take: 51,
          orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }],
          include: { youth: true, followUps: { include: { by: true }, orderBy: [{ at: 'asc' }, { id: 'asc' }] } },
        }),
        prisma.signal.count(),
      ]);
      await prisma.auditEvent.createMany({
        data: signals.slice(0, 50).map((s) => ({ operation: 'READ' as const, entity: 'Signal', entityId: s.id, fields: ['followUps', 'status', 'summary', 'youth'] })),
      });
    },
  },
  {
    name: 'partnerships(first: 10) + school, city, open signal count',
    query: `{ partnerships(first: 10) { totalCount edges { node { id name form school { name } city { name } openSignalCount } } } }`,
    baseline: (prisma) =>
      Promise.all([
        prisma.partnership.findMany({ take: 11, orderBy: [{ name: 'asc' }, { id: 'asc' }], include: { school: true, city: true } }),
        prisma.partnership.count(),
        prisma.signal.groupBy({ by: ['partnershipId'], where: { status: { not: 'CLOSED' } }, _count: { _all: true } }),
      ]),
  },
];


async function benchDatabase(label: string, database: Config['database']) {
  const db = await openDatabase(database);
  await db.withSession((s) => migrate(s));
  await seedDemoData(db.prisma, { reset: true });
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_VIEWER_PER_MINUTE: '0', RATE_LIMIT_ADDRESS_PER_MINUTE: '0' }), database, seedDemoData: false };
  const app = await buildApp(config, { db, log: createLogger('silent') });
  const admin = await db.prisma.person.findUniqueOrThrow({ where: { email: 'admin@demo.jongerenwerk.example' } });
  const token = await signToken(config.jwt, admin.id);
  const rows: string[][] = [];
  for (const c of CASES) {
    const api = await time(async () => {
      const response = await app.yoga.fetch('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: c.query }),
      });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(`${c.name}: ${JSON.stringify(body.errors)}`);
    });
    const baseline = await time(() => c.baseline(db.prisma));
    rows.push([label, c.name, baseline.toFixed(2), api.toFixed(2), (api / baseline).toFixed(2)]);
  }
  await app.stop();
  await db.close();
  return rows;
}

async function postgresAvailable() {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  try {
    await client.connect();
    await client.query('DROP DATABASE IF EXISTS jw_bench WITH (FORCE)');
    await client.query('CREATE DATABASE jw_bench');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const rows = await benchDatabase('pglite', { kind: 'pglite', dataDir: 'memory://' });
if (await postgresAvailable()) {
  const url = new URL(POSTGRES_URL);
  url.pathname = '/jw_bench';
  rows.push(...(await benchDatabase('postgres', { kind: 'postgres', url: url.toString() })));
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  await client.query('DROP DATABASE IF EXISTS jw_bench WITH (FORCE)');
  await client.end();
} else {
  console.log(`(PostgreSQL not reachable at ${POSTGRES_URL}: PGlite only)`);
}
const header = ['database', 'operation', 'by hand (ms)', 'API (ms)', 'API / by hand'];
console.log(`medians of ${RUNS} runs after ${WARMUP} warm-up runs\n`);
console.log(`| ${header.join(' | ')} |\n|${header.map(() => ' --- ').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
