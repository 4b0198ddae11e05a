/**
 * Every mutation: bad input is one coded error naming the field and rule and writes nothing; the
 * happy paths return what was stored; the signal workflow; optimistic concurrency.
 */
import { isInputObjectType, isObjectType, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../src/generated/prisma/client.ts';
import type { SignalStatus } from '../src/generated/prisma/enums.ts';
import { DEFAULT_PLUGINS, loadPlugins } from '../src/plugins/registry.ts';
import { buildSchema } from '../src/schema.ts';

const schema = await buildSchema(await loadPlugins(DEFAULT_PLUGINS));
import {
  AddSignalFollowUpDocument,
  AssignRoleFullDocument,
  ChangeSignalStatusDocument,
  CreatePartnershipFullDocument,
  LogActivityFullDocument,
  type LogActivityInput,
  PartnershipVersionDocument,
  RegisterYouthDocument,
  ReportSignalDocument,
  type ReportSignalInput,
  RevokeRoleDocument,
  SignalNodeDocument,
  UpdatePartnershipFullDocument,
} from './generated/graphql.ts';
import { countQueries, createTestApp, type TestApp } from './support/app.ts';
import { closeTestApp, type Demo, type Expected, expectError, expectNoWrites, gid, loadDemo, missingGid, onlyError, writeSnapshot } from './support/fixtures.ts';

let t: TestApp;
let demo: Demo;
/** IDs the case tables refer to, filled in once the database is seeded. */
const ids = {} as {
  P: string; // Sloterplas (the demo partnership), global ID
  presikP: string;
  signalOfP: string; // a seeded signal of Sloterplas the youth worker may read (global ID; the seed follows the date)
  signalOfPresik: string;
  youthOfP: string;
  youthOfPresik: string;
  youthWorkerOfPresik: string; // Person global ID
  otherYouthWorkerOfP: string;
  schoolContactOfP: string;
  counsellorOfP: string;
  schoolOfP: string; // School global ID
  orgAms: string;
  personOfPresikSchool: string;
  amsterdam: string; // City global ID
};

const recent = () => new Date(Date.now() - 2 * 3_600_000).toISOString();
const chars = (n: number) => 'x'.repeat(n);
const omit = <T extends object>(o: T, key: keyof T) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  const prisma = t.db.prisma;
  const { sloterplas, presik } = demo.partnerships;
  const personIn = async (partnershipId: string, role: 'YOUTH_WORKER' | 'SCHOOL_CONTACT' | 'STUDENT_COUNSELLOR', not?: string) =>
    (await prisma.person.findFirstOrThrow({
      where: { roleAssignments: { some: { partnershipId, role } }, ...(not ? { id: { not } } : {}) },
      orderBy: { email: 'asc' },
    })).id;
  Object.assign(ids, {
    P: gid('Partnership', sloterplas.id),
    presikP: gid('Partnership', presik.id),
    signalOfP: gid('Signal', (await prisma.signal.findFirstOrThrow({ where: { partnershipId: sloterplas.id, status: 'IN_PROGRESS', sharedWith: { in: ['BOTH', 'YOUTH_WORK'] } }, orderBy: { id: 'asc' } })).id),
    signalOfPresik: gid('Signal', (await prisma.signal.findFirstOrThrow({ where: { partnershipId: presik.id } })).id),
    youthOfP: gid('Youth', (await prisma.youth.findFirstOrThrow({ where: { schoolId: sloterplas.schoolId } })).id),
    youthOfPresik: gid('Youth', (await prisma.youth.findFirstOrThrow({ where: { schoolId: presik.schoolId } })).id),
    youthWorkerOfPresik: gid('Person', await personIn(presik.id, 'YOUTH_WORKER')),
    otherYouthWorkerOfP: gid('Person', await personIn(sloterplas.id, 'YOUTH_WORKER', demo.people.YOUTH_WORKER)),
    schoolContactOfP: gid('Person', demo.people.SCHOOL_CONTACT),
    counsellorOfP: gid('Person', demo.people.STUDENT_COUNSELLOR),
    schoolOfP: gid('School', sloterplas.schoolId),
    orgAms: gid('YouthWorkOrganisation', sloterplas.youthWorkOrganisationId),
    personOfPresikSchool: gid('Person', (await prisma.person.findFirstOrThrow({ where: { schoolId: presik.schoolId } })).id),
    amsterdam: gid('City', demo.cities.Amsterdam!),
  });
});
afterAll(() => closeTestApp(t));

// ---------------------------------------------------------------------------------------------
// Bad input

it('the write snapshot notices an insert and an update (guards "writes nothing")', async () => {
  const before = await writeSnapshot(t.db.prisma);
  const { row } = await makeSignal('NEW');
  const afterInsert = await writeSnapshot(t.db.prisma);
  expect(afterInsert['Signal.rows']).not.toBe(before['Signal.rows']);
  await t.db.prisma.signal.update({ where: { id: row.id }, data: { version: { increment: 1 } } });
  expect((await writeSnapshot(t.db.prisma))['Signal.versions']).not.toBe(afterInsert['Signal.versions']);
});

type Case = [name: string, input: () => Record<string, unknown>, expected: Expected];

/** One `it` per case: the coded error (or coercion error), and nothing written. */
function rejects(run: (input: Record<string, unknown>) => Promise<Parameters<typeof expectError>[0]>, cases: Case[]) {
  it.each(cases)('%s', async (_name, input, expected) => {
    await expectNoWrites(t.db.prisma, async () => expectError(await run(input()), expected));
  });
}

