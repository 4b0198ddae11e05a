/**
 * PostgreSQL going away under a running server (issue 11): requests get a coded, retryable 503,
 * never "Unexpected error.", and the server recovers by itself when the database is back. The
 * outage is a TCP proxy between the server and the shared PostgreSQL that is cut and restored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.ts';
import { signToken } from '../src/auth/token.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { type Database, openDatabase } from '../src/db.ts';
import { createLogger } from '../src/logger.ts';
import { DEMO_EMAILS } from '../prisma/seed.ts';
import { type TestDatabaseConfig, testDatabaseKind } from './support/database.ts';
import { type cuttableProxy, proxiedDatabase } from './support/proxy.ts';

describe.runIf(testDatabaseKind === 'postgres')('the database becomes unavailable', () => {
  let database: TestDatabaseConfig;
  let proxy: Awaited<ReturnType<typeof cuttableProxy>>;
  let db: Database;
  let app: App;
  let url: string;
  let token: string;

  beforeAll(async () => {
    let proxied: string;
    ({ database, proxy, proxied } = await proxiedDatabase());
    db = await openDatabase({ kind: 'postgres', url: proxied });
    const config: Config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database: { kind: 'postgres', url: proxied }, seedDemoData: false };
    app = await buildApp(config, { db, log: createLogger('silent') });
    ({ url } = await app.start(0, '127.0.0.1'));
    const person = await db.prisma.person.findUniqueOrThrow({ where: { email: DEMO_EMAILS.ADMIN }, select: { id: true } });
    token = await signToken(config.jwt, person.id);
  });
  afterAll(async () => {
    await app?.stop();
    await db?.close();
    await proxy?.close();
    await database?.drop();
  });

  const me = () =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { name } }' }),
    });

  it('answers 503 SERVICE_UNAVAILABLE (retryable) while it is down, and recovers by itself', async () => {
    expect((await me()).status).toBe(200);
    await proxy.cut();
    const down = await me();
    const body = await down.json();
    expect(down.status, JSON.stringify(body)).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    const ready = await fetch(new URL('/ready', url));
    expect(ready.status).toBe(503);

    await proxy.restore();
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await me()).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
  });
});

describe('isDatabaseUnavailable', () => {
  it('a connection refused by the database server counts, a broken query does not', async () => {
    const { isDatabaseUnavailable } = await import('../src/errors.ts');
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: refused }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax error at or near'), { code: '42601' }))).toBe(false);
  });
});
