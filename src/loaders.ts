import DataLoader from 'dataloader';
import { signalWhere } from './auth/policy.ts';
import type { Viewer } from './auth/viewer.ts';
import type { PrismaClient } from './generated/prisma/client.ts';

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
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
