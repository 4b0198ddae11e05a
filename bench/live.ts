/**
 * `npm run bench:live`: live fan-out of the API against a plain `ws` broadcast, in one run, on a fresh
 * seeded PostgreSQL database. Both servers are child processes pinned to core 0 (taskset), this
 * client is pinned to core 1. For each N (BENCH_SUBSCRIBERS, default 1000,10000) it opens N
 * subscribers of `activityLogged(partnershipId)` (tokens of five people who may read it; the
 * graphql-transport-ws protocol spoken over plain `ws` sockets, so that the client does the same work
 * per message on both sides) and then N raw sockets, and measures: connect time for all, server RSS per idle subscriber (VmRSS delta / N),
 * write request → last delivery p50/p99 over BENCH_EVENTS events, server CPU per event
 * (/proc/<pid>/stat utime+stime; plus the CPU of this database's PostgreSQL backends) and SQL
 * statements per event (log_statement = 'all' on this database only, lines counted in the server log).
 */
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { DEMO_EMAILS, seedDemoData } from '../prisma/seed.ts';
import { signToken } from '../src/auth/token.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db.ts';
import { migrate } from '../src/migrate.ts';
import { admin, scratchDatabase } from './scratch-database.ts';

const PG_LOG = process.env.BENCH_PG_LOG ?? '/var/log/postgresql/postgresql-15-main.log';
const SIZES = (process.env.BENCH_SUBSCRIBERS ?? '1000,10000').split(',').map(Number);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10);
const CONNECT_BATCH = 250;
/** A directory: the API server runs with --cpu-prof and writes its profile there when the bench ends. */
const PROFILE = process.env.BENCH_PROFILE;
/** A directory: the API server writes a heap snapshot there once the first N subscribers are idle. */
const HEAP = process.env.BENCH_HEAP;
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const API_PORT = 4721;
const RAW_PORT = 4722;
const READERS = ['YOUTH_WORKER', 'SCHOOL_CONTACT', 'STUDENT_COUNSELLOR', 'POLICY_ADVISOR', 'ADMIN'] as const;
const ON_LOGGED = 'subscription ($p: ID) { activityLogged(partnershipId: $p) { id kind partnership { name } } }';
const LOG = 'mutation ($input: LogActivityInput!) { logActivity(input: $input) { activity { id } } }';

const taskset = (() => { try { execSync('taskset -c 0 true', { stdio: 'ignore' }); return true; } catch { return false; } })();
if (taskset) execSync(`taskset -cp 1 ${process.pid}`, { stdio: 'ignore' });

const scratch = await scratchDatabase('jw_live');
const NAME = scratch.name;
const DATABASE_URL = scratch.url;

const children: ChildProcess[] = [];
async function cleanUp() {
  // BENCH_PROFILE: the API writes its CPU profile when it stops (SIGTERM), so give it time to.
  if (PROFILE) await Promise.all(children.slice(0, 1).map((c) => new Promise((resolve) => { c.once('exit', resolve); c.kill('SIGTERM'); setTimeout(resolve, 20_000); })));
  for (const c of children) c.kill('SIGKILL');
  await scratch.drop().catch(() => {});
}
process.on('SIGINT', () => void cleanUp().then(() => process.exit(130)));


