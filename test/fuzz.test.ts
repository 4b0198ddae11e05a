/**
 * Grammar-aware fuzzing of the real server (issue 11): the project's own operations (test/operations)
 * mutated token by token and shape by shape, their variables filled with valid and hostile values of
 * each type, and malformed HTTP around them — seeded, a few thousand cases, well under a minute.
 *
 * Every answer: no 5xx (the database is up), every error coded, no stack, and no answer slower than a
 * bound relative to a trivial request measured in the same run; a control request sent all along
 * keeps being answered within that bound. FUZZ_SEED and FUZZ_CASES change the run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import {
  type DocumentNode,
  getNamedType,
  type GraphQLInputType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  type GraphQLSchema,
  Lexer,
  type OperationDefinitionNode,
  parse,
  print,
  separateOperations,
  Source,
  TokenKind,
  typeFromAST,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { signToken } from '../src/auth/token.ts';
import { createTestApp, type TestApp } from './support/app.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const CASES = Number(process.env.FUZZ_CASES ?? 3000);
const CONCURRENCY = 6;

/** mulberry32: small, seeded, good enough to pick mutations. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

interface Operation {
  name: string;
  source: string;
  document: DocumentNode;
  definition: OperationDefinitionNode;
}

function loadOperations(): Operation[] {
  const dir = new URL('./operations/', import.meta.url);
  const all: Operation[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.graphql'))) {
    const separated = separateOperations(parse(readFileSync(new URL(file, dir), 'utf8')));
    for (const [name, document] of Object.entries(separated)) {
      const definition = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
      // Subscriptions stream for as long as the client stays: their protocol is fuzzed elsewhere.
      if (definition.operation !== 'subscription') all.push({ name, source: print(document), document, definition });
    }
  }
  return all;
}

// --- values -----------------------------------------------------------------------------------

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF\uD800',
  '💥'.repeat(500),
  'x'.repeat(20_000),
  '<script>alert(1)</script>',
  "'; DROP TABLE signals; --",
  '__proto__',
  'constructor',
  '2026-13-45',
  '2026-02-30T25:61:00Z',
  '9999-12-31T23:59:59Z',
  '0000-01-01',
  '-1',
  'NaN',
  '1e400',
  'null',
];
const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MAX_SAFE_INTEGER,
  1e308,
  0.5,
  [],
  {},
  { __proto__: { admin: true } },
  JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}'),
  Array.from({ length: 500 }, (_, i) => i),
  [[[[[[[[[[[]]]]]]]]]]],
];

function valueFor(type: GraphQLInputType, r: Rng, ids: string[], depth = 0): unknown {
  if (r.chance(0.12)) return r.chance(0.5) ? r.pick(HOSTILE_VALUES) : r.pick(HOSTILE_STRINGS);
  if (type instanceof GraphQLNonNull) return valueFor(type.ofType, r, ids, depth);
  if (type instanceof GraphQLList) {
    const n = r.chance(0.1) ? 200 : r.int(4);
    return Array.from({ length: n }, () => valueFor(type.ofType, r, ids, depth + 1));
  }
  if (type instanceof GraphQLEnumType) return r.chance(0.85) ? r.pick(type.getValues()).value : 'NOT_A_VALUE';
  if (type instanceof GraphQLInputObjectType) {
    if (depth > 3) return {};
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (field.type instanceof GraphQLNonNull || r.chance(0.5)) value[field.name] = valueFor(field.type, r, ids, depth + 1);
    }
    if (r.chance(0.05)) value['notAField'] = 1;
    return value;
  }
  switch (getNamedType(type).name) {
    case 'ID':
      return r.chance(0.8) ? r.pick(ids) : r.pick([Buffer.from('__proto__:x').toString('base64'), Buffer.from('Activity:00000000-0000-0000-0000-000000000000').toString('base64'), 'not-base64!', '']);
    case 'Int':
      return r.pick([0, 1, 5, 50, 101, -5, 2 ** 31, 1.5]);
    case 'Float':
      return r.pick([0, 1.5, -1, 1e308]);
    case 'Boolean':
      return r.chance(0.5);
    case 'DateTime':
      return r.pick([new Date().toISOString(), '2026-01-01T00:00:00Z', '2026-13-01T00:00:00Z', 'yesterday']);
    case 'Date':
      return r.pick(['2026-01-01', '2026-02-30', '1900-01-01', '20260101']);
    default:
      return r.chance(0.7) ? `fuzz ${r.int(1000)}` : r.pick(HOSTILE_STRINGS);
  }
}

function variablesFor(op: Operation, schema: GraphQLSchema, r: Rng, ids: string[]) {
  const variables: Record<string, unknown> = {};
  for (const v of op.definition.variableDefinitions ?? []) {
    const type = typeFromAST(schema, v.type as never) as GraphQLInputType | undefined;
    if (type && (type instanceof GraphQLNonNull || r.chance(0.6))) variables[v.variable.name.value] = valueFor(type, r, ids);
  }
  return variables;
}

// --- documents --------------------------------------------------------------------------------

function tokens(source: string): string[] {
  const lexer = new Lexer(new Source(source));
  const out: string[] = [];
  for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
    out.push(token.kind === TokenKind.STRING ? JSON.stringify(token.value) : token.kind === TokenKind.BLOCK_STRING ? `"""${token.value}"""` : (token.value ?? token.kind));
  }
  return out;
}

const INSERTS = ['{', '}', '(', ')', '[', ']', '...', '@skip(if: true)', '@include(if: $x)', '$', ':', '!', '=', '"', '#', '\u0000', '\uD800', '__typename', '__schema { types { name } }', 'me { name }', 'fragment', 'on', 'query', '1e999', '"\\u0000"', 'a'.repeat(5000)];

function mutateDocument(op: Operation, r: Rng): string {
  const base = tokens(op.source);
  switch (r.int(9)) {
    case 0: {
      // Token edits: delete, duplicate, swap or insert, a few times.
      const t = [...base];
      for (let i = 0, n = 1 + r.int(4); i < n; i++) {
        const at = r.int(t.length);
        const edit = r.int(4);
        if (edit === 0) t.splice(at, 1);
        else if (edit === 1) t.splice(at, 0, t[at]!);
        else if (edit === 2) [t[at], t[(at + 1) % t.length]] = [t[(at + 1) % t.length]!, t[at]!];
        else t.splice(at, 0, r.pick(INSERTS));
      }
      return t.join(' ');
    }
    case 1:
      // Truncated anywhere.
      return op.source.slice(0, r.int(op.source.length));
    case 2: {
      // Wrapped in deep nesting of one kind.
      const n = r.pick([20, 200, 2000, 5000]);
      const kind = r.int(3);
      if (kind === 0) return `{ ${'me { '.repeat(n)}id${' }'.repeat(n + 1)}`;
      if (kind === 1) return `{ ${'... on Query { '.repeat(n)}__typename${' }'.repeat(n + 1)}`;
      return `{ node(id: ${'['.repeat(n)}${']'.repeat(n)}) { id } }`;
    }
    case 3: {
      // Root fields multiplied under aliases.
      const n = r.pick([2, 10, 40, 400]);
      const body = Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ');
      return r.chance(0.5) ? `{ ${body} }` : `{ ${Array.from({ length: n }, (_, i) => `m${i}: me { name }`).join(' ')} }`;
    }
    case 4: {
      // Fragment bombs.
      const depth = r.pick([5, 12, 20, 30]);
      const width = r.pick([2, 3, 10]);
      let q = '{ ...F0 }';
      for (let i = 0; i < depth; i++) q += ` fragment F${i} on Query { ${`...F${i + 1} `.repeat(width)}}`;
      return `${q} fragment F${depth} on Query { __typename }`;
    }
    case 5:
      // Directive floods.
      return op.source.replace('{', `{ __typename ${'@skip(if: false) '.repeat(r.pick([5, 60, 600]))}`);
    case 6:
      // Introspection, deep or repeated.
      return r.chance(0.5)
        ? `{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }`
        : `{ ${Array.from({ length: r.pick([5, 40]) }, (_, i) => `s${i}: __schema { types { name } }`).join(' ')} }`;
    case 7:
      // A fragment cycle or an unknown fragment.
      return `${op.source} fragment Loop on Query { ...Loop2 } fragment Loop2 on Query { ...Loop }`;
    default:
      return op.source;
  }
}

// --- requests ---------------------------------------------------------------------------------

interface Case {
  kind: string;
  init: RequestInit & { headers: Record<string, string> };
  path?: string;
}

function makeCase(ops: Operation[], schema: GraphQLSchema, r: Rng, ids: string[], tokensByKind: string[]): Case {
  const op = r.pick(ops);
  const token = r.pick(tokensByKind);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
    ...(token ? { authorization: token } : {}),
  };
  const roll = r.int(20);
  if (roll < 8) return { kind: 'variables', init: { method: 'POST', headers, body: JSON.stringify({ query: op.source, variables: variablesFor(op, schema, r, ids), operationName: op.name }) } };
  if (roll < 15) return { kind: 'document', init: { method: 'POST', headers, body: JSON.stringify({ query: mutateDocument(op, r), variables: variablesFor(op, schema, r, ids) }) } };
  if (roll === 15) {
    // Malformed JSON, invalid UTF-8, the wrong shapes for query/variables/extensions.
    const bodies: (string | Uint8Array)[] = [
      '{"query":',
      '{"query": 1}',
      '{"query": "{ __typename }", "variables": "nope"}',
      '{"query": "{ __typename }", "variables": [1]}',
      '{"query": "{ __typename }", "extensions": {"persistedQuery": {"sha256Hash": "x"}}}',
      '{"query": "{ __typename }", "operationName": {"a": 1}}',
      '[]',
      JSON.stringify(Array.from({ length: 50 }, () => ({ query: '{ __typename }' }))),
      'null',
      new Uint8Array([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x7d]),
      `{"query": "{ __typename }", "variables": ${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`,
    ];
    return { kind: 'json', init: { method: 'POST', headers, body: r.pick(bodies) as BodyInit } };
  }
  if (roll === 16) {
    // GET with parameters, good and bad.
    const params = new URLSearchParams({ query: r.chance(0.5) ? '{ __typename }' : mutateDocument(op, r).slice(0, 3000) });
    if (r.chance(0.5)) params.set('variables', r.pick(['{"a":', '[]', '{"__proto__": 1}', '1']));
    if (r.chance(0.3)) params.set('operationName', r.pick(['', '__proto__', 'x'.repeat(300)]));
    return { kind: 'get', path: `?${params}`, init: { method: 'GET', headers: { accept: r.pick(['application/json', 'text/html', '*/*', 'application/graphql-response+json']), ...(token ? { authorization: token } : {}) } } };
  }
  if (roll === 17) {
    // Odd methods and content types.
    const method = r.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
    const type = r.pick(['text/plain', 'application/graphql', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1']);
    return { kind: 'method', init: { method, headers: { ...headers, 'content-type': type }, body: method === 'HEAD' ? undefined : 'query={__typename}' } };
  }
  if (roll === 18) {
    // Exports with odd parameters.
    const params = r.pick(['__proto__=1', 'constructor=1&from=2026-01-01', 'from=2026-13-01', 'kind=NOPE', `from=${'9'.repeat(400)}`, 'to=2020-01-01&from=2026-01-01']);
    return { kind: 'export', path: `/exports/${r.pick(['activities', 'signals', '__proto__', 'x'])}.${r.pick(['csv', 'ndjson'])}?${params}`, init: { method: 'GET', headers: token ? { authorization: token } : {} } };
  }
  // Forged and malformed tokens.
  const forged = r.pick(['Bearer', 'Bearer ', 'Bearer a.b.c', 'Basic YWRtaW46YWRtaW4=', `Bearer ${'x'.repeat(10_000)}`, 'bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.']);
  return { kind: 'token', init: { method: 'POST', headers: { ...headers, authorization: forged }, body: JSON.stringify({ query: op.source, variables: variablesFor(op, schema, r, ids) }) } };
}

// --- the run ----------------------------------------------------------------------------------

let t: TestApp;
let url: string;
beforeAll(async () => {
  // GraphiQL off, as in production: its page (9 MB of scripts, compressed once per encoding) is not API input.
  t = await createTestApp({ env: { GRAPHIQL: 'false' } });
  ({ url } = await t.app.start(0, '127.0.0.1'));
});
afterAll(async () => {
  await t?.close();
});

interface Outcome {
  kind: string;
  status: number;
  ms: number;
  problem?: string;
}

async function send(c: Case): Promise<Outcome> {
  const started = performance.now();
  const target = c.path?.startsWith('/') ? new URL(c.path, url) : `${url}${c.path ?? ''}`;
  const response = await fetch(target, { ...c.init, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  const ms = performance.now() - started;
  const outcome: Outcome = { kind: c.kind, status: response.status, ms };
  if (response.status >= 500) outcome.problem = `HTTP ${response.status}: ${text.slice(0, 300)}`;
  // GraphiQL's page (a GET that accepts HTML) bundles its scripts: "  at " there is code, not a stack.
  else if (!response.headers.get('content-type')?.startsWith('text/html') && /\n\s+at |node_modules\//.test(text)) outcome.problem = `stack in body: ${text.slice(0, 300)}`;
  else if ((response.headers.get('content-type') ?? '').includes('json') && text) {
    const body = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] } | { errors?: { extensions?: { code?: string } }[] }[];
    for (const result of Array.isArray(body) ? body : [body]) {
      const uncoded = (result.errors ?? []).find((e) => !e.extensions?.code);
      if (uncoded) outcome.problem = `uncoded error: ${JSON.stringify(uncoded).slice(0, 300)}`;
    }
  }
  return outcome;
}

describe('fuzz', () => {
  it(`${CASES} generated hostile requests (seed ${SEED}): no 5xx, every error coded, none slow, the control answered throughout`, async () => {
    const r = rng(SEED);
    const ops = loadOperations();
    expect(ops.length).toBeGreaterThan(40);

    const [partnerships, signals, schools, people] = await Promise.all([
      t.db.prisma.partnership.findMany({ take: 5, select: { id: true } }),
      t.db.prisma.signal.findMany({ take: 5, select: { id: true } }),
      t.db.prisma.school.findMany({ take: 3, select: { id: true } }),
      t.db.prisma.person.findMany({ take: 3, select: { id: true } }),
    ]);
    const ids = [
      ...partnerships.map((p) => encodeGlobalID('Partnership', p.id)),
      ...signals.map((s) => encodeGlobalID('Signal', s.id)),
      ...schools.map((s) => encodeGlobalID('School', s.id)),
      ...people.map((p) => encodeGlobalID('Person', p.id)),
    ];
    const bearer = async (role: Parameters<TestApp['tokenFor']>[0]) => `Bearer ${await t.tokenFor(role)}`;
    const tokensByKind = ['', await bearer('ADMIN'), await bearer('YOUTH_WORKER'), await bearer('SCHOOL_CONTACT'), `Bearer ${await signToken({ ...t.config.jwt, secret: 'x'.repeat(40) }, people[0]!.id)}`];

    // The trivial request this run is measured against: the median of 30.
    const trivial: Case = { kind: 'trivial', init: { method: 'POST', headers: { 'content-type': 'application/json', authorization: tokensByKind[1]! }, body: JSON.stringify({ query: '{ me { name } }' }) } };
    for (let i = 0; i < 5; i++) await send(trivial);
    const samples: number[] = [];
    for (let i = 0; i < 30; i++) samples.push((await send(trivial)).ms);
    const median = samples.sort((a, b) => a - b)[15]!;
    const bound = Math.max(100 * median, 1_500);

    const cases = Array.from({ length: CASES }, () => makeCase(ops, t.app.schema, r, ids, tokensByKind));
    const outcomes: Outcome[] = [];
    const control: Outcome[] = [];
    let done = false;
    const controlLoop = (async () => {
      while (!done) {
        const outcome = await send({ kind: 'control', init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' } });
        if (outcome.status !== 200) outcome.problem = `control answered ${outcome.status}`;
        control.push(outcome);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < cases.length) {
          const c = cases[next++]!;
          outcomes.push(await send(c).catch((error: Error) => ({ kind: c.kind, status: 0, ms: 0, problem: `request failed: ${error.message}` })));
        }
      }),
    );
    done = true;
    await controlLoop;

    const slowest = [...outcomes].sort((a, b) => b.ms - a.ms)[0]!;
    const byStatus: Record<string, number> = {};
    for (const o of outcomes) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
    console.info(
      `fuzz seed ${SEED}: ${outcomes.length} cases, statuses ${JSON.stringify(byStatus)}; trivial median ${median.toFixed(1)} ms, bound ${bound.toFixed(0)} ms; ` +
        `slowest ${slowest.ms.toFixed(0)} ms (${slowest.kind}); control ${control.length} answers, slowest ${Math.max(...control.map((c) => c.ms)).toFixed(0)} ms`,
    );
    const problems = [...outcomes, ...control].filter((o) => o.problem || o.ms > bound).map((o) => `${o.kind} ${o.status} ${o.ms.toFixed(0)}ms ${o.problem ?? 'too slow'}`);
    expect(problems.slice(0, 20), `seed ${SEED}`).toEqual([]);
    expect(control.length).toBeGreaterThan(10);
  }, 120_000);
});
