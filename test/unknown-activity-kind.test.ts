/**
 * An activity whose kind this server has no type for (rows of a city plugin's kind after the plugin
 * is disabled, or written by an instance that still has it) is hidden, as if absent: lists, counts,
 * node lookups, writes and live events (live or resumed) skip it, over HTTP and graphql-ws, and the
 * lists around it keep working. And graphql-js's own execution errors (which carry no code and
 * name the server's internals) reach clients masked, with a code, like any unexpected error.
 */
import { execute, GraphQLError, GraphQLInterfaceType, GraphQLInt, GraphQLList, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMaskError, ErrorCode } from '../src/errors.ts';
import { createLogger } from '../src/logger.ts';
import { CORE_ACTIVITY_KINDS } from '../src/schema/activity/core-kinds.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { dataOf, type Feed, httpGraphql, nextResult, untilLive, wsConnect, type WsConnection } from './support/clients.ts';
import { closeTestApp, gid, loadDemo, type Demo } from './support/fixtures.ts';

/** A kind of the arnhem plugin, which this app (core only) does not enable. */
const DISABLED_KIND = 'ARNHEM_MENTOR_LESSON';
const INTERNALS = /resolveType|isTypeOf|Abstract type|ARNHEM|ArnhemMentorLesson|cannot represent|Iterable|HomeworkHelp|prisma|at .*\.(ts|js):\d+|"stack"/i;

const LIST = '{ activities(first: 100) { totalCount edges { node { id kind } } nodes { id __typename } } }';
const LOG = 'mutation ($input: LogActivityInput!) { logActivity(input: $input) { activity { id } } }';
const LOGGED = 'subscription ($after: String) { activityLogged(after: $after) { id kind } }';

/** Every error of a result, and each one's code. */
const codes = (errors: readonly { extensions?: Record<string, unknown> }[] | undefined) => (errors ?? []).map((e) => e.extensions?.code);

