/**
 * Need to know at the edges (issue 9, items 1–3), on every path:
 * 1. a list of signals that depends on content (filters or sorts on it, or links a young person)
 *    audits that content of every signal it returns — top level, `Partnership.signals`,
 *    `Youth.signals` — and the schema refuses to build a field returning signals that does not say
 *    what it reads;
 * 2. no cursor oracle: with a cursor, the answer is the same whatever a value the filter tests is
 *    (the page is the filtered list after the cursor's position, whether or not its row matches);
 * 3. foreign cursors (another city's, another parent's, a row the viewer may not see) are refused at
 *    top level and give an empty page in nested lists, `Partnership.activities` included.
 * Each refused case has a positive control with a role that may read the same path.
 *
 * The signals are made here in the own partnership (Sloterplas College), reported in January 2021,
 * before any demo data, so a `reportedAfter`/`reportedBefore` window narrows every list to them.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import SchemaBuilder from '@pothos/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/generated/prisma/enums.ts';
import AuditedLists from '../src/privacy/audited-lists.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { closeTestApp, type Demo, gid, loadDemo } from './support/fixtures.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const gql = (source: string) => parse(source) as TypedDocumentNode<any, Record<string, unknown>>;

let t: TestApp;
let demo: Demo;
const prisma = () => t.db.prisma;
const WINDOW = { reportedAfter: '2021-01-01T00:00:00.000Z', reportedBefore: '2021-02-01T00:00:00.000Z' };
/** A cursor the way the API makes them (checked against one it issued in beforeAll). */
const cursorOf = (id: string) => Buffer.from(`GPC:S:${id}`).toString('base64');

/** Own partnership: A, B, D youth work's (youth workers read them, school contacts know they exist), C the school's. */
const S = {} as Record<'A' | 'B' | 'C' | 'D' | 'E', string>;
let youthId: string;

const SIGNAL_FIELDS = 'edges { cursor node { id } }';
const SIGNALS = gql(`query($first: Int, $last: Int, $after: String, $before: String, $filter: SignalFilter, $orderBy: SignalOrder) {
  signals(first: $first, last: $last, after: $after, before: $before, filter: $filter, orderBy: $orderBy) { ${SIGNAL_FIELDS} } }`);
const PARTNERSHIP_SIGNALS = gql(`query($id: ID!, $first: Int, $last: Int, $after: String, $before: String, $filter: SignalFilter, $orderBy: SignalOrder) {
  node(id: $id) { ... on Partnership { signals(first: $first, last: $last, after: $after, before: $before, filter: $filter, orderBy: $orderBy) { ${SIGNAL_FIELDS} } } } }`);
const YOUTH_SIGNALS = gql(`query($id: ID!, $first: Int, $last: Int, $after: String, $before: String, $filter: SignalFilter, $orderBy: SignalOrder) {
  node(id: $id) { ... on Youth { signals(first: $first, last: $last, after: $after, before: $before, filter: $filter, orderBy: $orderBy) { ${SIGNAL_FIELDS} } } } }`);
const PARTNERSHIP_ACTIVITIES = gql(`query($id: ID!, $first: Int, $after: String, $orderBy: ActivityOrder) {
  node(id: $id) { ... on Partnership { activities(first: $first, after: $after, orderBy: $orderBy) { edges { cursor node { id } } } } } }`);

type Conn = { edges: { cursor: string; node: { id: string } }[] } | null | undefined;
type Vars = Record<string, unknown>;
type Answer = { ids: string[]; errors: { code: unknown; field?: unknown; rule?: unknown }[] };
const answer = (r: { data?: unknown; errors?: readonly { extensions?: Record<string, unknown>; message: string }[] }, conn: Conn): Answer => ({
  ids: conn?.edges.map((e) => e.node.id) ?? [],
  errors: (r.errors ?? []).map((e) => ({ code: e.extensions?.code ?? e.message, field: e.extensions?.field, rule: e.extensions?.rule })),
});
const partnershipGid = () => gid('Partnership', demo.partnerships.sloterplas.id);

