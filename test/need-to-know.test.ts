/**
 * Need to know (issue 3): every role × the same partnership / another partnership of the same city /
 * another city × every access path to signals (list + totalCount, node, nodes, partnership.signals,
 * youth.signals, Consultation.signalsDiscussed, filters and sorting, subscriptions), activities and
 * people; every signal mutation × scope; the audit log; sharing.
 *
 * The expected access is written out below as tables, from the rules — not computed from
 * src. The demo people of the partnership roles all work in Amsterdam's "… × Sloterplas College"
 * (`own`); `sameCity` is Gaasperpoort (Amsterdam), `otherCity` Het Presik (Arnhem). The policy
 * advisor is Amsterdam's, the analyst and the admin are global.
 *
 * The signals under test are made here, with owner side, audience, legal basis and reporter set
 * explicitly, and reported in March 2021 (before any demo data), so every list can be narrowed to
 * exactly them with a `reportedAfter`/`reportedBefore` filter (metadata, so no need-to-know effect).
 *
 * Access: NONE = not listed anywhere (node is null); METADATA = id, status, life domain and owner
 * side only, every content field (and `version`/`updatedAt`) null and listed in
 * `extensions.hiddenFields` (code NEED_TO_KNOW); FULL = everything, and each signal whose content is
 * read gets one READ audit event (filtering or sorting the top-level list on content is a read too).
 */
import type { ExecutionResult } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LegalBasis, PartnerSide, Role, SignalAudience, SignalStatus } from '../src/generated/prisma/enums.ts';
import {
  AssignRoleDocument,
  NtkActivitiesDocument,
  NtkActivityDocument,
  NtkAddSignalFollowUpDocument,
  NtkAuditEventsDocument,
  NtkChangeSignalStatusDocument,
  NtkConsultationDocument,
  NtkLogActivityDocument,
  NtkNodeDocument,
  NtkNodesDocument,
  NtkPartnershipContactDocument,
  NtkPartnershipSignalsDocument,
  NtkPeopleDocument,
  NtkRegisterYouthDocument,
  NtkSignalChangedDocument,
  NtkReportSignalDocument,
  NtkShareSignalDocument,
  NtkSignalMetadataDocument,
  NtkSignalReportedDocument,
  NtkSignalsDocument,
  NtkSignalsTwiceDocument,
  NtkYouthSignalsDocument,
  RevokeRoleDocument,
  type NtkSignalFragment,
  type NtkSignalChangedSubscription,
  type NtkSignalReportedSubscription,
  type NtkSignalsQuery,
  type ReportSignalInput,
  type SignalFilter,
  type SignalOrder,
} from './generated/graphql.ts';
import { countQueries, createTestApp, type TestApp } from './support/app.ts';
import { type Feed, type FeedItem, sseSubscribe, untilLive, wsConnect } from './support/clients.ts';
import { closeTestApp, type Demo, expectError, expectNoWrites, gid, loadDemo } from './support/fixtures.ts';

// ---------------------------------------------------------------------------------------------
// The tables

type Access = 'NONE' | 'METADATA' | 'FULL';
const N = 'NONE';
const M = 'METADATA';
const F = 'FULL';
type Scope = 'own' | 'sameCity' | 'otherCity';
const SCOPES: Scope[] = ['own', 'sameCity', 'otherCity'];

/** The columns of every table below, in this order. */
const ROLES = ['ADMIN', 'POLICY_ADVISOR', 'YOUTH_WORKER', 'SCHOOL_CONTACT', 'STUDENT_COUNSELLOR', 'MENTOR', 'ANALYST'] as const satisfies Role[];
const NON_ADMINS = ROLES.filter((r) => r !== 'ADMIN');
const byRole = <T,>(values: readonly T[]): Record<Role, T> => {
  if (values.length !== ROLES.length) throw new Error(`a table row needs ${ROLES.length} columns, got ${values.length}`);
  return Object.fromEntries(ROLES.map((role, i) => [role, values[i]!])) as Record<Role, T>;
};

/** Who reported a signal: a demo person, or someone else with a role in the signal's partnership. */
type Reporter = 'YOUTH_WORKER' | 'SCHOOL_CONTACT' | 'STUDENT_COUNSELLOR' | 'MENTOR' | 'otherYouthWorker' | 'otherMentor' | 'localYouthWorker' | 'localSchoolContact';

interface SignalSpec {
  scope: Scope;
  ownerSide: PartnerSide;
  sharedWith: SignalAudience;
  legalBasis: LegalBasis;
  reporter: Reporter;
  status: SignalStatus;
  access: Record<Role, Access>;
}
const spec = (
  scope: Scope,
  ownerSide: PartnerSide,
  sharedWith: SignalAudience,
  legalBasis: LegalBasis,
  reporter: Reporter,
  status: SignalStatus,
  access: Access[],
): SignalSpec => ({ scope, ownerSide, sharedWith, legalBasis, reporter, status, access: byRole(access) });

/**
 * The signals under test and who may read what of them. Rules (issue 3): youth workers read what
 * youth work owns or was shared with; school contacts and student counsellors read what the school
 * owns or was shared with and know the rest of their partnership's signals exist (metadata); a
 * mentor reads what they reported; a policy advisor knows the signals of their city exist; an
 * analyst sees none; an admin everything. Nobody but an admin sees another city.
 */
const SIGNALS = {
  //                           scope        owner side    shared with   legal basis   reported by           status          ADMIN PA YW SC SCOUNS MENTOR ANALYST
  youthWorkOnly: spec(         'own',       'YOUTH_WORK', 'YOUTH_WORK', 'NONE',       'otherYouthWorker',   'ACKNOWLEDGED', [F, M, F, M, M, N, N]),
  schoolOnly: spec(            'own',       'SCHOOL',     'SCHOOL',     'NONE',       'SCHOOL_CONTACT',     'NEW',          [F, M, N, F, F, N, N]),
  youthWorkSharedBoth: spec(   'own',       'YOUTH_WORK', 'BOTH',       'CONSENT',    'YOUTH_WORKER',       'IN_PROGRESS',  [F, M, F, F, F, N, N]),
  schoolSharedYouthWork: spec( 'own',       'SCHOOL',     'YOUTH_WORK', 'LEGAL_DUTY', 'STUDENT_COUNSELLOR', 'REFERRED',     [F, M, F, F, F, N, N]),
  byDemoMentor: spec(          'own',       'SCHOOL',     'SCHOOL',     'NONE',       'MENTOR',             'NEW',          [F, M, N, F, F, F, N]),
  byOtherMentor: spec(         'own',       'SCHOOL',     'BOTH',       'CONSENT',    'otherMentor',        'ACKNOWLEDGED', [F, M, F, F, F, N, N]),
  sameCityYouthWork: spec(     'sameCity',  'YOUTH_WORK', 'YOUTH_WORK', 'NONE',       'localYouthWorker',   'NEW',          [F, M, N, N, N, N, N]),
  sameCityBoth: spec(          'sameCity',  'SCHOOL',     'BOTH',       'CONSENT',    'localSchoolContact', 'ACKNOWLEDGED', [F, M, N, N, N, N, N]),
  otherCityYouthWork: spec(    'otherCity', 'YOUTH_WORK', 'YOUTH_WORK', 'NONE',       'localYouthWorker',   'NEW',          [F, N, N, N, N, N, N]),
  otherCityBoth: spec(         'otherCity', 'SCHOOL',     'BOTH',       'CONSENT',    'localSchoolContact', 'ACKNOWLEDGED', [F, N, N, N, N, N, N]),
} satisfies Record<string, SignalSpec>;
type SignalKey = keyof typeof SIGNALS;
const KEYS = Object.keys(SIGNALS) as SignalKey[];

// Columns of the tables below: ADMIN, POLICY_ADVISOR, YOUTH_WORKER, SCHOOL_CONTACT, STUDENT_COUNSELLOR, MENTOR, ANALYST.
const T = true;
const _ = false;
/** Whether the role sees the partnership of each scope at all. */
const PARTNERSHIP_VISIBLE: Record<Scope, Record<Role, boolean>> = {
  own:       byRole([T, T, T, T, T, T, T]),
  sameCity:  byRole([T, T, _, _, _, _, T]),
  otherCity: byRole([T, _, _, _, _, _, T]),
};
/** Whether the role sees the youth references (pseudonymous codes) of each scope's school. */
const YOUTH_VISIBLE: Record<Scope, Record<Role, boolean>> = {
  own:       byRole([T, _, T, T, T, T, _]),
  sameCity:  byRole([T, _, _, _, _, _, _]),
  otherCity: byRole([T, _, _, _, _, _, _]),
};
/** Activities of each scope: not visible, visible without notes (null + hiddenFields), or with notes. */
type ActivityAccess = 'none' | 'no notes' | 'notes';
const ACTIVITIES: Record<Scope, Record<Role, ActivityAccess>> = {
  own:       byRole(['notes', 'no notes', 'notes', 'notes', 'notes', 'none', 'none']),
  sameCity:  byRole(['notes', 'no notes', 'none', 'none', 'none', 'none', 'none']),
  otherCity: byRole(['notes', 'none', 'none', 'none', 'none', 'none', 'none']),
};
/** Whether the role sees the people (names, emails) of each scope's partnership. */
const PEOPLE_VISIBLE: Record<Scope, Record<Role, boolean>> = {
  own:       byRole([T, T, T, T, T, T, _]),
  sameCity:  byRole([T, T, _, _, _, _, _]),
  otherCity: byRole([T, _, _, _, _, _, _]),
};

type Outcome = 'OK' | 'NOT_FOUND' | 'FORBIDDEN';
const OK = 'OK';
const NF = 'NOT_FOUND';
const FB = 'FORBIDDEN';
const outcomes = (own: Outcome[], sameCity: Outcome[], otherCity: Outcome[]) => ({ own: byRole(own), sameCity: byRole(sameCity), otherCity: byRole(otherCity) });
/**
 * Mutations × scope × role. NOT_FOUND where the role cannot see the target (or may not read the
 * signal's content), FORBIDDEN where it can but lacks the role for the write. The global analyst sees
 * every partnership (no people, no signals), hence FORBIDDEN rather than NOT_FOUND there.
 * - changeSignalStatus / addSignalFollowUp target a school signal shared with BOTH sides, reported
 *   by the demo mentor in `own` (by the school contact elsewhere): readable by all handlers there.
 * - shareSignal targets a school signal NOT shared (reported the same way): youth workers cannot
 *   even see it.
 */
