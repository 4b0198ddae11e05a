/**
 * Plugins over the life of one database: disabling a plugin keeps its values and enabling it again
 * shows them; two plugins with a field of the same name on the same type coexist; a plugin whose
 * resolvers reach for the database directly still gets only what the viewer may see. Each boot
 * builds its schema in a fresh module graph, as a new process would.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_EMAILS } from '../prisma/seed.ts';
import { signToken } from '../src/auth/token.ts';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db.ts';
import { field } from '../src/plugins/api.ts';
import { TEST_JWT_SECRET } from './support/secret.ts';
import { createTestDatabase, type TestDatabaseConfig } from './support/database.ts';

let database: TestDatabaseConfig;
let db: Database;
const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JWT_SECRET: TEST_JWT_SECRET }), seedDemoData: false };

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  db = await database.open();
  config.database = database.config;
}, 120_000);

afterAll(async () => {
  await db?.close();
  await database?.drop();
});

type Definition = Record<string, unknown> & { name: string };

/** Boots the app on the shared database with these plugins (folders under plugins/, or inline definitions). */
async function boot(plugins: (string | Definition)[]) {
  vi.resetModules();
  const registry = await import('../src/plugins/registry.ts');
  const { buildApp } = await import('../src/app.ts');
  const { createLogger } = await import('../src/logger.ts');
  const folders = plugins.filter((p): p is string => typeof p === 'string');
  const loaded = [
    ...(await registry.loadPlugins(folders)),
    ...registry.checkPlugins(plugins.filter((p): p is Definition => typeof p !== 'string').map((d) => ({ folder: d.name, definition: d }))),
  ];
  const app = await buildApp(config, { db, log: createLogger('silent'), plugins: loaded });
  const tokenOf = async (email: string) => {
    const person = await db.prisma.person.findUniqueOrThrow({ where: { email }, select: { id: true } });
    return signToken(config.jwt, person.id);
  };
  return {
    app,
    async graphql(query: string, variables: Record<string, unknown> = {}, email: string = DEMO_EMAILS.YOUTH_WORKER) {
      const response = await app.yoga.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenOf(email)}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: any; errors?: any[] };
    },
  };
}

const sloterplas = async () => {
  const p = await db.prisma.partnership.findFirstOrThrow({ where: { school: { name: { contains: 'Sloterplas' } } }, select: { id: true } });
  return Buffer.from(`Partnership:${p.id}`).toString('base64');
};
const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

describe('disabling and enabling a plugin', () => {
  it('keeps its values while disabled (also through other writes) and shows them again', async () => {
    const partnershipId = await sloterplas();
    const both = await boot(['amsterdam', 'arnhem']);
    const logged = await both.graphql(
      `mutation($input: LogActivityInput!) { logActivity(input: $input) { activity { id version ... on BreakConversation { amsterdam { roomOpen breakThemes } } } } }`,
      { input: { partnershipId, kind: 'BREAK_CONVERSATION', startsAt: hourAgo(), durationMinutes: 15, amsterdam: { roomOpen: true, breakThemes: ['PESTEN'] } } },
    );
    expect(logged.errors).toBeUndefined();
    const { id, version } = logged.data.logActivity.activity;
    await both.app.stop();

    const arnhemOnly = await boot(['arnhem']);
    const type = await arnhemOnly.graphql(`{ __type(name: "BreakConversation") { fields { name } } }`);
    expect(type.data.__type.fields.map((f: { name: string }) => f.name)).not.toContain('amsterdam');
    // A core write while the plugin is disabled must not drop its values.
    const corrected = await arnhemOnly.graphql(
      `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { activity { version } } }`,
      { input: { activityId: id, expectedVersion: version, durationMinutes: 25 } },
    );
    expect(corrected.errors).toBeUndefined();
    const stored = await db.prisma.activity.findUniqueOrThrow({ where: { id: Buffer.from(id, 'base64').toString().split(':')[1]! }, select: { pilotData: true } });
    expect(stored.pilotData).toEqual({ amsterdam: { roomOpen: true, breakThemes: ['PESTEN'] } });
    await arnhemOnly.app.stop();

    const again = await boot(['amsterdam', 'arnhem']);
    const read = await again.graphql(`query($id: ID!) { node(id: $id) { ... on BreakConversation { durationMinutes amsterdam { roomOpen breakThemes } } } }`, { id });
    expect(read.data.node).toEqual({ durationMinutes: 25, amsterdam: { roomOpen: true, breakThemes: ['PESTEN'] } });
    await again.app.stop();
  });
});

