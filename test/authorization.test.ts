/**
 * Access rules (src/auth/policy.ts), role by role, for reads and writes. The demo people of the
 * partnership roles all work in the Amsterdam in-school partnership "… × Sloterplas College"; the
 * policy advisor is Amsterdam's; the analyst and the admin are global.
 *
 * Signals follow need to know: which signals a role may know exist is pinned here on the demo data;
 * whether it reads their content or only their metadata, through every access path, is the matrix
 * in test/need-to-know.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Prisma } from '../src/generated/prisma/client.ts';
import type { Role } from '../src/generated/prisma/enums.ts';
import {
  ActivityRowsDocument,
  AddSignalFollowUpDocument,
  AssignRoleFullDocument,
  ChangeSignalStatusDocument,
  CreatePartnershipFullDocument,
  LogActivityFullDocument,
  MeDocument,
  MyPartnershipsDocument,
  NodeDocument,
  PartnershipNestedDocument,
  PartnershipRowsDocument,
  PeopleRowsDocument,
  RegisterYouthDocument,
  ReportSignalDocument,
  RevokeRoleDocument,
  SignalRowsDocument,
  UpdatePartnershipFullDocument,
} from './generated/graphql.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { closeTestApp, type Demo, type Expected, expectError, expectNoWrites, gid, loadDemo } from './support/fixtures.ts';

const ROLES: Role[] = ['ADMIN', 'POLICY_ADVISOR', 'YOUTH_WORKER', 'SCHOOL_CONTACT', 'MENTOR', 'STUDENT_COUNSELLOR', 'ANALYST'];
const NON_ADMINS = ROLES.filter((r) => r !== 'ADMIN');

/** What each role may read, as the baseline states it (not derived from src). */
const MATRIX: Record<
  Role,
  {
    partnerships: 'all' | 'city' | 'own';
    /** Signals the role may know exist (content or metadata only): see `where.signals`. */
    signals: 'all' | 'city' | 'own' | 'youthWork' | 'reported' | 'none';
    activities: 'all' | 'city' | 'own' | 'none';
    people: 'all' | 'city' | 'own' | 'self';
  }
> = {
  ADMIN: { partnerships: 'all', signals: 'all', activities: 'all', people: 'all' },
  POLICY_ADVISOR: { partnerships: 'city', signals: 'city', activities: 'city', people: 'city' },
  YOUTH_WORKER: { partnerships: 'own', signals: 'youthWork', activities: 'own', people: 'own' },
  SCHOOL_CONTACT: { partnerships: 'own', signals: 'own', activities: 'own', people: 'own' },
  STUDENT_COUNSELLOR: { partnerships: 'own', signals: 'own', activities: 'own', people: 'own' },
  MENTOR: { partnerships: 'own', signals: 'reported', activities: 'none', people: 'own' },
  ANALYST: { partnerships: 'all', signals: 'none', activities: 'none', people: 'self' },
};

let t: TestApp;
let demo: Demo;
let amsterdam: string;
/** The Sloterplas partnership (where every demo partnership role works) and others. */
let own: string;
let ownGid: string;
let sameCity: string; // Gaasperpoort: Amsterdam, but none of the demo people hold a role there
let otherCity: string; // Presik: Arnhem
let mentorSignal: string; // reported by the demo mentor in Sloterplas (global ID)
let otherSignal: string; // a Sloterplas signal of the school, not shared with youth work, that the mentor did not report
let foreignSignal: string; // an Arnhem signal
let sameCitySignal: string; // a Gaasperpoort signal
let ownActivity: string;
let foreignActivity: string;
let foreignPerson: string; // someone with a role only in Arnhem
let foreignYouth: string;
/** A youth worker of Sloterplas who is also Amsterdam's policy advisor: sees Gaasperpoort without a role in it. */
let hybridToken: string;