async function main() {
  const database = { kind: 'postgres', url: DATABASE_URL } as const;
  const db = await openDatabase(database);
  await db.withSession((s) => migrate(s));
  await seedDemoData(db.prisma, { reset: true });
  const env = {
    NODE_ENV: 'production', LOG_LEVEL: 'warn', GRAPHIQL: 'false', JWT_SECRET: SECRET, DATABASE_URL,
    RATE_LIMIT_VIEWER_PER_MINUTE: '0', RATE_LIMIT_ADDRESS_PER_MINUTE: '0',
    // Thousands of subscriptions per person (five people hold them all); no fallback poll inside a measurement.
    MAX_SUBSCRIPTIONS_PER_VIEWER: '1000000', LIVE_POLL_MS: '600000', RETENTION_INTERVAL_MINUTES: '0',
  };
  const config = loadConfig(env);
  const tokens = await Promise.all(
    READERS.map(async (r) => signToken(config.jwt, (await db.prisma.person.findUniqueOrThrow({ where: { email: DEMO_EMAILS[r] } })).id)),
  );
  const assignment = await db.prisma.roleAssignment.findFirstOrThrow({ where: { role: 'YOUTH_WORKER', person: { email: DEMO_EMAILS.YOUTH_WORKER } } });
  const partnershipId = Buffer.from(`Partnership:${assignment.partnershipId}`).toString('base64');
  await db.close();
  await admin(`ALTER DATABASE "${NAME}" SET log_statement = 'all'`);

  const start = (args: string[], port: number) => {
    const cmd = taskset ? ['taskset', '-c', '0', ...args] : args;
    const child = spawn(cmd[0]!, cmd.slice(1), { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
    children.push(child);
    return child;
  };
  execSync('npm run build', { stdio: 'ignore' });
  const api = start(
    ['node', ...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE}`] : []), ...(HEAP ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${HEAP}`] : []), 'dist/src/server.js'],
    API_PORT,
  );
  const raw = start(['node', '--import', 'tsx', 'bench/live-raw-server.ts'], RAW_PORT);
  await ready(`http://127.0.0.1:${API_PORT}/ready`);
  await ready(`http://127.0.0.1:${RAW_PORT}/ready`);
  // With taskset, the pid is taskset's until it execs node: the same pid.
  const apiPid = api.pid!;
  const rawPid = raw.pid!;

  const graphql = async (query: string, variables: unknown) => {
    const r = await fetch(`http://127.0.0.1:${API_PORT}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[0]}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await r.json()) as { data?: any; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const logActivity = async () =>
    (await graphql(LOG, { input: { partnershipId, kind: 'BREAK_CONVERSATION', startsAt: new Date().toISOString(), durationMinutes: 10 } })).logActivity.activity.id as string;

  // SQL of the write alone (no subscribers): what an event costs beyond it is the fan-out.
  await logActivity();
  const writeOnly = await countStatements(async () => void (await logActivity()));
  await sleep(3000); // start-up garbage collected before the first RSS reading

  const results: Result[] = [];
  for (const n of SIZES) {
    // --- API ---
    const delivered = new Deliveries();
    let messageBytes = 0;
    let failures = 0;
    const rss0 = rssKiB(apiPid);
    const t0 = performance.now();
    const clients: WebSocket[] = [];
    for (let i = 0; i < n; i += CONNECT_BATCH) {
      await Promise.all(
        Array.from({ length: Math.min(CONNECT_BATCH, n - i) }, (_, j) =>
          new Promise<void>((resolve, reject) => {
            // The graphql-transport-ws protocol over a plain \`ws\` socket, one JSON.parse per message
            // like the raw clients below: the client's work is the same on both sides.
            const ws = new WebSocket(`ws://127.0.0.1:${API_PORT}/graphql`, 'graphql-transport-ws');
            clients.push(ws);
            ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${tokens[(i + j) % tokens.length]}` } })));
            ws.on('error', reject);
            ws.on('close', (code) => reject(new Error(`closed ${code}`)));
            ws.on('message', (data) => {
              const message = JSON.parse(String(data)) as { type: string; payload?: { data?: { activityLogged?: { id: string } } } };
              if (message.type === 'connection_ack') {
                resolve();
                ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: ON_LOGGED, variables: { p: partnershipId } } }));
              } else if (message.type === 'next') {
                const id = message.payload?.data?.activityLogged?.id;
                if (!id) return void failures++;
                if (!messageBytes) messageBytes = String(data).length;
                delivered.got(id, n);
              } else if (message.type === 'error') failures++;
            });
          }),
        ),
      );
    }
    const apiConnect = performance.now() - t0;
    await sleep(1000 + n / 10); // subscribe messages handled
    const apiRss = ((rssKiB(apiPid) - rss0) * 1024) / n;
    if (HEAP && n === SIZES[0]) {
      process.kill(apiPid, 'SIGUSR2');
      await sleep(5000 + n);
    }
    // Warm: every subscriber has one event (and all subscriptions are live).
    const warm = await logActivity();
    await delivered.all(warm, 120_000);
    const apiRun = await events(apiPid, async () => {
      const start = performance.now();
      const id = await logActivity();
      const written = performance.now();
      const last = await delivered.all(id, 120_000);
      return { latency: last - start, write: written - start };
    });
    const sql = await countStatements(async () => void (await delivered.all(await logActivity(), 120_000)));
    for (const ws of clients) ws.terminate();
    await sleep(1000);
    if (failures) console.error(`API: ${failures} deliveries were errors`);

    // --- raw ---
    const rawDelivered = new Deliveries();
    const rawRss0 = rssKiB(rawPid);
    const r0 = performance.now();
    const sockets: WebSocket[] = [];
    for (let i = 0; i < n; i += CONNECT_BATCH) {
      await Promise.all(
        Array.from({ length: Math.min(CONNECT_BATCH, n - i) }, () =>
          new Promise<void>((resolve, reject) => {
            const ws = new WebSocket(`ws://127.0.0.1:${RAW_PORT}/`);
            sockets.push(ws);
            ws.on('open', () => resolve());
            ws.on('error', reject);
            ws.on('message', (data) => rawDelivered.got(String((JSON.parse(String(data)) as { seq: number }).seq), n));
          }),
        ),
      );
    }
    const rawConnect = performance.now() - r0;
    await sleep(1000 + n / 10);
    const rawRss = ((rssKiB(rawPid) - rawRss0) * 1024) / n;
    let seq = 0;
    const broadcast = async () => {
      const s = ++seq;
      const start = performance.now();
      await fetch(`http://127.0.0.1:${RAW_PORT}/broadcast?bytes=${messageBytes}&seq=${s}`, { method: 'POST' }).then((r) => r.text());
      const written = performance.now();
      return { start, written, last: await rawDelivered.all(String(s), 120_000) };
    };
    await broadcast();
    const rawRun = await events(rawPid, async () => {
      const { start, written, last } = await broadcast();
      return { latency: last - start, write: written - start };
    });
    for (const ws of sockets) ws.terminate();
    await sleep(1000);

    results.push({ n, messageBytes, api: { connect: apiConnect, rss: apiRss, ...apiRun, sql }, raw: { connect: rawConnect, rss: rawRss, ...rawRun } });
    console.error(`N=${n} done: ${JSON.stringify(results.at(-1))}`);
  }

  const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 1 : 0)} ms`);
  const kib = (v: number) => `${(v / 1024).toFixed(1)} KiB`;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
  const lines = [
    `Live fan-out, API (\`node dist/src/server.js\`, production) vs raw \`ws\` broadcast, same run; servers on core 0, client on core 1; ${EVENTS} events per row; message ≈ ${results[0]?.messageBytes} bytes.`,
    `SQL of the \`logActivity\` write alone (no subscribers): ${writeOnly} statements.`,
    '',
    '| subscribers | measure | API | raw | API/raw |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const r of results) {
    const row = (m: string, a: string, b: string, x: string) => lines.push(`| ${r.n.toLocaleString('en')} | ${m} | ${a} | ${b} | ${x} |`);
    row('connect all', ms(r.api.connect), ms(r.raw.connect), ratio(r.api.connect, r.raw.connect));
    row('RSS per idle subscriber', kib(r.api.rss), kib(r.raw.rss), ratio(r.api.rss, r.raw.rss));
    row('write request → last delivery p50', ms(r.api.p50), ms(r.raw.p50), ratio(r.api.p50, r.raw.p50));
    row('write request → last delivery p99', ms(r.api.p99), ms(r.raw.p99), ratio(r.api.p99, r.raw.p99));
    row('write response time p50', ms(r.api.write), ms(r.raw.write), ratio(r.api.write, r.raw.write));
    row('server CPU per event', ms(r.api.cpu), ms(r.raw.cpu), ratio(r.api.cpu, r.raw.cpu));
    row('PostgreSQL CPU per event', ms(r.api.pgCpu), '–', '');
    row('SQL statements per event (fan-out beyond the write)', `${r.api.sql} (${r.api.sql - writeOnly})`, '0', '');
  }
  console.log(lines.join('\n'));
}