describe('logActivity rejects bad input and writes nothing', () => {
  const base = (): LogActivityInput => ({ partnershipId: ids.P, kind: 'BREAK_CONVERSATION', startsAt: recent(), durationMinutes: 20 });
  rejects(
    (input) => t.execute(LogActivityFullDocument, { input: input as never }, { token: demo.tokens.YOUTH_WORKER }),
    [
      ['unknown kind (enum)', () => ({ ...base(), kind: 'KARAOKE' }), { coercion: 'input.kind' }],
      ['unknown location (enum)', () => ({ ...base(), location: 'MOON' }), { coercion: 'input.location' }],
      ['missing startsAt', () => omit(base(), 'startsAt'), { coercion: 'Field "startsAt" of required type "DateTime!" was not provided' }],
      ['malformed startsAt', () => ({ ...base(), startsAt: 'yesterday' }), { coercion: 'input.startsAt' }],
      ['durationMinutes 0', () => ({ ...base(), durationMinutes: 0 }), { code: 'BAD_USER_INPUT', field: 'input.durationMinutes', rule: 'min' }],
      ['durationMinutes 1441', () => ({ ...base(), durationMinutes: 1441 }), { code: 'BAD_USER_INPUT', field: 'input.durationMinutes', rule: 'max' }],
      ['participantCount -1', () => ({ ...base(), participantCount: -1 }), { code: 'BAD_USER_INPUT', field: 'input.participantCount', rule: 'min' }],
      ['participantCount 10001', () => ({ ...base(), participantCount: 10_001 }), { code: 'BAD_USER_INPUT', field: 'input.participantCount', rule: 'max' }],
      ['startsAt more than 31 days ahead', () => ({ ...base(), startsAt: new Date(Date.now() + 40 * 86_400_000).toISOString() }), { code: 'BAD_USER_INPUT', field: 'input.startsAt', rule: 'max' }],
      ['startsAt before 2000', () => ({ ...base(), startsAt: '1999-12-31T12:00:00Z' }), { code: 'BAD_USER_INPUT', field: 'input.startsAt', rule: 'min' }],
      ['notes too long', () => ({ ...base(), notes: chars(2001) }), { code: 'BAD_USER_INPUT', field: 'input.notes', rule: 'maxLength' }],
      ['locationNote only spaces', () => ({ ...base(), locationNote: '   ' }), { code: 'BAD_USER_INPUT', field: 'input.locationNote', rule: 'minLength' }],
      ['21 themes', () => ({ ...base(), themes: Array.from({ length: 21 }, (_, i) => `thema ${i}`) }), { code: 'BAD_USER_INPUT', field: 'input.themes', rule: 'maxLength' }],
      ['a theme too long', () => ({ ...base(), themes: ['pesten', chars(61)] }), { code: 'BAD_USER_INPUT', field: 'input.themes.1', rule: 'maxLength' }],
      ['unknown partnership', () => ({ ...base(), partnershipId: missingGid('Partnership') }), { code: 'NOT_FOUND', field: 'input.partnershipId' }],
      ['a Signal ID as partnershipId', () => ({ ...base(), partnershipId: ids.signalOfP }), { code: 'BAD_USER_INPUT', field: 'input.partnershipId', rule: 'globalId' }],
      ['garbage partnershipId', () => ({ ...base(), partnershipId: 'not-an-id' }), { code: 'BAD_USER_INPUT', field: 'input.partnershipId', rule: 'globalId' }],
      ['Partnership ID around a non-UUID', () => ({ ...base(), partnershipId: gid('Partnership', '42') }), { code: 'BAD_USER_INPUT', field: 'input.partnershipId', rule: 'globalId' }],
      ['breakConversation details on an INFORMATION_SESSION', () => ({ ...base(), kind: 'INFORMATION_SESSION', breakConversation: { youngPeopleSpokenTo: 3 } }), { code: 'BAD_USER_INPUT', field: 'input.breakConversation', rule: 'kindMismatch' }],
      ['details out of range', () => ({ ...base(), breakConversation: { youngPeopleSpokenTo: 1001 } }), { code: 'BAD_USER_INPUT', field: 'input.breakConversation.youngPeopleSpokenTo', rule: 'max' }],
      ['facilitator from another partnership', () => ({ ...base(), facilitatorIds: [ids.youthWorkerOfPresik] }), { code: 'BAD_USER_INPUT', field: 'input.facilitatorIds.0', rule: 'memberOfPartnership' }],
      ['facilitator that does not exist', () => ({ ...base(), facilitatorIds: [ids.otherYouthWorkerOfP, missingGid('Person')] }), { code: 'BAD_USER_INPUT', field: 'input.facilitatorIds.1', rule: 'memberOfPartnership' }],
      ['foreign facilitator after a repeated one (index as given)', () => ({ ...base(), facilitatorIds: [ids.otherYouthWorkerOfP, ids.otherYouthWorkerOfP, ids.youthWorkerOfPresik] }), { code: 'BAD_USER_INPUT', field: 'input.facilitatorIds.2', rule: 'memberOfPartnership' }],
      ['facilitator given as a Youth ID', () => ({ ...base(), facilitatorIds: [ids.youthOfP] }), { code: 'BAD_USER_INPUT', field: 'input.facilitatorIds.0', rule: 'globalId' }],
      ['consultation attendee from another partnership', () => ({ ...base(), kind: 'CONSULTATION', consultation: { attendeeIds: [ids.youthWorkerOfPresik] } }), { code: 'BAD_USER_INPUT', field: 'input.consultation.attendeeIds.0', rule: 'memberOfPartnership' }],
      ['consultation signal of another partnership', () => ({ ...base(), kind: 'CONSULTATION', consultation: { signalIds: [ids.signalOfPresik] } }), { code: 'BAD_USER_INPUT', field: 'input.consultation.signalIds.0', rule: 'signalOfPartnership' }],
      ['guidance of a youth of another school', () => ({ ...base(), kind: 'INDIVIDUAL_GUIDANCE', individualGuidance: { youthId: ids.youthOfPresik } }), { code: 'BAD_USER_INPUT', field: 'input.individualGuidance.youthId', rule: 'youthOfSchool' }],
    ],
  );
});

describe('reportSignal rejects bad input and writes nothing', () => {
  const base = (): ReportSignalInput => ({ partnershipId: ids.P, lifeDomain: 'SCHOOL', category: 'BULLYING', summary: 'Leerling wordt buitengesloten in de klassenapp.' });
  rejects(
    (input) => t.execute(ReportSignalDocument, { input: input as never }, { token: demo.tokens.YOUTH_WORKER }),
    [
      ['unknown lifeDomain (enum)', () => ({ ...base(), lifeDomain: 'MARS' }), { coercion: 'input.lifeDomain' }],
      ['unknown urgency (enum)', () => ({ ...base(), urgency: 'YESTERDAY' }), { coercion: 'input.urgency' }],
      ['missing summary', () => omit(base(), 'summary'), { coercion: 'Field "summary" of required type "String!" was not provided' }],
      ['missing category', () => omit(base(), 'category'), { coercion: 'Field "category" of required type "SignalCategory!" was not provided' }],
      ['summary of 501 characters', () => ({ ...base(), summary: chars(501) }), { code: 'BAD_USER_INPUT', field: 'input.summary', rule: 'maxLength' }],
      ['summary only spaces', () => ({ ...base(), summary: '   ' }), { code: 'BAD_USER_INPUT', field: 'input.summary', rule: 'minLength' }],
      ['unknown partnership', () => ({ ...base(), partnershipId: missingGid('Partnership') }), { code: 'NOT_FOUND', field: 'input.partnershipId' }],
      ['a Signal ID as partnershipId', () => ({ ...base(), partnershipId: ids.signalOfP }), { code: 'BAD_USER_INPUT', field: 'input.partnershipId', rule: 'globalId' }],
      ['garbage partnershipId', () => ({ ...base(), partnershipId: '%%%' }), { code: 'BAD_USER_INPUT', field: 'input.partnershipId', rule: 'globalId' }],
      ['youthId on a GROUP signal', () => ({ ...base(), subject: 'GROUP', youthId: ids.youthOfP }), { code: 'BAD_USER_INPUT', field: 'input.youthId', rule: 'forbidden' }],
      ['youthId on a TREND signal', () => ({ ...base(), subject: 'TREND', youthId: ids.youthOfP }), { code: 'BAD_USER_INPUT', field: 'input.youthId', rule: 'forbidden' }],
      ['youth of another school', () => ({ ...base(), youthId: ids.youthOfPresik }), { code: 'NOT_FOUND', field: 'input.youthId' }],
      ['youth that does not exist', () => ({ ...base(), youthId: missingGid('Youth') }), { code: 'NOT_FOUND', field: 'input.youthId' }],
      ['a Person ID as youthId', () => ({ ...base(), youthId: ids.schoolContactOfP }), { code: 'BAD_USER_INPUT', field: 'input.youthId', rule: 'globalId' }],
    ],
  );
});

/** A signal written straight to the database, in `status` with the timestamps of the usual path. */
async function makeSignal(status: SignalStatus, version = 3) {
  const day = (d: number) => new Date(Date.UTC(2025, 0, d, 10));
  const reached = {
    NEW: {},
    ACKNOWLEDGED: { acknowledgedAt: day(2) },
    IN_PROGRESS: { acknowledgedAt: day(2), inProgressAt: day(3) },
    REFERRED: { acknowledgedAt: day(2), inProgressAt: day(3), referredAt: day(4), referralDestination: 'buurtteam' },
    CLOSED: { acknowledgedAt: day(2), closedAt: day(5) },
  }[status];
  const signal = await t.db.prisma.signal.create({
    data: {
      partnershipId: demo.partnerships.sloterplas.id,
      lifeDomain: 'SCHOOL',
      category: 'WELLBEING',
      subject: 'GROUP',
      summary: `Testsignaal ${status}`,
      reportedById: demo.people.YOUTH_WORKER,
      ownerSide: 'YOUTH_WORK',
      sharedWith: 'BOTH',
      legalBasis: 'CONSENT',
      reportedAt: day(1),
      status,
      version,
      ...reached,
    },
  });
  return { row: signal, id: gid('Signal', signal.id) };
}