const MUTATIONS = {
  // rows: own / same city / other city; columns: ADMIN, PA, YW, SC, SCOUNS, MENTOR, ANALYST
  reportSignal: outcomes(
    [OK, FB, OK, OK, OK, OK, FB],
    [OK, FB, NF, NF, NF, NF, FB],
    [OK, NF, NF, NF, NF, NF, FB],
  ),
  logActivity: outcomes(
    [OK, FB, OK, OK, OK, FB, FB],
    [OK, FB, NF, NF, NF, NF, FB],
    [OK, NF, NF, NF, NF, NF, FB],
  ),
  registerYouth: outcomes(
    [OK, FB, OK, OK, OK, FB, FB],
    [OK, FB, NF, NF, NF, NF, FB],
    [OK, NF, NF, NF, NF, NF, FB],
  ),
  changeSignalStatus: outcomes(
    [OK, NF, OK, OK, OK, FB, NF],
    [OK, NF, NF, NF, NF, NF, NF],
    [OK, NF, NF, NF, NF, NF, NF],
  ),
  addSignalFollowUp: outcomes(
    [OK, NF, OK, OK, OK, FB, NF],
    [OK, NF, NF, NF, NF, NF, NF],
    [OK, NF, NF, NF, NF, NF, NF],
  ),
  shareSignal: outcomes(
    [OK, NF, NF, OK, OK, FB, NF],
    [OK, NF, NF, NF, NF, NF, NF],
    [OK, NF, NF, NF, NF, NF, NF],
  ),
};
type MutationName = keyof typeof MUTATIONS;

/** The content fields of a signal (need to know), as the API names them. */
const CONTENT = ['category', 'subject', 'urgency', 'summary', 'legalBasis', 'referralDestination', 'youth', 'reportedBy', 'followUps'] as const;
/**
 * Hidden from METADATA viewers like content (null + hiddenFields), as they tell how much work is done
 * on a signal, but not audited as reads (READ events list only CONTENT fields).
 */
const WORK = ['version', 'updatedAt'] as const;
/** Everything a METADATA viewer gets as null, listed in hiddenFields. */
const HIDDEN = [...CONTENT, ...WORK] as const;
const NULL_CONTENT = Object.fromEntries(HIDDEN.map((f) => [f, null]));
/** Only the signals under test (metadata filter: no need-to-know effect of its own). */
const WINDOW = { reportedAfter: '2021-03-01T00:00:00.000Z', reportedBefore: '2021-04-01T00:00:00.000Z' } as const;

// ---------------------------------------------------------------------------------------------
// Fixture

let t: TestApp;
let demo: Demo;
let partnerships: Record<Scope, { id: string; gid: string; schoolId: string; schoolContactId: string }>;
let people: Record<Scope, Record<'youthWorker' | 'schoolContact', string>>;
let otherYouthWorker: string;
let otherMentor: string;
/** One youth reference per scope's school; all the scope's signals under test concern them. */
let youth: Record<Scope, { id: string; gid: string; code: string }>;
/** Global IDs of the signals under test. */
const ids = {} as Record<SignalKey, string>;
const keyOf = new Map<string, SignalKey>();
/** Per scope: a consultation (with notes) that discussed that scope's signals under test. */
let consultations: Record<Scope, string>;
/** Individual guidance of the own partnership, about `youth.own` (no notes). */
let guidance: string;
/** Individual guidance of the own partnership about no youth in particular (no notes). */
let guidanceWithoutYouth: string;

const dbId = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':').slice(1).join(':');
const sorted = <X,>(xs: X[]) => [...xs].sort();
const prisma = () => t.db.prisma;
const token = (role: Role) => demo.tokens[role];

function reporterOf(k: SignalKey): string {
  const { reporter, scope } = SIGNALS[k];
  switch (reporter) {
    case 'otherYouthWorker':
      return otherYouthWorker;
    case 'otherMentor':
      return otherMentor;
    case 'localYouthWorker':
      return people[scope].youthWorker;
    case 'localSchoolContact':
      return people[scope].schoolContact;
    default:
      return demo.people[reporter];
  }
}

beforeAll(async () => {
  // No scheduled retention run in the middle of the audit assertions.
  t = await createTestApp({ env: { RETENTION_INTERVAL_MINUTES: '0' } });
  demo = await loadDemo(t);
  const db = prisma();
  const p = demo.partnerships;
  const toScope = async (x: { id: string; schoolId: string }) => {
    const { schoolContactId } = await db.partnership.findUniqueOrThrow({ where: { id: x.id }, select: { schoolContactId: true } });
    if (!schoolContactId) throw new Error('every demo partnership has a school contact');
    return { id: x.id, gid: gid('Partnership', x.id), schoolId: x.schoolId, schoolContactId };
  };
  partnerships = { own: await toScope(p.sloterplas), sameCity: await toScope(p.gaasperpoort), otherCity: await toScope(p.presik) };

  const holder = async (role: Role, partnershipId: string, not?: string) =>
    (
      await db.roleAssignment.findFirstOrThrow({
        where: { role, partnershipId, ...(not ? { personId: { not } } : {}) },
        orderBy: { person: { email: 'asc' } },
        select: { personId: true },
      })
    ).personId;
  otherYouthWorker = await holder('YOUTH_WORKER', p.sloterplas.id, demo.people.YOUTH_WORKER);
  otherMentor = await holder('MENTOR', p.sloterplas.id, demo.people.MENTOR);
  people = {} as typeof people;
  youth = {} as typeof youth;
  for (const scope of SCOPES) {
    people[scope] = {
      youthWorker: await holder('YOUTH_WORKER', partnerships[scope].id),
      schoolContact: await holder('SCHOOL_CONTACT', partnerships[scope].id),
    };
    const y = await db.youth.findFirstOrThrow({ where: { schoolId: partnerships[scope].schoolId }, orderBy: { code: 'asc' } });
    youth[scope] = { id: y.id, gid: gid('Youth', y.id), code: y.code };
  }

  for (const [i, k] of KEYS.entries()) {
    const s = SIGNALS[k];
    const reportedAt = new Date(Date.UTC(2021, 2, 1 + i, 9));
    const row = await db.signal.create({
      data: {
        partnershipId: partnerships[s.scope].id,
        lifeDomain: 'NEIGHBOURHOOD',
        category: 'SUBSTANCE_USE',
        subject: 'INDIVIDUAL',
        urgency: 'URGENT',
        summary: `NTK ${k}`,
        youthId: youth[s.scope].id,
        reportedById: reporterOf(k),
        ownerSide: s.ownerSide,
        sharedWith: s.sharedWith,
        legalBasis: s.legalBasis,
        status: s.status,
        referralDestination: s.status === 'REFERRED' ? 'Buurtteam West' : null,
        reportedAt,
        followUps: { create: { action: 'MONITORING', note: `Notitie ${k}`, byId: reporterOf(k), at: new Date(reportedAt.getTime() + 3_600_000) } },
      },
      select: { id: true },
    });
    ids[k] = gid('Signal', row.id);
    keyOf.set(ids[k], k);
  }

  consultations = {} as typeof consultations;
  for (const scope of SCOPES) {
    const activity = await db.activity.create({
      data: {
        partnershipId: partnerships[scope].id,
        kind: 'CONSULTATION',
        startsAt: new Date(Date.UTC(2021, 2, 20, 14)),
        durationMinutes: 60,
        themes: [],
        notes: `NTK notitie ${scope}`,
        details: { planned: true },
        loggedById: people[scope].youthWorker,
        signalsDiscussed: { create: KEYS.filter((k) => SIGNALS[k].scope === scope).map((k) => ({ signalId: dbId(ids[k]) })) },
      },
      select: { id: true },
    });
    consultations[scope] = gid('Consultation', activity.id);
  }
  const g = await db.activity.create({
    data: {
      partnershipId: partnerships.own.id,
      kind: 'INDIVIDUAL_GUIDANCE',
      startsAt: new Date(Date.UTC(2021, 2, 21, 10)),
      durationMinutes: 30,
      themes: [],
      youthId: youth.own.id,
      loggedById: people.own.youthWorker,
    },
    select: { id: true },
  });
  guidance = gid('IndividualGuidance', g.id);
  const g2 = await db.activity.create({
    data: { partnershipId: partnerships.own.id, kind: 'INDIVIDUAL_GUIDANCE', startsAt: new Date(Date.UTC(2021, 2, 22, 10)), durationMinutes: 30, themes: [], loggedById: people.own.youthWorker },
    select: { id: true },
  });
  guidanceWithoutYouth = gid('IndividualGuidance', g2.id);
});
afterAll(() => closeTestApp(t));

// ---------------------------------------------------------------------------------------------
// Helpers

type Path = (string | number)[];
const pathKey = (path: Path) => path.join('.');

/** The paths in the result's `extensions.hiddenFields` (checking its code and message). */
function hiddenPaths(result: ExecutionResult<unknown>): string[] {
  const hidden = result.extensions?.hiddenFields as { code: string; message: string; paths: Path[] } | undefined;
  if (!hidden) return [];
  expect(hidden.code).toBe('NEED_TO_KNOW');
  expect(hidden.message).toEqual(expect.any(String));
  return hidden.paths.map(pathKey);
}

/** The signals under test the role may know of, in the given scopes, with one of the given accesses. */
const visible = (role: Role, { scopes = SCOPES, access = [F, M] }: { scopes?: Scope[]; access?: Access[] } = {}) =>
  KEYS.filter((k) => scopes.includes(SIGNALS[k].scope) && access.includes(SIGNALS[k].access[role]));

function expectedContent(k: SignalKey) {
  const s = SIGNALS[k];
  return {
    category: 'SUBSTANCE_USE',
    subject: 'INDIVIDUAL',
    urgency: 'URGENT',
    summary: `NTK ${k}`,
    legalBasis: s.legalBasis,
    referralDestination: s.status === 'REFERRED' ? 'Buurtteam West' : null,
    youth: { id: youth[s.scope].gid, code: youth[s.scope].code },
    reportedBy: { id: gid('Person', reporterOf(k)) },
    followUps: [{ id: expect.any(String), action: 'MONITORING', note: `Notitie ${k}` }],
    version: 1,
    updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
  };
}
const contentOf = (row: NtkSignalFragment) => Object.fromEntries(HIDDEN.map((f) => [f, row[f]]));

/**
 * Checks rows of signals under test as seen by `role`: exactly `expected`, each with its access and
 * metadata, and its content (FULL) or null content (METADATA). Returns the hiddenFields paths the
 * METADATA rows must produce (`at(i)` is the response path of row i).
 */
