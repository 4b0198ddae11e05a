/**
 * `npm run bench:evaluation`: what the API adds to the SQL of typical `evaluation` queries.
 *
 * For each case it times the API (in-process `yoga.fetch`: token, viewer, access rules, validation,
 * GraphQL execution, JSON) and, as the baseline in the same run, the same SQL statement(s) run by
 * hand with `$queryRaw`. Reported as medians and the API/baseline ratio. Ratios, not absolute times,
 * are what to compare between machines.
 *
 * Without DATABASE_URL it seeds the demo data into PGlite (in memory) and, if reachable, into a
 * scratch PostgreSQL database. With DATABASE_URL it runs on that database as it is, e.g. one seeded
 * with `npm run seed -- --scale large`.
 */
import pg from 'pg';
import { seedDemoData } from '../prisma/seed.ts';
import { buildApp } from '../src/app.ts';
import { signToken } from '../src/auth/token.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db.ts';
import { dimensionByName } from '../src/evaluation/dimensions.ts';
import { activitiesSql, consultationsSql, type EvaluationScope, monitorSql, reachSql, signalsSql } from '../src/evaluation/queries.ts';
import type { Prisma, PrismaClient } from '../src/generated/prisma/client.ts';
import { createLogger } from '../src/logger.ts';
import { migrate } from '../src/migrate.ts';
import { RUNS, time, WARMUP } from './timing.ts';

const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const SCRATCH_DB = 'jw_eval_bench';

// Ranges cover whole buckets (evaluation's rule): this school year and the one before, by month or
// by school year; the monitor over three school years.
const now = new Date();
const SCHOOL_YEAR = now.getUTCMonth() >= 7 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
const TO = `${SCHOOL_YEAR + 1}-07-31`;
const FROM = `${SCHOOL_YEAR - 1}-08-01`;
const THREE_YEARS = `${SCHOOL_YEAR - 2}-08-01`;

interface Case {
  name: string;
  /** Who asks: a global analyst, or the analyst of one city. */
  who: 'global' | 'city';
  query: string;
  /** The statements the API should run, by hand. */
  sql: (scope: (s: Omit<EvaluationScope, 'allowedCityIds' | 'dimensions'> & { groupBy: string[] }) => EvaluationScope) => Prisma.Sql[];
}

const CASES: Case[] = [
  {
    name: 'activities per kind per month (city analyst)',
    who: 'city',
    query: `{ evaluation(from: "${FROM}", to: "${TO}", bucket: MONTH, groupBy: [ACTIVITY_KIND]) { activities { period { label } group { value } count participants hours } } }`,
    sql: (scope) => [activitiesSql(scope({ from: FROM, to: TO, bucket: 'MONTH', groupBy: ['ACTIVITY_KIND'] }))],
  },
  {
    name: 'signals followed up within 7 days per school',
    who: 'global',
    query: `{ evaluation(from: "${FROM}", to: "${TO}", bucket: SCHOOL_YEAR, groupBy: [SCHOOL]) { signals(followUpWithinDays: 7) { period { label } group { label } count followedUpWithinShare medianHoursToFirstFollowUp p90HoursToFirstFollowUp medianHoursToClose p90HoursToClose suppressedFigures } } }`,
    sql: (scope) => [signalsSql(scope({ from: FROM, to: TO, bucket: 'SCHOOL_YEAR', groupBy: ['SCHOOL'] }), 7)],
  },
  {
    name: 'reach per school per month',
    who: 'global',
    query: `{ evaluation(from: "${FROM}", to: "${TO}", bucket: MONTH, groupBy: [SCHOOL]) { reach { period { label } group { label } youngPeople enrolmentShare suppressed } } }`,
    sql: (scope) => [reachSql(scope({ from: FROM, to: TO, bucket: 'MONTH', groupBy: ['SCHOOL'] }))],
  },
  {
    name: 'consultations held vs planned per partnership',
    who: 'global',
    query: `{ evaluation(from: "${FROM}", to: "${TO}", bucket: SCHOOL_YEAR, groupBy: [PARTNERSHIP]) { consultations { period { label } group { label } held planned heldShare } } }`,
    sql: (scope) => [consultationsSql(scope({ from: FROM, to: TO, bucket: 'SCHOOL_YEAR', groupBy: ['PARTNERSHIP'] }))],
  },
  {
    name: 'monitor, last three rounds per partnership (city analyst)',
    who: 'city',
    query: `{ evaluation(from: "${THREE_YEARS}", to: "${TO}", bucket: SCHOOL_YEAR, groupBy: [PARTNERSHIP, ASSESSMENT_ROUND]) { monitor(lastRounds: 3) { group { label value } element averageScore minScore maxScore assessments } } }`,
    sql: (scope) => [monitorSql(scope({ from: THREE_YEARS, to: TO, bucket: 'SCHOOL_YEAR', groupBy: ['PARTNERSHIP', 'ASSESSMENT_ROUND'] }), 3)],
  },
  {
    name: 'all five families by city and month',
    who: 'global',
    query: `{ evaluation(from: "${FROM}", to: "${TO}", bucket: MONTH, groupBy: [CITY]) { activities { count } reach { youngPeople } signals { count } consultations { held } monitor { averageScore } } }`,
    sql: (scope) => {
      const s = scope({ from: FROM, to: TO, bucket: 'MONTH', groupBy: ['CITY'] });
      return [activitiesSql(s), reachSql(s), signalsSql(s, 7), consultationsSql(s), monitorSql(s, null)];
    },
  },
];


