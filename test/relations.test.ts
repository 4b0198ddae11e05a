/**
 * People and other cities reached through relations (issue 9, items 4 and 5). A person you may not
 * see through `node`/`people` reads, wherever a relation leads to them, as a reference: ID, `access:
 * REFERENCE` and the kind of actor; every other field null and listed as hidden (NEED_TO_KNOW). A
 * school or organisation of another city reads as hidden on every relation, like `node` refuses it.
 * Each case has a positive control: the same path, for someone who may read it.
 */
import type { ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RelAssessmentsDocument,
  RelConsultationDocument,
  RelPeopleDocument,
  RelPersonNodeDocument,
  RelSignalDocument,
  type RelPersonFragment,
} from './generated/graphql.ts';
import { countQueries, createTestApp, type TestApp } from './support/app.ts';
import { type Demo, gid, loadDemo } from './support/fixtures.ts';

let t: TestApp;
let demo: Demo;
/** A former youth worker of Sloterplas: no role any more, still named on what they did. */
let former: { id: string; name: string; email: string };
let signalId: string;
let consultationId: string;
let consultationRawId: string;

const hiddenPaths = (result: ExecutionResult<unknown>) =>
  (((result.extensions?.hiddenFields as { paths?: (string | number)[][] } | undefined)?.paths) ?? []).map((p) => p.join('.'));

const PERSONAL = ['name', 'email', 'version', 'createdAt', 'updatedAt', 'school', 'organisation'] as const;

function expectReference(person: RelPersonFragment | null | undefined, kind: string) {
  expect(person).toMatchObject({ access: 'REFERENCE', kind });
  for (const field of PERSONAL) expect(person![field], field).toBeNull();
}

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  const prisma = t.db.prisma;
  const sloterplas = demo.partnerships.sloterplas;
  former = await prisma.person.create({
    data: { name: 'Oud-jongerenwerker Relatie', email: 'former.relations@example.test', organisationId: sloterplas.youthWorkOrganisationId },
    select: { id: true, name: true, email: true },
  });
  const signal = await prisma.signal.create({
    data: {
      partnershipId: sloterplas.id,
      lifeDomain: 'NEIGHBOURHOOD',
      category: 'SAFETY',
      summary: 'relations test',
      ownerSide: 'YOUTH_WORK',
      sharedWith: 'BOTH',
      reportedById: former.id,
      followUps: {
        create: [
          { byId: demo.people.ADMIN, action: 'OTHER', note: 'by the admin' },
          { byId: former.id, action: 'OTHER', note: 'by the former youth worker' },
          { byId: demo.people.SCHOOL_CONTACT, action: 'OTHER', note: 'by a colleague' },
        ],
      },
    },
    select: { id: true },
  });
  signalId = gid('Signal', signal.id);
  const consultation = await prisma.activity.create({
    data: {
      partnershipId: sloterplas.id,
      kind: 'CONSULTATION',
      startsAt: new Date('2021-03-01T10:00:00Z'),
      durationMinutes: 60,
      loggedById: former.id,
      facilitators: { create: [{ personId: former.id }, { personId: demo.people.SCHOOL_CONTACT }] },
      attendees: { create: [{ personId: former.id }, { personId: demo.people.ADMIN }] },
    },
    select: { id: true },
  });
  consultationRawId = consultation.id;
  consultationId = gid('Consultation', consultation.id);
  await prisma.partnership.update({ where: { id: sloterplas.id }, data: { schoolContactId: former.id } });
  await prisma.partnershipAssessment.create({
    data: { partnershipId: sloterplas.id, round: 90, assessedOn: new Date('2021-03-01'), recordedById: former.id },
  });
});
afterAll(async () => {
  await t?.close();
});