function checkSignals(role: Role, rows: NtkSignalFragment[], expected: SignalKey[], at: (i: number) => Path): string[] {
  expect(sorted(rows.map((r) => keyOf.get(r.id) ?? r.id))).toEqual(sorted(expected));
  const mustHide: string[] = [];
  rows.forEach((row, i) => {
    const k = keyOf.get(row.id)!;
    const s = SIGNALS[k];
    const access = s.access[role];
    expect(row, k).toMatchObject({
      __typename: 'Signal',
      access,
      // That a signal was referred is content: a METADATA reader sees it as in progress.
      status: access === F || s.status !== 'REFERRED' ? s.status : 'IN_PROGRESS',
      lifeDomain: 'NEIGHBOURHOOD',
      ownerSide: s.ownerSide,
      sharedWith: s.sharedWith,
      partnership: { id: partnerships[s.scope].gid },
    });
    if (access === F) {
      expect(contentOf(row), k).toEqual(expectedContent(k));
    } else {
      expect(contentOf(row), k).toEqual(NULL_CONTENT);
      mustHide.push(...HIDDEN.map((f) => pathKey([...at(i), f])));
    }
  });
  return mustHide;
}

/** `checkSignals` for a whole result: and nothing else of it is hidden. */
function expectSignalResult(result: ExecutionResult<unknown>, role: Role, rows: NtkSignalFragment[], expected: SignalKey[], at: (i: number) => Path) {
  expect(result.errors).toBeUndefined();
  const mustHide = checkSignals(role, rows, expected, at);
  expect(sorted(hiddenPaths(result))).toEqual(sorted(mustHide));
}

/** READ events written since `since` by the role's person: entity IDs (global), each at most once. */
async function readsSince(role: Role, since: Date) {
  const events = await prisma().auditEvent.findMany({
    where: { actorId: demo.people[role], operation: 'READ', at: { gte: since } },
    select: { entity: true, entityId: true, fields: true },
  });
  return events;
}
// After the plugins' handlers of earlier writes (the Amsterdam plugin reads a reported signal's urgency, audited).
const auditCount = async () => {
  await t.app.handlersSettled();
  return prisma().auditEvent.count();
};
const isAuditInsert = (sql: string) => /^\s*insert\s+into\s+("public"\.)?"AuditEvent"/i.test(sql);

/** A signal to write to (reported in June 2021, outside WINDOW): school-owned, reported by the demo mentor in `own`. */
async function targetSignal(scope: Scope, sharedWith: SignalAudience, extra: { ownerSide?: PartnerSide; status?: SignalStatus; reportedById?: string } = {}) {
  const ownerSide = extra.ownerSide ?? 'SCHOOL';
  const reporter =
    extra.reportedById ??
    (scope === 'own' ? (ownerSide === 'SCHOOL' ? demo.people.MENTOR : demo.people.YOUTH_WORKER) : ownerSide === 'SCHOOL' ? people[scope].schoolContact : people[scope].youthWorker);
  const row = await prisma().signal.create({
    data: {
      partnershipId: partnerships[scope].id,
      lifeDomain: 'SCHOOL',
      category: 'BULLYING',
      summary: 'Doelwit van een schrijfactie.',
      reportedById: reporter,
      ownerSide,
      sharedWith,
      legalBasis: sharedWith === 'BOTH' || sharedWith !== ownerSide ? 'CONSENT' : 'NONE',
      status: extra.status ?? 'NEW',
      reportedAt: new Date(Date.UTC(2021, 5, 1, 9)),
    },
    select: { id: true, version: true },
  });
  return { id: row.id, gid: gid('Signal', row.id), version: row.version };
}

// ---------------------------------------------------------------------------------------------
// Reads

describe.each(ROLES)('%s reads', (role) => {
  it('signals: exactly the listed ones, totalCount, content or hiddenFields, and one READ event per FULL signal', async () => {
    const since = new Date();
    const result = await t.execute(NtkSignalsDocument, { first: 50, filter: WINDOW }, { token: token(role) });
    const connection = result.data!.signals;
    expect(connection.totalCount).toBe(visible(role).length);
    expectSignalResult(result, role, connection.edges.map((e) => e.node), visible(role), (i) => ['signals', 'edges', i, 'node']);
    const reads = await readsSince(role, since);
    expect(sorted(reads.map((e) => gid(e.entity, e.entityId)))).toEqual(sorted(visible(role, { access: [F] }).map((k) => ids[k])));
    // version and updatedAt are hidden like content, but reading them is not a read of content.
    for (const e of reads) expect(e.fields).toEqual([...CONTENT].sort());
  });

  it('node and nodes: null where NONE, else the same access as in lists', async () => {
    for (const k of KEYS) {
      const result = await t.execute(NtkNodeDocument, { id: ids[k] }, { token: token(role) });
      const node = result.data!.node as NtkSignalFragment | null;
      const expected = SIGNALS[k].access[role] === N ? [] : [k];
      expectSignalResult(result, role, node ? [node] : [], expected, () => ['node']);
    }
    const result = await t.execute(NtkNodesDocument, { ids: KEYS.map((k) => ids[k]) }, { token: token(role) });
    const nodes = result.data!.nodes;
    expect(nodes).toHaveLength(KEYS.length);
    KEYS.forEach((k, i) => expect(nodes[i] === null, k).toBe(SIGNALS[k].access[role] === N));
    const present = nodes.flatMap((n, i) => (n ? [{ node: n as NtkSignalFragment, i }] : []));
    const mustHide = present.flatMap(({ node, i }) => checkSignals(role, [node], [keyOf.get(node.id)!], () => ['nodes', i]));
    expect(sorted(hiddenPaths(result))).toEqual(sorted(mustHide));
  });

  it.each(SCOPES)('partnership.signals (+ totalCount) in the %s partnership', async (scope) => {
    const result = await t.execute(NtkPartnershipSignalsDocument, { id: partnerships[scope].gid, filter: WINDOW }, { token: token(role) });
    expect(result.errors).toBeUndefined();
    const node = result.data!.node as { signals: { totalCount: number; edges: { node: NtkSignalFragment }[] } } | null;
    const expected = visible(role, { scopes: [scope] });
    if (!PARTNERSHIP_VISIBLE[scope][role]) {
      expect(node).toBeNull();
      expect(expected).toEqual([]);
      return;
    }
    expect(node!.signals.totalCount).toBe(expected.length);
    expectSignalResult(result, role, node!.signals.edges.map((e) => e.node), expected, (i) => ['node', 'signals', 'edges', i, 'node']);
  });

  it.each(SCOPES)("youth.signals of a youth of the %s partnership's school: only FULL signals", async (scope) => {
    const result = await t.execute(NtkYouthSignalsDocument, { id: youth[scope].gid, filter: WINDOW }, { token: token(role) });
    expect(result.errors).toBeUndefined();
    const node = result.data!.node as { code: string; signals: { totalCount: number; edges: { node: NtkSignalFragment }[] } } | null;
    const expected = visible(role, { scopes: [scope], access: [F] });
    if (!YOUTH_VISIBLE[scope][role]) {
      expect(node).toBeNull();
      expect(expected).toEqual([]);
      return;
    }
    expect(node!.code).toBe(youth[scope].code);
    expect(node!.signals.totalCount).toBe(expected.length);
    expectSignalResult(result, role, node!.signals.edges.map((e) => e.node), expected, (i) => ['node', 'signals', 'edges', i, 'node']);
  });

  it.each(SCOPES)('Consultation.signalsDiscussed in the %s partnership', async (scope) => {
    const result = await t.execute(NtkConsultationDocument, { id: consultations[scope] }, { token: token(role) });
    expect(result.errors).toBeUndefined();
    const node = result.data!.node as { signalsDiscussed: NtkSignalFragment[] } | null;
    const expected = visible(role, { scopes: [scope] });
    if (ACTIVITIES[scope][role] === 'none') {
      expect(node).toBeNull();
      return;
    }
    expectSignalResult(result, role, node!.signalsDiscussed, expected, (i) => ['node', 'signalsDiscussed', i]);
  });

  /** [name, filter, orderBy, which accesses still match]: a filter or sort on content only reaches FULL signals. */
  const FILTERS: [string, SignalFilter, SignalOrder | undefined, Access[]][] = [
    ['category (content)', { category: ['SUBSTANCE_USE'] }, undefined, [F]],
    ['urgency (content)', { urgency: ['URGENT', 'HIGH'] }, undefined, [F]],
    ['subject (content)', { subject: 'INDIVIDUAL' }, undefined, [F]],
    ['orderBy URGENCY (content)', {}, { field: 'URGENCY', direction: 'DESC' }, [F]],
    ['lifeDomain (metadata)', { lifeDomain: ['NEIGHBOURHOOD'] }, undefined, [F, M]],
    ['status (metadata)', { status: ['NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REFERRED'] }, undefined, [F, M]],
  ];

  it.each(FILTERS)('filter/sort on %s: signals and partnership.signals', async (_name, filter, orderBy, access) => {
    const expected = visible(role, { access });
    const list = await t.execute(NtkSignalsDocument, { first: 50, filter: { ...WINDOW, ...filter }, orderBy }, { token: token(role) });
    expectSignalResult(list, role, list.data!.signals.edges.map((e) => e.node), expected, (i) => ['signals', 'edges', i, 'node']);
    expect(list.data!.signals.totalCount, 'totalCount of the same list').toBe(expected.length);
    if (access.length === 1) {
      // A METADATA viewer filtering on the (hidden) value of its metadata-only signals finds none of them.
      for (const e of list.data!.signals.edges) expect(e.node.access).toBe('FULL');
    }
    const nested = await t.execute(NtkPartnershipSignalsDocument, { id: partnerships.own.gid, filter: { ...WINDOW, ...filter }, orderBy }, { token: token(role) });
    const node = nested.data!.node as { signals: { totalCount: number; edges: { node: NtkSignalFragment }[] } };
    const own = visible(role, { scopes: ['own'], access });
    expectSignalResult(nested, role, node.signals.edges.map((e) => e.node), own, (i) => ['node', 'signals', 'edges', i, 'node']);
    expect(node.signals.totalCount, 'totalCount of the same list').toBe(own.length);
  });

  it('filter on youthId (content): only FULL signals of that youth, whether or not the youth is visible', async () => {
    for (const scope of SCOPES) {
      const result = await t.execute(NtkSignalsDocument, { first: 50, filter: { ...WINDOW, youthId: youth[scope].gid } }, { token: token(role) });
      const expected = visible(role, { scopes: [scope], access: [F] });
      expect(result.data!.signals.totalCount).toBe(expected.length);
      expectSignalResult(result, role, result.data!.signals.edges.map((e) => e.node), expected, (i) => ['signals', 'edges', i, 'node']);
    }
  });

  /**
   * [name, filter, orderBy, the content fields it reads]: filtering or sorting the top-level list on
   * content reads that content of every signal the list query returns, so each of them gets a READ
   * event of those fields — even when the query asks for metadata only.
   */
  const CONTENT_READS: [string, () => SignalFilter, SignalOrder | undefined, string[]][] = [
    ['category', () => ({ category: ['SUBSTANCE_USE'] }), undefined, ['category']],
    ['urgency', () => ({ urgency: ['URGENT'] }), undefined, ['urgency']],
    ['subject', () => ({ subject: 'INDIVIDUAL' }), undefined, ['subject']],
    ['youthId', () => ({ youthId: youth.own.gid }), undefined, ['youth']],
    ['orderBy URGENCY', () => ({}), { field: 'URGENCY', direction: 'DESC' }, ['urgency']],
    ['category, subject and orderBy URGENCY', () => ({ category: ['SUBSTANCE_USE'], subject: 'INDIVIDUAL' }), { field: 'URGENCY', direction: 'ASC' }, ['category', 'subject', 'urgency']],
    ['lifeDomain and status (metadata: no read)', () => ({ lifeDomain: ['NEIGHBOURHOOD'], status: ['NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REFERRED'] }), { field: 'REPORTED_AT', direction: 'DESC' }, []],
  ];

  it.each(CONTENT_READS)('signals filtered/sorted on %s, asking only metadata: a READ event of those fields per FULL signal returned', async (_name, filter, orderBy, fields) => {
    const matching = visible(role, { access: fields.length ? [F] : [F, M] }).filter((k) => !('youthId' in filter()) || SIGNALS[k].scope === 'own');
    // first: 2 — a page smaller than the list, so the row fetched to tell hasNextPage is in play.
    for (const first of [50, 2]) {
      const since = new Date();
      const result = await t.execute(NtkSignalMetadataDocument, { first, filter: { ...WINDOW, ...filter() }, orderBy }, { token: token(role) });
      expect(result.errors).toBeUndefined();
      expect(hiddenPaths(result)).toEqual([]);
      const page = result.data!.signals.edges.map((e) => e.node.id);
      expect(page).toHaveLength(Math.min(first, matching.length));
      expect(result.data!.signals.totalCount).toBe(matching.length);
      const reads = await readsSince(role, since);
      if (!fields.length) {
        expect(reads).toEqual([]);
        continue;
      }
      const audited = reads.map((e) => gid(e.entity, e.entityId));
      expect(new Set(audited).size, 'one READ event per signal').toBe(audited.length);
      // At least the page's signals, and only FULL ones (at most the one more row fetched for hasNextPage).
      expect(audited).toEqual(expect.arrayContaining(page));
      for (const id of audited) expect(matching.map((k) => ids[k]), `${keyOf.get(id) ?? id} audited`).toContain(id);
      // totalCount counts every matching signal under the content filter: each of them is read (audited).
      expect(audited.length).toBe(matching.length);
      for (const e of reads) expect(e.fields, 'the fields filtered or sorted on, nothing else').toEqual([...fields].sort());
    }
  });

  it('activities and Activity.notes in each scope (notes null + hiddenFields where the role does not log activities there)', async () => {
    for (const scope of SCOPES) {
      const expected = ACTIVITIES[scope][role];
      const list = await t.execute(NtkActivitiesDocument, { first: 1, filter: { partnershipId: partnerships[scope].gid } }, { token: token(role) });
      expect(list.errors).toBeUndefined();
      expect(list.data!.activities.totalCount > 0, `${scope} activities`).toBe(expected !== 'none');
      const result = await t.execute(NtkActivityDocument, { id: consultations[scope] }, { token: token(role) });
      expect(result.errors).toBeUndefined();
      const node = result.data!.node as { notes: string | null } | null;
      if (expected === 'none') {
        expect(node, scope).toBeNull();
        continue;
      }
      expect(node!.notes, scope).toBe(expected === 'notes' ? `NTK notitie ${scope}` : null);
      expect(hiddenPaths(result), scope).toEqual(expected === 'notes' ? [] : ['node.notes']);
    }
  });

  it("people of each scope, and the partnership's school contact (null + hiddenFields where its people are hidden; analyst: only themselves)", async () => {
    for (const scope of SCOPES) {
      const contact = await t.execute(NtkPartnershipContactDocument, { id: partnerships[scope].gid }, { token: token(role) });
      expect(contact.errors).toBeUndefined();
      const node = contact.data!.node as { schoolContact: { id: string } | null } | null;
      if (!PARTNERSHIP_VISIBLE[scope][role]) expect(node, scope).toBeNull();
      else if (PEOPLE_VISIBLE[scope][role]) {
        expect(node!.schoolContact?.id, scope).toBe(gid('Person', partnerships[scope].schoolContactId));
        expect(hiddenPaths(contact), scope).toEqual([]);
      } else {
        expect(node!.schoolContact, scope).toBeNull();
        expect(hiddenPaths(contact), scope).toEqual(['node.schoolContact']);
      }

      const result = await t.execute(NtkPeopleDocument, { first: 5, filter: { partnershipId: partnerships[scope].gid } }, { token: token(role) });
      expect(result.errors).toBeUndefined();
      expect(result.data!.people.totalCount > 0, scope).toBe(PEOPLE_VISIBLE[scope][role]);
      const someone = await t.execute(NtkNodeDocument, { id: gid('Person', people[scope].schoolContact) }, { token: token(role) });
      expect(someone.data!.node?.id ?? null, scope).toBe(PEOPLE_VISIBLE[scope][role] ? gid('Person', people[scope].schoolContact) : null);
    }
    if (role === 'ANALYST') {
      const all = await t.execute(NtkPeopleDocument, { first: 5 }, { token: token(role) });
      expect(all.data!.people.edges.map((e) => e.node.id)).toEqual([gid('Person', demo.people.ANALYST)]);
      expect(all.data!.people.totalCount).toBe(1);
      const activities = await t.execute(NtkActivitiesDocument, { first: 1 }, { token: token(role) });
      expect(activities.data!.activities.totalCount).toBe(0);
    }
  });
});