/** A global analyst and the analyst of the city with the most activities (or admins, if none). */
async function analysts(prisma: PrismaClient) {
  const global = await prisma.roleAssignment.findFirst({ where: { role: 'ANALYST', scope: 'GLOBAL' }, select: { personId: true } });
  const admin = await prisma.roleAssignment.findFirstOrThrow({ where: { role: 'ADMIN', scope: 'GLOBAL' }, select: { personId: true } });
  const city = await prisma.roleAssignment.findFirst({ where: { role: 'ANALYST', scope: 'CITY' }, select: { personId: true, cityId: true }, orderBy: { createdAt: 'asc' } });
  return { global: global?.personId ?? admin.personId, city: city ? { personId: city.personId, cityId: city.cityId! } : null };
}

async function benchDatabase(label: string, database: Config['database'], seed: boolean) {
  const db = await openDatabase(database);
  await db.withSession((s) => migrate(s));
  if (seed) await seedDemoData(db.prisma, { reset: true });
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_VIEWER_PER_MINUTE: '0', RATE_LIMIT_ADDRESS_PER_MINUTE: '0' }), database, seedDemoData: false };
  const app = await buildApp(config, { db, log: createLogger('silent') });
  const who = await analysts(db.prisma);
  const tokens = {
    global: await signToken(config.jwt, who.global),
    city: await signToken(config.jwt, who.city?.personId ?? who.global),
  };
  const rows: string[][] = [];
  for (const c of CASES) {
    const allowedCityIds = c.who === 'city' && who.city ? [who.city.cityId] : null;
    const statements = c.sql(({ groupBy, ...rest }) => ({ ...rest, allowedCityIds, dimensions: groupBy.map((name) => dimensionByName(name)!) }));
    const api = await time(async () => {
      const response = await app.yoga.fetch('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[c.who]}` },
        body: JSON.stringify({ query: c.query }),
      });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(`${c.name}: ${JSON.stringify(body.errors)}`);
    });
    // By hand: the same statements, side by side as GraphQL resolves sibling fields.
    const baseline = await time(() => Promise.all(statements.map((statement) => db.prisma.$queryRaw(statement))));
    rows.push([label, c.name, baseline.toFixed(2), api.toFixed(2), (api / baseline).toFixed(2)]);
  }
  await app.stop();
  await db.close();
  return rows;
}

async function scratchPostgres(action: 'create' | 'drop') {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  try {
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${SCRATCH_DB} WITH (FORCE)`);
    if (action === 'create') await client.query(`CREATE DATABASE ${SCRATCH_DB}`);
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const rows: string[][] = [];
if (process.env.DATABASE_URL) {
  rows.push(...(await benchDatabase('DATABASE_URL', { kind: 'postgres', url: process.env.DATABASE_URL }, false)));
} else {
  rows.push(...(await benchDatabase('pglite', { kind: 'pglite', dataDir: 'memory://' }, true)));
  if (await scratchPostgres('create')) {
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${SCRATCH_DB}`;
    rows.push(...(await benchDatabase('postgres', { kind: 'postgres', url: url.toString() }, true)));
    await scratchPostgres('drop');
  } else {
    console.log(`(PostgreSQL not reachable at ${POSTGRES_URL}: PGlite only)`);
  }
}
const header = ['database', 'evaluation query', 'SQL by hand (ms)', 'API (ms)', 'API / by hand'];
console.log(`medians of ${RUNS} runs after ${WARMUP} warm-up runs\n`);
console.log(`| ${header.join(' | ')} |\n|${header.map(() => ' --- ').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
