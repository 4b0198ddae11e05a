// THROWAWAY review probe — delete after use.
import { parse } from 'graphql';
import { afterAll, beforeAll, it } from 'vitest';
import { countQueries, createTestApp, type TestApp } from './support/app.ts';
import { gid, loadDemo, type Demo } from './support/fixtures.ts';

let t: TestApp;
let demo: Demo;
const q = (src: string, vars: Record<string, unknown> = {}, token?: string) =>
  t.execute(parse(src) as never, vars as never, { token });
const log = (label: string, v: unknown) => console.log(`### ${label}\n${JSON.stringify(v, null, 1)}`);

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
});
afterAll(() => t?.close());

it('A: people filter by role reveals roles hidden in Person.roles', async () => {
  const r = await q(`{ people(first: 50, filter: {role: MENTOR}) { totalCount edges { node { name roles { role } } } } }`, {}, demo.tokens.YOUTH_WORKER);
  log('A youth worker people(role: MENTOR)', r);
  const r2 = await q(`{ people(first: 50, filter: {role: ANALYST}) { totalCount edges { node { name roles { role } } } } }`, {}, demo.tokens.POLICY_ADVISOR);
  log('A PA people(role: ANALYST)', r2);
});

it('B: RoleAssignment node -> partnership not filtered', async () => {
  const p = t.db.prisma;
  const own = demo.partnerships.sloterplas;
  const other = demo.partnerships.presik;
  const person = await p.person.create({
    data: {
      name: 'Probe Dubbel', email: 'probe-dubbel@test.example',
      roleAssignments: { create: [
        { role: 'YOUTH_WORKER', scope: 'PARTNERSHIP', partnershipId: own.id, cityId: own.cityId },
        { role: 'YOUTH_WORKER', scope: 'PARTNERSHIP', partnershipId: other.id, cityId: other.cityId },
      ] },
    },
    include: { roleAssignments: true },
  });
  const ra = person.roleAssignments.find((x) => x.partnershipId === other.id)!;
  const r = await q(`query($id: ID!, $p: ID!) { node(id: $id) { ... on RoleAssignment { role partnership { name goals funding { source } rolesAndResponsibilities city { name } } } }
    direct: node(id: $p) { id } }`, { id: gid('RoleAssignment', ra.id), p: gid('Partnership', other.id) }, demo.tokens.YOUTH_WORKER);
  log('B youth worker RA node of colleague in foreign partnership', r);
  const r2 = await q(`query($p: ID!) { people(first: 50, filter: {partnershipId: $p}) { totalCount edges { node { name email } } } }`, { p: gid('Partnership', other.id) }, demo.tokens.YOUTH_WORKER);
  log('B people(filter partnershipId: foreign)', r2);
  await p.person.delete({ where: { id: person.id } });
});

it('C: mentor sees youth via signal.youth but not by node', async () => {
  const youth = await t.db.prisma.youth.findFirstOrThrow({ where: { schoolId: demo.partnerships.sloterplas.schoolId } });
  const r = await q(`mutation($p: ID!, $y: ID!) { reportSignal(input: {partnershipId: $p, lifeDomain: HOME, category: WELLBEING, summary: "probe", youthId: $y}) { signal { id youth { id code yearGroup ageBand signals(first: 5) { totalCount } } } } }`,
    { p: gid('Partnership', demo.partnerships.sloterplas.id), y: gid('Youth', youth.id) }, demo.tokens.MENTOR);
  log('C mentor reportSignal with youth', r);
  const r2 = await q(`query($y: ID!) { node(id: $y) { id } }`, { y: gid('Youth', youth.id) }, demo.tokens.MENTOR);
  log('C mentor node(youth)', r2);
});

it('D: NUL byte in text inputs', async () => {
  const r = await q(`mutation($p: ID!) { reportSignal(input: {partnershipId: $p, lifeDomain: HOME, category: WELLBEING, summary: "a\\u0000b"}) { signal { id } } }`,
    { p: gid('Partnership', demo.partnerships.sloterplas.id) }, demo.tokens.YOUTH_WORKER);
  log('D reportSignal NUL', r);
  const r2 = await q(`{ people(first: 2, filter: {search: "a\\u0000"}) { totalCount } }`, {}, demo.tokens.YOUTH_WORKER);
  log('D people search NUL', r2);
});

it('E: nested totalCount for mentor', async () => {
  const r = await q(`query($p: ID!) { node(id: $p) { ... on Partnership { openSignalCount signals(first: 1) { totalCount edges { node { id } } } activities(first: 1) { totalCount } } } signals(first: 1) { totalCount } }`,
    { p: gid('Partnership', demo.partnerships.sloterplas.id) }, demo.tokens.MENTOR);
  log('E mentor nested counts', r);
});