const where = {
  partnerships: (scope: (typeof MATRIX)[Role]['partnerships']): Prisma.PartnershipWhereInput =>
    scope === 'all' ? {} : scope === 'city' ? { cityId: amsterdam } : { id: own },
  signals: (role: Role): Prisma.SignalWhereInput => {
    const scope = MATRIX[role].signals;
    if (scope === 'all') return {};
    if (scope === 'none') return { id: { in: [] } };
    // A policy advisor knows every signal of their city exists (metadata only).
    if (scope === 'city') return { partnership: { cityId: amsterdam } };
    // School contacts and counsellors know every signal of their partnership exists (the school's and
    // those shared with it in full, the others as metadata).
    if (scope === 'own') return { partnershipId: own };
    // A youth worker: only what youth work owns or was shared with; the rest of the partnership's signals not at all.
    if (scope === 'youthWork') return { partnershipId: own, OR: [{ ownerSide: 'YOUTH_WORK' }, { sharedWith: { in: ['YOUTH_WORK', 'BOTH'] } }] };
    return { partnershipId: own, reportedById: demo.people[role] };
  },
  activities: (scope: (typeof MATRIX)[Role]['activities']): Prisma.ActivityWhereInput =>
    scope === 'all' ? {} : scope === 'none' ? { id: { in: [] } } : scope === 'city' ? { partnership: { cityId: amsterdam } } : { partnershipId: own },
  people: (role: Role): Prisma.PersonWhereInput => {
    const scope = MATRIX[role].people;
    const self = { id: demo.people[role] };
    if (scope === 'all') return {};
    if (scope === 'self') return self;
    const roles: Prisma.RoleAssignmentWhereInput = scope === 'own' ? { partnershipId: own } : { OR: [{ cityId: amsterdam }, { partnership: { cityId: amsterdam } }] };
    return { OR: [self, { roleAssignments: { some: roles } }] };
  },
};

const dbId = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':').slice(1).join(':');
const sorted = (xs: string[]) => [...xs].sort();

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  const prisma = t.db.prisma;
  amsterdam = demo.cities.Amsterdam!;
  own = demo.partnerships.sloterplas.id;
  ownGid = gid('Partnership', own);
  sameCity = demo.partnerships.gaasperpoort.id;
  otherCity = demo.partnerships.presik.id;

  // Make sure the mentor has reported a signal (and that others in Sloterplas did not).
  const reported = await t.execute(
    ReportSignalDocument,
    { input: { partnershipId: ownGid, lifeDomain: 'SCHOOL', category: 'WELLBEING', summary: 'Leerling zit in de pauzes alleen.' } },
    { token: demo.tokens.MENTOR },
  );
  mentorSignal = reported.data!.reportSignal.signal!.id;
  const signalOf = async (w: Prisma.SignalWhereInput) => gid('Signal', (await prisma.signal.findFirstOrThrow({ where: w, orderBy: { id: 'asc' } })).id);
  otherSignal = await signalOf({
    partnershipId: own,
    status: { not: 'CLOSED' },
    ownerSide: 'SCHOOL',
    sharedWith: 'SCHOOL',
    OR: [{ reportedById: null }, { reportedById: { not: demo.people.MENTOR } }],
  });
  foreignSignal = await signalOf({ partnershipId: otherCity });
  sameCitySignal = await signalOf({ partnershipId: sameCity, status: { not: 'CLOSED' } });
  const activityOf = async (partnershipId: string) => {
    const a = await prisma.activity.findFirstOrThrow({ where: { partnershipId, kind: 'BREAK_CONVERSATION' }, orderBy: { id: 'asc' } });
    return gid('BreakConversation', a.id);
  };
  ownActivity = await activityOf(own);
  foreignActivity = await activityOf(otherCity);
  foreignPerson = gid('Person', (await prisma.person.findFirstOrThrow({ where: { roleAssignments: { some: { partnershipId: otherCity } } } })).id);
  foreignYouth = gid('Youth', (await prisma.youth.findFirstOrThrow({ where: { schoolId: demo.partnerships.presik.schoolId } })).id);

  const hybrid = await prisma.person.create({
    data: {
      name: 'Test Hybride',
      email: 'hybride@test.example',
      organisationId: demo.partnerships.sloterplas.youthWorkOrganisationId,
      roleAssignments: {
        create: [
          { role: 'YOUTH_WORKER', scope: 'PARTNERSHIP', partnershipId: own, cityId: amsterdam },
          { role: 'POLICY_ADVISOR', scope: 'CITY', cityId: amsterdam },
        ],
      },
    },
  });
  hybridToken = await t.tokenFor({ email: hybrid.email });
});
afterAll(() => closeTestApp(t));

// ---------------------------------------------------------------------------------------------
// Reads

