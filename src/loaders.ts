import DataLoader from 'dataloader';
import { signalWhere } from './auth/policy.ts';
import type { Viewer } from './auth/viewer.ts';
import { Prisma, type PrismaClient } from './generated/prisma/client.ts';

/** Per-request DataLoaders for what Prisma cannot batch itself: aggregates per parent. */
export function createLoaders(prisma: PrismaClient, viewer: Viewer) {
  return {
    /** Open (not closed) signals per partnership, counting only signals the viewer may see. */
    openSignalCount: new DataLoader<string, number>(async (partnershipIds) => {
      const rows = await prisma.signal.groupBy({
        by: ['partnershipId'],
        where: { AND: [{ partnershipId: { in: [...partnershipIds] }, status: { not: 'CLOSED' } }, signalWhere(viewer)] },
        _count: { _all: true },
      });
      const counts = new Map(rows.map((r) => [r.partnershipId, r._count._all]));
      return partnershipIds.map((id) => counts.get(id) ?? 0);
    }),
    /**
     * The name of the city of a partnership (`partnership:<id>`) or a city (`city:<id>`), for
     * deciding which city plugins apply to a record. One statement for every record of a request.
     */
    cityName: new DataLoader<string, string | null>(async (keys) => {
      const ids = (prefix: string) => keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
      const rows = await prisma.$queryRaw<{ key: string; name: string }[]>`
        SELECT 'partnership:' || p.id AS key, c.name FROM "Partnership" p JOIN "City" c ON c.id = p."cityId"
         WHERE p.id::text IN (${Prisma.join([...ids('partnership:'), ''])})
        UNION ALL
        SELECT 'city:' || c.id AS key, c.name FROM "City" c WHERE c.id::text IN (${Prisma.join([...ids('city:'), ''])})`;
      const names = new Map(rows.map((r) => [r.key, r.name]));
      return keys.map((k) => names.get(k) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
