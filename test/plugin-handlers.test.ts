/**
 * Plugin event handlers (issue 9, item 6): `api.prisma` in a handler is the guarded, read-only
 * client of plugin resolvers, scoped to the event (its record, partnership, school, organisation and
 * city). Every escape a handler might try fails and changes nothing; the positive controls read the
 * event's own record. Handlers run only for events in the plugin's cities.
 */
import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PrismaClient } from '../src/generated/prisma/client.ts';
import { definePlugin, type HookApi } from '../src/plugins/api.ts';
import { checkPlugins } from '../src/plugins/registry.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { type Demo, gid, loadDemo } from './support/fixtures.ts';

type Outcome = { ok: true; value: unknown } | { ok: false; error: string };
/** What each handler run tried, by the summary of the signal that caused it. */
const runs = new Map<string, Record<string, Outcome>>();

const attempt = async (fn: () => unknown): Promise<Outcome> => {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
};

let otherSignalId = '';
let otherActivityId = '';

const plugin = definePlugin({
  name: 'handlerprobe',
  version: '1.0.0',
  description: 'Tries every way out of a handler.',
  cities: ['Amsterdam'],
  events: { probe: { description: 'A probe event about a signal.', record: 'Signal' } },
  schema(api) {
    // What a resolver can reach through its context (the attack review's F6, F8, F10, F11).
    api.builder.queryField('handlerprobeTries', (t) =>
      t.string({
        description: 'Tries every way out of a resolver.',
        resolve: async (_root, _args, ctx: any) => {
          const tries = {
            pushRole: await attempt(() => ctx.viewer.assignments.push({ role: 'ADMIN', scope: 'GLOBAL', cityId: null, partnershipId: null })),
            clearAudit: await attempt(() => ctx.audit.reads.clear()),
            auditClient: await attempt(() => ctx.audit.prisma.$queryRawUnsafe('SELECT 1')),
            primeLoader: await attempt(() => ctx.loaders.personVisible.prime('x', true)),
            liveHub: await attempt(() => ctx.live.once('1', 'x', async () => 1)),
            delegateParent: await attempt(() => ctx.prisma.signal.$parent.$queryRawUnsafe('SELECT 1')),
            aggregate: await attempt(() => ctx.prisma.signal.aggregate({ _max: { summary: true } })),
            groupBy: await attempt(() => ctx.prisma.signal.groupBy({ by: ['category'] })),
            count: await attempt(() => ctx.prisma.signal.count({ where: { category: 'ATTENDANCE' } })),
          };
          return JSON.stringify({ tries, admin: ctx.viewer.isAdmin });
        },
      }),
    );
  },
  on: {
    async signalReported(event, api: HookApi) {
      const db = api.prisma as PrismaClient & Record<string, any>;
      const tried: Record<string, Outcome> = {
        updateManySummary: await attempt(() => db.signal.updateMany({ where: { id: event.id }, data: { summary: 'overwritten by a handler' } })),
        updateSignal: await attempt(() => db.signal.update({ where: { id: event.id }, data: { summary: 'overwritten by a handler' } })),
        createSignal: await attempt(() => db.signal.create({ data: {} as never })),
        deleteSignal: await attempt(() => db.signal.deleteMany({ where: { id: event.id } })),
        upsertActivity: await attempt(() => db.activity.upsert({ where: { id: otherActivityId }, create: {} as never, update: { durationMinutes: 1 } })),
        updateActivity: await attempt(() => db.activity.updateMany({ where: {}, data: { durationMinutes: 1 } })),
        queryRawUnsafe: await attempt(() => db.$queryRawUnsafe('SELECT summary FROM "Signal"')),
        queryRaw: await attempt(() => db.$queryRaw`SELECT summary FROM "Signal"`),
        executeRawUnsafe: await attempt(() => db.$executeRawUnsafe(`UPDATE "Signal" SET summary = 'x'`)),
        executeRaw: await attempt(() => db.$executeRaw`UPDATE "Signal" SET summary = 'x'`),
        transaction: await attempt(() => db.$transaction(async (tx) => tx.signal.updateMany({ data: { summary: 'x' } }))),
        extends: await attempt(() => db.$extends({})),
        parent: await attempt(() => db.$parent),
        delegateParent: await attempt(() => (db.signal as any).$parent.signal.updateMany({ where: { id: event.id }, data: { summary: 'x' } })),
        aggregate: await attempt(() => db.signal.aggregate({ _max: { summary: true } })),
        forgedPublish: await attempt(() => api.publish('probe', { id: otherSignalId, partnershipId: event.partnershipId })),
        relationSelect: await attempt(() => db.signal.findUnique({ where: { id: event.id }, select: { partnership: { select: { signals: true } } } })),
        include: await attempt(() => db.signal.findUnique({ where: { id: event.id }, include: { followUps: true } })),
        relationFilter: await attempt(() => db.signal.findMany({ where: { partnership: { signals: { some: {} } } } })),
        people: await attempt(() => db.person.findMany({ select: { email: true } })),
        youth: await attempt(() => db.youth.findMany({ select: { code: true } })),
        auditLog: await attempt(() => db.auditEvent.findMany()),
        otherSignal: await attempt(() => db.signal.findUnique({ where: { id: otherSignalId }, select: { summary: true } })),
        allSignals: await attempt(async () => (await db.signal.findMany({ select: { id: true } })).map((s) => s.id)),
        signalCount: await attempt(() => db.signal.count()),
        otherActivity: await attempt(() => db.activity.findUnique({ where: { id: otherActivityId }, select: { notes: true } })),
        partnerships: await attempt(async () => (await db.partnership.findMany({ select: { id: true } })).map((p) => p.id)),
        // Positive controls: what the event concerns.
        ownSignal: await attempt(() => db.signal.findUnique({ where: { id: event.id }, select: { summary: true, urgency: true } })),
        ownCity: await attempt(async () => (await db.city.findMany({ select: { name: true } })).map((c) => c.name)),
        pilotValues: await attempt(() => api.pilotValues('Signal', event.id)),
        ownPublish: await attempt(() => api.publish('probe', { id: event.id, partnershipId: event.partnershipId })),
      };
      const summary = (tried.ownSignal as { ok: true; value: { summary: string } | null }).value?.summary ?? `?${event.id}`;
      runs.set(summary, tried);
    },
  },
});