it('G: nodes with many ids', async () => {
  const ids = (await t.db.prisma.signal.findMany({ select: { id: true } })).map((s) => gid('Signal', s.id));
  const many = Array.from({ length: 5000 }, (_, i) => ids[i % ids.length]);
  const started = performance.now();
  const { count } = await countQueries(t.db, async () => {
    const r = await q(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: many }, demo.tokens.ADMIN);
    log('G nodes errors', r.errors);
  });
  log('G nodes 5000: statements, ms', [count, Math.round(performance.now() - started)]);
});

it('H: nested relatedConnection SQL', async () => {
  const { queries } = await countQueries(t.db, async () => {
    const r = await q(`{ partnerships(first: 3) { edges { node { activities(first: 2) { totalCount edges { node { id } } } } } } }`, {}, demo.tokens.ADMIN);
    log('H errors', r.errors);
  });
  log('H queries', queries.filter((x) => x.includes('"Activity"')).map((x) => x.slice(-700)));
});

it('L: negative first, last without before', async () => {
  log('L first -1', await q(`{ activities(first: -1) { edges { node { id } } } }`, {}, demo.tokens.ADMIN));
  log('L first 0', await q(`{ activities(first: 0) { totalCount edges { node { id } } pageInfo { hasNextPage } } }`, {}, demo.tokens.ADMIN));
});

it('M: ordering pagination by urgency, forward and backward', async () => {
  const all: string[] = [];
  let after: string | null = null;
  for (;;) {
    const r: any = await q(`query($a: String) { signals(first: 37, after: $a, orderBy: {field: URGENCY, direction: DESC}) { edges { node { id urgency } } pageInfo { hasNextPage endCursor } } }`, { a: after }, demo.tokens.ADMIN);
    if (r.errors) { log('M errors', r.errors); return; }
    all.push(...r.data.signals.edges.map((e: any) => e.node.id));
    if (!r.data.signals.pageInfo.hasNextPage) break;
    after = r.data.signals.pageInfo.endCursor;
  }
  const db = await t.db.prisma.signal.findMany({ orderBy: [{ urgency: 'desc' }, { id: 'desc' }], select: { id: true } });
  log('M forward equal to DB order', [all.length, db.length, JSON.stringify(all) === JSON.stringify(db.map((s) => gid('Signal', s.id)))]);
  const back: string[] = [];
  let before: string | null = null;
  for (;;) {
    const r: any = await q(`query($b: String) { signals(last: 41, before: $b, orderBy: {field: URGENCY, direction: DESC}) { edges { node { id } } pageInfo { hasPreviousPage startCursor } } }`, { b: before }, demo.tokens.ADMIN);
    if (r.errors) { log('M back errors', r.errors); return; }
    back.unshift(...r.data.signals.edges.map((e: any) => e.node.id));
    if (!r.data.signals.pageInfo.hasPreviousPage) break;
    before = r.data.signals.pageInfo.startCursor;
  }
  log('M backward equal', JSON.stringify(back) === JSON.stringify(all));
});

it('R: inline literal errors', async () => {
  log('R inline bad enum', await q(`mutation { reportSignal(input: {partnershipId: "x", lifeDomain: MOON, category: WELLBEING, summary: "s"}) { signal { id } } }`, {}, demo.tokens.YOUTH_WORKER));
  log('R filter bad var enum', await q(`query($f: SignalFilter) { signals(first: 1, filter: $f) { totalCount } }`, { f: { status: ['FOO'] } }, demo.tokens.YOUTH_WORKER));
});

it('T: concurrent changeSignalStatus with same version', async () => {
  const s = await t.db.prisma.signal.findFirstOrThrow({ where: { partnershipId: demo.partnerships.sloterplas.id, status: 'NEW' } });
  const m = `mutation($i: ChangeSignalStatusInput!) { changeSignalStatus(input: $i) { signal { status version } } }`;
  const rs = await Promise.all([
    q(m, { i: { signalId: gid('Signal', s.id), status: 'ACKNOWLEDGED', expectedVersion: s.version } }, demo.tokens.YOUTH_WORKER),
    q(m, { i: { signalId: gid('Signal', s.id), status: 'CLOSED', expectedVersion: s.version } }, demo.tokens.SCHOOL_CONTACT),
  ]);
  log('T results', rs.map((r) => r.errors?.[0]?.extensions?.code ?? r.data));
});

it('U: follow-up racing a close', async () => {
  let landedOnClosed = 0;
  const candidates = await t.db.prisma.signal.findMany({ where: { partnershipId: demo.partnerships.sloterplas.id, status: { notIn: ['CLOSED'] } }, take: 15 });
  for (const s of candidates) {
    await Promise.all([
      q(`mutation($i: ChangeSignalStatusInput!) { changeSignalStatus(input: $i) { signal { id } } }`, { i: { signalId: gid('Signal', s.id), status: 'CLOSED', expectedVersion: s.version } }, demo.tokens.YOUTH_WORKER),
      q(`mutation($i: AddSignalFollowUpInput!) { addSignalFollowUp(input: $i) { signal { id } } }`, { i: { signalId: gid('Signal', s.id), action: 'MONITORING' } }, demo.tokens.SCHOOL_CONTACT),
    ]);
    const after = await t.db.prisma.signal.findUniqueOrThrow({ where: { id: s.id }, include: { followUps: { orderBy: { createdAt: 'desc' }, take: 1 } } });
    if (after.status === 'CLOSED' && after.closedAt && after.followUps[0] && after.followUps[0].createdAt > after.closedAt) landedOnClosed++;
  }
  log('U follow-ups created after close', [landedOnClosed, candidates.length]);
});

