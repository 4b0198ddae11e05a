import { z } from 'zod';
import { signalContentWhere, signalStatusWhere, signalWhere } from '../../auth/policy.ts';
import type { Viewer } from '../../auth/viewer.ts';
import { type Args, builder } from '../../builder.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { LifeDomain, SignalCategory, SignalStatus, SignalSubject, SignalUrgency } from '../../generated/prisma/enums.ts';
import { globalId, parseInput } from '../../validation.ts';
import { pilotFilterFields, pilotFilterRules, pilotWhere } from '../../plugins/fields.ts';
import { defineOrder, range } from '../ordering.ts';
import {
  LifeDomainEnum,
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
    ...pilotFilterFields(t, 'Signal'),
  }),
});

export const SignalOrder = defineOrder(
  'SignalOrder',
  { REPORTED_AT: 'reportedAt', URGENCY: 'urgency', UPDATED_AT: 'updatedAt' },
  { field: 'REPORTED_AT', direction: 'DESC' },
);

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
    ...pilotFilterRules('Signal'),
  })
  .nullish();


/** `where` and `orderBy` for a signal list: the access rules AND the filter. Newest first by default. */
export function signalListQuery(viewer: Viewer, rawFilter: unknown, order?: Parameters<typeof SignalOrder.orderBy>[0]) {
  const f = parseInput(signalFilterSchema, rawFilter, 'filter') ?? {};
  // Filtering or sorting on content must not reveal it: such a list only holds signals whose
  // content the viewer may read.
  const contentFields = [
    ...(f.category?.length ? ['category'] : []),
    ...(f.urgency?.length || order?.field === 'URGENCY' ? ['urgency'] : []),
    ...(f.subject ? ['subject'] : []),
    ...(f.youthId ? ['youth'] : []),
    // Pilot values of a signal are content too.
    ...(pilotWhere('Signal', f).length ? ['pilotData'] : []),
  ];
  // Sorting by last change orders by work done on the content (hidden from metadata readers too).
  const onContent = contentFields.length > 0 || order?.field === 'UPDATED_AT';
  /** What the viewer may list here before the filter: the signals a cursor may point at. */
  const scope: Prisma.SignalWhereInput = { AND: [signalWhere(viewer), onContent ? signalContentWhere(viewer) : {}] };
  const where: Prisma.SignalWhereInput = {
    AND: [
      scope,
      {
        ...(f.partnershipId ? { partnershipId: f.partnershipId } : {}),
        ...(f.lifeDomain?.length ? { lifeDomain: { in: f.lifeDomain } } : {}),
        ...(f.category?.length ? { category: { in: f.category } } : {}),
        ...(f.urgency?.length ? { urgency: { in: f.urgency } } : {}),
        ...(f.subject ? { subject: f.subject } : {}),
        ...(f.youthId ? { youthId: f.youthId } : {}),
        reportedAt: range(f.reportedAfter, f.reportedBefore),
      },
      f.status?.length ? signalStatusWhere(viewer, f.status) : {},
      ...pilotWhere('Signal', f),
    ],
  };
  return {
    where,
    scope,
    orderBy: SignalOrder.orderBy(order) as Prisma.SignalOrderByWithRelationInput[],
    /** Content the list's filter or order reads about every signal it returns (to audit). */
    contentFields,
  };
}

/** The `filter` and `orderBy` arguments shared by every signal list. */
export const signalListArgs = (t: Args) => ({
  filter: t.arg({ type: SignalFilter, description: 'Only the items matching every field given (fields left out do not filter).' }),
  orderBy: t.arg({ type: SignalOrder.Input, description: 'The order of the list (the default is stated on the list); ties are broken by ID, so pages are stable.' }),
});
