import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/app.ts';

let t: TestApp;
let admin: string;
const run = async (query: string, variables: Record<string, unknown> = {}) =>
  t.execute(parse(query) as never, variables as never, { token: admin }) as Promise<{ data?: any; errors?: any[]; status: number }>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.tokenFor('ADMIN');
});
afterAll(async () => {
  await t?.close();
});

describe('connections', () => {
  it('have `nodes`, the same items as `edges`, top-level and nested', async () => {
    const { data, errors } = await run(`{
      activities(first: 7) { nodes { id } edges { node { id } } }
      partnerships(first: 2) { nodes { id name activities(first: 3) { nodes { id } edges { node { id } } } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.activities.nodes).toHaveLength(7);
    expect(data.activities.nodes).toEqual(data.activities.edges.map((e: any) => e.node));
    for (const p of data.partnerships.nodes) {
      expect(p.activities.nodes).toEqual(p.activities.edges.map((e: any) => e.node));
    }
  });

  it('refuse a page larger than the maximum, naming the argument, instead of cutting it silently', async () => {
    const literal = await run('{ activities(first: 5000) { nodes { id } } }');
    expect(literal.errors).toHaveLength(1);
    expect(literal.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first', rule: 'max' });
    expect(literal.data ?? null).toBeNull();

    const variable = await run('query($n: Int) { partnerships(first: 1) { nodes { signals(first: $n) { totalCount } } } }', { n: 101 });
    expect(variable.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first', rule: 'max' });

    const negative = await run('{ people(last: -1) { nodes { id } } }');
    expect(negative.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'last', rule: 'min' });

    // Only the operation that runs counts: another one in the same document may ask for anything.
    const response = await t.app.yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({
        query: 'query Small { activities(first: 3) { nodes { id } } } query Big { activities(first: 500) { nodes { id } } }',
        operationName: 'Small',
      }),
    });
    const other = (await response.json()) as { data?: any; errors?: unknown };
    expect(other.errors).toBeUndefined();
    expect(other.data.activities.nodes).toHaveLength(3);

    const atTheLimit = await run('{ activities(first: 100) { nodes { id } } }');
    expect(atTheLimit.errors).toBeUndefined();
    expect(atTheLimit.data.activities.nodes).toHaveLength(100);
  });

  it('say their page sizes and what each argument means in the schema', async () => {
    const { data } = await run(`{ __type(name: "Query") { fields { name args { name description } } } }`);
    const activities = data.__type.fields.find((f: any) => f.name === 'activities');
    const arg = (name: string) => activities.args.find((a: any) => a.name === name)?.description ?? '';
    expect(arg('first')).toMatch(/at most 100, 20 when neither/);
    expect(arg('after')).toMatch(/cursor/);
    expect(arg('last')).toMatch(/at most 100/);
  });
});

describe('one ID per record', () => {
  const encode = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64');

  it('an activity is found by its interface ID (as exports write it) and by its object type ID, in node and nodes', async () => {
    const row = await t.db.prisma.activity.findFirstOrThrow({ where: { kind: 'BREAK_CONVERSATION' }, select: { id: true } });
    const viaApi = await run(`query($id: ID!) { node(id: $id) { __typename id } }`, { id: encode('BreakConversation', row.id) });
    const viaInterface = await run(`query($id: ID!) { node(id: $id) { __typename id } }`, { id: encode('Activity', row.id) });
    expect(viaInterface.errors).toBeUndefined();
    expect(viaInterface.data.node).toEqual(viaApi.data.node);
    expect(viaInterface.data.node).toEqual({ __typename: 'BreakConversation', id: encode('BreakConversation', row.id) });

    const other = await t.db.prisma.activity.findFirstOrThrow({ where: { kind: 'CONSULTATION' }, select: { id: true } });
    const many = await run(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, {
      ids: [encode('Activity', row.id), encode('Activity', other.id), encode('Activity', '00000000-0000-4000-8000-000000000000')],
    });
    expect(many.errors).toBeUndefined();
    expect(many.data.nodes.map((n: any) => n?.__typename ?? null)).toEqual(['BreakConversation', 'Consultation', null]);

    // An interface whose IDs stand for nothing (Node) is bad input, as an unknown type is.
    const node = await run(`query($id: ID!) { node(id: $id) { id } }`, { id: encode('Node', row.id) });
    expect(node.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('an interface ID names no more than its object type ID may: an activity the viewer may not see stays null', async () => {
    const arnhem = await t.db.prisma.activity.findFirstOrThrow({ where: { partnership: { city: { name: 'Arnhem' } } }, select: { id: true } });
    const amsterdamWorker = await t.tokenFor('YOUTH_WORKER');
    const result = (await t.execute(parse(`query($id: ID!) { node(id: $id) { id } }`) as never, { id: encode('Activity', arnhem.id) } as never, {
      token: amsterdamWorker,
    })) as { data?: any; errors?: unknown };
    expect(result.errors).toBeUndefined();
    expect(result.data.node).toBeNull();
  });
});

describe('hidden fields a typed client can read', () => {
  const as = async (role: 'SCHOOL_CONTACT' | 'YOUTH_WORKER' | 'POLICY_ADVISOR', query: string, variables: Record<string, unknown> = {}) =>
    (await t.execute(parse(query) as never, variables as never, { token: await t.tokenFor(role) })) as { data?: any; errors?: unknown; extensions?: any };

  it('hiddenFields lists exactly the fields that read as null by need to know, as extensions do', async () => {
    const query = `{ signals(first: 50) { nodes { id access hiddenFields category summary youth { id } amsterdam { __typename } } } }`;
    const contact = await as('SCHOOL_CONTACT', query);
    expect(contact.errors).toBeUndefined();
    const metadata = contact.data.signals.nodes.filter((n: any) => n.access === 'METADATA');
    const full = contact.data.signals.nodes.filter((n: any) => n.access === 'FULL');
    expect(metadata.length).toBeGreaterThan(0);
    expect(full.length).toBeGreaterThan(0);
    for (const node of metadata) {
      expect(node.hiddenFields).toEqual(expect.arrayContaining(['amsterdam', 'category', 'followUps', 'summary', 'urgency', 'youth']));
      expect(node.category).toBeNull();
    }
    for (const node of full) expect(node.hiddenFields).toEqual([]);
    // The same fields the response's extensions list, for the fields selected.
    const paths = contact.extensions.hiddenFields.paths as (string | number)[][];
    const index = contact.data.signals.nodes.indexOf(metadata[0]);
    const listed = paths.filter((p) => p[2] === index).map((p) => p[3]);
    expect([...listed].sort()).toEqual(['amsterdam', 'category', 'summary', 'youth'].filter((f) => metadata[0].hiddenFields.includes(f)));
  });

  it('on people reached through a relation, on activities and on partnerships', async () => {
    const people = await as('YOUTH_WORKER', `{ signals(first: 20) { nodes { followUps { by { access hiddenFields name } } } } }`);
    expect(people.errors).toBeUndefined();
    const bys = people.data.signals.nodes.flatMap((n: any) => n.followUps ?? []).map((f: any) => f.by).filter(Boolean);
    expect(bys.length).toBeGreaterThan(0);
    for (const by of bys) {
      if (by.access === 'REFERENCE') expect(by.hiddenFields).toEqual(expect.arrayContaining(['email', 'name'])), expect(by.name).toBeNull();
      else expect(by.hiddenFields).not.toContain('name');
    }
    const advisor = await as('POLICY_ADVISOR', `{ activities(first: 20) { nodes { hiddenFields notes } } partnerships(first: 5) { nodes { hiddenFields } } }`);
    expect(advisor.errors).toBeUndefined();
    for (const a of advisor.data.activities.nodes) expect(a.hiddenFields).toContain('notes');
    const worker = await as('YOUTH_WORKER', `{ activities(first: 20) { nodes { hiddenFields notes } } }`);
    for (const a of worker.data.activities.nodes) expect(a.hiddenFields).not.toContain('notes');
  });
});
