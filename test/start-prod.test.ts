/**
 * The built server as an operator runs it: `npm run build`, then `node dist/src/server.js` (what
 * `npm run start:prod` and the container run), on an embedded database of its own. Signals are sent
 * the way a container runtime does (SIGTERM to the process) and a terminal does (SIGINT to the
 * whole process group of `npm run start:prod`).
 *
 * Runs once (PGlite project): it is about the process, the port and the embedded database's lock.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from './support/database.ts';

const ROOT = join(import.meta.dirname, '..');
let work: string;
const started: ChildProcess[] = [];

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `command` with its own data directory and waits for its "server ready" line. */
function startServer(command: string[], env: Record<string, string>, { detached = false } = {}): Promise<Running> {
  const child = spawn(command[0]!, command.slice(1), {
    cwd: ROOT,
    detached,
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', PORT: '0', RETENTION_INTERVAL_MINUTES: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "server ready" within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /"url":"([^"]+)".*"msg":"server ready"/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve({ child, url: ready[1]!, output: () => output, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`exited with ${code} before ready:\n${output}`)));
  });
}

/**
 * POSTs a query but sends only half of the body, so the request is in flight; `finish()` sends the
 * rest and resolves with the status and body of the answer.
 */
function halfSentRequest(url: string, query: string) {
  const body = JSON.stringify({ query });
  const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on('error', reject);
  });
  req.write(body.slice(0, 10));
  return {
    async finish() {
      req.end(body.slice(10));
      return answer;
    },
  };
}

const lockOf = (dataDir: string) => `${dataDir}.lock`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(() => {
  if (testDatabaseKind !== 'pglite') return;
  work = mkdtempSync(join(tmpdir(), 'start-prod-'));
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
}, 180_000);

afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.runIf(testDatabaseKind === 'pglite')('the built server (npm run build, npm run start:prod)', () => {
  it('SIGTERM lets the request in flight finish, exits 0 and leaves no lock, so the next start succeeds at once', async () => {
    const dataDir = join(work, 'sigterm');
    const first = await startServer([process.execPath, 'dist/src/server.js'], { PGLITE_DATA_DIR: dataDir });
    expect(existsSync(lockOf(dataDir))).toBe(true);

    const inFlight = halfSentRequest(first.url, '{ __typename }');
    await sleep(200);
    first.child.kill('SIGTERM');
    await sleep(300);
    // Still draining: the request that had begun is answered in full.
    expect(first.child.exitCode).toBeNull();
    const answer = await inFlight.finish();
    expect(answer).toEqual({ status: 200, body: JSON.stringify({ data: { __typename: 'Query' } }) });
    expect(await first.exited).toBe(0);
    expect(existsSync(lockOf(dataDir)), 'lock released').toBe(false);

    const startedAt = Date.now();
    const second = await startServer([process.execPath, 'dist/src/server.js'], { PGLITE_DATA_DIR: dataDir });
    expect(second.output()).not.toContain('in use');
    expect(Date.now() - startedAt).toBeLessThan(15_000);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 180_000);

  it('Ctrl-C in a terminal (SIGINT to the group of npm run start:prod) stops the server cleanly too', async () => {
    const dataDir = join(work, 'sigint');
    const running = await startServer(['npm', 'run', 'start:prod'], { PGLITE_DATA_DIR: dataDir }, { detached: true });
    const inFlight = halfSentRequest(running.url, '{ __typename }');
    await sleep(200);
    process.kill(-running.child.pid!, 'SIGINT');
    await sleep(300);
    const answer = await inFlight.finish();
    expect(answer.status).toBe(200);
    await running.exited;
    // npm exits with the server; the lock is gone once the server has closed the database.
    await expect.poll(() => existsSync(lockOf(dataDir)), { timeout: 5_000 }).toBe(false);
    const next = await startServer([process.execPath, 'dist/src/server.js'], { PGLITE_DATA_DIR: dataDir });
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
  }, 180_000);

  it('a taken port stops the start with one line, before the database is touched', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    const dataDir = join(work, 'port-taken');
    try {
      const result = spawnSync(process.execPath, ['dist/src/server.js'], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PGLITE_DATA_DIR: dataDir, LOG_LEVEL: 'info' },
      });
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(`Cannot start: port ${port} on 127.0.0.1 is already in use (set PORT to another one).`);
      expect(result.stdout).not.toContain('migrations applied');
      expect(existsSync(dataDir), 'no database created').toBe(false);
    } finally {
      taken.close();
    }
  }, 60_000);
});