describe('changeSignalStatus rejects bad input and writes nothing', () => {
  let inProgress: string;
  beforeAll(async () => {
    inProgress = (await makeSignal('IN_PROGRESS', 1)).id;
  });
  const base = () => ({ signalId: inProgress, status: 'CLOSED', expectedVersion: 1 });
  rejects(
    (input) => t.execute(ChangeSignalStatusDocument, { input: input as never }, { token: demo.tokens.YOUTH_WORKER }),
    [
      ['unknown status (enum)', () => ({ ...base(), status: 'DONE' }), { coercion: 'input.status' }],
      ['missing expectedVersion', () => omit(base(), 'expectedVersion'), { coercion: 'Field "expectedVersion" of required type "Int!" was not provided' }],
      ['expectedVersion 0', () => ({ ...base(), expectedVersion: 0 }), { code: 'BAD_USER_INPUT', field: 'input.expectedVersion', rule: 'min' }],
      ['REFERRED without referralDestination', () => ({ ...base(), status: 'REFERRED' }), { code: 'BAD_USER_INPUT', field: 'input.referralDestination', rule: 'required' }],
      ['REFERRED with a blank referralDestination', () => ({ ...base(), status: 'REFERRED', referralDestination: '  ' }), { code: 'BAD_USER_INPUT', field: 'input.referralDestination', rule: 'minLength' }],
      ['referralDestination too long', () => ({ ...base(), status: 'REFERRED', referralDestination: chars(201) }), { code: 'BAD_USER_INPUT', field: 'input.referralDestination', rule: 'maxLength' }],
      ['referralDestination when closing', () => ({ ...base(), referralDestination: 'buurtteam' }), { code: 'BAD_USER_INPUT', field: 'input.referralDestination', rule: 'forbidden' }],
      ['unknown signal', () => ({ ...base(), signalId: missingGid('Signal') }), { code: 'NOT_FOUND', field: 'input.signalId' }],
      ['a Partnership ID as signalId', () => ({ ...base(), signalId: ids.P }), { code: 'BAD_USER_INPUT', field: 'input.signalId', rule: 'globalId' }],
      ['garbage signalId', () => ({ ...base(), signalId: 'U2lnbmFsOg==' }), { code: 'BAD_USER_INPUT', field: 'input.signalId', rule: 'globalId' }],
      ['signal of another partnership', () => ({ ...base(), signalId: ids.signalOfPresik }), { code: 'NOT_FOUND', field: 'input.signalId' }],
      ['stale expectedVersion', () => ({ ...base(), expectedVersion: 7 }), { code: 'CONFLICT', field: 'input.expectedVersion' }],
    ],
  );
});

describe('addSignalFollowUp rejects bad input and writes nothing', () => {
  let closed: string;
  beforeAll(async () => {
    closed = (await makeSignal('CLOSED')).id;
  });
  const base = () => ({ signalId: ids.signalOfP, action: 'CONVERSATION_WITH_YOUTH' });
  rejects(
    (input) => t.execute(AddSignalFollowUpDocument, { input: input as never }, { token: demo.tokens.YOUTH_WORKER }),
    [
      ['unknown action (enum)', () => ({ ...base(), action: 'SHRUG' }), { coercion: 'input.action' }],
      ['missing action', () => omit(base(), 'action'), { coercion: 'Field "action" of required type "FollowUpAction!" was not provided' }],
      ['malformed at', () => ({ ...base(), at: '31-12-2025' }), { coercion: 'input.at' }],
      ['note too long', () => ({ ...base(), note: chars(1001) }), { code: 'BAD_USER_INPUT', field: 'input.note', rule: 'maxLength' }],
      ['at in the future', () => ({ ...base(), at: new Date(Date.now() + 86_400_000).toISOString() }), { code: 'BAD_USER_INPUT', field: 'input.at', rule: 'notFuture' }],
      ['at before the signal was reported', () => ({ ...base(), at: '1990-01-01T00:00:00Z' }), { code: 'BAD_USER_INPUT', field: 'input.at', rule: 'afterReported' }],
      ['unknown signal', () => ({ ...base(), signalId: missingGid('Signal') }), { code: 'NOT_FOUND', field: 'input.signalId' }],
      ['a Youth ID as signalId', () => ({ ...base(), signalId: ids.youthOfP }), { code: 'BAD_USER_INPUT', field: 'input.signalId', rule: 'globalId' }],
      ['garbage signalId', () => ({ ...base(), signalId: '' }), { code: 'BAD_USER_INPUT', field: 'input.signalId', rule: 'globalId' }],
      ['signal of another partnership', () => ({ ...base(), signalId: ids.signalOfPresik }), { code: 'NOT_FOUND', field: 'input.signalId' }],
      ['a closed signal', () => ({ ...base(), signalId: closed }), { code: 'BAD_USER_INPUT', field: 'input.signalId', rule: 'open' }],
    ],
  );
});

describe('registerYouth rejects bad input and writes nothing', () => {
  const base = () => ({ partnershipId: ids.P, yearGroup: 2, ageBand: 'AGE_12_13' });
  rejects(
    (input) => t.execute(RegisterYouthDocument, { input: input as never }, { token: demo.tokens.YOUTH_WORKER }),
    [
      ['unknown ageBand (enum)', () => ({ ...base(), ageBand: 'AGE_99' }), { coercion: 'input.ageBand' }],
      ['missing partnershipId', () => omit(base(), 'partnershipId'), { coercion: 'Field "partnershipId" of required type "ID!" was not provided' }],
      ['yearGroup 0', () => ({ ...base(), yearGroup: 0 }), { code: 'BAD_USER_INPUT', field: 'input.yearGroup', rule: 'min' }],
      ['yearGroup 7', () => ({ ...base(), yearGroup: 7 }), { code: 'BAD_USER_INPUT', field: 'input.yearGroup', rule: 'max' }],
      ['unknown partnership', () => ({ ...base(), partnershipId: missingGid('Partnership') }), { code: 'NOT_FOUND', field: 'input.partnershipId' }],
      ['a School ID as partnershipId', () => ({ ...base(), partnershipId: ids.schoolOfP }), { code: 'BAD_USER_INPUT', field: 'input.partnershipId', rule: 'globalId' }],
      ['garbage partnershipId', () => ({ ...base(), partnershipId: 'Partnership:1' }), { code: 'BAD_USER_INPUT', field: 'input.partnershipId', rule: 'globalId' }],
      ['partnership of another city', () => ({ ...base(), partnershipId: ids.presikP }), { code: 'NOT_FOUND', field: 'input.partnershipId' }],
    ],
  );
});

