/**
 * Grouped execution of live events (src/live/grouped-execution.ts): subscribers holding the same
 * roles get one shared result, but what depends on who asks is never shared, every receiver's read of
 * signal content is audited under their own name, and each event reads its records afresh.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../src/auth/token.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { dataOf, type Feed, httpGraphql, type LiveItem, nextResult, wsConnect, type WsConnection } from './support/clients.ts';
import { closeTestApp, gid } from './support/fixtures.ts';

type Item = LiveItem;
const nextEvent = nextResult;

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('live events executed once per group', () => {
  let t: TestApp;
  let url: string;
  let partnership: { id: string; gid: string };
  /** Two youth workers of one partnership with exactly the same roles. */
  let first: { id: string; token: string };
  let second: { id: string; token: string };
  const connections: WsConnection[] = [];

  /** Subscribes from the current live position: nothing committed after this resolves is missed, however slow the subscribe. */
  const subscribe = async (token: string, query: string) => {
    const { livePosition } = dataOf(await httpGraphql<{ livePosition: string }, unknown>(url, '{ livePosition }', {}, token));
    const connection = wsConnect(url, token);
    connections.push(connection);
    const resumable = query.replace('($p: ID)', '($p: ID, $after: String)').replace('(partnershipId: $p)', '(partnershipId: $p, after: $after)');
    return connection.subscribe<unknown, unknown>(resumable, { p: partnership.gid, after: livePosition });
  };

  beforeAll(async () => {
    t = await createTestApp();
    url = (await t.app.start(0, '127.0.0.1')).url;
    const assignment = await t.db.prisma.roleAssignment.findFirstOrThrow({
      where: { role: 'YOUTH_WORKER', person: { email: 'aaron.bakkali@amsterdam.jongerenwerk.example' } },
      select: { partnershipId: true, cityId: true, personId: true },
    });
    partnership = { id: assignment.partnershipId!, gid: gid('Partnership', assignment.partnershipId!) };
    const organisationId = (await t.db.prisma.person.findUniqueOrThrow({ where: { id: assignment.personId } })).organisationId;
    const twin = async (n: number) => {
      const person = await t.db.prisma.person.create({ data: { name: `Twin ${n}`, email: `twin${n}@groups.example`, organisationId } });
      await t.db.prisma.roleAssignment.create({
        data: { personId: person.id, role: 'YOUTH_WORKER', scope: 'PARTNERSHIP', partnershipId: partnership.id, cityId: assignment.cityId },
      });
      return { id: person.id, token: await signToken(t.config.jwt, person.id) };
    };
    first = await twin(1);
    second = await twin(2);
  });
  afterAll(async () => {
    await Promise.all(connections.map((c) => c.close()));
    await closeTestApp(t);
  });

  const logActivity = async (token: string) =>
    dataOf(
      await httpGraphql<{ logActivity: { activity: { id: string } } }, unknown>(
        url,
        'mutation ($input: LogActivityInput!) { logActivity(input: $input) { activity { id } } }',
        { input: { partnershipId: partnership.gid, kind: 'BREAK_CONVERSATION', startsAt: new Date().toISOString(), durationMinutes: 10 } },
        token,
      ),
    ).logActivity.activity.id;

  it('the same roles get the same result; each event reads its records as they are then', async () => {
    const query = 'subscription ($p: ID) { activityLogged(partnershipId: $p) { id partnership { name } } }';
    const feeds = await Promise.all([subscribe(first.token, query), subscribe(second.token, query)]);
    await settle();
    const one = await logActivity(first.token);
    const [a, b] = (await Promise.all(feeds.map((f) => nextEvent(f)))) as [Item, Item];
    expect(a).toEqual(b);
    expect(a.data?.activityLogged.id).toBe(one);

    const renamed = `Renamed ${Date.now()}`;
    await t.db.prisma.partnership.update({ where: { id: partnership.id }, data: { name: renamed } });
    await logActivity(first.token);
    for (const feed of feeds) expect((await nextEvent(feed)).data?.activityLogged.partnership.name).toBe(renamed);
    await Promise.all(feeds.map((f) => f.close()));
  });

  it('a field about the person asking is not shared between people with the same roles', async () => {
    // A person's own role assignments are shown to them only: the facilitator sees theirs, the other youth worker does not.
    const query = 'subscription ($p: ID) { activityLogged(partnershipId: $p) { id facilitators { id roles { role } } } }';
    const feeds = await Promise.all([subscribe(first.token, query), subscribe(second.token, query)]);
    await settle();
    await logActivity(first.token);
    const [mine, theirs] = (await Promise.all(feeds.map((f) => nextEvent(f)))) as [Item, Item];
    const rolesIn = (item: Item) => item.data?.activityLogged.facilitators.find((p: { id: string }) => p.id === gid('Person', first.id))?.roles;
    expect(rolesIn(mine)).toEqual([{ role: 'YOUTH_WORKER' }]);
    expect(rolesIn(theirs) ?? []).toEqual([]);
    await Promise.all(feeds.map((f) => f.close()));
  });

  it("every receiver's read of a signal's content is audited under their own name", async () => {
    const query = 'subscription ($p: ID) { signalReported(partnershipId: $p) { id summary } }';
    const feeds = await Promise.all([subscribe(first.token, query), subscribe(second.token, query)]);
    await settle();
    const reported = dataOf(
      await httpGraphql<{ reportSignal: { signal: { id: string } } }, unknown>(
        url,
        'mutation ($input: ReportSignalInput!) { reportSignal(input: $input) { signal { id } } }',
        { input: { partnershipId: partnership.gid, lifeDomain: 'SCHOOL', category: 'ATTENDANCE', summary: 'Grouped delivery' } },
        first.token,
      ),
    ).reportSignal.signal.id;
    for (const feed of feeds) expect((await nextEvent(feed)).data?.signalReported).toEqual({ id: reported, summary: 'Grouped delivery' });
    const signalId = Buffer.from(reported, 'base64').toString('utf8').split(':')[1]!;
    const reads = await t.db.prisma.auditEvent.findMany({ where: { entity: 'Signal', entityId: signalId, operation: 'READ' }, select: { actorId: true, fields: true } });
    for (const person of [first, second]) {
      expect(reads.filter((r) => r.actorId === person.id && r.fields.includes('summary')), `audit of ${person.id}`).toHaveLength(1);
    }
    await Promise.all(feeds.map((f) => f.close()));
  });
});