let t: TestApp;
let demo: Demo;

const ReportSignal = parse(`
  mutation ($input: ReportSignalInput!) { reportSignal(input: $input) { signal { id } } }
`) as TypedDocumentNode<{ reportSignal: { signal: { id: string } | null } }, { input: Record<string, unknown> }>;

async function report(partnershipId: string, summary: string, token: string) {
  const result = await t.execute(ReportSignal, { input: { partnershipId: gid('Partnership', partnershipId), lifeDomain: 'SCHOOL', category: 'ATTENDANCE', summary } }, { token });
  expect(result.errors).toBeUndefined();
  return result.data!.reportSignal.signal!.id;
}

beforeAll(async () => {
  t = await createTestApp({ plugins: checkPlugins([{ folder: plugin.name, definition: plugin }]) });
  demo = await loadDemo(t);
  const other = await t.db.prisma.signal.findFirstOrThrow({ where: { partnershipId: demo.partnerships.gaasperpoort.id, summary: { not: null } }, select: { id: true } });
  otherSignalId = other.id;
  otherActivityId = (await t.db.prisma.activity.findFirstOrThrow({ where: { partnershipId: demo.partnerships.sloterplas.id }, select: { id: true } })).id;
});
afterAll(async () => {
  await t?.close();
});

describe('plugin event handlers', () => {
  let tried: Record<string, Outcome>;
  let before: { activity: unknown; signals: number; summaries: unknown };

  beforeAll(async () => {
    before = {
      activity: await t.db.prisma.activity.findUniqueOrThrow({ where: { id: otherActivityId }, select: { durationMinutes: true, version: true } }),
      signals: await t.db.prisma.signal.count(),
      summaries: await t.db.prisma.signal.findMany({ select: { id: true, summary: true }, orderBy: { id: 'asc' } }),
    };
    signalId = Buffer.from(await report(demo.partnerships.sloterplas.id, 'handler probe in Amsterdam', demo.tokens.YOUTH_WORKER), 'base64').toString().split(':')[1]!;
    await vi.waitFor(() => expect(runs.has('handler probe in Amsterdam')).toBe(true), { timeout: 10_000 });
    tried = runs.get('handler probe in Amsterdam')!;
    // The handler's reads are written when it has finished.
    await vi.waitFor(async () => expect(await t.db.prisma.auditEvent.count({ where: { entityId: signalId, operation: 'READ' } })).toBeGreaterThan(0), { timeout: 10_000 });
  });
  let signalId: string;

  it('audits its reads of signal content like a resolver\'s: one READ of the signal, with the columns read, by the system', async () => {
    const events = await t.db.prisma.auditEvent.findMany({ where: { entityId: signalId, operation: 'READ' }, select: { actorId: true, entity: true, fields: true } });
    // ownSignal (summary, urgency) and pilotValues (pilotData); allSignals read IDs only, signalCount filters on nothing.
    expect(events).toEqual([{ actorId: null, entity: 'Signal', fields: ['pilotData', 'summary', 'urgency'] }]);
  });

  const refused = [
    'updateManySummary', 'updateSignal', 'createSignal', 'deleteSignal', 'upsertActivity', 'updateActivity',
    'queryRawUnsafe', 'queryRaw', 'executeRawUnsafe', 'executeRaw', 'transaction', 'extends', 'parent',
    'relationSelect', 'include', 'relationFilter', 'people', 'youth', 'auditLog',
  ];
  it.each(refused)('refuses %s', (name) => {
    expect(tried[name]).toMatchObject({ ok: false, error: expect.stringMatching(/^Plugins may not/) });
  });

  it("cannot reach the unguarded client through a delegate, aggregate signals, or publish about another record", () => {
    expect(tried.delegateParent).toMatchObject({ ok: false });
    expect(tried.aggregate).toMatchObject({ ok: false, error: expect.stringMatching(/^Plugins may not aggregate/) });
    expect(tried.forgedPublish).toMatchObject({ ok: false, error: expect.stringMatching(/must be about the handled record/) });
    expect(tried.ownPublish).toEqual({ ok: true, value: undefined });
  });

  it('a resolver cannot change its viewer, the audit trail or the loaders, nor reach the client; its counts are audited', async () => {
    const mentor = await t.tokenFor('YOUTH_WORKER');
    const before = await t.db.prisma.auditEvent.count({ where: { operation: 'READ' } });
    const result = await t.execute(parse('{ handlerprobeTries }') as TypedDocumentNode<{ handlerprobeTries: string }, Record<string, never>>, {}, { token: mentor });
    const { tries, admin } = JSON.parse(result.data!.handlerprobeTries) as { tries: Record<string, Outcome>; admin: boolean };
    expect(admin).toBe(false);
    for (const name of ['pushRole', 'clearAudit', 'auditClient', 'primeLoader', 'liveHub', 'delegateParent', 'aggregate', 'groupBy']) {
      expect(tries[name], name).toMatchObject({ ok: false });
    }
    const counted = (tries.count as { ok: true; value: number }).value;
    expect(counted).toBeGreaterThan(0);
    // One READ of `category` per counted signal.
    expect(await t.db.prisma.auditEvent.count({ where: { operation: 'READ' } })).toBe(before + counted);
  });

  it('reads no record the event is not about', () => {
    expect(tried.otherSignal).toEqual({ ok: true, value: null });
    expect(tried.otherActivity).toEqual({ ok: true, value: null });
    expect(tried.signalCount).toEqual({ ok: true, value: 1 });
    expect((tried.allSignals as { value: string[] }).value).toHaveLength(1);
    expect(tried.partnerships).toEqual({ ok: true, value: [demo.partnerships.sloterplas.id] });
  });

  it("reads the event's own record, city and pilot values (positive controls)", () => {
    expect(tried.ownSignal).toEqual({ ok: true, value: { summary: 'handler probe in Amsterdam', urgency: 'MEDIUM' } });
    expect(tried.ownCity).toEqual({ ok: true, value: ['Amsterdam'] });
    expect(tried.pilotValues).toEqual({ ok: true, value: null });
  });

  it('changed nothing: no summary, activity or signal count differs', async () => {
    expect(await t.db.prisma.activity.findUniqueOrThrow({ where: { id: otherActivityId }, select: { durationMinutes: true, version: true } })).toEqual(before.activity);
    expect(await t.db.prisma.signal.count()).toBe(before.signals + 1);
    const after = await t.db.prisma.signal.findMany({ where: { summary: { not: 'handler probe in Amsterdam' } }, select: { id: true, summary: true }, orderBy: { id: 'asc' } });
    expect(after).toEqual(before.summaries);
  });

  it("does not run for an event in a city that is not the plugin's", async () => {
    const arnhemWorker = await t.db.prisma.roleAssignment.findFirstOrThrow({
      where: { role: 'YOUTH_WORKER', partnershipId: demo.partnerships.presik.id },
      select: { person: { select: { email: true } } },
    });
    await report(demo.partnerships.presik.id, 'handler probe in Arnhem', await t.tokenFor({ email: arnhemWorker.person.email }));
    // A later Amsterdam event runs after it: once that one is recorded, the Arnhem one had its turn.
    await report(demo.partnerships.sloterplas.id, 'handler probe after Arnhem', demo.tokens.YOUTH_WORKER);
    await vi.waitFor(() => expect(runs.has('handler probe after Arnhem')).toBe(true), { timeout: 10_000 });
    expect(runs.has('handler probe in Arnhem')).toBe(false);
  });
});