// Known gap (src): partnership.signals and youth.signals filtered or sorted on content do not audit it yet.
it.todo('partnership.signals / youth.signals filtered or sorted on content: a READ event of those fields per signal returned');

it.each([
  ['about a youth', () => guidance, () => ({ id: youth.own.gid })],
  ['about no youth', () => guidanceWithoutYouth, () => null],
])('IndividualGuidance.youth (%s) and notes (none): the value for signal handlers, null for a policy advisor and listed in hiddenFields whether or not there is one', async (_what, id, value) => {
  for (const role of ROLES) {
    const result = await t.execute(NtkActivityDocument, { id: id() }, { token: token(role) });
    expect(result.errors).toBeUndefined();
    const node = result.data!.node as { notes: string | null; youth?: { id: string } | null } | null;
    if (ACTIVITIES.own[role] === 'none') {
      expect(node, role).toBeNull();
      continue;
    }
    const handler = ['ADMIN', 'YOUTH_WORKER', 'SCHOOL_CONTACT', 'STUDENT_COUNSELLOR'].includes(role);
    expect(node!.youth ?? null, role).toEqual(handler ? value() : null);
    expect(node!.notes, role).toBeNull();
    // Hidden says nothing about whether there is a value: the empty notes are listed too.
    const hidden = [...(ACTIVITIES.own[role] === 'notes' ? [] : ['node.notes']), ...(handler ? [] : ['node.youth'])];
    expect(sorted(hiddenPaths(result)), role).toEqual(hidden);
  }
});

it('Partnership.schoolContact of a partnership without one: null for everyone, listed in hiddenFields where its people are hidden', async () => {
  const base = await prisma().partnership.findUniqueOrThrow({ where: { id: partnerships.sameCity.id } });
  const row = await prisma().partnership.create({
    data: {
      name: 'NTK zonder contactpersoon',
      schoolId: base.schoolId,
      youthWorkOrganisationId: base.youthWorkOrganisationId,
      cityId: base.cityId,
      form: base.form,
      startsOn: new Date(Date.UTC(2019, 0, 1)),
      goals: [],
    },
    select: { id: true },
  });
  const id = gid('Partnership', row.id);
  // Like the sameCity partnership: no demo person has a role in it.
  for (const role of ROLES) {
    const result = await t.execute(NtkPartnershipContactDocument, { id }, { token: token(role) });
    expect(result.errors).toBeUndefined();
    const node = result.data!.node as { schoolContact: { id: string } | null } | null;
    if (!PARTNERSHIP_VISIBLE.sameCity[role]) {
      expect(node, role).toBeNull();
      continue;
    }
    expect(node!.schoolContact, role).toBeNull();
    expect(hiddenPaths(result), role).toEqual(PEOPLE_VISIBLE.sameCity[role] ? [] : ['node.schoolContact']);
  }
});