describe('an activity of a kind no enabled plugin defines', () => {
  let t: TestApp;
  let url: string;
  let demo: Demo;
  let partnership: { id: string; gid: string };
  let hidden: string;
  let hiddenGid: string;
  const sockets: WsConnection[] = [];
  const ws = (token: string) => {
    const s = wsConnect(url, token);
    sockets.push(s);
    return s;
  };
  const gql = (doc: string, variables: Record<string, unknown>, token: string) => httpGraphql<any, Record<string, unknown>>(url, doc, variables, token);
  const logActivity = async (token = demo.tokens.YOUTH_WORKER) =>
    dataOf(
      await gql(LOG, { input: { partnershipId: partnership.gid, kind: 'BREAK_CONVERSATION', startsAt: new Date().toISOString(), durationMinutes: 10 } }, token),
    ).logActivity.activity.id as string;
  /** An activity of the disabled kind, written directly (as the instance that had the plugin did), the newest. */
  const writeHidden = async () =>
    (
      await t.db.prisma.activity.create({
        data: { partnershipId: partnership.id, kind: DISABLED_KIND, startsAt: new Date(Date.now() + 60_000), durationMinutes: 45, details: { lessonTopic: 'x' } },
      })
    ).id;
  const livePosition = async (token: string) => dataOf(await gql('{ livePosition }', {}, token)).livePosition as string;

  beforeAll(async () => {
    t = await createTestApp({ plugins: [], env: { LIVE_POLL_MS: '250' } });
    url = (await t.app.start(0, '127.0.0.1')).url;
    demo = await loadDemo(t);
    const role = await t.db.prisma.roleAssignment.findFirstOrThrow({ where: { role: 'YOUTH_WORKER', personId: demo.people.YOUTH_WORKER }, select: { partnershipId: true } });
    partnership = { id: role.partnershipId!, gid: gid('Partnership', role.partnershipId!) };
    hidden = await writeHidden();
    hiddenGid = gid('Activity', hidden);
  });
  afterAll(async () => {
    for (const s of sockets) await s.close();
    await closeTestApp(t);
  });

  describe('over HTTP', () => {
    for (const role of ['ADMIN', 'YOUTH_WORKER'] as const) {
      it(`activities (${role}): the list works, without the row, and totalCount does not count it`, async () => {
        const res = await gql(LIST, {}, demo.tokens[role]);
        expect(res.errors).toBeUndefined();
        const ids = res.data.activities.edges.map((e: any) => e.node.id);
        expect(ids.length).toBeGreaterThan(0);
        expect(ids).not.toContain(hiddenGid);
        const known = CORE_ACTIVITY_KINDS.map((k) => k.kind);
        if (role === 'ADMIN') expect(res.data.activities.totalCount).toBe(await t.db.prisma.activity.count({ where: { kind: { in: known } } }));
        expect(res.data.activities.nodes.every((n: any) => n.__typename !== 'Activity')).toBe(true);
      });
    }

    it("a partnership's activities: without the row", async () => {
      const res = await gql(
        'query ($id: ID!) { node(id: $id) { ... on Partnership { activities(first: 100) { totalCount nodes { id } } } } }',
        { id: partnership.gid },
        demo.tokens.YOUTH_WORKER,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.node.activities.nodes.map((n: any) => n.id)).not.toContain(hiddenGid);
    });

    it('node and nodes by `Activity:<uuid>`: null, as an activity that does not exist', async () => {
      const res = await gql('query ($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }', { id: hiddenGid }, demo.tokens.ADMIN);
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ node: null, nodes: [null] });
    });

    it("node by the disabled plugin's type name: BAD_USER_INPUT (no such type), not an internal error", async () => {
      const res = await gql('query ($id: ID!) { node(id: $id) { id } }', { id: gid('ArnhemMentorLesson', hidden) }, demo.tokens.ADMIN);
      expect(codes(res.errors)).toEqual([ErrorCode.BAD_USER_INPUT]);
    });

    it('updateActivity and deleteActivity: NOT_FOUND, and the row stays stored', async () => {
      const update = await gql(
        'mutation ($input: UpdateActivityInput!) { updateActivity(input: $input) { activity { id } } }',
        { input: { activityId: hiddenGid, expectedVersion: 1, durationMinutes: 50 } },
        demo.tokens.ADMIN,
      );
      expect(codes(update.errors)).toEqual([ErrorCode.NOT_FOUND]);
      const del = await gql('mutation ($input: DeleteActivityInput!) { deleteActivity(input: $input) { deletedActivityId } }', { input: { activityId: hiddenGid, expectedVersion: 1 } }, demo.tokens.ADMIN);
      expect(codes(del.errors)).toEqual([ErrorCode.NOT_FOUND]);
      expect(await t.db.prisma.activity.findUnique({ where: { id: hidden }, select: { kind: true, durationMinutes: true } })).toEqual({ kind: DISABLED_KIND, durationMinutes: 45 });
    });
  });

  describe('over graphql-ws', () => {
    it('activities as a query over the socket: the list works, without the row', async () => {
      const socket = ws(demo.tokens.ADMIN);
      const feed = socket.subscribe<any, Record<string, never>>(LIST, {});
      const item = await nextResult(feed as Feed<unknown>);
      expect(item.errors).toBeUndefined();
      expect(item.data!.activities.edges.map((e: any) => e.node.id)).not.toContain(hiddenGid);
    });

    it('activityLogged resumed from before the row: skips it, delivers the next activity, no error', async () => {
      const start = await livePosition(demo.tokens.ADMIN);
      const before = await writeHidden();
      const next = await logActivity();
      const socket = ws(demo.tokens.ADMIN);
      const feed = socket.subscribe<any, { after: string }>(LOGGED, { after: start });
      const item = await nextResult(feed as Feed<unknown>);
      expect(item.errors).toBeUndefined();
      expect(item.data!.activityLogged.id).toBe(next);
      expect(JSON.stringify(item)).not.toContain(before);
    });

    it('activityLogged live: a row of the disabled kind written meanwhile never arrives; the next one does', async () => {
      const socket = ws(demo.tokens.YOUTH_WORKER);
      const feed = socket.subscribe<any, Record<string, never>>(LOGGED, {});
      await untilLive(feed, () => logActivity(), (d) => d.activityLogged.id);
      const written = await writeHidden();
      const next = await logActivity();
      const item = await nextResult(feed as Feed<unknown>);
      expect(item.errors).toBeUndefined();
      expect(item.data!.activityLogged.id).toBe(next);
      expect(JSON.stringify(item)).not.toContain(written);
    });
  });

  describe('a stored detail of the wrong type reads as absent: the list it is in still works', () => {
    // Homework help whose stored subjects are not a list (written directly, not through logActivity's
    // validation). graphql-js would fail the field ("Expected Iterable"), and with it the list.
    let broken: string;
    const DOC = 'query ($id: ID!) { node(id: $id) { ... on HomeworkHelp { id subjects attendeeCount } } }';
    beforeAll(async () => {
      broken = gid(
        'HomeworkHelp',
        (
          await t.db.prisma.activity.create({
            data: { partnershipId: partnership.id, kind: 'HOMEWORK_HELP', startsAt: new Date(), durationMinutes: 30, details: { subjects: 5, attendeeCount: 'many' } },
          })
        ).id,
      );
    });

    it('over HTTP, by node and in a list', async () => {
      const res = await gql(DOC, { id: broken }, demo.tokens.ADMIN);
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ node: { id: broken, subjects: [], attendeeCount: null } });
      const list = await gql('{ activities(first: 100) { edges { node { id ... on HomeworkHelp { subjects } } } } }', {}, demo.tokens.ADMIN);
      expect(list.errors).toBeUndefined();
      expect(list.data.activities.edges.map((e: any) => e.node.id)).toContain(broken);
    });

    it('over graphql-ws', async () => {
      const feed = ws(demo.tokens.ADMIN).subscribe<any, { id: string }>(DOC, { id: broken });
      const item = await nextResult(feed as Feed<unknown>);
      expect(item.errors).toBeUndefined();
      expect(item.data).toEqual({ node: { id: broken, subjects: [], attendeeCount: null } });
    });

    it('in a subscription result pushed over graphql-ws, and the next event still comes', async () => {
      const start = await livePosition(demo.tokens.ADMIN);
      const bad = gid(
        'HomeworkHelp',
        (await t.db.prisma.activity.create({ data: { partnershipId: partnership.id, kind: 'HOMEWORK_HELP', startsAt: new Date(), durationMinutes: 30, details: { subjects: 7 } } })).id,
      );
      const next = await logActivity();
      const feed = ws(demo.tokens.ADMIN).subscribe<any, { after: string }>(
        'subscription ($after: String) { activityLogged(after: $after) { id ... on HomeworkHelp { subjects } } }',
        { after: start },
      );
      const got = [];
      for (let item = await nextResult(feed as Feed<unknown>); ; item = await nextResult(feed as Feed<unknown>)) {
        expect(item.errors).toBeUndefined();
        got.push(item.data?.activityLogged);
        if (item.data?.activityLogged?.id === next) break;
      }
      expect(got).toContainEqual({ id: bad, subjects: [] });
    });
  });
});