it('V: assignRole ignores extraneous ids', async () => {
  const r = await q(`mutation($i: AssignRoleInput!) { assignRole(input: $i) { roleAssignment { role scope city { name } partnership { name } } } }`,
    { i: { personId: gid('Person', demo.people.MENTOR), role: 'POLICY_ADVISOR', cityId: gid('City', demo.cities.Amsterdam!), partnershipId: gid('Partnership', demo.partnerships.presik.id) } }, demo.tokens.ADMIN);
  log('V', r);
});

it('W: updatePartnership name null / createPartnership cross-city', async () => {
  const r = await q(`mutation($i: UpdatePartnershipInput!) { updatePartnership(input: $i) { partnership { name } } }`,
    { i: { id: gid('Partnership', demo.partnerships.sloterplas.id), expectedVersion: demo.partnerships.sloterplas.version, name: null } }, demo.tokens.ADMIN);
  log('W name null', r);
  const r2 = await q(`mutation($i: UpdatePartnershipInput!) { updatePartnership(input: $i) { partnership { name rolesAndResponsibilities } } }`,
    { i: { id: gid('Partnership', demo.partnerships.sloterplas.id), expectedVersion: demo.partnerships.sloterplas.version, rolesAndResponsibilities: '   ' } }, demo.tokens.ADMIN);
  log('W roles blank', r2);
  const r3 = await q(`mutation($i: CreatePartnershipInput!) { createPartnership(input: $i) { partnership { name city { name } youthWorkOrganisation { city { name } } } } }`,
    { i: { schoolId: gid('School', demo.partnerships.sloterplas.schoolId), youthWorkOrganisationId: gid('YouthWorkOrganisation', demo.partnerships.presik.youthWorkOrganisationId), form: 'WITH_SCHOOL', startsOn: '2026-01-01' } }, demo.tokens.ADMIN);
  log('W cross-city partnership', r3);
  const r4 = await q(`mutation($i: CreatePartnershipInput!) { createPartnership(input: $i) { partnership { name } } }`,
    { i: { schoolId: gid('School', demo.partnerships.sloterplas.schoolId), youthWorkOrganisationId: gid('YouthWorkOrganisation', demo.partnerships.presik.youthWorkOrganisationId), form: 'WITH_SCHOOL', startsOn: '2026-01-01' } }, demo.tokens.ADMIN);
  log('W duplicate', r4);
});

it('X: updateActivity by any variant typename, PA edit', async () => {
  const a = await t.db.prisma.activity.findFirstOrThrow({ where: { partnershipId: demo.partnerships.sloterplas.id, kind: 'BREAK_CONVERSATION' } });
  const r = await q(`mutation($i: UpdateActivityInput!) { updateActivity(input: $i) { activity { id kind durationMinutes } } }`,
    { i: { activityId: gid('Consultation', a.id), expectedVersion: a.version, durationMinutes: 33 } }, demo.tokens.YOUTH_WORKER);
  log('X update via wrong typename', r);
  const r2 = await q(`mutation($i: UpdateActivityInput!) { updateActivity(input: $i) { activity { id } } }`,
    { i: { activityId: gid('BreakConversation', a.id), expectedVersion: a.version + 1, durationMinutes: 34 } }, demo.tokens.POLICY_ADVISOR);
  log('X PA update', r2);
});

it('A2: Person.roles bypass', async () => {
  const r = await q(`{ people(first: 100) { edges { node { name roles { id role scope partnership { name goals city { name } } city { name } } } } } }`, {}, demo.tokens.YOUTH_WORKER);
  const others = (r.data as any)?.people.edges.filter((e: any) => e.node.roles !== null).map((e: any) => e.node);
  log('A2 youth worker: people with roles visible', [others?.length, others?.slice(0, 3), r.errors]);
  const r2 = await q(`{ activities(first: 3) { edges { node { facilitators { name roles { role partnership { name } } } } } } }`, {}, demo.tokens.POLICY_ADVISOR);
  log('A2 PA: facilitators.roles', r2);
  const r3 = await q(`query($id: ID!) { node(id: $id) { ... on Person { name roles { role } } } }`, { id: gid('Person', demo.people.SCHOOL_CONTACT) }, demo.tokens.YOUTH_WORKER);
  log('A2 node(person).roles', r3);
  const r4 = await q(`{ partnerships(first: 1) { edges { node { schoolContact { name roles { role } } } } } }`, {}, demo.tokens.YOUTH_WORKER);
  log('A2 schoolContact.roles', r4);
});