describe('cursors: paging from a signal outside the list reveals nothing of it', () => {
  /**
   * Reported in August 2021 in the own partnership, about `youth.own`: school signals of every
   * urgency (FULL for a school contact) and two youth-work-only signals (METADATA for them: they know
   * the IDs) that differ only in their hidden urgency. A cursor is just an ID; one pointing outside
   * the list must not place that signal among the rows (which would tell its urgency).
   */
  const AUGUST = { reportedAfter: '2021-08-01T00:00:00.000Z', reportedBefore: '2021-09-01T00:00:00.000Z' };
  const orderBy = { field: 'URGENCY', direction: 'DESC' } as const;
  const school = {} as Record<'LOW' | 'MEDIUM' | 'HIGH' | 'URGENT', string>;
  const hidden = {} as Record<'LOW' | 'URGENT', string>;

  beforeAll(async () => {
    const make = async (urgency: 'LOW' | 'MEDIUM' | 'HIGH' | 'URGENT', ownerSide: PartnerSide, day: number) => {
      const row = await prisma().signal.create({
        data: {
          partnershipId: partnerships.own.id,
          lifeDomain: 'SCHOOL',
          category: 'OTHER',
          urgency,
          summary: `Cursor ${urgency} ${ownerSide}`,
          youthId: youth.own.id,
          ownerSide,
          sharedWith: ownerSide,
          reportedAt: new Date(Date.UTC(2021, 7, day, 9)),
        },
        select: { id: true },
      });
      return gid('Signal', row.id);
    };
    for (const [i, urgency] of (['LOW', 'MEDIUM', 'HIGH', 'URGENT'] as const).entries()) school[urgency] = await make(urgency, 'SCHOOL', i + 1);
    hidden.LOW = await make('LOW', 'YOUTH_WORK', 10);
    hidden.URGENT = await make('URGENT', 'YOUTH_WORK', 11);
  });

  type Page = { ids: string[]; cursors: string[]; errors: { code: unknown; field?: unknown; rule?: unknown }[] };
  /** Cursors, and the page size: `first: 50` by default, `last: 50` with `before` (Pothos refuses `first` with `before`). */
  type At = { after?: string | null; before?: string | null; first?: number | null; last?: number | null };
  const size = (at: At) => ({ ...(at.before != null ? { first: null, last: 50 } : { first: 50 }), ...at });
  const page = (result: ExecutionResult<unknown>, connection: { edges: { cursor: string; node: { id: string } }[] } | null | undefined): Page => ({
    ids: connection?.edges.map((e) => e.node.id) ?? [],
    cursors: connection?.edges.map((e) => e.cursor) ?? [],
    errors: (result.errors ?? []).map((e) => ({ code: e.extensions?.code ?? e.message, field: e.extensions?.field, rule: e.extensions?.rule })),
  });
  type Conn = { edges: { cursor: string; node: { id: string } }[] };
  /** [path, nested (a cursor of a row not in the list gives an empty page rather than an error), list]. */
  const PATHS: [string, boolean, (role: Role, at: At) => Promise<Page>][] = [
    ['signals', false, async (role, at) => {
      const r = await t.execute(NtkSignalsDocument, { ...size(at), filter: AUGUST, orderBy }, { token: token(role) });
      return page(r, r.data?.signals);
    }],
    ['partnership.signals', true, async (role, at) => {
      const r = await t.execute(NtkPartnershipSignalsDocument, { id: partnerships.own.gid, ...size(at), filter: AUGUST, orderBy }, { token: token(role) });
      return page(r, (r.data?.node as { signals: Conn } | null | undefined)?.signals);
    }],
    ['youth.signals', true, async (role, at) => {
      const r = await t.execute(NtkYouthSignalsDocument, { id: youth.own.gid, ...size(at), filter: AUGUST, orderBy }, { token: token(role) });
      return page(r, (r.data?.node as { signals: Conn } | null | undefined)?.signals);
    }],
  ];
  const cursorsOf = async (list: (role: Role, at: At) => Promise<Page>) => {
    const admin = await list('ADMIN', {});
    expect(admin.errors).toEqual([]);
    return (id: string) => admin.cursors[admin.ids.indexOf(id)]!;
  };
  const badCursor = (field: 'after' | 'before') => ({ ids: [], cursors: [], errors: [{ code: 'BAD_USER_INPUT', field, rule: 'cursor' }] });
  /** A cursor of a row not in the list: BAD_USER_INPUT at top level, an empty page in nested lists. */
  const notInList = (nested: boolean, field: 'after' | 'before') => (nested ? { ids: [], cursors: [], errors: [] } : badCursor(field));

  it.each(PATHS)('%s ordered by URGENCY, after/before the cursor of a METADATA signal: the same answer whatever its hidden urgency', async (_path, nested, list) => {
    const cursorOf = await cursorsOf(list);
    // The cursors work: after the school's HIGH signal come its MEDIUM and LOW ones; before its MEDIUM one, its URGENT and HIGH.
    expect((await list('SCHOOL_CONTACT', { after: cursorOf(school.HIGH) })).ids).toEqual([school.MEDIUM, school.LOW]);
    expect((await list('SCHOOL_CONTACT', { before: cursorOf(school.MEDIUM) })).ids).toEqual([school.URGENT, school.HIGH]);
    for (const field of ['after', 'before'] as const) {
      const nextToLow = await list('SCHOOL_CONTACT', { [field]: cursorOf(hidden.LOW) });
      const nextToUrgent = await list('SCHOOL_CONTACT', { [field]: cursorOf(hidden.URGENT) });
      expect(nextToUrgent, `${field}: the page next to a METADATA signal depends on its hidden urgency`).toEqual(nextToLow);
      expect(nextToLow, field).toEqual(notInList(nested, field));
    }
  });

  it.each(PATHS)('%s: an empty or undecodable cursor is BAD_USER_INPUT (rule cursor), never "no cursor"', async (_path, _nested, list) => {
    const emptyId = Buffer.from('GPC:S:').toString('base64'); // ours in form, but no row ID
    for (const field of ['after', 'before'] as const) {
      for (const cursor of ['', 'not a cursor', Buffer.from('GPC:').toString('base64'), emptyId]) {
        const result = await list('SCHOOL_CONTACT', { [field]: cursor });
        const what = `${field}: ${JSON.stringify(cursor)}`;
        expect(result.ids, what).toEqual([]);
        expect(result.errors, what).toHaveLength(1);
        expect(result.errors[0], what).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'cursor' });
        // Pothos refuses most of these before the resolver, without naming the argument (see the report).
        expect([field, undefined], what).toContain(result.errors[0]!.field);
      }
      expect(await list('SCHOOL_CONTACT', { [field]: emptyId })).toEqual(badCursor(field));
    }
  });

  it.each(PATHS)('%s: after "" with before the cursor of a METADATA signal: the empty cursor counts, the same answer whatever its hidden urgency', async (_path, _nested, list) => {
    const cursorOf = await cursorsOf(list);
    // No first/last: Pothos takes "" as no `after` and pages from `before`.
    const both = (before: string) => list('SCHOOL_CONTACT', { after: '', before, first: null, last: null });
    const beforeLow = await both(cursorOf(hidden.LOW));
    const beforeUrgent = await both(cursorOf(hidden.URGENT));
    expect(beforeUrgent).toEqual(beforeLow);
    expect(beforeLow).toEqual(badCursor('after'));
    // And with a cursor of the list itself: "" is still no cursor of ours.
    expect(await both(cursorOf(school.LOW))).toEqual(badCursor('after'));
    // And the other way round.
    const other = (after: string) => list('SCHOOL_CONTACT', { after, before: '', first: null, last: null });
    const afterLow = await other(cursorOf(hidden.LOW));
    expect(await other(cursorOf(hidden.URGENT))).toEqual(afterLow);
    expect(afterLow.ids).toEqual([]);
    expect(afterLow.errors).toMatchObject([{ code: 'BAD_USER_INPUT', rule: 'cursor' }]);
  });
});

// ---------------------------------------------------------------------------------------------
// Writes

describe('mutations × scope × role', () => {
  const startsAt = () => new Date(Date.now() - 3_600_000).toISOString();
  type Target = Awaited<ReturnType<typeof targetSignal>> | null;
  type Audited = { operation: 'CREATE' | 'UPDATE' | 'SHARE'; entity: string; entityId: string } | null;

  /** The signal a signal mutation writes to (made before the "writes nothing" snapshot). */
  const prepare = (op: MutationName, scope: Scope): Promise<Target> | null =>
    op === 'changeSignalStatus' || op === 'addSignalFollowUp' ? targetSignal(scope, 'BOTH') : op === 'shareSignal' ? targetSignal(scope, 'SCHOOL') : null;

  /** Runs the mutation; returns the result, the field a NOT_FOUND names, and the audit event an allowed write leaves. */
  async function run(op: MutationName, role: Role, scope: Scope, target: Target): Promise<{ result: ExecutionResult<unknown> & { status: number }; field: string; audit: Audited }> {
    const partnershipId = partnerships[scope].gid;
    const opts = { token: token(role) };
    switch (op) {
      case 'reportSignal': {
        const input: ReportSignalInput = { partnershipId, lifeDomain: 'SCHOOL', category: 'OTHER', summary: 'Matrix.', ...(role === 'ADMIN' ? { ownerSide: 'SCHOOL' as const } : {}) };
        const result = await t.execute(NtkReportSignalDocument, { input }, opts);
        const id = result.data?.reportSignal.signal?.id;
        return { result, field: 'input.partnershipId', audit: id ? { operation: 'CREATE', entity: 'Signal', entityId: dbId(id) } : null };
      }
      case 'logActivity': {
        const result = await t.execute(NtkLogActivityDocument, { input: { partnershipId, kind: 'BREAK_CONVERSATION', startsAt: startsAt(), durationMinutes: 15 } }, opts);
        return { result, field: 'input.partnershipId', audit: null };
      }
      case 'registerYouth': {
        const result = await t.execute(NtkRegisterYouthDocument, { input: { partnershipId } }, opts);
        const id = result.data?.registerYouth.youth?.id;
        return { result, field: 'input.partnershipId', audit: id ? { operation: 'CREATE', entity: 'Youth', entityId: dbId(id) } : null };
      }
      case 'changeSignalStatus': {
        const input = { signalId: target!.gid, status: 'ACKNOWLEDGED' as const, expectedVersion: target!.version };
        const result = await t.execute(NtkChangeSignalStatusDocument, { input }, opts);
        return { result, field: 'input.signalId', audit: { operation: 'UPDATE', entity: 'Signal', entityId: target!.id } };
      }
      case 'addSignalFollowUp': {
        const result = await t.execute(NtkAddSignalFollowUpDocument, { input: { signalId: target!.gid, action: 'MONITORING', note: 'Matrix.' } }, opts);
        return { result, field: 'input.signalId', audit: { operation: 'UPDATE', entity: 'Signal', entityId: target!.id } };
      }
      case 'shareSignal': {
        const input = { signalId: target!.gid, sharedWith: 'BOTH' as const, legalBasis: 'CONSENT' as const, expectedVersion: target!.version };
        const result = await t.execute(NtkShareSignalDocument, { input }, opts);
        return { result, field: 'input.signalId', audit: { operation: 'SHARE', entity: 'Signal', entityId: target!.id } };
      }
    }
  }

  const cases = (Object.keys(MUTATIONS) as MutationName[]).flatMap((op) =>
    SCOPES.flatMap((scope) => ROLES.map((role) => [op, scope, role, MUTATIONS[op][scope][role]] as const)),
  );

  it.each(cases)('%s in the %s partnership by %s: %s', async (op, scope, role, outcome) => {
    const target = await prepare(op, scope);
    const audit = await auditCount();
    if (outcome === 'OK') {
      const { result, audit: event } = await run(op, role, scope, target);
      expect(result.errors).toBeUndefined();
      if (event) expect(await prisma().auditEvent.count({ where: { ...event, actorId: demo.people[role] } })).toBe(1);
      return;
    }
    const { result, field } = await expectNoWrites(prisma(), () => run(op, role, scope, target));
    expectError(result, outcome === 'NOT_FOUND' ? { code: outcome, field } : { code: outcome });
    expect(await auditCount()).toBe(audit);
  });
});