/** [path, nested, list]: the three lists of signals, narrowed to WINDOW unless the filter says otherwise. */
const PATHS: [string, boolean, (role: Role, vars: Vars) => Promise<Answer>][] = [
  ['signals', false, async (role, vars) => {
    // Narrowed to the own partnership too, like the nested lists (E, in another one, is outside the list but not out of scope).
    const r = await t.execute(SIGNALS, { first: 50, ...vars, filter: { ...WINDOW, partnershipId: partnershipGid(), ...(vars.filter as object) } }, { token: demo.tokens[role] });
    return answer(r, r.data?.signals);
  }],
  ['Partnership.signals', true, async (role, vars) => {
    const r = await t.execute(PARTNERSHIP_SIGNALS, { id: partnershipGid(), first: 50, ...vars, filter: { ...WINDOW, ...(vars.filter as object) } }, { token: demo.tokens[role] });
    return answer(r, r.data?.node?.signals);
  }],
  ['Youth.signals', true, async (role, vars) => {
    const r = await t.execute(YOUTH_SIGNALS, { id: gid('Youth', youthId), first: 50, ...vars, filter: { ...WINDOW, ...(vars.filter as object) } }, { token: demo.tokens[role] });
    return answer(r, r.data?.node?.signals);
  }],
];

/** READ events of `role` since `since`, as `{ signal: fields }`. */
async function readsSince(role: Role, since: Date) {
  const events = await prisma().auditEvent.findMany({
    where: { actorId: demo.people[role], operation: 'READ', at: { gte: since } },
    select: { entityId: true, fields: true },
  });
  expect(new Set(events.map((e) => e.entityId)).size, 'one READ event per signal').toBe(events.length);
  return Object.fromEntries(events.map((e) => [gid('Signal', e.entityId), e.fields]));
}

beforeAll(async () => {
  t = await createTestApp({ env: { RETENTION_INTERVAL_MINUTES: '0' } });
  demo = await loadDemo(t);
  const own = demo.partnerships.sloterplas;
  youthId = (await prisma().youth.findFirstOrThrow({ where: { schoolId: own.schoolId }, orderBy: { code: 'asc' } })).id;
  const make = async (partnershipId: string, side: 'YOUTH_WORK' | 'SCHOOL', category: 'ATTENDANCE' | 'OTHER', urgency: 'LOW' | 'MEDIUM' | 'HIGH' | 'URGENT', day: number) => {
    const row = await prisma().signal.create({
      data: {
        partnershipId, lifeDomain: 'SCHOOL', category, urgency, subject: 'INDIVIDUAL', summary: `Edges ${day}`,
        youthId: partnershipId === own.id ? youthId : null, ownerSide: side, sharedWith: side, reportedAt: new Date(Date.UTC(2021, 0, day, 9)),
      },
      select: { id: true },
    });
    return gid('Signal', row.id);
  };
  S.A = await make(own.id, 'YOUTH_WORK', 'ATTENDANCE', 'HIGH', 5);
  S.B = await make(own.id, 'YOUTH_WORK', 'OTHER', 'LOW', 4);
  S.C = await make(own.id, 'SCHOOL', 'ATTENDANCE', 'URGENT', 3);
  S.D = await make(own.id, 'YOUTH_WORK', 'ATTENDANCE', 'MEDIUM', 2);
  S.E = await make(demo.partnerships.gaasperpoort.id, 'YOUTH_WORK', 'ATTENDANCE', 'HIGH', 6);
  const issued = await t.execute(SIGNALS, { first: 50, filter: WINDOW }, { token: demo.tokens.ADMIN });
  expect(issued.data.signals.edges.map((e: { cursor: string; node: { id: string } }) => e.cursor)).toEqual(
    issued.data.signals.edges.map((e: { node: { id: string } }) => cursorOf(rowId(e.node.id))),
  );
});
afterAll(() => closeTestApp(t));

const rowId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1]!;
const cursor = (globalId: string) => cursorOf(rowId(globalId));