describe('people through relations', () => {
  it('the former youth worker is not visible through node to a youth worker of the partnership, and is to the admin', async () => {
    const asYouthWorker = await t.execute(RelPersonNodeDocument, { id: gid('Person', former.id) }, { token: demo.tokens.YOUTH_WORKER });
    expect(asYouthWorker.data!.node).toBeNull();
    const asAdmin = await t.execute(RelPersonNodeDocument, { id: gid('Person', former.id) }, { token: demo.tokens.ADMIN });
    expect(asAdmin.data!.node).toMatchObject({ access: 'FULL', kind: 'YOUTH_WORK', name: former.name, email: former.email });
  });

  it('Signal.reportedBy and followUps.by read as references for people you may not see; colleagues in full', async () => {
    const result = await t.execute(RelSignalDocument, { id: signalId }, { token: demo.tokens.YOUTH_WORKER });
    expect(result.errors).toBeUndefined();
    const signal = result.data!.node as { reportedBy: RelPersonFragment; followUps: { by: RelPersonFragment }[] };
    expectReference(signal.reportedBy, 'YOUTH_WORK');
    expect(signal.reportedBy.id).toBe(gid('Person', former.id));
    const [byAdmin, byFormer, byColleague] = signal.followUps.map((f) => f.by);
    expectReference(byAdmin, 'ADMINISTRATOR');
    expectReference(byFormer, 'YOUTH_WORK');
    expect(byColleague).toMatchObject({ access: 'FULL', kind: 'SCHOOL', email: 'aafke.dewit@sloterplascollege.school.example' });
    const hidden = hiddenPaths(result);
    for (const field of PERSONAL) {
      expect(hidden).toContain(`node.reportedBy.${field}`);
      expect(hidden).toContain(`node.followUps.0.by.${field}`);
    }
    expect(hidden.filter((p) => p.startsWith('node.followUps.2.'))).toEqual([]);
  });

  it('the admin reads the same signal with every person in full (positive control)', async () => {
    const result = await t.execute(RelSignalDocument, { id: signalId }, { token: demo.tokens.ADMIN });
    const signal = result.data!.node as { reportedBy: RelPersonFragment; followUps: { by: RelPersonFragment }[] };
    expect(signal.reportedBy).toMatchObject({ access: 'FULL', name: former.name, email: former.email });
    expect(signal.followUps.map((f) => f.by.access)).toEqual(['FULL', 'FULL', 'FULL']);
    expect(signal.followUps[0]!.by.name).not.toBeNull();
    expect(result.extensions?.hiddenFields).toBeUndefined();
  });

  it('Activity.loggedBy, facilitators and attendees read as references, colleagues in full', async () => {
    const result = await t.execute(RelConsultationDocument, { id: consultationId }, { token: demo.tokens.SCHOOL_CONTACT });
    expect(result.errors).toBeUndefined();
    const activity = result.data!.node as { loggedBy: RelPersonFragment; facilitators: RelPersonFragment[]; attendees: RelPersonFragment[] };
    expectReference(activity.loggedBy, 'YOUTH_WORK');
    const facilitators = new Map(activity.facilitators.map((p) => [p.id, p]));
    expectReference(facilitators.get(gid('Person', former.id)), 'YOUTH_WORK');
    // The viewer themselves (positive control on the same list).
    expect(facilitators.get(gid('Person', demo.people.SCHOOL_CONTACT))).toMatchObject({ access: 'FULL', name: expect.any(String) });
    const attendees = new Map(activity.attendees.map((p) => [p.id, p]));
    expectReference(attendees.get(gid('Person', former.id)), 'YOUTH_WORK');
    expectReference(attendees.get(gid('Person', demo.people.ADMIN)), 'ADMINISTRATOR');
  });

  it('the policy advisor of the city reads the same activity with the people in full only where their rule allows', async () => {
    const result = await t.execute(RelConsultationDocument, { id: consultationId }, { token: demo.tokens.POLICY_ADVISOR });
    const activity = result.data!.node as { loggedBy: RelPersonFragment; facilitators: RelPersonFragment[] };
    expectReference(activity.loggedBy, 'YOUTH_WORK');
    const colleague = activity.facilitators.find((p) => p.id === gid('Person', demo.people.SCHOOL_CONTACT));
    expect(colleague).toMatchObject({ access: 'FULL', name: expect.any(String) });
  });

  it('Partnership.schoolContact and assessments.recordedBy read as references', async () => {
    const id = gid('Partnership', demo.partnerships.sloterplas.id);
    const result = await t.execute(RelAssessmentsDocument, { id }, { token: demo.tokens.STUDENT_COUNSELLOR });
    const partnership = result.data!.node as { schoolContact: RelPersonFragment; assessments: { recordedBy: RelPersonFragment | null }[] };
    expectReference(partnership.schoolContact, 'YOUTH_WORK');
    const recorded = partnership.assessments.map((a) => a.recordedBy).filter((p) => p?.id === gid('Person', former.id));
    expect(recorded).toHaveLength(1);
    expectReference(recorded[0], 'YOUTH_WORK');
    const asAdmin = await t.execute(RelAssessmentsDocument, { id }, { token: demo.tokens.ADMIN });
    expect((asAdmin.data!.node as { schoolContact: RelPersonFragment }).schoolContact).toMatchObject({ access: 'FULL', name: former.name });
  });

  it('checking who is visible costs one statement per request, however many people are hidden', async () => {
    const run = () => t.execute(RelConsultationDocument, { id: consultationId }, { token: demo.tokens.SCHOOL_CONTACT });
    const before = await countQueries(t.db, run);
    const more = await t.db.prisma.person.create({ data: { name: 'Nog een oud-collega', email: 'former2.relations@example.test' }, select: { id: true } });
    await t.db.prisma.activityFacilitator.create({ data: { activityId: consultationRawId, personId: more.id } });
    const after = await countQueries(t.db, run);
    expect(after.count).toBe(before.count);
    const result = await run();
    const hiddenOne = (result.data!.node as { facilitators: RelPersonFragment[] }).facilitators.find((p) => p.id === gid('Person', more.id));
    expectReference(hiddenOne, 'OTHER');
  });
});

