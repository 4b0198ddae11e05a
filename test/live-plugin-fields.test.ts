/**
 * A plugin's field on a core type may depend on who asks (src/live/grouped-execution.ts,
 * DEPENDS_ON_PERSON): a live document selecting it is executed per person, never shared between
 * people holding the same roles. Its own file: one set of plugins per process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../src/auth/token.ts';
import { definePlugin } from '../src/plugins/api.ts';
import { checkPlugins } from '../src/plugins/registry.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { httpGraphql, type LiveItem, nextResult, wsConnect } from './support/clients.ts';
import { closeTestApp, gid } from './support/fixtures.ts';

type Item = LiveItem;
const nextEvent = nextResult;
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe("a plugin's field on a core type", () => {
  let checks = 0;
  const probe = definePlugin({
    name: 'whoprobe',
    version: '1.0.0',
    description: 'A field on a core type whose value depends on who asks.',
    cities: ['Amsterdam'],
    schema(api) {
      api.builder.prismaObjectField('Partnership', 'whoprobeAskedBy', (t) =>
        t.string({ description: 'Who asks (a value the core cannot know is personal).', resolve: (_p, _a, ctx: any) => ctx.viewer.personId }),
      );
      api.builder.interfaceField(api.refs.Activity, 'whoprobeCheck', (t) =>
        t.field({
          type: 'String',
          nullable: true,
          description: 'Fails the second time it is resolved (an unexpected error in a live result).',
          resolve: () => {
            if (++checks === 2) throw new Error('internal detail 4242');
            return 'ok';
          },
        }),
      );
    },
  });
  let t: TestApp;
  let url: string;

  beforeAll(async () => {
    t = await createTestApp({ plugins: checkPlugins([{ folder: probe.name, definition: probe }]) });
    url = (await t.app.start(0, '127.0.0.1')).url;
  });
  afterAll(async () => {
    await closeTestApp(t);
  });

  it('makes a live document per person even on a role-only type', async () => {
    const assignment = await t.db.prisma.roleAssignment.findFirstOrThrow({
      where: { role: 'YOUTH_WORKER', person: { email: 'aaron.bakkali@amsterdam.jongerenwerk.example' } },
      select: { partnershipId: true, cityId: true, person: { select: { organisationId: true } } },
    });
    const twins = [];
    for (const n of [1, 2]) {
      const person = await t.db.prisma.person.create({ data: { name: `Probe twin ${n}`, email: `probe${n}@groups.example`, organisationId: assignment.person.organisationId } });
      await t.db.prisma.roleAssignment.create({ data: { personId: person.id, role: 'YOUTH_WORKER', scope: 'PARTNERSHIP', partnershipId: assignment.partnershipId, cityId: assignment.cityId } });
      twins.push({ id: person.id, token: await signToken(t.config.jwt, person.id) });
    }
    const p = gid('Partnership', assignment.partnershipId!);
    const connections = twins.map((twin) => wsConnect(url, twin.token));
    try {
      const feeds = connections.map((c) => c.subscribe<unknown, unknown>('subscription ($p: ID) { activityLogged(partnershipId: $p) { id partnership { whoprobeAskedBy } } }', { p }));
      await settle();
      const logged = await httpGraphql(url, 'mutation ($input: LogActivityInput!) { logActivity(input: $input) { activity { id } } }', {
        input: { partnershipId: p, kind: 'BREAK_CONVERSATION', startsAt: new Date().toISOString(), durationMinutes: 10 },
      }, twins[0]!.token);
      expect(logged.errors).toBeUndefined();
      const got = await Promise.all(feeds.map((f) => nextEvent(f)));
      expect(got.map((item) => item.data?.activityLogged.partnership.whoprobeAskedBy)).toEqual(twins.map((twin) => twin.id));
    } finally {
      await Promise.all(connections.map((c) => c.close()));
    }
  });

  it('sends a live result with an error masked, in its place among the others', async () => {
    const assignment = await t.db.prisma.roleAssignment.findFirstOrThrow({
      where: { role: 'YOUTH_WORKER', person: { email: 'aaron.bakkali@amsterdam.jongerenwerk.example' } },
      select: { partnershipId: true, personId: true },
    });
    const token = await signToken(t.config.jwt, assignment.personId);
    const p = gid('Partnership', assignment.partnershipId!);
    const connection = wsConnect(url, token);
    try {
      const feed = connection.subscribe<any, unknown>('subscription ($p: ID) { activityLogged(partnershipId: $p) { id whoprobeCheck } }', { p });
      await settle();
      const ids = [];
      for (const durationMinutes of [10, 11, 12]) {
        const logged = await httpGraphql<any, unknown>(url, 'mutation ($input: LogActivityInput!) { logActivity(input: $input) { activity { id } } }', {
          input: { partnershipId: p, kind: 'BREAK_CONVERSATION', startsAt: new Date().toISOString(), durationMinutes },
        }, token);
        expect(logged.errors).toBeUndefined();
        ids.push(logged.data.logActivity.activity.id);
      }
      const got = [await nextEvent(feed), await nextEvent(feed), await nextEvent(feed)];
      expect(got.map((item) => item.data?.activityLogged.id)).toEqual(ids);
      expect(got.map((item) => item.data?.activityLogged.whoprobeCheck)).toEqual(['ok', null, 'ok']);
      expect(got[0]!.errors).toBeUndefined();
      expect(got[1]!.errors?.map((e: any) => e.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
      // As over HTTP: yoga's hints for the server (`unexpected`, `http`) stay there.
      expect(got[1]!.errors![0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(JSON.stringify(got[1])).not.toContain('4242');
      expect(got[1]!.extensions?.livePosition).toMatch(/^\d+$/);
    } finally {
      await connection.close();
    }
  });
});
