/**
 * Who may see and do what: the one place where access rules live. Every query, nested relation,
 * node lookup, filter, mutation and subscription goes through these functions.
 *
 * Need to know (signals concern minors):
 * - ADMIN (global) sees and manages everything; their reads of signal content are audited too.
 * - YOUTH_WORKER (partnership): the full signals of their partnerships that youth work owns or that
 *   were shared with youth work (other signals of the partnership: not at all); all activities.
 * - SCHOOL_CONTACT, STUDENT_COUNSELLOR (partnership): the full signals the school owns or that were
 *   shared with the school; of the partnership's other signals only the metadata (that it exists,
 *   status, life domain, owner side; a referral reads as IN_PROGRESS); all activities.
 * - MENTOR (partnership): reports signals; sees the ones they reported.
 * - POLICY_ADVISOR (city): partnerships, activities and people of their city (not the notes, nor the
 *   themes of an individual guidance); signals as metadata.
 * - ANALYST (city or global): partnerships in scope; no personal data at row level (no signals, no
 *   activities, no people but themselves).
 * Nobody but an ADMIN sees another city's rows. Content a viewer may not read is null in the API
 * (with a NEED_TO_KNOW reason in the response's extensions); filters and sorting on such content
 * only ever apply to signals whose content the viewer may read.
 */
import type { Prisma } from '../generated/prisma/client.ts';
import type { PartnerSide, Role, SignalAudience, SignalStatus } from '../generated/prisma/enums.ts';
import { isShownKind, shownKinds } from '../schema/activity/kinds.ts';
import type { Viewer } from './viewer.ts';

/** Roles that work with a partnership's signals (read and follow up). */
export const SIGNAL_HANDLERS = ['YOUTH_WORKER', 'SCHOOL_CONTACT', 'STUDENT_COUNSELLOR'] as const satisfies Role[];
/** Roles that may report a signal in their partnership. */
export const SIGNAL_REPORTERS = [...SIGNAL_HANDLERS, 'MENTOR'] as const satisfies Role[];
/** Roles that may log activities in their partnership. */
export const ACTIVITY_LOGGERS = SIGNAL_HANDLERS;
/** Partnership roles on the school's side. */
export const SCHOOL_ROLES = ['SCHOOL_CONTACT', 'STUDENT_COUNSELLOR', 'MENTOR'] as const satisfies Role[];
const PARTNERSHIP_ROLES: Role[] = ['YOUTH_WORKER', 'SCHOOL_CONTACT', 'STUDENT_COUNSELLOR', 'MENTOR'];
const CITY_READERS: Role[] = ['POLICY_ADVISOR', 'ANALYST'];

const NOTHING = { id: { in: [] as string[] } };

/**
 * OR of the clauses whose ID list is not empty: a clause on `in: []` cannot match, and leaving it
 * out spares its join (`OR (1=0 AND …)` with a LEFT JOIN). No clause left: nothing.
 */
function anyOf<W>(parts: [ids: readonly string[], where: W][]): W | typeof NOTHING {
  const live = parts.filter(([ids]) => ids.length > 0).map(([, where]) => where);
  if (live.length === 0) return NOTHING;
  return live.length === 1 ? live[0]! : ({ OR: live } as W);
}

export function partnershipWhere(viewer: Viewer): Prisma.PartnershipWhereInput {
  if (viewer.isAdmin || viewer.hasGlobal('ANALYST')) return {};
  return {
    OR: [
      { id: { in: viewer.partnershipIds(PARTNERSHIP_ROLES) } },
      { cityId: { in: viewer.cityIds(CITY_READERS) } },
    ],
  };
}

/** Roles on the school's side that read the metadata of all the partnership's signals. */
const SCHOOL_SIGNAL_READERS = ['SCHOOL_CONTACT', 'STUDENT_COUNSELLOR'] as const satisfies Role[];

/** Signals whose content the given side may read: its own, and those shared with it. */
const readableBy = (side: PartnerSide) => ({ OR: [{ ownerSide: side }, { sharedWith: { in: [side, 'BOTH' as const] } }] });

