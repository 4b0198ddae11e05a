/**
 * What an operations team relies on: Prometheus metrics, one log line per request, CORS, response
 * compression and the introspection setting, in development and with production defaults.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { chooseEncoding } from '../src/server-plugins/use-compression.ts';
import { dataOf, sseSubscribe, untilLive, wsConnect } from './support/clients.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { E2ePartnershipsDocument, LogActivityDocument, OnActivityLoggedDocument } from './generated/graphql.ts';

const SECRET = 'operating-test-secret-0123456789-abcdefghij';
const ALLOWED = 'https://app.jongerenwerk.example';

let dev: TestApp;
let prod: TestApp;
const logLines: Record<string, unknown>[] = [];
let rawLog = '';

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _enc, done) {
      rawLog += chunk.toString();
      for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  dev = await createTestApp({ env: { CORS_ORIGINS: `${ALLOWED}, https://other.jongerenwerk.example` }, log: pino({ level: 'info' }, sink) });
  prod = await createTestApp({ env: { NODE_ENV: 'production', JWT_SECRET: SECRET } });
});

afterAll(async () => {
  await dev?.close();
  await prod?.close();
});

const post = (t: TestApp, body: unknown, headers: Record<string, string> = {}) =>
  t.app.yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify(body),
  });

async function metricsText(t: TestApp) {
  const response = await t.app.yoga.fetch('http://test/metrics');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/** The value of one sample line (`name{labels} value`), or undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const matches = Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`));
    if (matches) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('metrics at /metrics', () => {
  it('counts operations by name and errors by code, in Prometheus text', async () => {
    const token = await dev.tokenFor('YOUTH_WORKER');
    const before = await metricsText(dev);
    const seen = sample(before, 'graphql_requests_total', { operationName: 'MetricsProbe' }) ?? 0;
    for (let i = 0; i < 3; i++) {
      expect((await post(dev, { query: 'query MetricsProbe { me { name } }' }, { authorization: `Bearer ${token}` })).status).toBe(200);
    }
    await post(dev, { query: 'query MetricsRefused { me { name } }' });
    await post(dev, { query: 'query MetricsInvalid { noSuchField }' });
    const text = await metricsText(dev);
    expect(sample(text, 'graphql_requests_total', { operationName: 'MetricsProbe', operationType: 'query' })).toBe(seen + 3);
    expect(sample(text, 'graphql_errors_total', { code: 'UNAUTHENTICATED', operationName: 'MetricsRefused' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED', phase: 'validate' })).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('code="INTERNAL_SERVER_ERROR"');
    expect(sample(text, 'graphql_request_duration_seconds_count', { operationName: 'MetricsProbe' })).toBe(seen + 3);
    expect(text).toMatch(/^# TYPE graphql_yoga_http_duration histogram$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    if (dev.db.kind === 'postgres') {
      expect(sample(text, 'db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'db_pool_connections', { state: 'waiting' })).toBe(0);
    } else {
      expect(text).not.toContain('db_pool_connections');
    }
  });

  let started: Promise<{ url: string }> | undefined;
  const listening = () => (started ??= dev.app.start(0, '127.0.0.1'));

  it('shows the subscriptions open now', async () => {
    const { url } = await listening();
    const token = await dev.tokenFor('YOUTH_WORKER');
    const partnershipId = dataOf(await dev.execute(E2ePartnershipsDocument, undefined, { token })).partnerships.edges[0]!.node.id;
    const open = () => metricsText(dev).then((t) => sample(t, 'graphql_active_subscriptions', { operationName: 'OnActivityLogged' }) ?? 0);
    const before = await open();
    const feed = await sseSubscribe(url, OnActivityLoggedDocument, { partnershipId }, token);
    try {
      await untilLive(feed, async () => {
        const input = { partnershipId, kind: 'BREAK_CONVERSATION' as const, startsAt: new Date().toISOString(), durationMinutes: 10, participantCount: 2 };
        return dataOf(await dev.execute(LogActivityDocument, { input }, { token })).logActivity.activity!.id;
      }, (d) => d.activityLogged.id);
      expect(await open()).toBe(before + 1);
    } finally {
      await feed.close();
    }
    await expect.poll(open, { timeout: 5_000 }).toBe(before);
  });

  it('shows the subscriptions open now over graphql-ws, pushed to their sockets: until completed, or until the socket closes', async () => {
    const { url } = await listening();
    const token = await dev.tokenFor('YOUTH_WORKER');
    const partnershipId = dataOf(await dev.execute(E2ePartnershipsDocument, undefined, { token })).partnerships.edges[0]!.node.id;
    const open = () => metricsText(dev).then((t) => sample(t, 'graphql_active_subscriptions', { operationName: 'OnActivityLogged' }) ?? 0);
    const log = async () => {
      const input = { partnershipId, kind: 'BREAK_CONVERSATION' as const, startsAt: new Date().toISOString(), durationMinutes: 10, participantCount: 2 };
      return dataOf(await dev.execute(LogActivityDocument, { input }, { token })).logActivity.activity!.id;
    };
    const before = await open();
    const connection = wsConnect(url, token);
    try {
      await untilLive(connection.subscribe(OnActivityLoggedDocument, { partnershipId }), log, (d) => d.activityLogged.id);
      const completed = connection.subscribe(OnActivityLoggedDocument, { partnershipId });
      await untilLive(completed, log, (d) => d.activityLogged.id);
      expect(await open()).toBe(before + 2);
      await completed.close();
      await expect.poll(open, { timeout: 5_000 }).toBe(before + 1);
    } finally {
      await connection.close();
    }
    await expect.poll(open, { timeout: 5_000 }).toBe(before);
  });

  it('can be turned off', async () => {
    const off = await createTestApp({ env: { METRICS: 'false' } });
    try {
      expect((await off.app.yoga.fetch('http://test/metrics')).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});

describe('one log line per request', () => {
  it('names the request ID, operation, status, duration and error codes, never the token or the variables', async () => {
    const token = await dev.tokenFor('YOUTH_WORKER');
    const secretValue = 'do-not-log-this-value-4711';
    const response = await post(
      dev,
      { query: 'query LoggedProbe($q: String) { me { name } partnerships(first: 1, filter: { search: $q }) { totalCount } }', variables: { q: secretValue } },
      { authorization: `Bearer ${token}`, 'x-request-id': 'req-from-the-proxy-0001' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req-from-the-proxy-0001');
    await post(dev, { query: 'query LoggedRefused { me { name } }' }, { 'x-request-id': 'bad id with spaces' });

    const line = logLines.find((l) => l.reqId === 'req-from-the-proxy-0001');
    expect(line).toMatchObject({ msg: 'request', method: 'POST', path: '/graphql', operationName: 'LoggedProbe', operationType: 'query', status: 200 });
    expect(line!.durationMs).toEqual(expect.any(Number));
    expect(line).not.toHaveProperty('codes');
    const refused = logLines.find((l) => l.operationName === 'LoggedRefused');
    expect(refused).toMatchObject({ codes: ['UNAUTHENTICATED'] });
    expect(refused!.reqId).toMatch(/^[0-9a-f-]{36}$/);
    expect(rawLog).not.toContain(token);
    expect(rawLog).not.toContain(secretValue);
    expect(rawLog).not.toContain('Aaron');
  });
});

describe('CORS', () => {
  const preflight = (t: TestApp, origin: string) =>
    t.app.yoga.fetch('http://test/graphql', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });

  it('allows the listed origins and no other', async () => {
    expect((await preflight(dev, ALLOWED)).headers.get('access-control-allow-origin')).toBe(ALLOWED);
    const other = await preflight(dev, 'https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).not.toBe('*');
  });

  it('in production without CORS_ORIGINS, no cross-origin browser call is allowed', async () => {
    const response = await preflight(prod, 'https://app.jongerenwerk.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('compression', () => {
  it('picks brotli, else gzip, as the client accepts', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip;q=1.0, br;q=0')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeUndefined();
    expect(chooseEncoding(null)).toBeUndefined();
  });

  it('compresses a large JSON result with brotli or gzip, and leaves a small one alone', async () => {
    const token = await dev.tokenFor('YOUTH_WORKER');
    const query = { query: '{ partnerships(first: 5) { edges { node { id name activities(first: 100) { edges { node { id kind startsAt } } } } } } }' };
    const plain = await (await post(dev, query, { authorization: `Bearer ${token}` })).text();
    expect(plain.length).toBeGreaterThan(10_000);
    for (const [encoding, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
      const response = await post(dev, query, { authorization: `Bearer ${token}`, 'accept-encoding': encoding });
      expect(response.headers.get('content-encoding')).toBe(encoding);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.length).toBeLessThan(plain.length / 4);
      expect(decode(bytes).toString()).toBe(plain);
    }
    const small = await post(dev, { query: '{ __typename }' }, { 'accept-encoding': 'br' });
    expect(small.headers.get('content-encoding')).toBeNull();
  });

  it('compresses an export, never an event stream', async () => {
    const token = await dev.tokenFor('ANALYST');
    const csv = await dev.app.yoga.fetch('http://test/exports/activities.csv?from=2024-08-01&to=2027-07-31', {
      headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-encoding')).toBe('gzip');
    const text = gunzipSync(Buffer.from(await csv.arrayBuffer())).toString();
    expect(text.split('\n').length).toBeGreaterThan(100);

    const abort = new AbortController();
    const sse = await dev.app.yoga.fetch('http://test/graphql', {
      method: 'POST',
      signal: abort.signal,
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'accept-encoding': 'gzip, br', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'subscription { activityLogged { id } }' }),
    });
    expect(sse.headers.get('content-type')).toContain('text/event-stream');
    expect(sse.headers.get('content-encoding') ?? 'none').toBe('none');
    abort.abort();
    await sse.body?.cancel().catch(() => {});
  });
});

describe('introspection', () => {
  const introspect = async (t: TestApp) => (await post(t, { query: '{ __schema { queryType { name } } }' })).json() as Promise<any>;

  it('is answered in development', async () => {
    expect((await introspect(dev)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('is refused in production by default, and can be turned on', async () => {
    const refused = await introspect(prod);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0]?.message).toMatch(/introspection/i);
    const on = await createTestApp({ env: { NODE_ENV: 'production', JWT_SECRET: SECRET, INTROSPECTION: 'true' } });
    try {
      expect((await introspect(on)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    } finally {
      await on.close();
    }
  });
});

describe('traces over OTLP', () => {
  it('sends a span per operation, with its name and type and nothing of its content, to the configured endpoint', async () => {
    // A tiny OTLP/HTTP receiver: collects what the exporter POSTs to /v1/traces.
    const received: { path: string; body: any }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ path: req.url!, body: JSON.parse(body) });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    const traced = await createTestApp({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SERVICE_NAME: 'api-under-test' } });
    const secretValue = 'not-in-a-trace-0815';
    try {
      const token = await traced.tokenFor('YOUTH_WORKER');
      const response = await post(
        traced,
        { query: `query TracedProbe($q: String) { me { name } partnerships(first: 1, filter: { search: $q }) { totalCount } }`, variables: { q: secretValue } },
        { authorization: `Bearer ${token}` },
      );
      expect(response.status).toBe(200);
    } finally {
      await traced.close(); // flushes the batch of spans
      receiver.close();
    }
    expect(received.map((r) => r.path)).toContain('/v1/traces');
    const resourceSpans = received.flatMap((r) => r.body.resourceSpans ?? []);
    const service = resourceSpans[0].resource.attributes.find((a: any) => a.key === 'service.name');
    expect(service.value.stringValue).toBe('api-under-test');
    const spans = resourceSpans.flatMap((rs: any) => rs.scopeSpans.flatMap((ss: any) => ss.spans));
    const attributes = (span: any) => Object.fromEntries(span.attributes.map((a: any) => [a.key, Object.values(a.value)[0]]));
    const operation = spans.find((s: any) => attributes(s)['graphql.execute.operationName'] === 'TracedProbe');
    expect(operation, JSON.stringify(spans.map((s: any) => s.name))).toBeDefined();
    expect(attributes(operation)['graphql.execute.operationType']).toBe('query');
    const everything = JSON.stringify(received);
    expect(everything).not.toContain(secretValue);
    expect(everything).not.toContain('Aaron');
    expect(everything).not.toContain('partnerships(first');
  });
});

describe('settings', () => {
  it('production defaults: same origin only, no introspection, metrics on, no tracing', () => {
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET })).toMatchObject({ corsOrigins: [], introspection: false, metrics: true, tracing: undefined });
    expect(loadConfig({})).toMatchObject({ corsOrigins: undefined, introspection: true });
  });

  it('reads the allow-list and the OTLP endpoints', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example.nl, http://localhost:5173' }).corsOrigins).toEqual(['https://a.example.nl', 'http://localhost:5173']);
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).tracing).toEqual({ url: 'http://collector:4318/v1/traces', serviceName: 'jongerenwerk-school-api' });
    expect(loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/custom' }).tracing?.url).toBe('http://c:4318/custom');
  });

  it.each([
    [{ CORS_ORIGINS: 'https://a.example.nl/path' }, 'Invalid configuration: CORS_ORIGINS must be origins like https://app.example.nl separated by commas'],
    [{ CORS_ORIGINS: '*' }, 'Invalid configuration: CORS_ORIGINS must be origins like https://app.example.nl separated by commas'],
    [{ INTROSPECTION: 'yes' }, /^Invalid configuration: INTROSPECTION /],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'Invalid configuration: OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL'],
  ])('refuses %o with one line', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('rate limits', () => {
  it('refuses operations past the limit per person, with a coded error, while others go on', async () => {
    const limited = await createTestApp({ env: { RATE_LIMIT_VIEWER_PER_MINUTE: '3', RATE_LIMIT_ADDRESS_PER_MINUTE: '2' } });
    try {
      const [mine, theirs] = [await limited.tokenFor('YOUTH_WORKER'), await limited.tokenFor('SCHOOL_CONTACT')];
      const me = async (token?: string) =>
        (await post(limited, { query: '{ me { name } }' }, token ? { authorization: `Bearer ${token}` } : {})).json() as Promise<any>;
      for (let i = 0; i < 3; i++) expect((await me(mine)).errors).toBeUndefined();
      const refused = await me(mine);
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors).toHaveLength(1);
      expect(refused.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 3 });
      expect(refused.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.errors[0].extensions.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect((await me(theirs)).errors).toBeUndefined();

      // Without a token, the client's address is counted (over a real connection).
      const { url } = await limited.app.start(0, '127.0.0.1');
      const anonymous = () =>
        fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) }).then((r) => r.json() as Promise<any>);
      expect((await anonymous()).data).toEqual({ __typename: 'Query' });
      expect((await anonymous()).data).toEqual({ __typename: 'Query' });
      expect((await anonymous()).errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 2 });
    } finally {
      await limited.close();
    }
  });
});