describe('createPartnership rejects bad input and writes nothing', () => {
  const base = () => ({ schoolId: ids.schoolOfP, youthWorkOrganisationId: ids.orgAms, form: 'WITH_SCHOOL', startsOn: '2031-09-01' });
  rejects(
    (input) => t.execute(CreatePartnershipFullDocument, { input: input as never }, { token: demo.tokens.ADMIN }),
    [
      ['unknown form (enum)', () => ({ ...base(), form: 'NEXT_TO_SCHOOL' }), { coercion: 'input.form' }],
      ['unknown funding type (enum)', () => ({ ...base(), funding: { type: 'CROWDFUNDED' } }), { coercion: 'input.funding.type' }],
      ['missing startsOn', () => omit(base(), 'startsOn'), { coercion: 'Field "startsOn" of required type "Date!" was not provided' }],
      ['malformed startsOn', () => ({ ...base(), startsOn: '2031-02-30' }), { coercion: 'input.startsOn' }],
      ['name too long', () => ({ ...base(), name: chars(201) }), { code: 'BAD_USER_INPUT', field: 'input.name', rule: 'maxLength' }],
      ['consultationEveryWeeks 0', () => ({ ...base(), consultationEveryWeeks: 0 }), { code: 'BAD_USER_INPUT', field: 'input.consultationEveryWeeks', rule: 'min' }],
      ['consultationEveryWeeks 53', () => ({ ...base(), consultationEveryWeeks: 53 }), { code: 'BAD_USER_INPUT', field: 'input.consultationEveryWeeks', rule: 'max' }],
      ['a goal too long', () => ({ ...base(), goals: ['ok', chars(501)] }), { code: 'BAD_USER_INPUT', field: 'input.goals.1', rule: 'maxLength' }],
      ['endsOn before startsOn', () => ({ ...base(), endsOn: '2031-08-31' }), { code: 'BAD_USER_INPUT', field: 'input.endsOn', rule: 'after' }],
      ['unknown school', () => ({ ...base(), schoolId: missingGid('School') }), { code: 'NOT_FOUND', field: 'input.schoolId' }],
      ['unknown organisation', () => ({ ...base(), youthWorkOrganisationId: missingGid('YouthWorkOrganisation') }), { code: 'NOT_FOUND', field: 'input.youthWorkOrganisationId' }],
      ['a Partnership ID as schoolId', () => ({ ...base(), schoolId: ids.P }), { code: 'BAD_USER_INPUT', field: 'input.schoolId', rule: 'globalId' }],
      ['garbage youthWorkOrganisationId', () => ({ ...base(), youthWorkOrganisationId: 'jongerenwerk' }), { code: 'BAD_USER_INPUT', field: 'input.youthWorkOrganisationId', rule: 'globalId' }],
      ['school contact of another school', () => ({ ...base(), schoolContactId: ids.personOfPresikSchool }), { code: 'BAD_USER_INPUT', field: 'input.schoolContactId', rule: 'sameSchool' }],
      ['school contact that does not exist', () => ({ ...base(), schoolContactId: missingGid('Person') }), { code: 'NOT_FOUND', field: 'input.schoolContactId' }],
      [
        'the same school, organisation and start date as an existing partnership',
        () => ({ ...base(), startsOn: demo.partnerships.sloterplas.startsOn.toISOString().slice(0, 10) }),
        { code: 'CONFLICT' },
      ],
    ],
  );
});

describe('updatePartnership rejects bad input and writes nothing', () => {
  const base = () => ({ id: gid('Partnership', demo.partnerships.gaasperpoort.id), expectedVersion: demo.partnerships.gaasperpoort.version });
  rejects(
    (input) => t.execute(UpdatePartnershipFullDocument, { input: input as never }, { token: demo.tokens.ADMIN }),
    [
      ['unknown status (enum)', () => ({ ...base(), status: 'SLEEPING' }), { coercion: 'input.status' }],
      ['missing expectedVersion', () => omit(base(), 'expectedVersion'), { coercion: 'Field "expectedVersion" of required type "Int!" was not provided' }],
      ['name too long', () => ({ ...base(), name: chars(201) }), { code: 'BAD_USER_INPUT', field: 'input.name', rule: 'maxLength' }],
      ['consultationEveryWeeks 53', () => ({ ...base(), consultationEveryWeeks: 53 }), { code: 'BAD_USER_INPUT', field: 'input.consultationEveryWeeks', rule: 'max' }],
      ['endsOn before the stored startsOn', () => ({ ...base(), endsOn: '2001-01-01' }), { code: 'BAD_USER_INPUT', field: 'input.endsOn', rule: 'after' }],
      ['unknown partnership', () => ({ ...base(), id: missingGid('Partnership') }), { code: 'NOT_FOUND', field: 'input.id' }],
      ['a Signal ID as id', () => ({ ...base(), id: ids.signalOfP }), { code: 'BAD_USER_INPUT', field: 'input.id', rule: 'globalId' }],
      ['garbage id', () => ({ ...base(), id: '🙂' }), { code: 'BAD_USER_INPUT', field: 'input.id', rule: 'globalId' }],
      ['school contact of another school', () => ({ ...base(), schoolContactId: ids.personOfPresikSchool }), { code: 'BAD_USER_INPUT', field: 'input.schoolContactId', rule: 'sameSchool' }],
      ['stale expectedVersion', () => ({ ...base(), expectedVersion: base().expectedVersion + 5, name: 'Nieuwe naam' }), { code: 'CONFLICT', field: 'input.expectedVersion' }],
    ],
  );
});

describe('assignRole rejects bad input and writes nothing', () => {
  const base = () => ({ personId: ids.personOfPresikSchool, role: 'MENTOR', partnershipId: ids.presikP });
  rejects(
    (input) => t.execute(AssignRoleFullDocument, { input: input as never }, { token: demo.tokens.ADMIN }),
    [
      ['unknown role (enum)', () => ({ ...base(), role: 'JANITOR' }), { coercion: 'input.role' }],
      ['missing personId', () => omit(base(), 'personId'), { coercion: 'Field "personId" of required type "ID!" was not provided' }],
      ['a partnership role without partnershipId', () => omit(base(), 'partnershipId'), { code: 'BAD_USER_INPUT', field: 'input.partnershipId', rule: 'required' }],
      ['POLICY_ADVISOR without cityId', () => ({ personId: ids.personOfPresikSchool, role: 'POLICY_ADVISOR' }), { code: 'BAD_USER_INPUT', field: 'input.cityId', rule: 'required' }],
      ['unknown partnership', () => ({ ...base(), partnershipId: missingGid('Partnership') }), { code: 'NOT_FOUND', field: 'input.partnershipId' }],
      ['a Partnership ID as personId', () => ({ ...base(), personId: ids.P }), { code: 'BAD_USER_INPUT', field: 'input.personId', rule: 'globalId' }],
      ['garbage personId', () => ({ ...base(), personId: 'someone' }), { code: 'BAD_USER_INPUT', field: 'input.personId', rule: 'globalId' }],
      ['a Person ID as cityId', () => ({ personId: ids.personOfPresikSchool, role: 'POLICY_ADVISOR', cityId: ids.personOfPresikSchool }), { code: 'BAD_USER_INPUT', field: 'input.cityId', rule: 'globalId' }],
      ['a role the person already holds there', () => ({ personId: gid('Person', demo.people.YOUTH_WORKER), role: 'YOUTH_WORKER', partnershipId: ids.P }), { code: 'CONFLICT' }],
    ],
  );

  // Unknown person or city: NOT_FOUND naming the field, checked before the database's foreign key.
  const unknownReferences: [name: string, input: () => Record<string, unknown>, field: string][] = [
    ['unknown personId', () => ({ ...base(), personId: missingGid('Person') }), 'input.personId'],
    ['unknown cityId', () => ({ personId: ids.personOfPresikSchool, role: 'POLICY_ADVISOR', cityId: missingGid('City') }), 'input.cityId'],
  ];
  it.each(unknownReferences)('%s is a coded error and writes nothing', async (_name, input) => {
    await expectNoWrites(t.db.prisma, async () => {
      const result = await t.execute(AssignRoleFullDocument, { input: input() as never }, { token: demo.tokens.ADMIN });
      expect(result.data).toBeNull();
      expect(onlyError(result).extensions?.code).toBe('NOT_FOUND');
    });
  });
  it.each(unknownReferences)('%s names the field', async (_name, input, field) => {
    const result = await t.execute(AssignRoleFullDocument, { input: input() as never }, { token: demo.tokens.ADMIN });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field });
  });
});

describe('revokeRole rejects bad input and writes nothing', () => {
  rejects(
    (input) => t.execute(RevokeRoleDocument, { input: input as never }, { token: demo.tokens.ADMIN }),
    [
      ['missing roleAssignmentId', () => ({}), { coercion: 'Field "roleAssignmentId" of required type "ID!" was not provided' }],
      ['unknown role assignment', () => ({ roleAssignmentId: missingGid('RoleAssignment') }), { code: 'NOT_FOUND', field: 'input.roleAssignmentId' }],
      ['a Person ID as roleAssignmentId', () => ({ roleAssignmentId: gid('Person', demo.people.YOUTH_WORKER) }), { code: 'BAD_USER_INPUT', field: 'input.roleAssignmentId', rule: 'globalId' }],
      ['garbage roleAssignmentId', () => ({ roleAssignmentId: '12345' }), { code: 'BAD_USER_INPUT', field: 'input.roleAssignmentId', rule: 'globalId' }],
    ],
  );
});