describe('createMaskError on what graphql-js produces', () => {
  const Thing = new GraphQLInterfaceType({ name: 'Thing', fields: { id: { type: GraphQLString } }, resolveType: () => undefined });
  const Plain = new GraphQLObjectType({ name: 'Plain', interfaces: [Thing], fields: { id: { type: GraphQLString } } });
  const schema = new GraphQLSchema({
    types: [Plain],
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        thing: { type: Thing, resolve: () => ({ id: '1' }) },
        count: { type: GraphQLInt, resolve: () => 'many' },
        list: { type: new GraphQLList(GraphQLInt), resolve: () => 5 },
        coded: { type: GraphQLInt, resolve: () => { throw new GraphQLError('Nope.', { extensions: { code: 'FORBIDDEN' } }); } },
      },
    }),
  });
  const mask = createMaskError(createLogger('silent'));
  const run = async (doc: string) => {
    const result = await execute({ schema, document: parse(doc) });
    return (result.errors ?? []).map((e) => mask(e, 'Unexpected error.', false) as GraphQLError);
  };

  it.each([
    ['an abstract type that does not resolve', '{ thing { id } }', ['thing']],
    ['a value a scalar cannot serialize', '{ count }', ['count']],
    ['a list that is not one', '{ list }', ['list']],
  ])('%s: "Unexpected error.", INTERNAL_SERVER_ERROR, with its path', async (_what, doc, path) => {
    const [masked] = await run(doc);
    expect(masked!.toJSON()).toMatchObject({ message: 'Unexpected error.', path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(masked!.toJSON())).not.toMatch(INTERNALS);
  });

  it('our coded errors pass as they are', async () => {
    const [masked] = await run('{ coded }');
    expect(masked!.toJSON()).toMatchObject({ message: 'Nope.', path: ['coded'], extensions: { code: 'FORBIDDEN' } });
  });
});