describe('1. every list of signals that depends on content audits it, on every path', () => {
  /** [name, vars, the fields each returned signal is read for, on the top-level list / on Partnership.signals]. */
  const CASES: [string, Vars, string[]][] = [
    ['filter category', { filter: { category: ['ATTENDANCE', 'OTHER'] } }, ['category']],
    ['filter urgency', { filter: { urgency: ['HIGH', 'MEDIUM', 'LOW', 'URGENT'] } }, ['urgency']],
    ['filter subject', { filter: { subject: 'INDIVIDUAL' } }, ['subject']],
    ['orderBy URGENCY', { orderBy: { field: 'URGENCY', direction: 'DESC' } }, ['urgency']],
    ['no filter (metadata)', {}, []],
  ];
  /** What each role gets from a content filter or sort in the own partnership: the signals whose content it may read. */
  const FULL: Partial<Record<Role, (keyof typeof S)[]>> = { YOUTH_WORKER: ['A', 'B', 'D'], SCHOOL_CONTACT: ['C'], POLICY_ADVISOR: [], ADMIN: ['A', 'B', 'C', 'D'] };

  for (const [path, , list] of PATHS) {
    for (const [name, vars, fields] of CASES) {
      it.each(Object.keys(FULL) as Role[])(`${path}, ${name}, asking only IDs: %s gets one READ event of exactly those fields per signal returned`, async (role) => {
        const since = new Date();
        const result = await list(role, vars);
        expect(result.errors).toEqual([]);
        // Listing a young person's signals is a content read of the link (only FULL signals are listed).
        const linked = path === 'Youth.signals';
        const expected = fields.length || linked ? FULL[role]! : null;
        if (expected) expect([...result.ids].sort()).toEqual(expected.map((k) => S[k]).sort());
        const reads = await readsSince(role, since);
        const readFields = [...fields, ...(linked ? ['youth'] : [])].sort();
        expect(reads).toEqual(readFields.length ? Object.fromEntries(result.ids.map((id) => [id, readFields])) : {});
      });
    }
  }

  it('a list read through `nodes` instead of `edges` is audited the same way, on every path', async () => {
    const byNodes = gql(`query($id: ID!, $filter: SignalFilter) {
      signals(first: 50, filter: $filter) { nodes { id } }
      node(id: $id) { ... on Partnership { signals(first: 50, filter: $filter) { nodes { id } } } } }`);
    const since = new Date();
    const filter = { ...WINDOW, partnershipId: partnershipGid(), category: ['ATTENDANCE', 'OTHER', 'CONFLICT', 'BULLYING', 'WELLBEING'] };
    const r = await t.execute(byNodes, { id: partnershipGid(), filter }, { token: demo.tokens.YOUTH_WORKER });
    expect(r.errors).toBeUndefined();
    const top = (r.data as any).signals.nodes.map((n: { id: string }) => n.id);
    const nested = (r.data as any).node.signals.nodes.map((n: { id: string }) => n.id);
    expect(top.length).toBeGreaterThan(0);
    expect(nested).toEqual(top);
    const reads = await readsSince('YOUTH_WORKER', since);
    expect(Object.keys(reads).sort()).toEqual([...top].sort());
    for (const fields of Object.values(reads)) expect(fields).toContain('category');
  });

  it('a METADATA reader filtering on content finds none of the signals it knows exist, and nothing is audited', async () => {
    for (const [, , list] of PATHS.slice(0, 2)) {
      const since = new Date();
      const all = await list('SCHOOL_CONTACT', {});
      expect(all.ids).toEqual(expect.arrayContaining([S.A, S.B, S.D]));
      const filtered = await list('SCHOOL_CONTACT', { filter: { category: ['ATTENDANCE', 'OTHER'] } });
      expect(filtered.ids).toEqual([S.C]);
      expect(await readsSince('SCHOOL_CONTACT', since)).toEqual({ [S.C]: ['category'] });
    }
  });

  it('the schema refuses to build a field returning signals that does not say what it reads', () => {
    const make = (extensions?: Record<string, unknown>) => {
      // A builder of its own with only this plugin (the global declarations also ask for prisma options).
      const b = new SchemaBuilder<{ Objects: { Signal: { id: string } } }>({ plugins: [AuditedLists] } as never);
      b.objectType('Signal', { fields: (f) => ({ id: f.exposeID('id') }) });
      b.queryType({ fields: (f) => ({ urgentSignals: f.field({ type: ['Signal'], extensions: extensions as never, resolve: () => [] }) }) });
      return () => b.toSchema();
    };
    expect(make()).toThrow(/Query\.urgentSignals returns signals but does not say what it reads/);
    expect(make({ listedSignalContent: () => [] })).not.toThrow();
  });
});