describe.each(ROLES)('%s reads', (role) => {
  const token = () => demo.tokens[role];
  const scope = MATRIX[role];

  it(`partnerships: ${scope.partnerships}`, async () => {
    const { data, errors } = await t.execute(PartnershipRowsDocument, { first: 50 }, { token: token() });
    expect(errors).toBeUndefined();
    const expected = await t.db.prisma.partnership.findMany({ where: where.partnerships(scope.partnerships), select: { id: true } });
    expect(data!.partnerships.totalCount).toBe(expected.length);
    expect(sorted(data!.partnerships.edges.map((e) => dbId(e.node.id)))).toEqual(sorted(expected.map((p) => p.id)));
    const arnhem = await t.execute(PartnershipRowsDocument, { first: 50, filter: { cityId: gid('City', demo.cities.Arnhem!) } }, { token: token() });
    const inArnhem = await t.db.prisma.partnership.count({ where: { cityId: demo.cities.Arnhem! } });
    expect(inArnhem).toBeGreaterThan(0);
    expect(arnhem.data!.partnerships.totalCount).toBe(scope.partnerships === 'all' ? inArnhem : 0);
  });

  it(`partnership.schoolContact: ${role === 'ANALYST' ? 'hidden' : 'visible'}`, async () => {
    const { data } = await t.execute(MyPartnershipsDocument, { first: 10, filter: { search: 'Sloterplas' } }, { token: token() });
    const contact = data!.partnerships.edges[0]!.node.schoolContact;
    if (role === 'ANALYST') expect(contact).toBeNull();
    else expect(contact).toEqual({ id: gid('Person', demo.people.SCHOOL_CONTACT), name: 'Aafke de Wit' });
  });

  it(`signals: ${scope.signals}`, async () => {
    const { data, errors } = await t.execute(SignalRowsDocument, { first: 100 }, { token: token() });
    expect(errors).toBeUndefined();
    const expected = new Set((await t.db.prisma.signal.findMany({ where: where.signals(role), select: { id: true } })).map((s) => s.id));
    expect(data!.signals.totalCount).toBe(expected.size);
    expect(data!.signals.edges).toHaveLength(Math.min(100, expected.size));
    for (const { node } of data!.signals.edges) expect(expected.has(dbId(node.id))).toBe(true);
    if (scope.signals === 'reported') {
      expect(expected.size).toBeGreaterThan(0);
      for (const { node } of data!.signals.edges) expect(node.reportedBy?.id).toBe(gid('Person', demo.people.MENTOR));
    }
  });

  it('signals by node(): own partnership, own report, another partnership', async () => {
    const see = async (id: string) => (await t.execute(NodeDocument, { id }, { token: token() })).data!.node?.id ?? null;
    // Both Sloterplas signals belong to the school and are not shared: a youth worker does not know
    // them; school roles and the city's policy advisor do (the latter as metadata).
    const knowsSchoolSignals = scope.signals === 'all' || scope.signals === 'own' || scope.signals === 'city';
    expect(await see(otherSignal)).toBe(knowsSchoolSignals ? otherSignal : null);
    expect(await see(mentorSignal)).toBe(knowsSchoolSignals || scope.signals === 'reported' ? mentorSignal : null);
    expect(await see(foreignSignal)).toBe(role === 'ADMIN' ? foreignSignal : null);
  });

  it('partnership.signals and .activities nested under a visible partnership, and openSignalCount', async () => {
    const { data, errors } = await t.execute(PartnershipNestedDocument, { id: ownGid }, { token: token() });
    expect(errors).toBeUndefined();
    const node = data!.node as { signals: { totalCount: number; edges: { node: { id: string } }[] }; activities: { totalCount: number }; openSignalCount: number };
    const signals = { AND: [where.signals(role), { partnershipId: own }] };
    expect(node.signals.totalCount).toBe(await t.db.prisma.signal.count({ where: signals }));
    expect(node.openSignalCount).toBe(await t.db.prisma.signal.count({ where: { AND: [signals, { status: { not: 'CLOSED' } }] } }));
    const expected = new Set((await t.db.prisma.signal.findMany({ where: signals, select: { id: true } })).map((s) => s.id));
    for (const { node: s } of node.signals.edges) expect(expected.has(dbId(s.id))).toBe(true);
    expect(node.activities.totalCount).toBe(await t.db.prisma.activity.count({ where: { AND: [where.activities(scope.activities), { partnershipId: own }] } }));
    if (['MENTOR', 'POLICY_ADVISOR', 'ANALYST'].includes(role)) expect(node.activities.totalCount === 0).toBe(scope.activities === 'none');
  });

  it(`activities: ${scope.activities}`, async () => {
    const { data, errors } = await t.execute(ActivityRowsDocument, { first: 100 }, { token: token() });
    expect(errors).toBeUndefined();
    const allowed = new Set((await t.db.prisma.partnership.findMany({ where: scope.activities === 'city' ? { cityId: amsterdam } : scope.activities === 'own' ? { id: own } : {} })).map((p) => gid('Partnership', p.id)));
    expect(data!.activities.totalCount).toBe(await t.db.prisma.activity.count({ where: where.activities(scope.activities) }));
    for (const { node } of data!.activities.edges) expect(allowed.has(node.partnership.id)).toBe(true);
    const see = async (id: string) => (await t.execute(NodeDocument, { id }, { token: token() })).data!.node?.id ?? null;
    expect(await see(ownActivity)).toBe(scope.activities === 'none' ? null : ownActivity);
    expect(await see(foreignActivity)).toBe(scope.activities === 'all' ? foreignActivity : null);
  });

  it(`people: ${scope.people}`, async () => {
    const { data, errors } = await t.execute(PeopleRowsDocument, { first: 100 }, { token: token() });
    expect(errors).toBeUndefined();
    const expected = await t.db.prisma.person.findMany({ where: where.people(role), select: { id: true } });
    expect(data!.people.totalCount).toBe(expected.length);
    expect(expected.length).toBeLessThanOrEqual(100);
    expect(sorted(data!.people.edges.map((e) => dbId(e.node.id)))).toEqual(sorted(expected.map((p) => p.id)));
    if (scope.people === 'self') expect(expected).toEqual([{ id: demo.people[role] }]);
    const foreign = (await t.execute(NodeDocument, { id: foreignPerson }, { token: token() })).data!.node;
    expect(foreign?.id ?? null).toBe(scope.people === 'all' ? foreignPerson : null);
  });

  it('me: yourself, with your own roles', async () => {
    const { data, errors } = await t.execute(MeDocument, {}, { token: token() });
    expect(errors).toBeUndefined();
    expect(data!.me).toMatchObject({ id: gid('Person', demo.people[role]) });
    expect(data!.me!.roles!.map((r) => r.role)).toContain(role);
  });

  it('filters cannot reveal hidden rows', async () => {
    const foreignPartnership = gid('Partnership', otherCity);
    const admin = role === 'ADMIN';
    const signals = await t.execute(SignalRowsDocument, { first: 5, filter: { partnershipId: foreignPartnership } }, { token: token() });
    expect(signals.data!.signals.totalCount === 0).toBe(!admin);
    expect(signals.data!.signals.edges.length === 0).toBe(!admin);
    const byYouth = await t.execute(SignalRowsDocument, { first: 5, filter: { youthId: foreignYouth } }, { token: token() });
    const youthSignals = await t.db.prisma.signal.count({ where: { youthId: dbId(foreignYouth) } });
    expect(byYouth.data!.signals.totalCount).toBe(admin ? youthSignals : 0);
    const activities = await t.execute(ActivityRowsDocument, { first: 5, filter: { partnershipId: foreignPartnership } }, { token: token() });
    expect(activities.data!.activities.totalCount === 0).toBe(!admin);
    const people = await t.execute(PeopleRowsDocument, { first: 5, filter: { partnershipId: foreignPartnership } }, { token: token() });
    expect(people.data!.people.totalCount === 0).toBe(!admin);
    // Nested under a partnership of the same city: the policy advisor sees the partnership and its
    // signals (as metadata); the analyst sees the partnership, never its signals.
    const nested = await t.execute(PartnershipNestedDocument, { id: gid('Partnership', sameCity), signalFilter: { partnershipId: gid('Partnership', sameCity) } }, { token: token() });
    const node = nested.data!.node as { signals: { totalCount: number } } | null;
    if (scope.partnerships === 'own') expect(node).toBeNull();
    else expect(node!.signals.totalCount === 0).toBe(scope.signals === 'none');
  });
});