/** Signals the viewer may know exist: with their content, or as metadata only. */
export function signalWhere(viewer: Viewer): Prisma.SignalWhereInput {
  if (viewer.isAdmin) return {};
  if (!viewer.personId) return NOTHING;
  const cities = viewer.cityIds(['POLICY_ADVISOR']);
  const schoolReaders = viewer.partnershipIds(SCHOOL_SIGNAL_READERS);
  return anyOf<Prisma.SignalWhereInput>([
    ...signalContentParts(viewer),
    [schoolReaders, { partnershipId: { in: schoolReaders } }],
    [cities, { partnership: { cityId: { in: cities } } }],
  ]);
}

/** Signals whose content (summary, category, youth, follow-ups, …) the viewer may read. */
export function signalContentWhere(viewer: Viewer): Prisma.SignalWhereInput {
  if (viewer.isAdmin) return {};
  if (!viewer.personId) return NOTHING;
  return anyOf<Prisma.SignalWhereInput>(signalContentParts(viewer));
}

function signalContentParts(viewer: Viewer): [string[], Prisma.SignalWhereInput][] {
  const part = (ids: string[], where: Prisma.SignalWhereInput): [string[], Prisma.SignalWhereInput] => [ids, { partnershipId: { in: ids }, ...where }];
  return [
    part(viewer.partnershipIds(['YOUTH_WORKER']), readableBy('YOUTH_WORK')),
    part(viewer.partnershipIds(SCHOOL_SIGNAL_READERS), readableBy('SCHOOL')),
    part(viewer.partnershipIds(['MENTOR']), { reportedById: viewer.personId }),
  ];
}

/** `signalContentWhere` for one loaded signal (the same rule, without a query). */
export function canReadSignalContent(
  viewer: Viewer,
  signal: { partnershipId: string; ownerSide: PartnerSide; sharedWith: SignalAudience; reportedById: string | null },
): boolean {
  if (viewer.isAdmin) return true;
  if (!viewer.personId) return false;
  const readable = (side: PartnerSide) => signal.ownerSide === side || signal.sharedWith === side || signal.sharedWith === 'BOTH';
  return (
    (viewer.partnershipIds(['YOUTH_WORKER']).includes(signal.partnershipId) && readable('YOUTH_WORK')) ||
    (viewer.partnershipIds(SCHOOL_SIGNAL_READERS).includes(signal.partnershipId) && readable('SCHOOL')) ||
    (viewer.partnershipIds(['MENTOR']).includes(signal.partnershipId) && signal.reportedById === viewer.personId)
  );
}

/**
 * The status of a signal as the viewer may know it. That a signal was referred (to care outside the
 * partnership, e.g. a buurtteam) is content, as `referredAt` and `referralDestination` are: for
 * those who may only know that the signal exists, REFERRED reads as IN_PROGRESS (in hand).
 */
export function knownSignalStatus(
  viewer: Viewer,
  signal: { status: SignalStatus; partnershipId: string; ownerSide: PartnerSide; sharedWith: SignalAudience; reportedById: string | null },
): SignalStatus {
  return signal.status === 'REFERRED' && !canReadSignalContent(viewer, signal) ? 'IN_PROGRESS' : signal.status;
}

/**
 * Signals whose status, as the viewer may know it (`knownSignalStatus`), is one of `statuses`: a
 * status filter must not tell a metadata reader which of the signals it sees as IN_PROGRESS were
 * referred.
 */
export function signalStatusWhere(viewer: Viewer, statuses: readonly SignalStatus[]): Prisma.SignalWhereInput {
  const exact = { status: { in: [...statuses] } };
  const asKnown = [...statuses.filter((x) => x !== 'REFERRED'), ...(statuses.includes('IN_PROGRESS') ? (['REFERRED'] as const) : [])];
  if (viewer.isAdmin || asKnown.length === statuses.length) return exact; // neither or both of IN_PROGRESS and REFERRED
  const content = signalContentWhere(viewer);
  return { OR: [{ AND: [content, exact] }, { AND: [{ NOT: content }, { status: { in: asKnown } }] }] };
}