describe('other cities through relations', () => {
  let arnhemAdvisor: string;
  let dual: string;

  beforeAll(async () => {
    const prisma = t.db.prisma;
    const arnhem = demo.cities.Arnhem!;
    const presik = demo.partnerships.presik;
    await prisma.person.create({
      data: { name: 'Beleidsadviseur Arnhem', email: 'advisor.relations@arnhem.example.test', roleAssignments: { create: { role: 'POLICY_ADVISOR', scope: 'CITY', cityId: arnhem } } },
    });
    arnhemAdvisor = await t.tokenFor({ email: 'advisor.relations@arnhem.example.test' });
    // An Amsterdam school's contact who also holds a role in Arnhem.
    dual = (
      await prisma.person.create({
        data: {
          name: 'Dubbel Relatie Amsterdam',
          email: 'dual.relations@example.test',
          schoolId: demo.partnerships.sloterplas.schoolId,
          organisationId: demo.partnerships.sloterplas.youthWorkOrganisationId,
          roleAssignments: { create: { role: 'SCHOOL_CONTACT', scope: 'PARTNERSHIP', partnershipId: presik.id, cityId: arnhem } },
        },
        select: { id: true },
      })
    ).id;
    // Positive control: someone of an Arnhem school with a role in Arnhem.
    await prisma.person.create({
      data: {
        name: 'Dubbel Relatie Arnhem',
        email: 'local.relations@example.test',
        schoolId: presik.schoolId,
        organisationId: presik.youthWorkOrganisationId,
        roleAssignments: { create: { role: 'SCHOOL_CONTACT', scope: 'PARTNERSHIP', partnershipId: presik.id, cityId: arnhem } },
      },
    });
  });

  it("an Arnhem policy advisor sees the person, not their Amsterdam school or organisation; an Arnhem colleague's in full", async () => {
    const result = await t.execute(RelPeopleDocument, { search: 'Dubbel Relatie' }, { token: arnhemAdvisor });
    expect(result.errors).toBeUndefined();
    const people = result.data!.people.edges.map((e) => e.node);
    const amsterdam = people.find((p) => p.id === gid('Person', dual))!;
    expect(amsterdam).toMatchObject({ access: 'FULL', name: 'Dubbel Relatie Amsterdam', school: null, organisation: null });
    const i = people.indexOf(amsterdam);
    expect(hiddenPaths(result)).toEqual(expect.arrayContaining([`people.edges.${i}.node.school`, `people.edges.${i}.node.organisation`]));
    const arnhem = people.find((p) => p.name === 'Dubbel Relatie Arnhem')!;
    expect(arnhem.school?.name).toEqual(expect.any(String));
    expect(arnhem.organisation?.name).toEqual(expect.any(String));
    expect(hiddenPaths(result).filter((p) => p.startsWith(`people.edges.${people.indexOf(arnhem)}.`))).toEqual([]);
  });

  it('node refuses the same school, so the relation and node agree', async () => {
    const result = await t.execute(RelPersonNodeDocument, { id: gid('School', demo.partnerships.sloterplas.schoolId) }, { token: arnhemAdvisor });
    expect(result.data!.node).toBeNull();
  });

  it('the admin sees the Amsterdam school of the same person (positive control)', async () => {
    const result = await t.execute(RelPersonNodeDocument, { id: gid('Person', dual) }, { token: demo.tokens.ADMIN });
    expect(result.data!.node).toMatchObject({ school: { name: expect.any(String) }, organisation: { name: expect.any(String) } });
  });
});
