/** Paths a review found open once; each test pins the fix. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_NODES } from '../src/builder.ts';
import {
  AddSignalFollowUpDocument,
  ChangeSignalStatusDocument,
  CreatePartnershipDocument,
  LogActivityDocument,
  NodesDocument,
  PeopleDocument,
  PeopleWithRolesDocument,
  ReportSignalDocument,
  RoleAssignmentNodeDocument,
} from './generated/graphql.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { type Demo, expectError, expectNoWrites, gid, loadDemo } from './support/fixtures.ts';

let t: TestApp;
let demo: Demo;

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
});
afterAll(async () => {
  await t?.close();
});

describe('roles and memberships of other people', () => {
  it("a colleague's roles are null (listed as hidden), your own and an admin's view are not", async () => {
    const { data, extensions } = await t.execute(PeopleWithRolesDocument, {}, { token: demo.tokens.YOUTH_WORKER });
    const me = gid('Person', demo.people.YOUTH_WORKER);
    const others = data!.people.edges.filter((e) => e.node.id !== me);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((e) => e.node.roles === null)).toBe(true);
    expect(data!.people.edges.find((e) => e.node.id === me)!.node.roles!.length).toBeGreaterThan(0);
    expect((extensions as { hiddenFields?: { code: string } }).hiddenFields?.code).toBe('NEED_TO_KNOW');
    const admin = await t.execute(PeopleWithRolesDocument, {}, { token: demo.tokens.ADMIN });
    expect(admin.data!.people.edges.every((e) => Array.isArray(e.node.roles))).toBe(true);
  });

  it("another person's role assignment cannot be fetched by ID", async () => {
    const theirs = await t.db.prisma.roleAssignment.findFirstOrThrow({ where: { personId: { not: demo.people.YOUTH_WORKER } } });
    const { data } = await t.execute(RoleAssignmentNodeDocument, { id: gid('RoleAssignment', theirs.id) }, { token: demo.tokens.YOUTH_WORKER });
    expect(data!.node).toBeNull();
  });

  it('filtering people on a partnership you cannot see, or a role outside your partnerships, finds no one', async () => {
    const arnhem = gid('Partnership', demo.partnerships.presik.id);
    const byPartnership = await t.execute(PeopleDocument, { first: 100, filter: { partnershipId: arnhem } }, { token: demo.tokens.YOUTH_WORKER });
    expect(byPartnership.data!.people.totalCount).toBe(0);
    const analysts = await t.execute(PeopleDocument, { first: 100, filter: { role: 'ANALYST' } }, { token: demo.tokens.POLICY_ADVISOR });
    expect(analysts.data!.people.totalCount).toBe(0);
  });
});

describe('input the database cannot take', () => {
  it('a NUL character in text or a search is BAD_USER_INPUT, not an internal error', async () => {
    const P = gid('Partnership', demo.partnerships.sloterplas.id);
    const report = await expectNoWrites(t.db.prisma, () =>
      t.execute(ReportSignalDocument, { input: { partnershipId: P, lifeDomain: 'HOME', category: 'OTHER', summary: 'a\u0000b' } }, { token: demo.tokens.YOUTH_WORKER }),
    );
    expectError(report, { code: 'BAD_USER_INPUT', field: 'input.summary', rule: 'format' });
    const search = await t.execute(PeopleDocument, { first: 5, filter: { search: 'a\u0000' } }, { token: demo.tokens.YOUTH_WORKER });
    expect(search.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search', rule: 'format' });
  });

  it(`nodes() takes at most ${MAX_NODES} IDs`, async () => {
    const id = gid('Partnership', demo.partnerships.sloterplas.id);
    const ok = await t.execute(NodesDocument, { ids: Array(MAX_NODES).fill(id) }, { token: demo.tokens.ADMIN });
    expect(ok.errors).toBeUndefined();
    const tooMany = await t.execute(NodesDocument, { ids: Array(MAX_NODES + 1).fill(id) }, { token: demo.tokens.ADMIN });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('rules of the domain', () => {
  it('nothing new is recorded in a partnership that has ended', async () => {
    const P = gid('Partnership', demo.partnerships.sloterplas.id);
    await t.db.prisma.partnership.update({ where: { id: demo.partnerships.sloterplas.id }, data: { status: 'ENDED' } });
    try {
      const logged = await expectNoWrites(t.db.prisma, () =>
        t.execute(
          LogActivityDocument,
          { input: { partnershipId: P, kind: 'BREAK_CONVERSATION', startsAt: new Date().toISOString(), durationMinutes: 10 } },
          { token: demo.tokens.YOUTH_WORKER },
        ),
      );
      expectError(logged, { code: 'BAD_USER_INPUT', field: 'input.partnershipId', rule: 'activePartnership' });
    } finally {
      await t.db.prisma.partnership.update({ where: { id: demo.partnerships.sloterplas.id }, data: { status: 'ACTIVE' } });
    }
  });

  it("a partnership's youth work organisation works in the school's city", async () => {
    const arnhemOrg = demo.partnerships.presik.youthWorkOrganisationId;
    const result = await expectNoWrites(t.db.prisma, () =>
      t.execute(
        CreatePartnershipDocument,
        {
          input: {
            schoolId: gid('School', demo.partnerships.sloterplas.schoolId),
            youthWorkOrganisationId: gid('YouthWorkOrganisation', arnhemOrg),
            form: 'WITH_SCHOOL',
            startsOn: '2027-01-01',
          },
        },
        { token: demo.tokens.ADMIN },
      ),
    );
    expectError(result, { code: 'BAD_USER_INPUT', field: 'input.youthWorkOrganisationId', rule: 'sameCity' });
  });

  it('a follow-up racing a close never lands on the closed signal', async () => {
    for (let round = 0; round < 8; round++) {
      const row = await t.db.prisma.signal.create({
        data: {
          partnershipId: demo.partnerships.sloterplas.id,
          lifeDomain: 'SCHOOL',
          category: 'OTHER',
          subject: 'GROUP',
          summary: `race ${round}`,
          reportedById: demo.people.YOUTH_WORKER,
          ownerSide: 'YOUTH_WORK',
          sharedWith: 'BOTH',
          legalBasis: 'CONSENT',
          status: 'IN_PROGRESS',
        },
      });
      const signalId = gid('Signal', row.id);
      const [close, followUp] = await Promise.all([
        t.execute(ChangeSignalStatusDocument, { input: { signalId, status: 'CLOSED', expectedVersion: 1 } }, { token: demo.tokens.SCHOOL_CONTACT }),
        t.execute(AddSignalFollowUpDocument, { input: { signalId, action: 'MONITORING' } }, { token: demo.tokens.YOUTH_WORKER }),
      ]);
      // Exactly one wins: a closed signal with a later follow-up would be both succeeding.
      expect([close.errors === undefined, followUp.errors === undefined].filter(Boolean)).toHaveLength(1);
      const after = await t.db.prisma.signal.findUniqueOrThrow({ where: { id: row.id }, include: { followUps: true } });
      expect(after.status === 'CLOSED').toBe(after.followUps.length === 0);
    }
  });
});