/** What the in-memory rules below need of a record (loaded once per live event, for all subscribers). */
export interface RecordFacts {
  id: string;
  partnershipId: string;
  cityId: string;
  ownerSide?: PartnerSide;
  sharedWith?: SignalAudience;
  reportedById?: string | null;
  /** An activity's kind (one this server does not show is hidden, see `shownKinds`). */
  kind?: string;
}

/** `activityWhere` for one loaded activity (the same rule, without a query). */
export function canReadActivity(viewer: Viewer, activity: RecordFacts): boolean {
  if (activity.kind !== undefined && !isShownKind(activity.kind)) return false;
  if (viewer.isAdmin) return true;
  return viewer.partnershipIds(ACTIVITY_LOGGERS).includes(activity.partnershipId) || viewer.cityIds(['POLICY_ADVISOR']).includes(activity.cityId);
}

/** `signalWhere` for one loaded signal: the viewer may know it exists (content or metadata). */
export function canKnowSignal(viewer: Viewer, signal: Required<RecordFacts>): boolean {
  if (viewer.isAdmin) return true;
  if (!viewer.personId) return false;
  return (
    canReadSignalContent(viewer, signal) ||
    viewer.partnershipIds(SCHOOL_SIGNAL_READERS).includes(signal.partnershipId) ||
    viewer.cityIds(['POLICY_ADVISOR']).includes(signal.cityId)
  );
}

/** `partnershipWhere` for one loaded partnership. */
export function canReadPartnership(viewer: Viewer, partnership: RecordFacts): boolean {
  if (viewer.isAdmin || viewer.hasGlobal('ANALYST')) return true;
  return viewer.partnershipIds(PARTNERSHIP_ROLES).includes(partnership.id) || viewer.cityIds(CITY_READERS).includes(partnership.cityId);
}

/** Activities you may read, of a kind this server shows (not a disabled plugin's, see `shownKinds`). */
export function activityWhere(viewer: Viewer): Prisma.ActivityWhereInput {
  if (viewer.isAdmin) return shownKinds();
  const partnerships = viewer.partnershipIds(ACTIVITY_LOGGERS);
  const cities = viewer.cityIds(['POLICY_ADVISOR']);
  const readable = anyOf<Prisma.ActivityWhereInput>([
    [partnerships, { partnershipId: { in: partnerships } }],
    [cities, { partnership: { cityId: { in: cities } } }],
  ]);
  return readable === NOTHING ? NOTHING : { AND: [shownKinds(), readable] };
}

/** People: yourself, the people of your partnerships, and for policy advisors those of their city. */
export function personWhere(viewer: Viewer): Prisma.PersonWhereInput {
  if (viewer.isAdmin) return {};
  if (!viewer.personId) return NOTHING;
  return {
    OR: [
      { id: viewer.personId },
      { roleAssignments: { some: membershipWhere(viewer) } },
      // Policy advisors also see the city's own staff (other advisors, analysts).
      { roleAssignments: { some: { cityId: { in: viewer.cityIds(['POLICY_ADVISOR']) } } } },
    ],
  };
}

/** Role assignments shown in full (as `Person.roles` or nodes): your own; admins see all. */
export function roleAssignmentWhere(viewer: Viewer): Prisma.RoleAssignmentWhereInput {
  if (viewer.isAdmin) return {};
  return viewer.personId ? { personId: viewer.personId } : NOTHING;
}

/**
 * Role assignments a filter may look at: those in partnerships whose people you see (so a filter on
 * role or partnership tells nothing about memberships elsewhere).
 */
export function membershipWhere(viewer: Viewer): Prisma.RoleAssignmentWhereInput {
  if (viewer.isAdmin) return {};
  const partnerships = viewer.partnershipIds(PARTNERSHIP_ROLES);
  const cities = viewer.cityIds(['POLICY_ADVISOR']);
  return anyOf<Prisma.RoleAssignmentWhereInput>([
    [partnerships, { partnershipId: { in: partnerships } }],
    [cities, { partnership: { cityId: { in: cities } } }],
  ]);
}

/** Youth references (pseudonymous codes): those of the schools where you report or handle signals. */
export function youthWhere(viewer: Viewer): Prisma.YouthWhereInput {
  if (viewer.isAdmin) return {};
  return { school: { partnerships: { some: { id: { in: viewer.partnershipIds(SIGNAL_REPORTERS) } } } } };
}