describe('two plugins, one field name, one type', () => {
  const plugin = (name: string, theme: ReturnType<typeof field.string>) => ({
    name,
    version: '1.0.0',
    description: `test plugin ${name}`,
    cities: ['Amsterdam'],
    fields: { Activity: { theme } },
  });

  it('coexist under their namespaces, with their own types and rules', async () => {
    const app = await boot([
      plugin('alpha', field.string({ description: 'Free theme', max: 20, filterable: true })),
      plugin('beta', field.enum(['SPORT', 'MUZIEK'], { description: 'Theme from a list' })),
    ]);
    const partnershipId = await sloterplas();
    const logged = await app.graphql(
      `mutation($input: LogActivityInput!) { logActivity(input: $input) { activity { id alpha { theme } beta { theme } } } }`,
      { input: { partnershipId, kind: 'HOMEWORK_HELP', startsAt: hourAgo(), durationMinutes: 60, alpha: { theme: 'rekenen' }, beta: { theme: 'MUZIEK' } } },
    );
    expect(logged.errors).toBeUndefined();
    expect(logged.data.logActivity.activity).toMatchObject({ alpha: { theme: 'rekenen' }, beta: { theme: 'MUZIEK' } });
    const tooLong = await app.graphql(
      `mutation($input: LogActivityInput!) { logActivity(input: $input) { activity { id } } }`,
      { input: { partnershipId, kind: 'HOMEWORK_HELP', startsAt: hourAgo(), durationMinutes: 60, alpha: { theme: 'x'.repeat(21) } } },
    );
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.alpha.theme', rule: 'maxLength' });
    const filtered = await app.graphql(`{ activities(first: 5, filter: { alpha: { theme: "rekenen" } }) { edges { node { id } } } }`);
    expect(filtered.data.activities.edges.map((e: any) => e.node.id)).toEqual([logged.data.logActivity.activity.id]);
    await app.app.stop();
  });
});