describe('logActivity: facilitators and attendees hold a role in the partnership (admins too)', () => {
  const input = (extra: Record<string, unknown> = {}) => ({
    partnershipId: partnerships.own.gid,
    kind: 'CONSULTATION' as const,
    startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    durationMinutes: 30,
    ...extra,
  });
  const facilitatorsOf = async (activityGid: string) =>
    sorted((await prisma().activityFacilitator.findMany({ where: { activityId: dbId(activityGid) }, select: { personId: true } })).map((f) => f.personId));

  it('without facilitatorIds a youth worker facilitated it; an admin without a role there gets no facilitators', async () => {
    for (const [role, expected] of [['YOUTH_WORKER', [demo.people.YOUTH_WORKER]], ['ADMIN', []]] as const) {
      const result = await t.execute(NtkLogActivityDocument, { input: input() }, { token: token(role) });
      expect(result.errors, role).toBeUndefined();
      expect(await facilitatorsOf(result.data!.logActivity.activity!.id), role).toEqual(expected);
    }
  });

  it('an admin may name people of the partnership as facilitators', async () => {
    const result = await t.execute(NtkLogActivityDocument, { input: input({ facilitatorIds: [gid('Person', demo.people.YOUTH_WORKER)] }) }, { token: token('ADMIN') });
    expect(result.errors).toBeUndefined();
    expect(await facilitatorsOf(result.data!.logActivity.activity!.id)).toEqual([demo.people.YOUTH_WORKER]);
  });

  it.each<[string, Role, Record<string, unknown>, string]>([
    ['an admin naming themselves as facilitator', 'ADMIN', { facilitatorIds: ['ADMIN'] }, 'input.facilitatorIds.0'],
    ['a youth worker naming the admin as facilitator', 'YOUTH_WORKER', { facilitatorIds: ['YOUTH_WORKER', 'ADMIN'] }, 'input.facilitatorIds.1'],
    ['a youth worker naming the admin as attendee', 'YOUTH_WORKER', { consultation: { attendeeIds: ['ADMIN'] } }, 'input.consultation.attendeeIds.0'],
    ['an admin naming themselves as attendee', 'ADMIN', { facilitatorIds: ['YOUTH_WORKER'], consultation: { attendeeIds: ['SCHOOL_CONTACT', 'ADMIN'] } }, 'input.consultation.attendeeIds.1'],
  ])('%s (no role in the partnership) is BAD_USER_INPUT and writes nothing', async (_what, by, refs, field) => {
    const person = (r: unknown) => gid('Person', demo.people[r as Role]);
    const extra = {
      ...(refs.facilitatorIds ? { facilitatorIds: (refs.facilitatorIds as Role[]).map(person) } : {}),
      ...(refs.consultation ? { consultation: { attendeeIds: ((refs.consultation as { attendeeIds: Role[] }).attendeeIds).map(person) } } : {}),
    };
    const audit = await auditCount();
    await expectNoWrites(prisma(), async () =>
      expectError(await t.execute(NtkLogActivityDocument, { input: input(extra) }, { token: token(by) }), { code: 'BAD_USER_INPUT', field, rule: 'memberOfPartnership' }),
    );
    expect(await auditCount()).toBe(audit);
  });
});

describe('reportSignal: owner side, audience and legal basis', () => {
  const base = () => ({ partnershipId: partnerships.own.gid, lifeDomain: 'ONLINE' as const, category: 'ONLINE_BEHAVIOUR' as const, summary: 'Groepsapp loopt uit de hand.' });

  it.each<[string, Role, Partial<ReportSignalInput>, { field: string; rule: string }]>([
    ['sharing with the other side without a legal basis', 'YOUTH_WORKER', { sharedWith: 'BOTH' }, { field: 'input.legalBasis', rule: 'required' }],
    ['sharing with the other side on legal basis NONE', 'SCHOOL_CONTACT', { sharedWith: 'YOUTH_WORK', legalBasis: 'NONE' }, { field: 'input.legalBasis', rule: 'required' }],
    ["claiming the other side's ownership", 'YOUTH_WORKER', { ownerSide: 'SCHOOL' }, { field: 'input.ownerSide', rule: 'ownSide' }],
    ['an admin (on neither side) without ownerSide', 'ADMIN', {}, { field: 'input.ownerSide', rule: 'required' }],
  ])('%s is BAD_USER_INPUT and writes nothing', async (_what, role, extra, expected) => {
    const audit = await auditCount();
    await expectNoWrites(prisma(), async () =>
      expectError(await t.execute(NtkReportSignalDocument, { input: { ...base(), ...extra } }, { token: token(role) }), { code: 'BAD_USER_INPUT', ...expected }),
    );
    expect(await auditCount()).toBe(audit);
  });

  it.each<[Role, PartnerSide, Access]>([
    ['YOUTH_WORKER', 'YOUTH_WORK', M],
    ['SCHOOL_CONTACT', 'SCHOOL', N],
    ['MENTOR', 'SCHOOL', N],
  ])("by default a %s's report belongs to their side (%s) only: the other side's handler gets %s", async (reporter, side, other) => {
    const result = await t.execute(NtkReportSignalDocument, { input: base() }, { token: token(reporter) });
    expect(result.errors).toBeUndefined();
    const signal = result.data!.reportSignal.signal!;
    expect(signal).toMatchObject({ access: 'FULL', ownerSide: side, sharedWith: side, status: 'NEW' });
    expect((await prisma().signal.findUniqueOrThrow({ where: { id: dbId(signal.id) } })).legalBasis).toBe('NONE');
    // Youth workers and school contacts see each other's unshared reports as METADATA at most.
    const viewer: Role = side === 'YOUTH_WORK' ? 'SCHOOL_CONTACT' : 'YOUTH_WORKER';
    const seen = (await t.execute(NtkNodeDocument, { id: signal.id }, { token: token(viewer) })).data!.node as NtkSignalFragment | null;
    expect(seen?.access ?? N).toBe(other);
  });
});