/** Cities, schools and organisations: those of the cities where you hold any role. */
export function cityWhere(viewer: Viewer): Prisma.CityWhereInput {
  if (viewer.isAdmin || viewer.hasGlobal('ANALYST')) return {};
  return {
    OR: [
      { id: { in: viewer.cityIds(CITY_READERS) } },
      { partnerships: { some: { id: { in: viewer.partnershipIds(PARTNERSHIP_ROLES) } } } },
    ],
  };
}

/** Whether the viewer may see the people (names, emails) connected to a partnership they can see. */
export function canSeePeopleOf(viewer: Viewer, partnership: { id: string; cityId: string }) {
  return (
    viewer.isAdmin ||
    viewer.partnershipIds(PARTNERSHIP_ROLES).includes(partnership.id) ||
    viewer.cityIds(['POLICY_ADVISOR']).includes(partnership.cityId)
  );
}

/** The side of the partnership the viewer works on there (youth work first), or null (e.g. admins). */
export function sideIn(viewer: Viewer, partnershipId: string): PartnerSide | null {
  if (viewer.partnershipIds(['YOUTH_WORKER']).includes(partnershipId)) return 'YOUTH_WORK';
  if (viewer.partnershipIds(SCHOOL_ROLES).includes(partnershipId)) return 'SCHOOL';
  return null;
}

/** Whether the viewer holds one of `roles` in the partnership (admins always do). */
export function actsIn(viewer: Viewer, partnershipId: string, roles: readonly Role[]) {
  return viewer.isAdmin || viewer.partnershipIds(roles).includes(partnershipId);
}

/** Roles that read evaluation figures and exports (aggregates and pseudonymised rows, never identities). */
export const EVALUATION_ROLES = ['ANALYST', 'POLICY_ADVISOR'] as const satisfies Role[];

/**
 * Cities whose evaluation figures and exports the viewer may read: `null` means every city (admins,
 * global analysts), `[]` none (everyone else: refuse with FORBIDDEN). City-scoped analysts and
 * policy advisors get their own cities only.
 */
export function evaluationCityIds(viewer: Viewer): string[] | null {
  if (viewer.isAdmin || viewer.hasGlobal('ANALYST')) return null;
  return viewer.cityIds(EVALUATION_ROLES);
}

/**
 * Whether evaluation figures tell REFERRED apart from IN_PROGRESS (`SIGNAL_STATUS`). That a signal
 * was referred is content (`knownSignalStatus`), and a figure counts the signals of whole cities,
 * most of which an analyst or policy advisor may know as metadata only (or not at all), so only
 * admins, who may read every signal's content, get REFERRED; for everyone else it counts as
 * IN_PROGRESS, also for someone who may read some of the signals (one rule per question, not per
 * signal: a mixed rule would tell which signals they cannot read were referred).
 */
export const evaluationSeesReferrals = (viewer: Viewer) => viewer.isAdmin;

/** Roles that record and update partnership monitor assessments in their partnership (admins too). */
export const ASSESSMENT_RECORDERS = SIGNAL_HANDLERS;

/**
 * Assessments read in full (scores, comments, action plan, who recorded them): the partnership's own
 * people and admins. Analysts and policy advisors get scores only, aggregated through `evaluation`.
 */
export function assessmentWhere(viewer: Viewer): Prisma.PartnershipAssessmentWhereInput {
  if (viewer.isAdmin) return {};
  return { partnershipId: { in: viewer.partnershipIds(PARTNERSHIP_ROLES) } };
}

/** `assessmentWhere` for one partnership (the same rule, without a query). */
export function canReadAssessmentsOf(viewer: Viewer, partnershipId: string): boolean {
  return viewer.isAdmin || viewer.partnershipIds(PARTNERSHIP_ROLES).includes(partnershipId);
}

/**
 * Who manages reference data (cities, schools, organisations, people, roles, partnerships): global
 * admins only. There is no city administrator role (yet); README "No city administrator role (yet)"
 * says why and the shape it would take.
 */
export const managesReferenceData = (viewer: Viewer) => viewer.isAdmin;