describe('2. no cursor oracle: the answer is the same whatever the value a filter tests', () => {
  it.each(PATHS)('%s: after the cursor of a signal, filtered on a category it has or has not, the page is the filtered rows after it, never an error', async (_path, _nested, list) => {
    // B is OTHER; newest first: A (5th), B (4th), C (3rd, school's), D (2nd).
    const other = await list('YOUTH_WORKER', { after: cursor(S.B), filter: { category: ['OTHER'] } });
    const attendance = await list('YOUTH_WORKER', { after: cursor(S.B), filter: { category: ['ATTENDANCE'] } });
    expect(other).toEqual({ ids: [], errors: [] });
    // D is not dropped as if it were the cursor row (which is not in the list).
    expect(attendance).toEqual({ ids: [S.D], errors: [] });
    // Before the cursor too, and ordered by urgency (A HIGH, D MEDIUM, B LOW).
    const before = { before: cursor(S.B), first: null, last: 50, orderBy: { field: 'URGENCY', direction: 'DESC' } };
    expect(await list('YOUTH_WORKER', { ...before, filter: { category: ['ATTENDANCE'] } })).toEqual({ ids: [S.A, S.D], errors: [] });
    expect(await list('YOUTH_WORKER', { ...before, filter: { category: ['OTHER'] } })).toEqual({ ids: [], errors: [] });
  });

  it.each(PATHS)('%s: the cursor of a signal whose content the viewer may not read, under a content filter: the same answer for every category', async (_path, nested, list) => {
    const answers = await Promise.all(
      (['ATTENDANCE', 'OTHER', 'BULLYING'] as const).map((category) => list('SCHOOL_CONTACT', { after: cursor(S.B), filter: { category: [category] } })),
    );
    const refused = nested ? { ids: [], errors: [] } : { ids: [], errors: [{ code: 'BAD_USER_INPUT', field: 'after', rule: 'cursor' }] };
    for (const a of answers) expect(a).toEqual(refused);
    // Positive control: the school contact's own signal C works as a cursor under the same filter.
    expect(await list('SCHOOL_CONTACT', { before: cursor(S.C), first: null, last: 50, filter: { category: ['ATTENDANCE'] } })).toEqual({ ids: [], errors: [] });
    expect(await list('ADMIN', { after: cursor(S.B), filter: { category: ['ATTENDANCE'] } })).toEqual({ ids: [S.C, S.D], errors: [] });
  });

  /** Every other connection: [name, query, connection of the result, a filter excluding `row` that keeps others]. */
  type Row = { id: string; name?: string; kind?: string; fullName?: string };
  const OTHERS: [string, string, (data: any) => Conn, (row: Row, rows: Row[]) => Vars][] = [
    ['activities (kind)', 'activities(first: $first, after: $after, filter: $filter) { edges { cursor node { id kind } } }', (d) => d?.activities,
      (row, rows) => ({ kind: [rows.find((r) => r.kind !== row.kind)!.kind] })],
    ['partnerships (search)', 'partnerships(first: $first, after: $after, filter: $filter) { edges { cursor node { id name } } }', (d) => d?.partnerships,
      (row, rows) => ({ search: rows.find((r) => r.name !== row.name)!.name })],
    ['schools (search)', 'schools(first: $first, after: $after, filter: $filter) { edges { cursor node { id name } } }', (d) => d?.schools,
      (row, rows) => ({ search: rows.find((r) => r.name !== row.name)!.name })],
    ['people (search)', 'people(first: $first, after: $after, filter: $filter) { edges { cursor node { id fullName: name } } }', (d) => d?.people,
      (row, rows) => ({ search: rows.find((r) => r.fullName !== row.fullName)!.fullName })],
  ];
  const filterType: Record<string, string> = { activities: 'ActivityFilter', partnerships: 'PartnershipFilter', schools: 'SchoolFilter', people: 'PersonFilter' };

  it.each(OTHERS)('%s: after a row the filter leaves out, the filtered rows after its position, no error (ADMIN and POLICY_ADVISOR)', async (name, selection, conn, exclude) => {
    const field = name.split(' ')[0]!;
    const doc = gql(`query($first: Int, $after: String, $filter: ${filterType[field]}) { ${selection} }`);
    for (const role of ['ADMIN', 'POLICY_ADVISOR'] as const) {
      const run = async (vars: Vars) => {
        const r = await t.execute(doc, { first: 100, ...vars }, { token: demo.tokens[role] });
        expect(r.errors).toBeUndefined();
        return conn(r.data)!.edges.map((e) => e.node as Row);
      };
      const all = await run({});
      expect(all.length, `${role} sees several ${field}`).toBeGreaterThan(2);
      const row = all[1]!;
      const filter = exclude(row, all);
      const filtered = (await run({ filter })).map((r) => r.id);
      expect(filtered).not.toContain(row.id);
      const afterRow = new Set(all.slice(2).map((r) => r.id));
      const page = (await run({ filter, after: cursorOf(rowId(row.id)), first: 5 })).map((r) => r.id);
      expect(page).toEqual(filtered.filter((id) => afterRow.has(id) || !all.some((r) => r.id === id)).slice(0, 5));
    }
  });
});