it('without a token: nothing but UNAUTHENTICATED, and no write', async () => {
  const read = await t.execute(SignalRowsDocument, { first: 1 }, { token: null });
  expect(read.status).toBe(401);
  expectError(read, { code: 'UNAUTHENTICATED' });
  const write = await expectNoWrites(t.db.prisma, () =>
    t.execute(ReportSignalDocument, { input: { partnershipId: ownGid, lifeDomain: 'SCHOOL', category: 'OTHER', summary: 'x' } }, { token: null }),
  );
  expect(write.status).toBe(401);
  expectError(write, { code: 'UNAUTHENTICATED' });
});

// ---------------------------------------------------------------------------------------------
// Writes

const startsAt = () => new Date(Date.now() - 3_600_000).toISOString();
const logIn = (partnershipId: string) => ({ partnershipId: gid('Partnership', partnershipId), kind: 'BREAK_CONVERSATION' as const, startsAt: startsAt(), durationMinutes: 20 });
const reportIn = (partnershipId: string) => ({ partnershipId: gid('Partnership', partnershipId), lifeDomain: 'SCHOOL' as const, category: 'OTHER' as const, summary: 'Autorisatietest.' });

describe('writes in partnerships', () => {
  type WriteCase = [who: string, what: string, token: () => string, run: (token: string) => Promise<Parameters<typeof expectError>[0]>, expected: Expected];
  const log = (p: () => string) => (token: string) => t.execute(LogActivityFullDocument, { input: logIn(p()) }, { token });
  const report = (p: () => string) => (token: string) => t.execute(ReportSignalDocument, { input: reportIn(p()) }, { token });
  const register = (p: () => string) => (token: string) => t.execute(RegisterYouthDocument, { input: { partnershipId: gid('Partnership', p()) } }, { token });
  const change = (s: () => string, status: 'ACKNOWLEDGED' | 'CLOSED' = 'CLOSED') => async (token: string) => {
    const version = (await t.db.prisma.signal.findUniqueOrThrow({ where: { id: dbId(s()) } })).version;
    return t.execute(ChangeSignalStatusDocument, { input: { signalId: s(), status, expectedVersion: version } }, { token });
  };
  const followUp = (s: () => string) => (token: string) => t.execute(AddSignalFollowUpDocument, { input: { signalId: s(), action: 'MONITORING' } }, { token });
  const yw = () => demo.tokens.YOUTH_WORKER;
  const notFound = (field: string): Expected => ({ code: 'NOT_FOUND', field });
  const forbidden: Expected = { code: 'FORBIDDEN' };

  it.each<WriteCase>([
    ['youth worker', 'log an activity in another city', yw, log(() => otherCity), notFound('input.partnershipId')],
    ['youth worker', 'report a signal in another city', yw, report(() => otherCity), notFound('input.partnershipId')],
    ['youth worker', 'register a youth in another city', yw, register(() => otherCity), notFound('input.partnershipId')],
    ['youth worker', 'log an activity in a same-city partnership without a role', yw, log(() => sameCity), notFound('input.partnershipId')],
    ['youth worker', 'report a signal in a same-city partnership without a role', yw, report(() => sameCity), notFound('input.partnershipId')],
    ['youth worker', 'change the status of a signal of another city', yw, change(() => foreignSignal), notFound('input.signalId')],
    ['youth worker', 'add a follow-up to a signal of another city', yw, followUp(() => foreignSignal), notFound('input.signalId')],
    ['youth worker + policy advisor', 'log an activity where they can see but hold no role', () => hybridToken, log(() => sameCity), forbidden],
    ['youth worker + policy advisor', 'report a signal where they can see but hold no role', () => hybridToken, report(() => sameCity), forbidden],
    ['youth worker + policy advisor', 'register a youth where they can see but hold no role', () => hybridToken, register(() => sameCity), forbidden],
    ['youth worker + policy advisor', 'change a signal there (its content stays hidden)', () => hybridToken, change(() => sameCitySignal), notFound('input.signalId')],
    ['mentor', 'log an activity in their partnership', () => demo.tokens.MENTOR, log(() => own), forbidden],
    ['mentor', 'register a youth', () => demo.tokens.MENTOR, register(() => own), forbidden],
    ['mentor', 'change the status of their own signal', () => demo.tokens.MENTOR, change(() => mentorSignal, 'ACKNOWLEDGED'), forbidden],
    ['mentor', 'add a follow-up to their own signal', () => demo.tokens.MENTOR, followUp(() => mentorSignal), forbidden],
    ['mentor', "change someone else's signal", () => demo.tokens.MENTOR, change(() => otherSignal), notFound('input.signalId')],
    ['policy advisor', 'report a signal in a partnership of their city', () => demo.tokens.POLICY_ADVISOR, report(() => own), forbidden],
    ['policy advisor', 'log an activity in a partnership of their city', () => demo.tokens.POLICY_ADVISOR, log(() => own), forbidden],
    ['policy advisor', 'log an activity in another city', () => demo.tokens.POLICY_ADVISOR, log(() => otherCity), notFound('input.partnershipId')],
    ['policy advisor', 'change a signal of their city (metadata only)', () => demo.tokens.POLICY_ADVISOR, change(() => otherSignal), notFound('input.signalId')],
    ['analyst', 'report a signal', () => demo.tokens.ANALYST, report(() => own), forbidden],
    ['analyst', 'log an activity', () => demo.tokens.ANALYST, log(() => own), forbidden],
    ['analyst', 'change a signal', () => demo.tokens.ANALYST, change(() => otherSignal), notFound('input.signalId')],
  ])('%s cannot %s', async (_who, _what, token, run, expected) => {
    await expectNoWrites(t.db.prisma, async () => expectError(await run(token()), expected));
  });

  it.each<[string, string, () => string, (token: string) => Promise<{ errors?: unknown }>]>([
    ['youth worker', 'log an activity in their partnership', yw, log(() => own)],
    ['school contact', 'report a signal in their partnership', () => demo.tokens.SCHOOL_CONTACT, report(() => own)],
    ['mentor', 'report a signal in their partnership', () => demo.tokens.MENTOR, report(() => own)],
    ['student counsellor', 'register a youth', () => demo.tokens.STUDENT_COUNSELLOR, register(() => own)],
    ['student counsellor', "follow up someone else's signal", () => demo.tokens.STUDENT_COUNSELLOR, followUp(() => otherSignal)],
    ['youth worker + policy advisor', 'log an activity where they hold the role', () => hybridToken, log(() => own)],
    ['admin', 'log an activity anywhere', () => demo.tokens.ADMIN, log(() => otherCity)],
  ])('%s can %s', async (_who, _what, token, run) => {
    expect((await run(token())).errors).toBeUndefined();
  });
});