describe('a plugin that reaches for the database itself', () => {
  const sneaky = {
    name: 'sneaky',
    version: '1.0.0',
    description: 'tries to read more than the viewer may',
    cities: ['Amsterdam'],
    schema(api: any) {
      api.builder.queryField('sneakySignals', (t: any) =>
        t.field({
          type: [api.refs.Signal],
          // A list of signals says what it reads about each (here: nothing beyond which ones they are).
          extensions: { listedSignalContent: () => [] },
          resolve: (_r: unknown, _a: unknown, ctx: any) => ctx.prisma.signal.findMany({ take: 10_000 }),
        }),
      );
      api.builder.queryField('sneakyCount', (t: any) => t.int({ resolve: (_r: unknown, _a: unknown, ctx: any) => ctx.prisma.signal.count() }));
      api.builder.queryField('sneakyRaw', (t: any) =>
        t.int({ nullable: true, resolve: async (_r: unknown, _a: unknown, ctx: any) => (await ctx.prisma.$queryRaw`SELECT count(*)::int AS n FROM "Signal"`)[0].n }),
      );
      api.builder.queryField('sneakyAudit', (t: any) => t.int({ resolve: (_r: unknown, _a: unknown, ctx: any) => ctx.prisma.auditEvent.count() }));
      const int = (name: string, resolve: (ctx: any) => Promise<number>) =>
        api.builder.queryField(name, (t: any) => t.int({ nullable: true, resolve: (_r: unknown, _a: unknown, ctx: any) => resolve(ctx) }));
      api.builder.prismaObjectField('Signal', 'sneakySummary', (t: any) => t.string({ nullable: true, resolve: (s: any) => s.summary ?? `keys:${Object.keys(s).sort().join(',')}` }));
      int('sneakyParent', (ctx) => ctx.prisma.$parent.signal.count());
      int('sneakyExtends', async (ctx) => (await ctx.prisma.$extends({}).$queryRawUnsafe('SELECT count(*)::int AS n FROM "Signal"'))[0].n);
      int('sneakyInclude', async (ctx) => (await ctx.prisma.partnership.findMany({ include: { signals: true } })).flatMap((p: any) => p.signals).length);
      int('sneakyRelationFilter', (ctx) => ctx.prisma.partnership.count({ where: { signals: { some: { summary: { contains: 'a' } } } } }));
      int('sneakyWrite', async (ctx) => {
        const mentor = await ctx.prisma.person.findFirst({ where: { email: 'aart.hoekstra@sloterplascollege.school.example' } });
        await ctx.prisma.roleAssignment.create({ data: { personId: mentor.id, role: 'ADMIN', scope: 'GLOBAL' } });
        return 1;
      });
      int('sneakyPubsub', async (ctx) => {
        ctx.pubsub.publish('signalChanged', { id: 'x', partnershipId: 'y' });
        return 1;
      });
    },
  };

  it('gets only what the viewer may see, no raw SQL, and the core still hides content', async () => {
    const app = await boot([sneaky]);
    const mentor = DEMO_EMAILS.MENTOR;
    const result = await app.graphql(`{ sneakyCount sneakyAudit sneakySignals { id access summary } signals(first: 1) { totalCount } }`, {}, mentor);
    expect(result.errors).toBeUndefined();
    // The mentor knows only the signals they reported: the plugin's count is the core's.
    expect(result.data.sneakyCount).toBe(result.data.signals.totalCount);
    expect(result.data.sneakySignals).toHaveLength(result.data.signals.totalCount);
    expect(result.data.sneakyAudit).toBe(0);
    // Each signal row the plugin read is audited (all columns: `*`), besides the core's own reads.
    const audited = await db.prisma.auditEvent.findMany({
      where: {
        operation: 'READ',
        actorId: (await db.prisma.person.findUniqueOrThrow({ where: { email: mentor } })).id,
        entityId: { in: result.data.sneakySignals.map((s: { id: string }) => Buffer.from(s.id, 'base64').toString().split(':')[1]!) },
      },
      select: { fields: true },
    });
    expect(result.data.sneakySignals.length).toBeGreaterThan(0);
    expect(audited).toHaveLength(result.data.sneakySignals.length);
    for (const e of audited) expect(e.fields).toContain('*');
    expect(await db.prisma.signal.count()).toBeGreaterThan(result.data.sneakyCount);

    // A resolver on a core type sees which record it is, not its content.
    const onSignal = await app.graphql(`{ signals(first: 1) { edges { node { summary sneakySummary } } } }`, {}, DEMO_EMAILS.YOUTH_WORKER);
    const node = onSignal.data.signals.edges[0].node;
    expect(node.summary).not.toBeNull();
    expect(node.sneakySummary).toBe('keys:id,partnershipId');

    // A policy advisor knows (metadata of) the city's signals, but a plugin reads only signals whose content the viewer may read.
    const advisor = await app.graphql(`{ sneakySignals { access summary } signals(first: 1) { totalCount } }`, {}, DEMO_EMAILS.POLICY_ADVISOR);
    expect(advisor.data.signals.totalCount).toBeGreaterThan(0);
    expect(advisor.data.sneakySignals).toEqual([]);

    // Not raw SQL, not the unscoped client behind the scoped one, not relations, not writes, not the event bus.
    for (const field of ['sneakyRaw', 'sneakyParent', 'sneakyExtends', 'sneakyInclude', 'sneakyRelationFilter', 'sneakyWrite', 'sneakyPubsub']) {
      const refused = await app.graphql(`{ ${field} }`, {}, DEMO_EMAILS.ADMIN);
      expect(refused.data?.[field] ?? null, field).toBeNull();
      expect(refused.errors?.length, field).toBe(1);
    }
    expect(await db.prisma.roleAssignment.count({ where: { role: 'ADMIN', person: { email: DEMO_EMAILS.MENTOR } } })).toBe(0);
    await app.app.stop();
  });

  it('does not boot with a field returning signals that does not say what it reads about them', async () => {
    const silent = {
      ...sneaky,
      name: 'silent',
      schema(api: any) {
        api.builder.queryField('silentSignals', (t: any) => t.field({ type: [api.refs.Signal], resolve: () => [] }));
      },
    };
    await expect(boot([silent])).rejects.toThrow(/Query\.silentSignals returns signals but does not say what it reads about them/);
  });
});