interface Run { p50: number; p99: number; write: number; cpu: number; pgCpu: number }
interface Result {
  n: number;
  messageBytes: number;
  api: Run & { connect: number; rss: number; sql: number };
  raw: Run & { connect: number; rss: number };
}

async function events(pid: number, one: () => Promise<{ latency: number; write: number }>): Promise<Run> {
  const latencies: number[] = [];
  const writes: number[] = [];
  const cpu0 = cpuMs(pid);
  const pg0 = postgresCpuMs();
  for (let i = 0; i < EVENTS; i++) {
    const { latency, write } = await one();
    latencies.push(latency);
    writes.push(write);
    await sleep(100);
  }
  const cpu = (cpuMs(pid) - cpu0) / EVENTS;
  const pgCpu = (postgresCpuMs() - pg0) / EVENTS;
  return { p50: pct(latencies, 50), p99: pct(latencies, 99), write: pct(writes, 50), cpu, pgCpu };
}

/** Per event id: how many subscribers got it, and when the last one did. */
class Deliveries {
  private counts = new Map<string, number>();
  private done = new Map<string, number>();
  private waiting = new Map<string, (at: number) => void>();
  got(id: string, n: number) {
    const c = (this.counts.get(id) ?? 0) + 1;
    this.counts.set(id, c);
    if (c === n) {
      const at = performance.now();
      this.done.set(id, at);
      this.waiting.get(id)?.(at);
    }
  }
  all(id: string, timeoutMs: number): Promise<number> {
    const at = this.done.get(id);
    if (at !== undefined) return Promise.resolve(at);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`event ${id}: ${this.counts.get(id) ?? 0} deliveries after ${timeoutMs} ms`)), timeoutMs);
      this.waiting.set(id, (t) => {
        clearTimeout(timer);
        resolve(t);
      });
    });
  }
}