describe('3. foreign cursors are refused on every connection, nested ones included', () => {
  const ownActivities = async (role: Role, vars: Vars) => {
    const r = await t.execute(PARTNERSHIP_ACTIVITIES, { id: partnershipGid(), first: 50, ...vars }, { token: demo.tokens[role] });
    return answer(r, r.data?.node?.activities);
  };
  const activityOf = async (partnershipId: string) =>
    (await prisma().activity.findFirstOrThrow({ where: { partnershipId }, orderBy: { startsAt: 'desc' }, select: { id: true } })).id;

  it.each(['YOUTH_WORKER', 'POLICY_ADVISOR', 'ADMIN'] as const)('Partnership.activities: the cursor of another city\'s or another partnership\'s activity gives an empty page (%s); its own activity\'s works', async (role) => {
    const foreign = [await activityOf(demo.partnerships.presik.id), await activityOf(demo.partnerships.gaasperpoort.id)];
    for (const id of foreign) {
      for (const orderBy of [undefined, { field: 'DURATION', direction: 'ASC' }, { field: 'STARTS_AT', direction: 'DESC' }]) {
        expect(await ownActivities(role, { after: cursorOf(id), orderBy }), `${id} ${JSON.stringify(orderBy)}`).toEqual({ ids: [], errors: [] });
      }
    }
    // Positive control: after its own second activity come the rest.
    const all = await ownActivities(role, {});
    expect(all.ids.length).toBeGreaterThan(2);
    expect((await ownActivities(role, { after: cursorOf(rowId(all.ids[1]!)), first: 10 })).ids).toEqual(all.ids.slice(2, 12));
  });

  it('top-level activities: the cursor of another city\'s activity is BAD_USER_INPUT for the policy advisor, a position for the admin', async () => {
    const doc = gql('query($after: String) { activities(first: 5, after: $after) { edges { node { id } } } }');
    const after = cursorOf(await activityOf(demo.partnerships.presik.id));
    const refused = await t.execute(doc, { after }, { token: demo.tokens.POLICY_ADVISOR });
    expect(refused.errors?.map((e) => [e.extensions?.code, e.extensions?.field, e.extensions?.rule])).toEqual([['BAD_USER_INPUT', 'after', 'cursor']]);
    const admin = await t.execute(doc, { after }, { token: demo.tokens.ADMIN });
    expect(admin.errors).toBeUndefined();
  });

  it.each(PATHS.slice(1))('%s: the cursor of another partnership\'s signal (visible to the admin) gives an empty page; its own signal\'s works', async (_path, _nested, list) => {
    expect(await list('ADMIN', { after: cursor(S.E) })).toEqual({ ids: [], errors: [] });
    expect(await list('ADMIN', { after: cursor(S.E), filter: { category: ['ATTENDANCE'] } })).toEqual({ ids: [], errors: [] });
    expect((await list('ADMIN', { after: cursor(S.A) })).ids).toEqual([S.B, S.C, S.D]);
  });

  it('top-level signals: the cursor of a signal the viewer may not see is BAD_USER_INPUT whatever the filter; for the admin a position', async () => {
    const [, , list] = PATHS[0]!;
    for (const filter of [{}, { category: ['ATTENDANCE'] }, { lifeDomain: ['HOME'] }]) {
      expect(await list('YOUTH_WORKER', { after: cursor(S.C), filter })).toEqual({ ids: [], errors: [{ code: 'BAD_USER_INPUT', field: 'after', rule: 'cursor' }] });
      expect(await list('YOUTH_WORKER', { after: cursor(S.E), filter })).toEqual({ ids: [], errors: [{ code: 'BAD_USER_INPUT', field: 'after', rule: 'cursor' }] });
    }
    expect((await list('ADMIN', { after: cursor(S.E) })).ids).toEqual([S.A, S.B, S.C, S.D]);
  });
});