it('reports every field issue of one input, the first in field/rule', async () => {
  const result = await expectNoWrites(t.db.prisma, () =>
    t.execute(LogActivityFullDocument, {
      input: { partnershipId: 'nope', kind: 'BREAK_CONVERSATION', startsAt: recent(), durationMinutes: 0, notes: chars(2001) },
    }, { token: demo.tokens.YOUTH_WORKER }),
  );
  const error = expectError(result, { code: 'BAD_USER_INPUT', field: 'input.partnershipId', rule: 'globalId' });
  expect(error.extensions?.issues).toEqual([
    expect.objectContaining({ field: 'input.partnershipId', rule: 'globalId', message: expect.any(String) }),
    expect.objectContaining({ field: 'input.durationMinutes', rule: 'min' }),
    expect.objectContaining({ field: 'input.notes', rule: 'maxLength' }),
  ]);
  // Cross-field rules (kindMismatch, forbidden youthId, …) are zod refinements: they only run once
  // every field is valid on its own, so they show up in a second round. See the report.
});

// ---------------------------------------------------------------------------------------------
// Happy paths

describe('logActivity', () => {
  it('logs a break conversation with only the required fields and participantCount', async () => {
    const startsAt = recent();
    const { data, errors } = await t.execute(
      LogActivityFullDocument,
      { input: { partnershipId: ids.P, kind: 'BREAK_CONVERSATION', startsAt, durationMinutes: 15, participantCount: 6 } },
      { token: demo.tokens.YOUTH_WORKER },
    );
    expect(errors).toBeUndefined();
    const activity = data!.logActivity.activity!;
    const me = gid('Person', demo.people.YOUTH_WORKER);
    expect(activity).toMatchObject({
      __typename: 'BreakConversation',
      kind: 'BREAK_CONVERSATION',
      startsAt: new Date(startsAt).toISOString(),
      durationMinutes: 15,
      participantCount: 6,
      youngPeopleSpokenTo: 6, // falls back to participantCount
      location: null,
      locationNote: null,
      notes: null,
      themes: [],
      version: 1,
      partnership: { id: ids.P },
      facilitators: [{ id: me }],
      loggedBy: { id: me },
    });
    const stored = await t.db.prisma.activity.findUniqueOrThrow({
      where: { id: decode(activity.id) },
      include: { facilitators: true, attendees: true, signalsDiscussed: true },
    });
    expect(stored).toMatchObject({ partnershipId: demo.partnerships.sloterplas.id, loggedById: demo.people.YOUTH_WORKER, details: {}, youthId: null });
    expect(stored.facilitators.map((f) => f.personId)).toEqual([demo.people.YOUTH_WORKER]);
    expect(stored.attendees).toEqual([]);
    expect(stored.signalsDiscussed).toEqual([]);
  });

  it('answers a payload of columns only with the row it wrote (no re-read), as a read of the activity answers', async () => {
    const columns = 'id kind startsAt durationMinutes participantCount location locationNote themes notes version createdAt updatedAt ... on BreakConversation { youngPeopleSpokenTo }';
    const log = parse(`mutation($input: LogActivityInput!) { logActivity(input: $input) { activity { ${columns} } } }`);
    const read = parse(`query($id: ID!) { node(id: $id) { ... on Activity { ${columns} } } }`);
    // The youth worker is the facilitator: Prisma writes the two rows in a transaction and reads the
    // activity back in it, and that read is the payload. The admin's is one INSERT … RETURNING.
    for (const [token, reads] of [[demo.tokens.YOUTH_WORKER, 1], [demo.tokens.ADMIN, 0]] as const) {
      const input = { partnershipId: ids.P, kind: 'BREAK_CONVERSATION', startsAt: recent(), durationMinutes: 15, notes: ' Rustig. ', themes: ['pesten'] };
      let logged: any;
      const { queries } = await countQueries(t.db, async () => {
        logged = await t.execute(log as never, { input } as never, { token });
      });
      expect(logged.errors).toBeUndefined();
      expect(queries.filter((q) => /^\s*SELECT/.test(q) && q.includes('"Activity"') && !q.includes('LiveEvent'))).toHaveLength(reads);
      const activity = logged.data.logActivity.activity;
      const again = await t.execute(read as never, { id: activity.id } as never, { token });
      expect(again.errors).toBeUndefined();
      expect(activity).toEqual((again.data as any).node);
      expect(activity).toMatchObject({ notes: 'Rustig.', themes: ['pesten'], youngPeopleSpokenTo: null, version: 1 });
    }
  });

  const kinds: [string, () => Partial<LogActivityInput>, () => Record<string, unknown>][] = [
    ['INFORMATION_SESSION', () => ({ informationSession: { topic: ' Online veiligheid ', audience: 'leerjaar 2' } }), () => ({ __typename: 'InformationSession', topic: 'Online veiligheid', audience: 'leerjaar 2' })],
    ['HOMEWORK_HELP', () => ({ homeworkHelp: { attendeeCount: 7, subjects: ['wiskunde', 'Engels'] } }), () => ({ __typename: 'HomeworkHelp', attendeeCount: 7, subjects: ['wiskunde', 'Engels'] })],
    ['BREAK_CONVERSATION', () => ({ breakConversation: { youngPeopleSpokenTo: 9 } }), () => ({ __typename: 'BreakConversation', youngPeopleSpokenTo: 9 })],
    ['INDIVIDUAL_GUIDANCE', () => ({ individualGuidance: { youthId: ids.youthOfP } }), () => ({ __typename: 'IndividualGuidance', youth: { id: ids.youthOfP, code: expect.any(String) } })],
    [
      'CONSULTATION',
      () => ({ consultation: { planned: true, attendeeIds: [ids.schoolContactOfP, ids.counsellorOfP, ids.schoolContactOfP], signalIds: [ids.signalOfP] } }),
      () => ({ __typename: 'Consultation', planned: true, attendees: expect.arrayContaining([{ id: ids.schoolContactOfP }, { id: ids.counsellorOfP }]), signalsDiscussed: [{ id: ids.signalOfP }] }),
    ],
  ];
  it.each(kinds)('logs a %s with its details and reads them back', async (kind, details, expected) => {
    const startsAt = recent();
    const { data, errors } = await t.execute(
      LogActivityFullDocument,
      {
        input: {
          partnershipId: ids.P,
          kind: kind as LogActivityInput['kind'],
          startsAt,
          durationMinutes: 45,
          participantCount: 12,
          location: 'SCHOOL_ROOM',
          locationNote: ' Lokaal 0.14 ',
          themes: ['pesten', ' online veiligheid '],
          notes: '  Goede sfeer.  ',
          facilitatorIds: [gid('Person', demo.people.YOUTH_WORKER), ids.otherYouthWorkerOfP],
          ...details(),
        },
      },
      { token: demo.tokens.YOUTH_WORKER },
    );
    expect(errors).toBeUndefined();
    const activity = data!.logActivity.activity!;
    expect(activity).toMatchObject({
      kind,
      startsAt: new Date(startsAt).toISOString(),
      durationMinutes: 45,
      participantCount: 12,
      location: 'SCHOOL_ROOM',
      locationNote: 'Lokaal 0.14',
      themes: ['pesten', 'online veiligheid'],
      notes: 'Goede sfeer.',
      ...expected(),
    });
    expect(activity.facilitators.map((f) => f.id).sort()).toEqual([gid('Person', demo.people.YOUTH_WORKER), ids.otherYouthWorkerOfP].sort());
    if (kind === 'CONSULTATION' && activity.__typename === 'Consultation') expect(activity.attendees).toHaveLength(2); // deduplicated
  });
});