/** Statements PostgreSQL logged for this database while `fn` ran (log_statement = 'all' on it). */
async function countStatements(fn: () => Promise<void>) {
  const from = statSync(PG_LOG).size;
  await fn();
  await sleep(500);
  const to = statSync(PG_LOG).size;
  const fd = openSync(PG_LOG, 'r');
  const buffer = Buffer.alloc(to - from);
  readSync(fd, buffer, 0, buffer.length, from);
  closeSync(fd);
  const statements = buffer.toString('utf8').split('\n').filter((l) => l.includes(`@${NAME} LOG:  `) && /LOG: {2}(statement|execute [^:]*):/.test(l));
  if (process.env.BENCH_SHOW_SQL) console.error(statements.map((l) => l.replace(/^.*LOG: {2}/, '').slice(0, 160)).join('\n'), '\n');
  return statements.length;
}

function cpuMs(pid: number) {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
}
/** CPU of the PostgreSQL backends serving this database. */
function postgresCpuMs() {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${NAME} `)) total += cpuMs(Number(pid));
    } catch {}
  }
  return total;
}
const rssKiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function ready(u: string) {
  for (let i = 0; i < 300; i++) {
    try { if ((await fetch(u)).ok) return; } catch {}
    await sleep(100);
  }
  throw new Error(`${u} did not start`);
}

try {
  await main();
} finally {
  await cleanUp();
}
