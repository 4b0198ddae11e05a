/**
 * Who may see and do what: the one place where access rules live. Every query, nested relation,
 * node lookup, mutation and subscription filters through these functions.
 *
 * Baseline (the full need-to-know matrix builds on it, never around it):
 * - ADMIN (global) sees and manages everything.
 * - Partnership roles see their own partnerships. YOUTH_WORKER, SCHOOL_CONTACT and
 *   STUDENT_COUNSELLOR see the partnership's signals and activities; a MENTOR sees only the signals
 *   they reported.
 * - POLICY_ADVISOR (city) sees the partnerships, activities and people of their city; no signals.
 * - ANALYST sees partnerships in scope and no personal data at row level: no signals, no activities,
 *   no people but themselves.
 */
import type { Prisma } from '../generated/prisma/client.ts';
import type { PartnerSide, Role } from '../generated/prisma/enums.ts';
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

export function partnershipWhere(viewer: Viewer): Prisma.PartnershipWhereInput {
  if (viewer.isAdmin || viewer.hasGlobal('ANALYST')) return {};
  return {
    OR: [
      { id: { in: viewer.partnershipIds(PARTNERSHIP_ROLES) } },
      { cityId: { in: viewer.cityIds(CITY_READERS) } },
    ],
  };
}

export function signalWhere(viewer: Viewer): Prisma.SignalWhereInput {
  if (viewer.isAdmin) return {};
  if (!viewer.personId) return NOTHING;
  return {
    OR: [
      { partnershipId: { in: viewer.partnershipIds(SIGNAL_HANDLERS) } },
      { partnershipId: { in: viewer.partnershipIds(['MENTOR']) }, reportedById: viewer.personId },
    ],
  };
}

export function activityWhere(viewer: Viewer): Prisma.ActivityWhereInput {
  if (viewer.isAdmin) return {};
  return {
    OR: [
      { partnershipId: { in: viewer.partnershipIds(ACTIVITY_LOGGERS) } },
      { partnership: { cityId: { in: viewer.cityIds(['POLICY_ADVISOR']) } } },
    ],
  };
}

/** People: yourself, the people of your partnerships, and for policy advisors those of their city. */
export function personWhere(viewer: Viewer): Prisma.PersonWhereInput {
  if (viewer.isAdmin) return {};
  if (!viewer.personId) return NOTHING;
  const partnerships = viewer.partnershipIds(PARTNERSHIP_ROLES);
  const cities = viewer.cityIds(['POLICY_ADVISOR']);
  return {
    OR: [
      { id: viewer.personId },
      { roleAssignments: { some: { partnershipId: { in: partnerships } } } },
      { roleAssignments: { some: { OR: [{ cityId: { in: cities } }, { partnership: { cityId: { in: cities } } }] } } },
    ],
  };
}

/** Youth references: those of the schools where you handle signals or log activities. */
export function youthWhere(viewer: Viewer): Prisma.YouthWhereInput {
  if (viewer.isAdmin) return {};
  return { school: { partnerships: { some: { id: { in: viewer.partnershipIds(SIGNAL_HANDLERS) } } } } };
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