describe('reportSignal', () => {
  it('applies the defaults: an INDIVIDUAL, MEDIUM, NEW signal without youth, reported by you', async () => {
    const before = Date.now();
    const { data, errors } = await t.execute(
      ReportSignalDocument,
      { input: { partnershipId: ids.P, lifeDomain: 'ONLINE', category: 'ONLINE_BEHAVIOUR', summary: '  Filmpje gaat rond in de klassenapp.  ' } },
      { token: demo.tokens.YOUTH_WORKER },
    );
    expect(errors).toBeUndefined();
    const signal = data!.reportSignal.signal!;
    expect(signal).toMatchObject({
      lifeDomain: 'ONLINE',
      category: 'ONLINE_BEHAVIOUR',
      subject: 'INDIVIDUAL',
      urgency: 'MEDIUM',
      status: 'NEW',
      summary: 'Filmpje gaat rond in de klassenapp.',
      allowedTransitions: expect.arrayContaining(['ACKNOWLEDGED', 'CLOSED']),
      referralDestination: null,
      acknowledgedAt: null,
      inProgressAt: null,
      referredAt: null,
      closedAt: null,
      version: 1,
      youth: null,
      followUps: [],
      reportedBy: { id: gid('Person', demo.people.YOUTH_WORKER) },
      partnership: { id: ids.P },
    });
    expect(signal.allowedTransitions).toHaveLength(2);
    expect(Date.parse(signal.reportedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(signal.reportedAt)).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('stores a youth reference, all given values, and a summary of exactly 500 characters', async () => {
    const { data, errors } = await t.execute(
      ReportSignalDocument,
      { input: { partnershipId: ids.P, lifeDomain: 'HOME', category: 'HOME_SITUATION', urgency: 'HIGH', subject: 'INDIVIDUAL', youthId: ids.youthOfP, summary: chars(500) } },
      { token: demo.tokens.MENTOR },
    );
    expect(errors).toBeUndefined();
    expect(data!.reportSignal.signal).toMatchObject({ urgency: 'HIGH', youth: { id: ids.youthOfP }, reportedBy: { id: gid('Person', demo.people.MENTOR) } });
    expect(data!.reportSignal.signal!.summary).toHaveLength(500);
  });

  it('stores a GROUP signal without youth', async () => {
    const { data, errors } = await t.execute(
      ReportSignalDocument,
      { input: { partnershipId: ids.P, lifeDomain: 'NEIGHBOURHOOD', category: 'SAFETY', subject: 'GROUP', urgency: 'URGENT', summary: 'Groep wacht leerlingen op.' } },
      { token: demo.tokens.SCHOOL_CONTACT },
    );
    expect(errors).toBeUndefined();
    expect(data!.reportSignal.signal).toMatchObject({ subject: 'GROUP', urgency: 'URGENT', youth: null, status: 'NEW' });
  });
});

describe('addSignalFollowUp', () => {
  it('records the step (now by default, or when given), by you, and bumps the version', async () => {
    const { row, id } = await makeSignal('ACKNOWLEDGED', 2);
    const first = await t.execute(AddSignalFollowUpDocument, { input: { signalId: id, action: 'CONVERSATION_WITH_YOUTH', note: ' Gesprek gehad. ' } }, { token: demo.tokens.YOUTH_WORKER });
    expect(first.errors).toBeUndefined();
    const at = '2025-01-03T09:00:00.000Z';
    const second = await t.execute(AddSignalFollowUpDocument, { input: { signalId: id, action: 'CONTACT_WITH_PARENTS', at } }, { token: demo.tokens.STUDENT_COUNSELLOR });
    expect(second.errors).toBeUndefined();
    const signal = second.data!.addSignalFollowUp.signal!;
    expect(signal.version).toBe(4);
    expect(signal.status).toBe('ACKNOWLEDGED');
    expect(signal.followUps).toEqual([
      // ordered by `at`
      expect.objectContaining({ action: 'CONTACT_WITH_PARENTS', note: null, at, by: { id: gid('Person', demo.people.STUDENT_COUNSELLOR) } }),
      expect.objectContaining({ action: 'CONVERSATION_WITH_YOUTH', note: 'Gesprek gehad.', by: { id: gid('Person', demo.people.YOUTH_WORKER) } }),
    ]);
    expect(Math.abs(Date.parse(signal.followUps![1]!.at) - Date.now())).toBeLessThan(60_000);
    expect(await t.db.prisma.signalFollowUp.count({ where: { signalId: row.id } })).toBe(2);
  });
});

describe('registerYouth', () => {
  const CODE = /^[2-9A-HJ-NP-Z]{2}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

  it('creates a pseudonymous reference at the partnership school with a random code', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const { data, errors } = await t.execute(RegisterYouthDocument, { input: { partnershipId: ids.P, yearGroup: 3, ageBand: 'AGE_14_15' } }, { token: demo.tokens.STUDENT_COUNSELLOR });
      expect(errors).toBeUndefined();
      const youth = data!.registerYouth.youth!;
      expect(youth).toMatchObject({ yearGroup: 3, ageBand: 'AGE_14_15' });
      expect(youth.code).toMatch(CODE);
      codes.add(youth.code);
      const stored = await t.db.prisma.youth.findUniqueOrThrow({ where: { id: decode(youth.id) } });
      expect(stored).toMatchObject({ schoolId: demo.partnerships.sloterplas.schoolId, registeredById: demo.people.STUDENT_COUNSELLOR, code: youth.code });
    }
    expect(codes.size).toBe(5);
    const minimal = await t.execute(RegisterYouthDocument, { input: { partnershipId: ids.P } }, { token: demo.tokens.YOUTH_WORKER });
    expect(minimal.data!.registerYouth.youth).toMatchObject({ yearGroup: null, ageBand: null, code: expect.stringMatching(CODE) });
  });

  it('has no name-like field anywhere: not in the API type, the input, nor the table', () => {
    const NAME_LIKE = /name|birth|bsn|citizen|email|phone|address|postcode|initials/i;
    const youth = schema.getType('Youth');
    const input = schema.getType('RegisterYouthInput');
    if (!isObjectType(youth) || !isInputObjectType(input)) throw new Error('Youth types missing');
    expect(Object.keys(youth.getFields()).filter((f) => NAME_LIKE.test(f))).toEqual([]);
    expect(Object.keys(input.getFields()).filter((f) => NAME_LIKE.test(f))).toEqual([]);
    expect(Object.keys(Prisma.YouthScalarFieldEnum).filter((f) => NAME_LIKE.test(f))).toEqual([]);
  });
});

describe('createPartnership and updatePartnership', () => {
  it('creates a partnership with a default name, the school city and version 1', async () => {
    const { data, errors } = await t.execute(
      CreatePartnershipFullDocument,
      {
        input: {
          schoolId: ids.schoolOfP,
          youthWorkOrganisationId: ids.orgAms,
          form: 'WITH_SCHOOL',
          startsOn: '2031-09-01',
          endsOn: '2033-07-15',
          goals: ['Huiswerkbegeleiding in de wijk'],
          funding: { type: 'PROJECT', source: 'Gemeente Amsterdam', until: '2033-07-31' },
          facilities: { hasRoom: false, roomLocation: 'genegeerd zonder ruimte' },
          schoolContactId: ids.schoolContactOfP,
          consultationEveryWeeks: 4,
        },
      },
      { token: demo.tokens.ADMIN },
    );
    expect(errors).toBeUndefined();
    expect(data!.createPartnership.partnership).toMatchObject({
      name: 'Jongerenwerk Amsterdam (demo) × Sloterplas College',
      form: 'WITH_SCHOOL',
      status: 'ACTIVE',
      startsOn: '2031-09-01',
      endsOn: '2033-07-15',
      goals: ['Huiswerkbegeleiding in de wijk'],
      rolesAndResponsibilities: null,
      consultationEveryWeeks: 4,
      version: 1,
      funding: { type: 'PROJECT', source: 'Gemeente Amsterdam', until: '2033-07-31' },
      facilities: { hasRoom: false, roomLocation: null },
      schoolContact: { id: ids.schoolContactOfP },
      school: { id: ids.schoolOfP },
      youthWorkOrganisation: { id: ids.orgAms },
      city: { id: ids.amsterdam },
    });
  });

  it('changes only the given fields, clears with null where allowed, and bumps the version by one', async () => {
    const { rijnoever } = demo.partnerships;
    const id = gid('Partnership', rijnoever.id);
    const before = await t.db.prisma.partnership.findUniqueOrThrow({ where: { id: rijnoever.id } });
    const { data, errors } = await t.execute(
      UpdatePartnershipFullDocument,
      { input: { id, expectedVersion: before.version, status: 'ACTIVE', consultationEveryWeeks: null, endsOn: '2030-07-01' } },
      { token: demo.tokens.ADMIN },
    );
    expect(errors).toBeUndefined();
    expect(data!.updatePartnership.partnership).toMatchObject({
      name: before.name,
      status: 'ACTIVE',
      consultationEveryWeeks: null,
      endsOn: '2030-07-01',
      goals: before.goals,
      version: before.version + 1,
    });
  });
});

describe('assignRole and revokeRole', () => {
  it('gives a partnership role (which takes effect), a city role and a global role; revoking removes it', async () => {
    const person = ids.personOfPresikSchool;
    const personId = (await t.db.prisma.person.findFirstOrThrow({ where: { schoolId: demo.partnerships.presik.schoolId } })).id;
    const token = await t.tokenFor({ email: (await t.db.prisma.person.findUniqueOrThrow({ where: { id: personId } })).email });

    const partnershipRole = await t.execute(AssignRoleFullDocument, { input: { personId: person, role: 'YOUTH_WORKER', partnershipId: ids.P } }, { token: demo.tokens.ADMIN });
    expect(partnershipRole.errors).toBeUndefined();
    const assignment = partnershipRole.data!.assignRole.roleAssignment!;
    expect(assignment).toMatchObject({ role: 'YOUTH_WORKER', scope: 'PARTNERSHIP', partnership: { id: ids.P }, city: { id: ids.amsterdam } });
    const logged = await t.execute(LogActivityFullDocument, { input: { partnershipId: ids.P, kind: 'BREAK_CONVERSATION', startsAt: recent(), durationMinutes: 10 } }, { token });
    expect(logged.errors).toBeUndefined();

    const cityRole = await t.execute(AssignRoleFullDocument, { input: { personId: person, role: 'POLICY_ADVISOR', cityId: ids.amsterdam, partnershipId: null } }, { token: demo.tokens.ADMIN });
    expect(cityRole.data!.assignRole.roleAssignment).toMatchObject({ role: 'POLICY_ADVISOR', scope: 'CITY', city: { id: ids.amsterdam }, partnership: null });
    const globalRole = await t.execute(AssignRoleFullDocument, { input: { personId: person, role: 'ANALYST' } }, { token: demo.tokens.ADMIN });
    expect(globalRole.data!.assignRole.roleAssignment).toMatchObject({ role: 'ANALYST', scope: 'GLOBAL', city: null, partnership: null });

    const revoked = await t.execute(RevokeRoleDocument, { input: { roleAssignmentId: assignment.id } }, { token: demo.tokens.ADMIN });
    expect(revoked.data).toEqual({ revokeRole: { revokedRoleAssignmentId: assignment.id } });
    expect(await t.db.prisma.roleAssignment.count({ where: { id: decode(assignment.id) } })).toBe(0);
    const again = await expectNoWrites(t.db.prisma, () => t.execute(RevokeRoleDocument, { input: { roleAssignmentId: assignment.id } }, { token: demo.tokens.ADMIN }));
    expectError(again, { code: 'NOT_FOUND', field: 'input.roleAssignmentId' });
    // The role is gone for the next request.
    const denied = await expectNoWrites(t.db.prisma, () =>
      t.execute(LogActivityFullDocument, { input: { partnershipId: ids.P, kind: 'BREAK_CONVERSATION', startsAt: recent(), durationMinutes: 10 } }, { token }),
    );
    expectError(denied, { code: 'FORBIDDEN' }); // still sees Amsterdam partnerships as policy advisor
  });

  it('three identical assignRole requests at once make one role and two CONFLICTs', async () => {
    const input = { personId: ids.personOfPresikSchool, role: 'MENTOR' as const, partnershipId: ids.P };
    const results = await Promise.all([1, 2, 3].map(() => t.execute(AssignRoleFullDocument, { input }, { token: demo.tokens.ADMIN })));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.flatMap((r) => r.errors ?? []).map((e) => e.extensions?.code)).toEqual(['CONFLICT', 'CONFLICT']);
    expect(await t.db.prisma.roleAssignment.count({ where: { personId: decode(ids.personOfPresikSchool), role: 'MENTOR', partnershipId: decode(ids.P) } })).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Signal workflow

const STATUSES: SignalStatus[] = ['NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REFERRED', 'CLOSED'];
/** The workflow as specified (independent of src): forward one step, REFERRED back to IN_PROGRESS, close from anything open. */
const ALLOWED: Record<SignalStatus, SignalStatus[]> = {
  NEW: ['ACKNOWLEDGED', 'CLOSED'],
  ACKNOWLEDGED: ['IN_PROGRESS', 'CLOSED'],
  IN_PROGRESS: ['REFERRED', 'CLOSED'],
  REFERRED: ['IN_PROGRESS', 'CLOSED'],
  CLOSED: [],
};
const STEP_AT = { ACKNOWLEDGED: 'acknowledgedAt', IN_PROGRESS: 'inProgressAt', REFERRED: 'referredAt', CLOSED: 'closedAt' } as const;

describe('signal status transitions', () => {
  const pairs = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to, ALLOWED[from].includes(to)] as const));

  it.each(STATUSES)('allowedTransitions of a %s signal lists exactly the allowed next statuses', async (status) => {
    const { id } = await makeSignal(status);
    const { data } = await t.execute(SignalNodeDocument, { id }, { token: demo.tokens.YOUTH_WORKER });
    expect(data!.node).toMatchObject({ __typename: 'Signal', status });
    expect([...(data!.node as { allowedTransitions: string[] }).allowedTransitions].sort()).toEqual([...ALLOWED[status]].sort());
  });

  it.each(pairs)('%s → %s (allowed: %s)', async (from, to, allowed) => {
    const { row, id } = await makeSignal(from);
    const input = { signalId: id, status: to, expectedVersion: row.version, ...(to === 'REFERRED' ? { referralDestination: 'wijkteam' } : {}) };
    const before = Date.now();
    const result = await t.execute(ChangeSignalStatusDocument, { input }, { token: demo.tokens.YOUTH_WORKER });
    const after = await t.db.prisma.signal.findUniqueOrThrow({ where: { id: row.id } });
    if (!allowed) {
      expectError(result, { code: 'INVALID_TRANSITION', field: 'input.status', rule: 'transition' });
      expect(result.errors![0]!.extensions).toMatchObject({ from, to });
      expect(after).toEqual(row);
      return;
    }
    expect(result.errors).toBeUndefined();
    const signal = result.data!.changeSignalStatus.signal!;
    expect(signal.status).toBe(to);
    expect(signal.version).toBe(row.version + 1);
    expect([...signal.allowedTransitions].sort()).toEqual([...ALLOWED[to]].sort());
    expect(after).toMatchObject({ status: to, version: row.version + 1, referralDestination: to === 'REFERRED' ? 'wijkteam' : row.referralDestination });
    for (const [status, column] of Object.entries(STEP_AT) as [keyof typeof STEP_AT, (typeof STEP_AT)[keyof typeof STEP_AT]][]) {
      if (row[column]) expect(after[column], `${column} keeps the first time`).toEqual(row[column]);
      else if (status === to) {
        expect(after[column]!.getTime()).toBeGreaterThanOrEqual(before - 1000);
        expect(after[column]!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
      } else expect(after[column]).toBeNull();
    }
    expect(signal[STEP_AT[to as keyof typeof STEP_AT]]).toBe(after[STEP_AT[to as keyof typeof STEP_AT]]!.toISOString());
  });

  it('walks NEW → … → REFERRED → IN_PROGRESS → REFERRED → CLOSED: each step timestamp is set once, then CLOSED is final', async () => {
    const report = await t.execute(ReportSignalDocument, { input: { partnershipId: ids.P, lifeDomain: 'HOME', category: 'ATTENDANCE', summary: 'Verzuim na de vakantie.' } }, { token: demo.tokens.MENTOR });
    let signal = report.data!.reportSignal.signal!;
    const seen: Record<string, string> = {};
    const steps: [SignalStatus, string?][] = [['ACKNOWLEDGED'], ['IN_PROGRESS'], ['REFERRED', 'buurtteam'], ['IN_PROGRESS'], ['REFERRED', 'wijkagent'], ['CLOSED']];
    for (const [status, referralDestination] of steps) {
      await new Promise((r) => setTimeout(r, 5)); // distinct timestamps
      const result = await t.execute(
        ChangeSignalStatusDocument,
        { input: { signalId: signal.id, status, expectedVersion: signal.version!, ...(referralDestination ? { referralDestination } : {}) } },
        { token: demo.tokens.SCHOOL_CONTACT },
      );
      expect(result.errors).toBeUndefined();
      const next = result.data!.changeSignalStatus.signal!;
      expect(next.version).toBe(signal.version! + 1);
      for (const column of Object.values(STEP_AT)) {
        if (seen[column]) expect(next[column]).toBe(seen[column]);
        else if (next[column]) seen[column] = next[column]!;
      }
      signal = next;
    }
    expect(signal).toMatchObject({ status: 'CLOSED', version: 7, referralDestination: 'wijkagent', allowedTransitions: [] });
    expect(Object.keys(seen).sort()).toEqual(['acknowledgedAt', 'closedAt', 'inProgressAt', 'referredAt']);
    expect(Date.parse(seen.inProgressAt!)).toBeLessThan(Date.parse(seen.referredAt!));

    for (const to of STATUSES) {
      const result = await expectNoWrites(t.db.prisma, () =>
        t.execute(ChangeSignalStatusDocument, { input: { signalId: signal.id, status: to, expectedVersion: 7, ...(to === 'REFERRED' ? { referralDestination: 'x' } : {}) } }, { token: demo.tokens.SCHOOL_CONTACT }),
      );
      expectError(result, { code: 'INVALID_TRANSITION', field: 'input.status' });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Optimistic concurrency

type Mode = 'concurrently' | 'sequentially';
const run2 = async <A, B>(mode: Mode, a: () => Promise<A>, b: () => Promise<B>): Promise<[A, B]> =>
  mode === 'concurrently' ? Promise.all([a(), b()]) : [await a(), await b()];

describe('optimistic concurrency', () => {
  it.each(['concurrently', 'sequentially', 'concurrently'] as Mode[])('changeSignalStatus: two clients with the same version, run %s: one wins, one CONFLICT', async (mode) => {
    const { row, id } = await makeSignal('IN_PROGRESS', 1);
    const read = async (token: string) => ((await t.execute(SignalNodeDocument, { id }, { token })).data!.node as { version: number }).version;
    const [va, vb] = await Promise.all([read(demo.tokens.YOUTH_WORKER), read(demo.tokens.STUDENT_COUNSELLOR)]);
    expect(va).toBe(1);
    expect(vb).toBe(va);
    const change = (token: string, referralDestination: string) => () =>
      t.execute(ChangeSignalStatusDocument, { input: { signalId: id, status: 'REFERRED', referralDestination, expectedVersion: va } }, { token });
    const results = await run2(mode, change(demo.tokens.YOUTH_WORKER, 'buurtteam'), change(demo.tokens.STUDENT_COUNSELLOR, 'leerplicht'));
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expectError(losers[0]!, { code: 'CONFLICT', field: 'input.expectedVersion' });
    if (mode === 'sequentially') expect(winners[0]).toBe(results[0]);
    const winner = winners[0]!.data!.changeSignalStatus.signal!;
    const stored = await t.db.prisma.signal.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored).toMatchObject({ status: 'REFERRED', version: va + 1, referralDestination: winner.referralDestination });
    expect(winner.version).toBe(va + 1);

    // The next write, from the current version, succeeds and counts one more.
    const next = await t.execute(ChangeSignalStatusDocument, { input: { signalId: id, status: 'IN_PROGRESS', expectedVersion: va + 1 } }, { token: demo.tokens.STUDENT_COUNSELLOR });
    expect(next.data!.changeSignalStatus.signal).toMatchObject({ status: 'IN_PROGRESS', version: va + 2 });
  });

  it('a follow-up counts as a write: a status change based on the version before it is a CONFLICT', async () => {
    const { row, id } = await makeSignal('NEW', 1);
    await t.execute(AddSignalFollowUpDocument, { input: { signalId: id, action: 'MONITORING' } }, { token: demo.tokens.SCHOOL_CONTACT });
    const stale = await expectNoWrites(t.db.prisma, () =>
      t.execute(ChangeSignalStatusDocument, { input: { signalId: id, status: 'ACKNOWLEDGED', expectedVersion: 1 } }, { token: demo.tokens.YOUTH_WORKER }),
    );
    expectError(stale, { code: 'CONFLICT', field: 'input.expectedVersion' });
    expect(await t.db.prisma.signal.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'NEW', version: 2 });
  });

  it.each(['concurrently', 'sequentially', 'concurrently'] as Mode[])('updatePartnership: two clients with the same version, run %s: one wins, one CONFLICT', async (mode) => {
    const { noorderlicht } = demo.partnerships;
    const id = gid('Partnership', noorderlicht.id);
    const read = async () => (await t.execute(PartnershipVersionDocument, { id }, { token: demo.tokens.ADMIN })).data!.node as { version: number; name: string };
    const [a, b] = await Promise.all([read(), read()]);
    expect(b.version).toBe(a.version);
    const v = a.version;
    const update = (name: string, weeks: number) => () =>
      t.execute(UpdatePartnershipFullDocument, { input: { id, expectedVersion: v, name, consultationEveryWeeks: weeks } }, { token: demo.tokens.ADMIN });
    const results = await run2(mode, update(`Noorderlicht A ${v}`, 3), update(`Noorderlicht B ${v}`, 5));
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expectError(losers[0]!, { code: 'CONFLICT', field: 'input.expectedVersion' });
    if (mode === 'sequentially') expect(winners[0]).toBe(results[0]);
    const winner = winners[0]!.data!.updatePartnership.partnership!;
    expect(winner.version).toBe(v + 1);
    const stored = await t.db.prisma.partnership.findUniqueOrThrow({ where: { id: noorderlicht.id } });
    // Both fields are the winner's: no mix of the two writes.
    expect(stored).toMatchObject({ version: v + 1, name: winner.name, consultationEveryWeeks: winner.consultationEveryWeeks });
    expect([`Noorderlicht A ${v}:3`, `Noorderlicht B ${v}:5`]).toContain(`${stored.name}:${stored.consultationEveryWeeks}`);

    const next = await t.execute(UpdatePartnershipFullDocument, { input: { id, expectedVersion: v + 1, goals: ['Nieuw doel'] } }, { token: demo.tokens.ADMIN });
    expect(next.data!.updatePartnership.partnership).toMatchObject({ version: v + 2, name: winner.name, goals: ['Nieuw doel'] });
  });
});

/** The database ID inside a global ID. */
function decode(globalId: string) {
  return Buffer.from(globalId, 'base64').toString('utf8').split(':').slice(1).join(':');
}
