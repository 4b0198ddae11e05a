/**
 * `npm run bench:baseline`: the API in production mode (`node dist/src/server.js`) against a
 * hand-written node:http + pg server (bench/baseline-server.ts) doing the same SQL, access rule and
 * JWT check, on a fresh seeded PostgreSQL database, in one run, A B A B. Both servers are pinned to
 * core 0 (taskset) when available. Reports req/s, p50/p99, server CPU per request (/proc/<pid>/stat)
 * and SQL statements per request (API: Prisma query events of an in-process app on the same
 * database; baseline: counted in-process). BENCH_SECONDS (default 5) sets the length of each run,
 * BENCH_SCREENS (e.g. `activities,logActivity`) picks screens by their baseline route.
 * BENCH_AGAINST=<dir> also measures another build of the API (`<dir>/src/server.js`, e.g. a copy of
 * dist/ made at an earlier commit) in the same rotation (A B C A B C), to compare a change with the
 * build before it; BENCH_NODE_FLAGS / BENCH_AGAINST_NODE_FLAGS add node flags to either (e.g. to
 * compare V8 settings on one build); BENCH_PROFILE=<dir> writes a CPU profile of the API server.
 */
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { seedDemoData } from '../prisma/seed.ts';
import { buildApp } from '../src/app.ts';
import { signToken } from '../src/auth/token.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db.ts';
import { createLogger } from '../src/logger.ts';
import { migrate } from '../src/migrate.ts';
import { scratchDatabase } from './scratch-database.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const API_PORT = 4711;
const BASE_PORT = 4712;
const AGAINST_PORT = 4713;
const AGAINST = process.env.BENCH_AGAINST;
const PROFILE = process.env.BENCH_PROFILE;
const flags = (name: string) => process.env[name]?.split(' ').filter(Boolean) ?? [];

const scratch = await scratchDatabase('jw_baseline');
const DATABASE_URL = scratch.url;

const database = { kind: 'postgres', url: DATABASE_URL } as const;
const db = await openDatabase(database);
await db.withSession((s) => migrate(s));
await seedDemoData(db.prisma, { reset: true });
const env = { LOG_LEVEL: 'silent', RATE_LIMIT_VIEWER_PER_MINUTE: '0', RATE_LIMIT_ADDRESS_PER_MINUTE: '0', JWT_SECRET: SECRET, DATABASE_URL };
const config = { ...loadConfig(env), database, seedDemoData: false };
const adminPerson = await db.prisma.person.findUniqueOrThrow({ where: { email: 'admin@demo.jongerenwerk.example' } });
const token = await signToken(config.jwt, adminPerson.id);
const partnership = await db.prisma.partnership.findFirstOrThrow({ where: { status: 'ACTIVE' }, orderBy: { name: 'asc' } });
const partnershipGid = Buffer.from(`Partnership:${partnership.id}`).toString('base64');

interface Screen { name: string; query: string; variables?: () => Record<string, unknown>; base: string; body?: () => Record<string, unknown> }
const startsAt = () => new Date(Date.now() - 3600_000).toISOString();
const ALL_SCREENS: Screen[] = [
  { name: '`{ __typename }` with a token', query: '{ __typename }', base: 'typename' },
  {
    name: 'a partnership by `node(id)`, 6 fields',
    query: 'query($id: ID!) { node(id: $id) { ... on Partnership { id name form status goals version } } }',
    variables: () => ({ id: partnershipGid }),
    base: 'node',
    body: () => ({ id: partnership.id }),
  },
  {
    name: '`activities(first: 100)` + partnership, school, facilitators, totalCount',
    query: '{ activities(first: 100) { totalCount edges { node { id kind startsAt durationMinutes partnership { name school { name } } facilitators { name } } } } }',
    base: 'activities',
  },
  {
    name: '`logActivity` (break conversation)',
    query: 'mutation($input: LogActivityInput!) { logActivity(input: $input) { activity { id kind } } }',
    variables: () => ({ input: { partnershipId: partnershipGid, kind: 'BREAK_CONVERSATION', startsAt: startsAt(), durationMinutes: 15, participantCount: 6 } }),
    base: 'logActivity',
    body: () => ({ partnershipId: partnership.id, startsAt: startsAt() }),
  },
];
// BENCH_SCREENS=activities,logActivity measures only those screens (by their baseline route).
const only = process.env.BENCH_SCREENS?.split(',');
const SCREENS = only ? ALL_SCREENS.filter((s) => only.includes(s.base)) : ALL_SCREENS;

const apiRequest = (s: Screen, port = API_PORT) => () =>
  fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: s.query, variables: s.variables?.() }),
  });