describe('shareSignal', () => {
  const share = (role: Role, signalId: string, version: number, sharedWith: SignalAudience = 'BOTH', legalBasis: LegalBasis = 'CONSENT') =>
    t.execute(NtkShareSignalDocument, { input: { signalId, sharedWith, legalBasis, expectedVersion: version } }, { token: token(role) });
  const accessOf = async (role: Role, id: string) => ((await t.execute(NtkNodeDocument, { id }, { token: token(role) })).data!.node as NtkSignalFragment | null)?.access ?? N;

  it.each<[string, Role, PartnerSide, SignalAudience, Role, Access]>([
    ['a youth worker widens a youth-work-only signal to BOTH', 'YOUTH_WORKER', 'YOUTH_WORK', 'BOTH', 'SCHOOL_CONTACT', M],
    ['a youth worker widens a youth-work-only signal to SCHOOL', 'YOUTH_WORKER', 'YOUTH_WORK', 'SCHOOL', 'STUDENT_COUNSELLOR', M],
    ['a school contact widens a school-only signal to BOTH', 'SCHOOL_CONTACT', 'SCHOOL', 'BOTH', 'YOUTH_WORKER', N],
    ['a student counsellor widens a school-only signal to YOUTH_WORK', 'STUDENT_COUNSELLOR', 'SCHOOL', 'YOUTH_WORK', 'YOUTH_WORKER', N],
  ])("%s: the other side's handler goes to FULL, and a SHARE event is written", async (_what, sharer, ownerSide, sharedWith, other, before) => {
    const signal = await targetSignal('own', ownerSide, { ownerSide });
    expect(await accessOf(other, signal.gid)).toBe(before);
    const since = new Date();
    const result = await share(sharer, signal.gid, signal.version, sharedWith, 'CONSENT');
    expect(result.errors).toBeUndefined();
    expect(result.data!.shareSignal.signal).toMatchObject({ sharedWith, version: signal.version + 1, access: 'FULL' });
    expect(await accessOf(other, signal.gid)).toBe(F);
    const row = await prisma().signal.findUniqueOrThrow({ where: { id: signal.id } });
    expect(row).toMatchObject({ sharedWith, legalBasis: 'CONSENT', ownerSide });
    const audit = await t.execute(NtkAuditEventsDocument, { first: 10, filter: { entityId: signal.gid, operation: ['SHARE'] } }, { token: token('ADMIN') });
    expect(audit.errors).toBeUndefined();
    expect(audit.data!.auditEvents.totalCount).toBe(1);
    const event = audit.data!.auditEvents.edges[0]!.node;
    expect(event).toMatchObject({ actorId: gid('Person', demo.people[sharer]), operation: 'SHARE', entity: 'Signal', entityId: signal.gid, fields: ['legalBasis', 'sharedWith'] });
    expect(new Date(event.at).getTime()).toBeGreaterThanOrEqual(since.getTime() - 1000);
  });

  it('legalBasis NONE is BAD_USER_INPUT', async () => {
    const signal = await targetSignal('own', 'SCHOOL');
    const audit = await auditCount();
    await expectNoWrites(prisma(), async () =>
      expectError(await share('SCHOOL_CONTACT', signal.gid, signal.version, 'BOTH', 'NONE'), { code: 'BAD_USER_INPUT', field: 'input.legalBasis', rule: 'legalBasis' }),
    );
    expect(await auditCount()).toBe(audit);
  });

  it.each<[string, PartnerSide, SignalAudience, SignalAudience]>([
    ['the same audience again (BOTH → BOTH)', 'SCHOOL', 'BOTH', 'BOTH'],
    ["the owner's own side (SCHOOL → SCHOOL)", 'SCHOOL', 'SCHOOL', 'SCHOOL'],
    ['narrowing (BOTH → SCHOOL)', 'SCHOOL', 'BOTH', 'SCHOOL'],
    ['an audience that reaches no new side (YOUTH_WORK-owned, SCHOOL → BOTH)', 'YOUTH_WORK', 'SCHOOL', 'BOTH'],
  ])('not widening — %s — is BAD_USER_INPUT rule widen', async (_what, ownerSide, current, next) => {
    const signal = await targetSignal('own', current, { ownerSide });
    const audit = await auditCount();
    await expectNoWrites(prisma(), async () =>
      expectError(await share('STUDENT_COUNSELLOR', signal.gid, signal.version, next), { code: 'BAD_USER_INPUT', field: 'input.sharedWith', rule: 'widen' }),
    );
    expect(await auditCount()).toBe(audit);
  });

  it('a stale version is a CONFLICT and writes nothing', async () => {
    const signal = await targetSignal('own', 'SCHOOL');
    const audit = await auditCount();
    await expectNoWrites(prisma(), async () =>
      expectError(await share('SCHOOL_CONTACT', signal.gid, signal.version + 1), { code: 'CONFLICT', field: 'input.expectedVersion' }),
    );
    expect(await auditCount()).toBe(audit);
  });

  it('a school contact who only sees the metadata of a youth-work signal cannot share, change or follow it up', async () => {
    const signal = await targetSignal('own', 'YOUTH_WORK', { ownerSide: 'YOUTH_WORK' });
    expect(await accessOf('SCHOOL_CONTACT', signal.gid)).toBe(M);
    const sc = { token: token('SCHOOL_CONTACT') };
    await expectNoWrites(prisma(), async () => {
      expectError(await share('SCHOOL_CONTACT', signal.gid, signal.version), { code: 'NOT_FOUND', field: 'input.signalId' });
      expectError(await t.execute(NtkChangeSignalStatusDocument, { input: { signalId: signal.gid, status: 'ACKNOWLEDGED', expectedVersion: signal.version } }, sc), { code: 'NOT_FOUND', field: 'input.signalId' });
      expectError(await t.execute(NtkAddSignalFollowUpDocument, { input: { signalId: signal.gid, action: 'MONITORING' } }, sc), { code: 'NOT_FOUND', field: 'input.signalId' });
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Audit

describe('audit log', () => {
  it('reading 50 signals with content in one list writes 50 READ events in ONE INSERT', async () => {
    const since = new Date();
    let result: ExecutionResult<NtkSignalsQuery> | undefined;
    const { queries } = await countQueries(t.db, async () => {
      result = await t.execute(NtkSignalsDocument, { first: 50 }, { token: token('ADMIN') });
    });
    expect(result!.errors).toBeUndefined();
    const rows = result!.data!.signals.edges.map((e) => e.node);
    expect(rows).toHaveLength(50);
    expect(queries.filter(isAuditInsert), queries.join('\n')).toHaveLength(1);
    const reads = await readsSince('ADMIN', since);
    expect(reads).toHaveLength(50);
    expect(sorted(reads.map((e) => gid(e.entity, e.entityId)))).toEqual(sorted(rows.map((r) => r.id)));
    for (const e of reads) expect(e.fields).toEqual([...CONTENT].sort());
  });

  it('a signal read several times in one operation is one READ event with every field read', async () => {
    const since = new Date();
    const { queries } = await countQueries(t.db, async () => {
      const result = await t.execute(NtkSignalsTwiceDocument, { filter: WINDOW, id: ids.schoolOnly }, { token: token('SCHOOL_CONTACT') });
      expect(result.errors).toBeUndefined();
    });
    expect(queries.filter(isAuditInsert)).toHaveLength(1);
    const reads = await readsSince('SCHOOL_CONTACT', since);
    expect(sorted(reads.map((e) => gid(e.entity, e.entityId)))).toEqual(sorted(visible('SCHOOL_CONTACT', { access: [F] }).map((k) => ids[k])));
    for (const e of reads) expect(e.fields).toEqual(['category', 'summary', 'urgency']);
  });

  it.each<[string, Role, () => Promise<unknown>]>([
    ['a policy advisor reading content fields of METADATA signals', 'POLICY_ADVISOR', () => t.execute(NtkSignalsDocument, { first: 50, filter: WINDOW }, { token: token('POLICY_ADVISOR') })],
    ['a school contact reading a METADATA signal by node', 'SCHOOL_CONTACT', () => t.execute(NtkNodeDocument, { id: ids.youthWorkOnly }, { token: token('SCHOOL_CONTACT') })],
    ['a youth worker asking for a signal they may not see (null)', 'YOUTH_WORKER', () => t.execute(NtkNodeDocument, { id: ids.schoolOnly }, { token: token('YOUTH_WORKER') })],
    ['a mentor asking for a consultation they may not see', 'MENTOR', () => t.execute(NtkConsultationDocument, { id: consultations.own }, { token: token('MENTOR') })],
    ['an analyst listing signals', 'ANALYST', () => t.execute(NtkSignalsDocument, { first: 50 }, { token: token('ANALYST') })],
    ['a school contact reading only metadata fields of FULL signals', 'SCHOOL_CONTACT', () => t.execute(NtkSignalMetadataDocument, { first: 50, filter: WINDOW }, { token: token('SCHOOL_CONTACT') })],
  ])('no READ event (and no INSERT) for %s', async (_what, role, read) => {
    const since = new Date();
    const { queries } = await countQueries(t.db, read);
    expect(queries.filter(isAuditInsert)).toEqual([]);
    expect(await readsSince(role, since)).toEqual([]);
  });

  /** A trigger that makes the database refuse audit events of the given operations (READ, or the writes). */
  async function refusingAudit<R>(reads: boolean, fn: () => Promise<R>): Promise<R> {
    await t.db.withSession((s) =>
      s.exec(`
        CREATE FUNCTION ntk_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF (NEW.operation = 'READ') = ${reads ? 'true' : 'false'} THEN RAISE EXCEPTION 'ntk: audit refused'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER ntk_refuse_audit BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION ntk_refuse_audit();
      `),
    );
    try {
      return await fn();
    } finally {
      await t.db.withSession((s) => s.exec(`DROP TRIGGER IF EXISTS ntk_refuse_audit ON "AuditEvent"; DROP FUNCTION IF EXISTS ntk_refuse_audit();`));
    }
  }

  it('no content leaves the server unless its READ events were written', async () => {
    const result = await refusingAudit(true, () => t.execute(NtkSignalsDocument, { first: 50, filter: WINDOW }, { token: token('SCHOOL_CONTACT') }));
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(result.data ?? null)).not.toContain('NTK ');
  });

  it('each write writes its audit event in the same transaction: when the event is refused, the write is rolled back', async () => {
    const person = await prisma().person.create({ data: { name: 'NTK Audit', email: 'ntk-audit@test.example' }, select: { id: true } });
    const assignment = await prisma().roleAssignment.create({
      data: { personId: person.id, role: 'MENTOR', scope: 'PARTNERSHIP', partnershipId: partnerships.own.id, cityId: demo.cities.Amsterdam! },
      select: { id: true },
    });
    const both = await targetSignal('own', 'BOTH');
    const schoolOnly = await targetSignal('own', 'SCHOOL');
    const sc = { token: token('SCHOOL_CONTACT') };
    const admin = { token: token('ADMIN') };
    const writes: [string, () => Promise<ExecutionResult<unknown>>][] = [
      ['reportSignal', () => t.execute(NtkReportSignalDocument, { input: { partnershipId: partnerships.own.gid, lifeDomain: 'SCHOOL', category: 'OTHER', summary: 'x' } }, sc)],
      ['changeSignalStatus', () => t.execute(NtkChangeSignalStatusDocument, { input: { signalId: both.gid, status: 'ACKNOWLEDGED', expectedVersion: both.version } }, sc)],
      ['addSignalFollowUp', () => t.execute(NtkAddSignalFollowUpDocument, { input: { signalId: both.gid, action: 'MONITORING', note: 'x' } }, sc)],
      ['shareSignal', () => t.execute(NtkShareSignalDocument, { input: { signalId: schoolOnly.gid, sharedWith: 'BOTH', legalBasis: 'CONSENT', expectedVersion: schoolOnly.version } }, sc)],
      ['registerYouth', () => t.execute(NtkRegisterYouthDocument, { input: { partnershipId: partnerships.own.gid } }, sc)],
      ['assignRole', () => t.execute(AssignRoleDocument, { input: { personId: gid('Person', person.id), role: 'STUDENT_COUNSELLOR', partnershipId: partnerships.own.gid } }, admin)],
      ['revokeRole', () => t.execute(RevokeRoleDocument, { input: { roleAssignmentId: gid('RoleAssignment', assignment.id) } }, admin)],
    ];
    const audit = await auditCount();
    await refusingAudit(false, async () => {
      for (const [name, write] of writes) {
        const result = await expectNoWrites(prisma(), write);
        expect(result.errors?.length, name).toBeGreaterThan(0);
      }
    });
    expect(await auditCount()).toBe(audit);
    // And with the log accepting again, each of them writes exactly one write event (the Amsterdam
    // plugin's handler then reads the reported signal's urgency: a READ by the system, not the write's).
    const writeEvents = async () => {
      await t.app.handlersSettled();
      return prisma().auditEvent.count({ where: { operation: { not: 'READ' } } });
    };
    for (const [name, write] of writes) {
      const before = await writeEvents();
      const result = await write();
      expect(result.errors, name).toBeUndefined();
      expect(await writeEvents(), name).toBe(before + 1);
    }
    const events = await prisma().auditEvent.findMany({ where: { entityId: { in: [assignment.id] } }, select: { operation: true, entity: true } });
    expect(events).toEqual([{ operation: 'DELETE', entity: 'RoleAssignment' }]);
  });

  it('a write that fails writes no audit event', async () => {
    const signal = await targetSignal('own', 'BOTH');
    const closed = await targetSignal('own', 'BOTH', { status: 'CLOSED' });
    const sc = { token: token('SCHOOL_CONTACT') };
    const audit = await auditCount();
    await expectNoWrites(prisma(), async () => {
      expectError(await t.execute(NtkChangeSignalStatusDocument, { input: { signalId: signal.gid, status: 'ACKNOWLEDGED', expectedVersion: signal.version + 3 } }, sc), { code: 'CONFLICT' });
      expectError(await t.execute(NtkChangeSignalStatusDocument, { input: { signalId: signal.gid, status: 'IN_PROGRESS', expectedVersion: signal.version } }, sc), { code: 'INVALID_TRANSITION' });
      expectError(await t.execute(NtkAddSignalFollowUpDocument, { input: { signalId: closed.gid, action: 'MONITORING' } }, sc), { code: 'BAD_USER_INPUT', field: 'input.signalId', rule: 'open' });
    });
    expect(await auditCount()).toBe(audit);
  });

  it.each(NON_ADMINS)('auditEvents is FORBIDDEN for %s', async (role) => {
    expectError(await t.execute(NtkAuditEventsDocument, { first: 5 }, { token: token(role) }), { code: 'FORBIDDEN' });
  });

  it('admins read the log with filters (actor, record, operation)', async () => {
    const since = new Date(Date.now() - 1000);
    await t.execute(NtkNodeDocument, { id: ids.byDemoMentor }, { token: token('MENTOR') });
    const result = await t.execute(
      NtkAuditEventsDocument,
      { first: 10, filter: { actorId: gid('Person', demo.people.MENTOR), entityId: ids.byDemoMentor, operation: ['READ'], from: since.toISOString() } },
      { token: token('ADMIN') },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.auditEvents.totalCount).toBe(1);
    expect(result.data!.auditEvents.edges[0]!.node).toMatchObject({
      actorId: gid('Person', demo.people.MENTOR),
      operation: 'READ',
      entity: 'Signal',
      entityId: ids.byDemoMentor,
      fields: [...CONTENT].sort(),
    });
  });

  it.each([
    ['UPDATE', `UPDATE "AuditEvent" SET "fields" = '{}'`],
    ['DELETE', `DELETE FROM "AuditEvent"`],
    ['TRUNCATE', `TRUNCATE "AuditEvent"`],
  ])('the database refuses %s of "AuditEvent"', async (_op, sql) => {
    const before = await auditCount();
    expect(before).toBeGreaterThan(0);
    await expect(t.db.withSession((s) => s.exec(sql))).rejects.toThrow(/append-only/);
    expect(await auditCount()).toBe(before);
  });
});

// ---------------------------------------------------------------------------------------------
// Subscriptions (last: they start the server)

describe('subscriptions: each event is checked per subscriber', () => {
  let url: string;
  const opened: { close(): Promise<void> }[] = [];
  const track = <R extends { close(): Promise<void> }>(resource: R) => {
    opened.push(resource);
    return resource;
  };
  beforeAll(async () => {
    ({ url } = await t.app.start(0, '127.0.0.1'));
  });
  // Each test's subscribers go when it ends: signals the next test writes straight into the database
  // are live events too (the database writes them), which an earlier test's feeds would read.
  afterEach(async () => {
    for (const resource of opened.splice(0).reverse()) await resource.close().catch(() => {});
  });
  afterAll(async () => {
    for (const resource of opened.splice(0).reverse()) await resource.close().catch(() => {});
  });

  type Data = NtkSignalReportedSubscription | NtkSignalChangedSubscription;
  const signalOf = (d: Data) => ('signalReported' in d ? d.signalReported : d.signalChanged);
  const field = (d: Data) => ('signalReported' in d ? 'signalReported' : 'signalChanged');

  async function next(feed: Feed<Data>) {
    const item: FeedItem<Data> = await feed.take(5_000);
    expect(item.type).toBe('next');
    const result = (item as { result: ExecutionResult<Data> }).result;
    expect(result.errors).toBeUndefined();
    return result;
  }

  /**
   * Subscribes each role (one at a time, so a later subscriber cannot receive an earlier one's
   * probes), makes each live with probes every one of them may see, then drains every feed up to one
   * last probe: the next event each receives is the first caused afterwards.
   */
  async function subscribeAll(roles: readonly Role[], open: (role: Role) => Promise<Feed<Data>>, probe: () => Promise<string>) {
    const feeds = {} as Record<Role, Feed<Data>>;
    for (const role of roles) {
      feeds[role] = await open(role);
      await untilLive(feeds[role], probe, (d) => signalOf(d).id);
    }
    const last = await probe();
    for (const role of roles) while (signalOf((await next(feeds[role])).data!).id !== last);
    return feeds;
  }

  type Expected = { id: string; access: Access; name: string; summary: string };
  /**
   * Takes the events a subscriber must receive, in order: the last of them is visible to everyone,
   * so an event they may not see would have come before it and shows up as a mismatch. Checks each
   * event's access, content or null content with hiddenFields, and that exactly the FULL ones were
   * audited as reads by the subscriber.
   */
  async function expectEvents(role: Role, feed: Feed<Data>, expected: Expected[], since: Date) {
    const received: string[] = [];
    for (const want of expected) {
      let result = await next(feed);
      // A liveness probe of subscribeAll delivered late (the hub reads the outbox after the write) is not an event under test.
      while (signalOf(result.data!).id !== want.id && (await prisma().signal.findUnique({ where: { id: dbId(signalOf(result.data!).id) }, select: { summary: true } }))?.summary === 'probe') {
        result = await next(feed);
      }
      const signal = signalOf(result.data!);
      received.push(signal.id);
      if (signal.id !== want.id) break; // reported below, with the whole sequence
      expect(signal.access, `${role}: ${want.name}`).toBe(want.access);
      if (want.access === F) {
        expect(signal.summary, `${role}: ${want.name}`).toBe(want.summary);
        expect(hiddenPaths(result), `${role}: ${want.name}`).toEqual([]);
      } else {
        expect(contentOf(signal), `${role}: ${want.name}`).toEqual(NULL_CONTENT);
        const root = field(result.data!);
        expect(sorted(hiddenPaths(result)), `${role}: ${want.name}`).toEqual(sorted(HIDDEN.map((f) => `${root}.${f}`)));
      }
    }
    expect(received, role).toEqual(expected.map((x) => x.id));
    const reads = await readsSince(role, since);
    const ids = new Set(expected.map((x) => dbId(x.id)));
    const audited = reads.filter((e) => ids.has(e.entityId)).map((e) => gid(e.entity, e.entityId));
    expect(sorted(audited), `${role}: READ events of the events received`).toEqual(sorted(expected.filter((x) => x.access === F).map((x) => x.id)));
  }

  type Event = { name: string; by: Role; scope: Scope; input: Partial<ReportSignalInput>; access: Record<Role, Access> };
  /**
   * signalReported, reported one after the other. The last is visible to every subscriber. The
   * analyst may see no signal at all, so no event could prove their subscription live or empty: they
   * are left out here (the list and node tests cover them).
   */
  const REPORTED: Event[] = [
    // access columns: ADMIN, PA, YW, SC, SCOUNS, MENTOR, ANALYST
    { name: 'youth work, not shared', by: 'YOUTH_WORKER', scope: 'own', input: {}, access: byRole([F, M, F, M, M, N, N]) },
    { name: 'school, not shared', by: 'SCHOOL_CONTACT', scope: 'own', input: {}, access: byRole([F, M, N, F, F, N, N]) },
    { name: 'same city', by: 'ADMIN', scope: 'sameCity', input: { ownerSide: 'YOUTH_WORK' }, access: byRole([F, M, N, N, N, N, N]) },
    { name: 'other city', by: 'ADMIN', scope: 'otherCity', input: { ownerSide: 'SCHOOL', sharedWith: 'BOTH', legalBasis: 'CONSENT' }, access: byRole([F, N, N, N, N, N, N]) },
    { name: 'mentor, shared with both', by: 'MENTOR', scope: 'own', input: { sharedWith: 'BOTH', legalBasis: 'CONSENT' }, access: byRole([F, M, F, F, F, F, N]) },
  ];

  async function report(by: Role, scope: Scope, input: Partial<ReportSignalInput>, summary: string) {
    const result = await t.execute(
      NtkReportSignalDocument,
      { input: { partnershipId: partnerships[scope].gid, lifeDomain: 'SCHOOL', category: 'CONFLICT', subject: 'GROUP', summary, ...input } },
      { token: token(by) },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.reportSignal.signal!.id;
  }

  it('signalReported (graphql-ws; SSE for the policy advisor): exactly the events each role may know of, METADATA with null content and hiddenFields, NONE not at all', async () => {
    const roles = ROLES.filter((r) => r !== 'ANALYST');
    const feeds = await subscribeAll(
      roles,
      async (role) =>
        role === 'POLICY_ADVISOR'
          ? track(await sseSubscribe(url, NtkSignalReportedDocument, {}, token(role)))
          : track(wsConnect(url, token(role))).subscribe(NtkSignalReportedDocument, {}),
      () => report('MENTOR', 'own', { sharedWith: 'BOTH', legalBasis: 'CONSENT' }, 'probe'),
    );
    const since = new Date();
    const reported: string[] = [];
    for (const e of REPORTED) reported.push(await report(e.by, e.scope, e.input, `NTK event: ${e.name}`));
    for (const role of roles) {
      const expected = REPORTED.flatMap((e, i) => (e.access[role] === N ? [] : [{ id: reported[i]!, access: e.access[role], name: e.name, summary: `NTK event: ${e.name}` }]));
      await expectEvents(role, feeds[role], expected, since);
    }
  });

  it('signalChanged: a status change reaches only those who may read the signal\'s content (not METADATA viewers)', async () => {
    const roles = ['YOUTH_WORKER', 'SCHOOL_CONTACT', 'MENTOR'] as const satisfies Role[];
    const change = async (by: Role, signal: Awaited<ReturnType<typeof targetSignal>>) => {
      const result = await t.execute(NtkChangeSignalStatusDocument, { input: { signalId: signal.gid, status: 'ACKNOWLEDGED', expectedVersion: signal.version } }, { token: token(by) });
      expect(result.errors).toBeUndefined();
      return signal.gid;
    };
    // A school signal of the demo mentor, shared with both sides: every subscriber here may read it.
    const everyone = async () => change('SCHOOL_CONTACT', await targetSignal('own', 'BOTH'));
    const feeds = await subscribeAll(roles, async (role) => track(wsConnect(url, token(role))).subscribe(NtkSignalChangedDocument, {}), everyone);

    const since = new Date();
    // access columns: YOUTH_WORKER, SCHOOL_CONTACT, MENTOR. Changes are work on the content: the
    // school contact knows the youth-work signal exists (METADATA) but hears nothing of its changes.
    const CHANGES: { name: string; by: Role; make: () => ReturnType<typeof targetSignal>; access: Access[] }[] = [
      { name: 'youth work, not shared', by: 'YOUTH_WORKER', make: () => targetSignal('own', 'YOUTH_WORK', { ownerSide: 'YOUTH_WORK' }), access: [F, N, N] },
      { name: 'school, not shared', by: 'SCHOOL_CONTACT', make: () => targetSignal('own', 'SCHOOL', { reportedById: demo.people.SCHOOL_CONTACT }), access: [N, F, N] },
      { name: "mentor's, shared with both", by: 'SCHOOL_CONTACT', make: () => targetSignal('own', 'BOTH'), access: [F, F, F] },
    ];
    const changed: string[] = [];
    for (const c of CHANGES) changed.push(await change(c.by, await c.make()));
    for (const [r, role] of roles.entries()) {
      const expected = CHANGES.flatMap((c, i) => (c.access[r] === N ? [] : [{ id: changed[i]!, access: c.access[r]!, name: c.name, summary: 'Doelwit van een schrijfactie.' }]));
      await expectEvents(role, feeds[role], expected, since);
    }
  });
});
