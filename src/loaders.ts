import DataLoader from 'dataloader';
import { cityWhere, personWhere, signalWhere } from './auth/policy.ts';
import type { Viewer } from './auth/viewer.ts';
import { Prisma, type PrismaClient } from './generated/prisma/client.ts';

/** Per-request DataLoaders for what Prisma cannot batch itself: aggregates per parent. */
const MAKERS = {
  /** Open (not closed) signals per partnership, counting only signals the viewer may see. */
  openSignalCount: (prisma: PrismaClient, viewer: Viewer) => new DataLoader<string, number>(async (partnershipIds) => {
    const rows = await prisma.signal.groupBy({
      by: ['partnershipId'],
      where: { AND: [{ partnershipId: { in: [...partnershipIds] }, status: { not: 'CLOSED' } }, signalWhere(viewer)] },
      _count: { _all: true },
    });
    const counts = new Map(rows.map((r) => [r.partnershipId, r._count._all]));
    return partnershipIds.map((id) => counts.get(id) ?? 0);
  }),
  /**
   * Whether the viewer may see a person (the `node`/`people` rule), for people reached through a
   * relation: one statement for every person of a request.
   */
  personVisible: (prisma: PrismaClient, viewer: Viewer) => new DataLoader<string, boolean>(async (personIds) => {
    const rows = await prisma.person.findMany({ where: { AND: [{ id: { in: [...personIds] } }, personWhere(viewer)] }, select: { id: true } });
    const visible = new Set(rows.map((r) => r.id));
    return personIds.map((id) => visible.has(id));
  }),
  /**
   * Whether the viewer may see a city's data (the `cityWhere` rule), for schools, organisations and
   * cities reached through a relation: nobody but an admin sees another city's.
   */
  cityVisible: (prisma: PrismaClient, viewer: Viewer) => new DataLoader<string, boolean>(async (cityIds) => {
    const rows = await prisma.city.findMany({ where: { AND: [{ id: { in: [...cityIds] } }, cityWhere(viewer)] }, select: { id: true } });
    const visible = new Set(rows.map((r) => r.id));
    return cityIds.map((id) => visible.has(id));
  }),
  /** What kind of actor a person is (shown even when the person is hidden). */
  actorKind: (prisma: PrismaClient, viewer: Viewer) => new DataLoader<string, ActorKind>(async (personIds) => {
    const rows = await prisma.person.findMany({
      where: { id: { in: [...personIds] } },
      select: { id: true, organisationId: true, schoolId: true, roleAssignments: { select: { role: true, scope: true } } },
    });
    const kinds = new Map(rows.map((r) => [r.id, actorKindOf(r)]));
    return personIds.map((id) => kinds.get(id) ?? 'OTHER');
  }),
  /**
   * The name of the city of a partnership (`partnership:<id>`) or a city (`city:<id>`), for
   * deciding which city plugins apply to a record. One statement for every record of a request.
   */
  cityName: (prisma: PrismaClient, viewer: Viewer) => new DataLoader<string, string | null>(async (keys) => {
    const ids = (prefix: string) => keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
    const rows = await prisma.$queryRaw<{ key: string; name: string }[]>`
      SELECT 'partnership:' || p.id AS key, c.name FROM "Partnership" p JOIN "City" c ON c.id = p."cityId"
       WHERE p.id::text IN (${Prisma.join([...ids('partnership:'), ''])})
      UNION ALL
      SELECT 'city:' || c.id AS key, c.name FROM "City" c WHERE c.id::text IN (${Prisma.join([...ids('city:'), ''])})`;
    const names = new Map(rows.map((r) => [r.key, r.name]));
    return keys.map((k) => names.get(k) ?? null);
  }),
} satisfies Record<string, (prisma: PrismaClient, viewer: Viewer) => object>;

type Makers = typeof MAKERS;
export type Loaders = { readonly [K in keyof Makers]: ReturnType<Makers[K]> };
export const LOADER_NAMES = Object.keys(MAKERS) as (keyof Loaders)[];

/**
 * Each loader made when first used (a subscription's context may never use one), by getters on the
 * prototype: a request's loaders are one small object, with no closures of their own.
 */
class LazyLoaders {
  constructor(
    readonly prisma: PrismaClient,
    readonly viewer: Viewer,
  ) {}
}
for (const name of LOADER_NAMES) {
  Object.defineProperty(LazyLoaders.prototype, name, {
    get(this: LazyLoaders) {
      const loader = MAKERS[name](this.prisma, this.viewer);
      Object.defineProperty(this, name, { value: loader });
      return loader;
    },
  });
}

export function createLoaders(prisma: PrismaClient, viewer: Viewer): Loaders {
  return new LazyLoaders(prisma, viewer) as unknown as Loaders;
}

/** What kind of actor a person is: enough to read a trail without knowing who. */
export type ActorKind = 'ADMINISTRATOR' | 'YOUTH_WORK' | 'SCHOOL' | 'MUNICIPALITY' | 'OTHER';

function actorKindOf(p: { organisationId: string | null; schoolId: string | null; roleAssignments: { role: string; scope: string }[] }): ActorKind {
  const roles = new Set(p.roleAssignments.map((a) => a.role));
  if (p.roleAssignments.some((a) => a.role === 'ADMIN' && a.scope === 'GLOBAL')) return 'ADMINISTRATOR';
  if (p.organisationId || roles.has('YOUTH_WORKER')) return 'YOUTH_WORK';
  if (p.schoolId || roles.has('SCHOOL_CONTACT') || roles.has('STUDENT_COUNSELLOR') || roles.has('MENTOR')) return 'SCHOOL';
  if (roles.has('POLICY_ADVISOR') || roles.has('ANALYST')) return 'MUNICIPALITY';
  return 'OTHER';
}