describe('only ADMIN manages partnerships and roles', () => {
  const createInput = () => ({ schoolId: gid('School', demo.partnerships.presik.schoolId), youthWorkOrganisationId: gid('YouthWorkOrganisation', demo.partnerships.presik.youthWorkOrganisationId), form: 'WITH_SCHOOL' as const, startsOn: '2032-08-15' });
  const ops = {
    createPartnership: (token: string) => t.execute(CreatePartnershipFullDocument, { input: createInput() }, { token }),
    updatePartnership: async (token: string) => {
      const { version } = await t.db.prisma.partnership.findUniqueOrThrow({ where: { id: own } });
      return t.execute(UpdatePartnershipFullDocument, { input: { id: ownGid, expectedVersion: version, consultationEveryWeeks: 3 } }, { token });
    },
    assignRole: (token: string) => t.execute(AssignRoleFullDocument, { input: { personId: foreignPerson, role: 'MENTOR', partnershipId: ownGid } }, { token }),
    revokeRole: async (token: string) => {
      const assignment = await t.db.prisma.roleAssignment.findFirstOrThrow({ where: { personId: demo.people.MENTOR } });
      return t.execute(RevokeRoleDocument, { input: { roleAssignmentId: gid('RoleAssignment', assignment.id) } }, { token });
    },
  };
  const cases = NON_ADMINS.flatMap((role) => (Object.keys(ops) as (keyof typeof ops)[]).map((op) => [role, op] as const));

  it.each(cases)('%s cannot %s (FORBIDDEN, nothing written)', async (role, op) => {
    await expectNoWrites(t.db.prisma, async () => expectError(await ops[op](demo.tokens[role]), { code: 'FORBIDDEN' }));
  });

  it('ADMIN can create and update a partnership and assign a role', async () => {
    const created = await t.execute(CreatePartnershipFullDocument, { input: createInput() }, { token: demo.tokens.ADMIN });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createPartnership.partnership).toMatchObject({ city: { id: gid('City', demo.cities.Arnhem!) }, version: 1 });
    const updated = await ops.updatePartnership(demo.tokens.ADMIN);
    expect(updated.errors).toBeUndefined();
    const assigned = await ops.assignRole(demo.tokens.ADMIN);
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data!.assignRole.roleAssignment).toMatchObject({ role: 'MENTOR', scope: 'PARTNERSHIP', partnership: { id: ownGid } });
  });
});
