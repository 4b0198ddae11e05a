/**
 * Hostile input against a real listening server (issue 11): every case answers with a coded 4xx
 * in milliseconds, with or without a token, and the log says what happened without the document.
 */
import net from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signToken } from '../src/auth/token.ts';
import { DEFAULT_OPERATION_LIMITS } from '../src/server-plugins/use-operation-limits.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { dataOf, httpGraphql } from './support/clients.ts';
import { E2ePartnershipsDocument, LogActivityDocument } from './generated/graphql.ts';

const logLines: Record<string, unknown>[] = [];
const logStream = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
    done();
  },
});

let t: TestApp;
let url: string;
let port: number;
let admin: string;
let youthWorker: string;
beforeAll(async () => {
  t = await createTestApp({ log: pino({ level: 'debug' }, logStream) });
  ({ url, port } = await t.app.start(0, '127.0.0.1'));
  admin = await t.tokenFor('ADMIN');
  youthWorker = await t.tokenFor('YOUTH_WORKER');
});
afterAll(async () => {
  await t?.close();
});

interface Answer {
  status: number;
  ms: number;
  text: string;
  body: { errors?: { message: string; extensions?: Record<string, unknown> }[]; data?: unknown };
}

async function post(body: unknown, token?: string | null, init: RequestInit = {}): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });
  const text = await response.text();
  return { status: response.status, ms: performance.now() - started, text, body: JSON.parse(text) };
}

/** One raw HTTP/1.1 request, for what `fetch` refuses to send. */
function raw(request: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.on('data', (chunk) => (data += chunk));
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(data)?.[1]), text: data }));
    socket.on('error', reject);
  });
}

const codes = (answer: Answer) => answer.body.errors?.map((e) => e.extensions?.code);
const b64 = (s: string) => Buffer.from(s).toString('base64');
const NIL = '00000000-0000-0000-0000-000000000000';

function expectRefused(answer: Answer, code: string, extensions: Record<string, unknown> = {}) {
  expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500);
  expect(answer.body.errors, answer.text.slice(0, 300)).toHaveLength(1);
  expect(answer.body.errors![0]!.extensions).toMatchObject({ code, ...extensions });
  expect(answer.text).not.toMatch(/\n\s+at |node_modules/);
  expect(answer.ms).toBeLessThan(1_000);
}

describe('documents that would exhaust the parser or the validator', () => {
  const deep = {
    fields: `{ ${'me { '.repeat(3000)}id${' }'.repeat(3001)}`,
    lists: `{ node(id: ${'['.repeat(5000)}${']'.repeat(5000)}) { id } }`,
    'inline fragments': `{ ${'... on Query { '.repeat(3000)}__typename${' }'.repeat(3001)}`,
  };
  for (const [shape, query] of Object.entries(deep)) {
    it(`nesting of ${shape} thousands deep is QUERY_TOO_COMPLEX, with or without a token`, async () => {
      for (const token of [null, admin]) expectRefused(await post({ query }, token), 'QUERY_TOO_COMPLEX');
    });
  }

  it('a list literal as deep as the token limit allows is parsed and refused by validation, not a crash', async () => {
    const depth = DEFAULT_OPERATION_LIMITS.maxTokens / 2 - 10;
    const query = `{ node(id: ${'['.repeat(depth)}${']'.repeat(depth)}) { id } }`;
    for (const token of [null, admin]) expectRefused(await post({ query }, token), 'GRAPHQL_VALIDATION_FAILED');
  });

  it('a fragment bomb of __typename leaves without a token is refused in milliseconds', async () => {
    const depth = 25;
    let query = '{...F0}';
    for (let i = 0; i < depth; i++) query += ` fragment F${i} on Query{...F${i + 1} ...F${i + 1}}`;
    query += ` fragment F${depth} on Query{__typename}`;
    expect(query.length).toBeLessThan(1024);
    const answer = await post({ query }, null);
    expectRefused(answer, 'QUERY_TOO_COMPLEX', { measure: 'selections', limit: DEFAULT_OPERATION_LIMITS.maxSelections });
    expect(answer.ms).toBeLessThan(200);
  });

  it('aliases, directives and fragments each have a limit named in the error', async () => {
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: __schema { queryType { name } }`).join(' ')} }`;
    expectRefused(await post({ query: aliases }, null), 'QUERY_TOO_COMPLEX', { measure: 'aliases', limit: 30, value: 31 });
    const directives = `{ __typename ${'@skip(if: false) '.repeat(51)}}`;
    expectRefused(await post({ query: directives }, null), 'QUERY_TOO_COMPLEX', { measure: 'directives', limit: 50 });
    const fragments = `{ ...F0 } ${Array.from({ length: 51 }, (_, i) => `fragment F${i} on Query { __typename }`).join(' ')}`;
    expectRefused(await post({ query: fragments }, null), 'QUERY_TOO_COMPLEX', { measure: 'fragments', limit: 50 });
  });

  it('thousands of __schema or me aliases are refused before any answer is built', async () => {
    const schema = `{ ${Array.from({ length: 2000 }, (_, i) => `a${i}: __schema { types { name } }`).join(' ')} }`;
    expectRefused(await post({ query: schema }, null), 'QUERY_TOO_COMPLEX', { measure: 'tokens' });
    const me = `{ ${Array.from({ length: 40_000 }, (_, i) => `a${i}: me { name }`).join(' ')} }`;
    expectRefused(await post({ query: me }, admin), 'QUERY_TOO_COMPLEX', { measure: 'tokens' });
  });

  it('several root fields over the complexity limit are one error', async () => {
    const ids = JSON.stringify(Array.from({ length: 101 }, () => b64(`Signal:${NIL}`)));
    const query = `{ ${Array.from({ length: 5 }, (_, i) => `a${i}: nodes(ids: ${ids}) { id }`).join(' ')} }`;
    expectRefused(await post({ query }, admin), 'QUERY_TOO_COMPLEX', { measure: 'complexity' });
  });
});