const baseRequest = (s: Screen) => () =>
  fetch(`http://127.0.0.1:${BASE_PORT}/${s.base}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(s.body?.() ?? {}),
  });

// SQL statements per request of the API: Prisma's query events of an in-process app, same database.
const inProcess = await buildApp(config, { db, log: createLogger('silent') });
const apiSql: number[] = [];
for (const s of SCREENS) {
  const run = async () =>
    (await inProcess.yoga.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: s.query, variables: s.variables?.() }),
    })).json() as { errors?: unknown };
  const warm = await run();
  if (warm.errors) throw new Error(`${s.name}: ${JSON.stringify(warm.errors)}`);
  let n = 0;
  const off = db.onQuery(() => n++);
  await run();
  off();
  apiSql.push(n);
}
await inProcess.stop();

const taskset = (() => { try { execSync('taskset -c 0 true'); return true; } catch { return false; } })();
function start(args: string[], port: number): ChildProcess {
  const cmd = taskset ? ['taskset', '-c', '0', ...args] : args;
  return spawn(cmd[0]!, cmd.slice(1), { env: { ...process.env, ...env, PORT: String(port), NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'inherit'] });
}
async function ready(check: () => Promise<Response>) {
  for (let i = 0; i < 300; i++) {
    try { if ((await check()).ok) return; } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}
const cpuMs = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in clock ticks (100/s)
};

execSync('npm run build', { stdio: 'ignore' });
const api = start(['node', ...flags('BENCH_NODE_FLAGS'), ...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE}`] : []), 'dist/src/server.js'], API_PORT);
const base = start(['node', '--import', 'tsx', 'bench/baseline-server.ts'], BASE_PORT);
const against = AGAINST ? start(['node', ...flags('BENCH_AGAINST_NODE_FLAGS'), `${AGAINST}/src/server.js`], AGAINST_PORT) : undefined;
await ready(apiRequest(ALL_SCREENS[0]!));
if (against) await ready(apiRequest(ALL_SCREENS[0]!, AGAINST_PORT));
await ready(() => fetch(`http://127.0.0.1:${BASE_PORT}/stats`));

async function load(pid: number, request: () => Promise<Response>) {
  const latencies: number[] = [];
  const cpu0 = cpuMs(pid);
  const end = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const r = await request();
        const text = await r.text();
        if (!r.ok || text.includes('"errors"')) throw new Error(`${r.status} ${text.slice(0, 300)}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies, cpu: cpuMs(pid) - cpu0 };
}
const stats = () => fetch(`http://127.0.0.1:${BASE_PORT}/stats`).then((r) => r.json() as Promise<{ statements: number }>);

type Acc = { n: number; lat: number[]; cpu: number };
const rows: string[][] = [];
for (const [i, s] of SCREENS.entries()) {
  // Warm-up both, then A B A B.
  await load(api.pid!, apiRequest(s)).catch((e) => { throw new Error(`API ${s.name}: ${e}`); });
  await load(base.pid!, baseRequest(s));
  if (against) await load(against.pid!, apiRequest(s, AGAINST_PORT));
  const a: Acc = { n: 0, lat: [], cpu: 0 };
  const b: Acc = { n: 0, lat: [], cpu: 0 };
  const c: Acc = { n: 0, lat: [], cpu: 0 };
  let baseSql = 0;
  for (let round = 0; round < 2; round++) {
    const ra = await load(api.pid!, apiRequest(s));
    a.n += ra.latencies.length; a.lat.push(...ra.latencies); a.cpu += ra.cpu;
    const before = (await stats()).statements;
    const rb = await load(base.pid!, baseRequest(s));
    baseSql += (await stats()).statements - before;
    b.n += rb.latencies.length; b.lat.push(...rb.latencies); b.cpu += rb.cpu;
    if (against) {
      const rc = await load(against.pid!, apiRequest(s, AGAINST_PORT));
      c.n += rc.latencies.length; c.lat.push(...rc.latencies); c.cpu += rc.cpu;
    }
  }
  const pct = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.floor((xs.length - 1) * p)]!.toFixed(1);
  const rps = (x: Acc) => x.n / (2 * SECONDS);
  rows.push([
    s.name,
    rps(a).toFixed(0),
    rps(b).toFixed(0),
    (rps(a) / rps(b)).toFixed(2),
    `${pct(a.lat, 0.5)} / ${pct(a.lat, 0.99)}`,
    `${pct(b.lat, 0.5)} / ${pct(b.lat, 0.99)}`,
    `${(a.cpu / a.n).toFixed(2)} / ${(b.cpu / b.n).toFixed(2)}`,
    ((b.cpu / b.n) / (a.cpu / a.n)).toFixed(2),
    `${apiSql[i]} / ${(baseSql / b.n).toFixed(0)}`,
  ]);
  if (against) {
    rows.push([
      `… the build in ${AGAINST}`,
      rps(c).toFixed(0),
      rps(b).toFixed(0),
      (rps(c) / rps(b)).toFixed(2),
      `${pct(c.lat, 0.5)} / ${pct(c.lat, 0.99)}`,
      `${pct(b.lat, 0.5)} / ${pct(b.lat, 0.99)}`,
      `${(c.cpu / c.n).toFixed(2)} / ${(b.cpu / b.n).toFixed(2)}`,
      ((b.cpu / b.n) / (c.cpu / c.n)).toFixed(2),
      `(this build / the other: ${(rps(a) / rps(c)).toFixed(2)}× req/s, ${((a.cpu / a.n) / (c.cpu / c.n)).toFixed(2)}× CPU)`,
    ]);
  }
}
api.kill('SIGTERM');
base.kill();
against?.kill();
if (PROFILE) await new Promise((resolve) => api.once('exit', resolve)); // the profile is written on exit
await db.close();
await scratch.drop();

const header = ['screen', 'API req/s', 'by hand req/s', 'ratio', 'API p50 / p99 (ms)', 'by hand p50 / p99 (ms)', 'CPU per request API / by hand (ms)', 'CPU ratio (by hand / API)', 'SQL per request API / by hand'];
console.log(`${CONNECTIONS} connections, ${SECONDS} s × 2 per screen and server (A B A B), ${taskset ? 'servers pinned to core 0' : 'not pinned'}\n`);
console.log(`| ${header.join(' | ')} |\n|${header.map(() => ' --- ').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
