import { z } from 'zod';
import { signalWhere } from '../../auth/policy.ts';
import type { Viewer } from '../../auth/viewer.ts';
import { type Args, builder } from '../../builder.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { LifeDomain, SignalCategory, SignalStatus, SignalSubject, SignalUrgency } from '../../generated/prisma/enums.ts';
import { globalId, parseInput } from '../../validation.ts';
import {
  LifeDomainEnum,
  OrderDirection,
  SignalCategoryEnum,
  SignalStatusEnum,
  SignalSubjectEnum,
  SignalUrgencyEnum,
} from '../enums.ts';

export const SignalFilter = builder.inputType('SignalFilter', {
  description: 'All given conditions must hold; a list matches any of its values.',
  fields: (t) => ({
    partnershipId: t.id(),
    status: t.field({ type: [SignalStatusEnum] }),
    lifeDomain: t.field({ type: [LifeDomainEnum] }),
    category: t.field({ type: [SignalCategoryEnum] }),
    urgency: t.field({ type: [SignalUrgencyEnum] }),
    subject: t.field({ type: SignalSubjectEnum }),
    youthId: t.id(),
    reportedAfter: t.field({ type: 'DateTime', description: 'Reported at or after this instant.' }),
    reportedBefore: t.field({ type: 'DateTime', description: 'Reported before this instant.' }),
  }),
});

const SignalOrderField = builder.enumType('SignalOrderField', { values: ['REPORTED_AT', 'URGENCY', 'UPDATED_AT'] as const });
export const SignalOrder = builder.inputType('SignalOrder', {
  fields: (t) => ({
    field: t.field({ type: SignalOrderField, required: true }),
    direction: t.field({ type: OrderDirection, defaultValue: 'DESC' }),
  }),
});

const list = <T extends z.ZodType>(item: T) => z.array(item).max(20).nullish();

const signalFilterSchema = z
  .object({
    partnershipId: globalId('Partnership').nullish(),
    status: list(z.enum(SignalStatus)),
    lifeDomain: list(z.enum(LifeDomain)),
    category: list(z.enum(SignalCategory)),
    urgency: list(z.enum(SignalUrgency)),
    subject: z.enum(SignalSubject).nullish(),
    youthId: globalId('Youth').nullish(),
    reportedAfter: z.date().nullish(),
    reportedBefore: z.date().nullish(),
  })
  .nullish();

type OrderInput = { field: 'REPORTED_AT' | 'URGENCY' | 'UPDATED_AT'; direction?: 'ASC' | 'DESC' | null } | null | undefined;

const ORDER_COLUMNS = { REPORTED_AT: 'reportedAt', URGENCY: 'urgency', UPDATED_AT: 'updatedAt' } as const;

/** `where` and `orderBy` for a signal list: the access rules AND the filter. Newest first by default. */
export function signalListQuery(viewer: Viewer, rawFilter: unknown, order?: OrderInput) {
  const f = parseInput(signalFilterSchema, rawFilter, 'filter') ?? {};
  const where: Prisma.SignalWhereInput = {
    AND: [
      signalWhere(viewer),
      {
        ...(f.partnershipId ? { partnershipId: f.partnershipId } : {}),
        ...(f.status?.length ? { status: { in: f.status } } : {}),
        ...(f.lifeDomain?.length ? { lifeDomain: { in: f.lifeDomain } } : {}),
        ...(f.category?.length ? { category: { in: f.category } } : {}),
        ...(f.urgency?.length ? { urgency: { in: f.urgency } } : {}),
        ...(f.subject ? { subject: f.subject } : {}),
        ...(f.youthId ? { youthId: f.youthId } : {}),
        ...(f.reportedAfter || f.reportedBefore
          ? { reportedAt: { ...(f.reportedAfter ? { gte: f.reportedAfter } : {}), ...(f.reportedBefore ? { lt: f.reportedBefore } : {}) } }
          : {}),
      },
    ],
  };
  const direction = order?.direction === 'ASC' ? 'asc' : 'desc';
  const orderBy: Prisma.SignalOrderByWithRelationInput[] = [{ [ORDER_COLUMNS[order?.field ?? 'REPORTED_AT']]: direction }, { id: direction }];
  return { where, orderBy };
}

/** The `filter` and `orderBy` arguments shared by every signal list. */
export const signalListArgs = (t: Args) => ({
  filter: t.arg({ type: SignalFilter }),
  orderBy: t.arg({ type: SignalOrder }),
});