describe('requests that are not what they claim', () => {
  it('a body over MAX_BODY_BYTES is 413, whether its length is declared or streamed', async () => {
    const big = JSON.stringify({ query: `{ ${'__typename '.repeat(200_000)}}` });
    expect(big.length).toBeGreaterThan(t.config.limits.maxBodyBytes);
    const declared = await post(big, null);
    expect(declared.status).toBe(413);
    expect(codes(declared)).toEqual(['REQUEST_ENTITY_TOO_LARGE']);
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 40; i++) controller.enqueue(new TextEncoder().encode(big.slice(i * 30_000, (i + 1) * 30_000)));
        controller.close();
      },
    });
    const streamed = await post(undefined, null, { body: chunks, duplex: 'half' } as RequestInit);
    expect(streamed.status, streamed.text.slice(0, 300)).toBe(413);
    expect(codes(streamed)).toEqual(['REQUEST_ENTITY_TOO_LARGE']);
  });

  it('an invalid Host header or an asterisk target is a coded 400 without a stack', async () => {
    const body = '{"query":"{ __typename }"}';
    for (const request of [
      `POST /graphql HTTP/1.1\r\nHost: a b\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
      'PUT * HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
    ]) {
      const answer = await raw(request);
      expect(answer.status).toBe(400);
      expect(answer.text).toContain('"code":"BAD_REQUEST"');
      expect(answer.text).not.toMatch(/\n\s+at |node_modules|TypeError/);
    }
  });

  it('GET variables that are not JSON and broken multipart forms are BAD_REQUEST', async () => {
    const get = await fetch(`${url}?query=${encodeURIComponent('{ __typename }')}&variables=${encodeURIComponent('{"a":')}`);
    expect(get.status).toBe(400);
    expect((await get.json()).errors[0].extensions).toMatchObject({ code: 'BAD_REQUEST', rule: 'json' });
    const form = new FormData();
    form.append('operations', '{bad');
    const multipart = await fetch(url, { method: 'POST', body: form });
    expect(multipart.status).toBe(400);
    expect((await multipart.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('a validly signed token whose subject is not a person ID is 401', async () => {
    const token = await signToken(t.config.jwt, 'not-a-uuid');
    const answer = await post({ query: '{ me { name } }' }, token);
    expect(answer.status).toBe(401);
    expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
  });

  it('a global ID naming __proto__ or an interface is BAD_USER_INPUT', async () => {
    for (const typename of ['__proto__', 'constructor', 'Node']) {
      const answer = await post({ query: `{ node(id: "${b64(`${typename}:${NIL}`)}") { id } }` }, admin);
      expect(answer.body.errors?.map((e) => e.extensions), typename).toEqual([{ code: 'BAD_USER_INPUT', rule: 'globalId' }]);
    }
    // Activity's IDs stand for its object types' (one ID per record): an unknown one is just not there.
    const activity = await post({ query: `{ node(id: "${b64(`Activity:${NIL}`)}") { id } }` }, admin);
    expect(activity.body.errors).toBeUndefined();
    expect(activity.body.data).toEqual({ node: null });
  });

  it('an export parameter named __proto__ is BAD_USER_INPUT', async () => {
    const exportUrl = new URL('/exports/activities.csv?__proto__=x&constructor=y', url);
    const response = await fetch(exportUrl, { headers: { authorization: `Bearer ${admin}` } });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'unknown' });
  });

  it('"too many errors processing variables" is BAD_USER_INPUT', async () => {
    const answer = await post({ query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids: Array.from({ length: 80 }, () => ({})) } }, admin);
    expect(answer.status).toBeLessThan(500);
    expect(new Set(codes(answer))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(answer.body.errors!.at(-1)!.extensions).toMatchObject({ rule: 'maxErrors' });
  });
});

describe('graphql-ws', () => {
  interface Socket {
    ws: WebSocket;
    messages: { id?: string; type: string; payload?: unknown }[];
    closed: Promise<number>;
    send(message: unknown): void;
    until(predicate: (m: Socket['messages'][number]) => boolean, ms?: number): Promise<Socket['messages'][number]>;
  }
  async function connect(token: string): Promise<Socket> {
    const ws = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const messages: Socket['messages'] = [];
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    ws.on('message', (data) => messages.push(JSON.parse(String(data))));
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const socket: Socket = {
      ws,
      messages,
      closed,
      send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
      async until(predicate, ms = 5_000) {
        const deadline = Date.now() + ms;
        while (Date.now() < deadline) {
          const found = messages.find(predicate);
          if (found) return found;
          await new Promise((r) => setTimeout(r, 20));
        }
        throw new Error(`no such message within ${ms} ms; got ${JSON.stringify(messages).slice(0, 500)}`);
      },
    };
    socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
    await socket.until((m) => m.type === 'connection_ack');
    return socket;
  }

  it('a bad subscribe is an error for its id; the socket and a healthy subscription stay open and deliver', async () => {
    const socket = await connect(youthWorker);
    try {
      const partnershipId = dataOf(await httpGraphql(url, E2ePartnershipsDocument, undefined, youthWorker)).partnerships.edges[0]!.node.id;
      socket.send({ id: 'good', type: 'subscribe', payload: { query: `subscription { activityLogged(partnershipId: "${partnershipId}") { id } }` } });
      const bad = {
        syntax: 'subscription { activityLogged { id ',
        empty: '',
        nul: 'subscription { activity\u0000Logged { id } }',
        deep: `subscription { ${'a { '.repeat(3000)} }`,
        unknown: 'subscription { nope }',
      };
      for (const [id, query] of Object.entries(bad)) socket.send({ id, type: 'subscribe', payload: { query } });
      for (const id of Object.keys(bad)) {
        const error = await socket.until((m) => m.id === id);
        expect(error.type, id).toBe('error');
        for (const e of error.payload as { extensions?: Record<string, unknown> }[]) {
          expect(e.extensions?.code, id).toMatch(/^(GRAPHQL_PARSE_FAILED|GRAPHQL_VALIDATION_FAILED|QUERY_TOO_COMPLEX|BAD_USER_INPUT)$/);
          expect(e.extensions).not.toHaveProperty('http');
        }
      }
      expect(socket.ws.readyState).toBe(WebSocket.OPEN);
      // The healthy subscription still delivers: log activities until one arrives (it goes live asynchronously).
      let delivered: unknown;
      for (let i = 0; i < 20 && !delivered; i++) {
        const logged = await httpGraphql(
          url,
          LogActivityDocument,
          { input: { partnershipId, kind: 'BREAK_CONVERSATION', startsAt: new Date().toISOString(), durationMinutes: 10, participantCount: 3 } },
          youthWorker,
        );
        dataOf(logged);
        delivered = await socket.until((m) => m.id === 'good' && m.type === 'next', 300).catch(() => undefined);
      }
      expect(delivered).toBeDefined();
    } finally {
      socket.ws.close();
    }
  });

  it('a client-sent next closes with 4400, a frame over the limit with 1009; logged as warnings', async () => {
    const first = await connect(admin);
    first.send({ id: 'x', type: 'next', payload: { data: {} } });
    expect(await first.closed).toBe(4400);
    const second = await connect(admin);
    second.send('x'.repeat(t.config.limits.maxBodyBytes + 1));
    expect(await second.closed).toBe(1009);
    const warned = logLines.filter((l) => l.level === 40 && String(l.msg).startsWith('graphql-ws'));
    expect(warned.map((l) => l.msg)).toEqual(expect.arrayContaining(['graphql-ws: message a client may not send', 'graphql-ws: socket error']));
  });
});

describe('logs', () => {
  it('client mistakes are logged below error, with an operation name, a hash and codes, never the document or variables', async () => {
    logLines.length = 0;
    const secret = 'Persoonsgegevens-van-een-leerling';
    await post({ query: `query Leak { node(id: "${b64(`__proto__:${NIL}`)}") { id } }`, variables: { note: secret }, operationName: 'Leak' }, admin);
    await post({ query: `query Bomb { ${'me { '.repeat(3000)} }`, variables: { note: secret } }, null);
    await post({ query: `query Broken { me { name ${secret}`, variables: { note: secret } }, admin);
    const lines = logLines.map((l) => JSON.stringify(l));
    expect(lines.join('\n')).not.toContain(secret);
    expect(lines.join('\n')).not.toContain('me { me');
    expect(logLines.filter((l) => (l.level as number) >= 50)).toEqual([]);
    const refused = logLines.filter((l) => l.msg === 'request refused' || l.msg === 'request over a limit');
    expect(refused).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ operationName: 'Leak', codes: ['BAD_USER_INPUT'], documentHash: expect.stringMatching(/^[0-9a-f]{16}$/) }),
        expect.objectContaining({ codes: ['QUERY_TOO_COMPLEX'], level: 40 }),
        expect.objectContaining({ codes: ['GRAPHQL_PARSE_FAILED'], level: 30 }),
      ]),
    );
  });
});
