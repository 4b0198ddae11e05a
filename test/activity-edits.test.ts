import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteActivityDocument, LogActivityDocument, NodeDocument, UpdateActivityDocument } from './generated/graphql.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { type Demo, expectError, expectNoWrites, gid, loadDemo } from './support/fixtures.ts';

let t: TestApp;
let demo: Demo;
let P: string;

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  P = gid('Partnership', demo.partnerships.sloterplas.id);
});
afterAll(async () => {
  await t?.close();
});

async function logBreakConversation(extra: Record<string, unknown> = {}) {
  const { data, errors } = await t.execute(
    LogActivityDocument,
    { input: { partnershipId: P, kind: 'BREAK_CONVERSATION', startsAt: new Date(Date.now() - 3_600_000).toISOString(), durationMinutes: 15, participantCount: 5, notes: 'eerste versie', ...extra } },
    { token: demo.tokens.YOUTH_WORKER },
  );
  expect(errors).toBeUndefined();
  return data!.logActivity.activity!;
}

const update = (input: Record<string, unknown>, token = demo.tokens.YOUTH_WORKER) =>
  t.execute(UpdateActivityDocument, { input: input as never }, { token });

describe('updateActivity', () => {
  it('changes the given fields, keeps the others, clears what is null, and bumps the version', async () => {
    const logged = await logBreakConversation({ location: 'SCHOOLYARD', themes: ['pesten'] });
    const { data, errors } = await update({
      activityId: logged.id,
      expectedVersion: logged.version,
      durationMinutes: 25,
      participantCount: null,
      breakConversation: { youngPeopleSpokenTo: 9 },
    });
    expect(errors).toBeUndefined();
    expect(data!.updateActivity.activity).toMatchObject({
      id: logged.id,
      durationMinutes: 25,
      participantCount: null,
      location: 'SCHOOLYARD',
      themes: ['pesten'],
      notes: 'eerste versie',
      youngPeopleSpokenTo: 9,
      version: logged.version + 1,
    });
  });

  it('replaces the facilitators when given', async () => {
    const logged = await logBreakConversation();
    const { data } = await update({
      activityId: logged.id,
      expectedVersion: logged.version,
      facilitatorIds: [gid('Person', demo.people.SCHOOL_CONTACT), gid('Person', demo.people.YOUTH_WORKER)],
    });
    expect(data!.updateActivity.activity!.facilitators.map((f) => f.id).sort()).toEqual(
      [gid('Person', demo.people.SCHOOL_CONTACT), gid('Person', demo.people.YOUTH_WORKER)].sort(),
    );
  });

  it.each([
    ['a stale version', (v: number) => ({ expectedVersion: v + 5 }), { code: 'CONFLICT', field: 'input.expectedVersion' }],
    ['clearing the duration', () => ({ durationMinutes: null }), { code: 'BAD_USER_INPUT', field: 'input.durationMinutes', rule: 'notNull' }],
    ['a duration out of range', () => ({ durationMinutes: 2000 }), { code: 'BAD_USER_INPUT', field: 'input.durationMinutes', rule: 'max' }],
    ['details of another kind', () => ({ informationSession: { topic: 'x' } }), { code: 'BAD_USER_INPUT', field: 'input.informationSession', rule: 'kindMismatch' }],
    [
      'a facilitator from another partnership',
      () => ({ facilitatorIds: [gid('Person', demo.people.YOUTH_WORKER), gid('Person', demo.people.POLICY_ADVISOR)] }),
      { code: 'BAD_USER_INPUT', field: 'input.facilitatorIds.1', rule: 'memberOfPartnership' },
    ],
    ['an empty facilitator list', () => ({ facilitatorIds: [] }), { code: 'BAD_USER_INPUT', field: 'input.facilitatorIds', rule: 'minLength' }],
    ['a signal ID as activityId', () => ({ activityId: gid('Signal', demo.partnerships.sloterplas.id) }), { code: 'BAD_USER_INPUT', field: 'input.activityId', rule: 'globalId' }],
  ] as const)('refuses %s and changes nothing', async (_name, change, expected) => {
    const logged = await logBreakConversation();
    const result = await expectNoWrites(t.db.prisma, () =>
      update({ activityId: logged.id, expectedVersion: logged.version, ...change(logged.version) }),
    );
    expectError(result, expected as never);
  });

  it('lets only those who log activities in the partnership correct them', async () => {
    const logged = await logBreakConversation();
    const policyAdvisor = await expectNoWrites(t.db.prisma, () =>
      update({ activityId: logged.id, expectedVersion: logged.version, durationMinutes: 30 }, demo.tokens.POLICY_ADVISOR),
    );
    expectError(policyAdvisor, { code: 'FORBIDDEN' }); // sees the activity, does not log them
    for (const role of ['MENTOR', 'ANALYST'] as const) {
      const denied = await expectNoWrites(t.db.prisma, () =>
        update({ activityId: logged.id, expectedVersion: logged.version, durationMinutes: 30 }, demo.tokens[role]),
      );
      expectError(denied, { code: 'NOT_FOUND', field: 'input.activityId' });
    }
  });

  it('two clients correcting the same version at once: one wins, the other gets CONFLICT', async () => {
    const logged = await logBreakConversation();
    const results = await Promise.all(
      [20, 40].map((durationMinutes) => update({ activityId: logged.id, expectedVersion: logged.version, durationMinutes })),
    );
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(results.flatMap((r) => r.errors ?? []).map((e) => e.extensions?.code)).toEqual(['CONFLICT']);
    const stored = await t.db.prisma.activity.findUniqueOrThrow({ where: { id: Buffer.from(logged.id, 'base64').toString().split(':')[1]! } });
    expect(stored.durationMinutes).toBe(winners[0]!.data!.updateActivity.activity!.durationMinutes);
    expect(stored.version).toBe(logged.version + 1);
  });
});

describe('deleteActivity', () => {
  it('deletes with the current version (and its facilitators with it); a stale version is a CONFLICT', async () => {
    const logged = await logBreakConversation();
    const stale = await expectNoWrites(t.db.prisma, () =>
      t.execute(DeleteActivityDocument, { input: { activityId: logged.id, expectedVersion: logged.version + 1 } }, { token: demo.tokens.YOUTH_WORKER }),
    );
    expectError(stale, { code: 'CONFLICT', field: 'input.expectedVersion' });

    const { data, errors } = await t.execute(
      DeleteActivityDocument,
      { input: { activityId: logged.id, expectedVersion: logged.version } },
      { token: demo.tokens.YOUTH_WORKER },
    );
    expect(errors).toBeUndefined();
    expect(data!.deleteActivity.deletedActivityId).toBe(logged.id);
    const node = await t.execute(NodeDocument, { id: logged.id }, { token: demo.tokens.YOUTH_WORKER });
    expect(node.data!.node).toBeNull();
    const id = Buffer.from(logged.id, 'base64').toString().split(':')[1]!;
    expect(await t.db.prisma.activityFacilitator.count({ where: { activityId: id } })).toBe(0);

    const again = await t.execute(DeleteActivityDocument, { input: { activityId: logged.id, expectedVersion: logged.version } }, { token: demo.tokens.YOUTH_WORKER });
    expectError(again, { code: 'NOT_FOUND', field: 'input.activityId' });
  });
});
