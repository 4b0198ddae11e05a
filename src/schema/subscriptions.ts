import { filter, pipe } from 'graphql-yoga';
import { activityWhere, signalWhere } from '../auth/policy.ts';
import { builder } from '../builder.ts';
import { type Context, refreshViewer } from '../context.ts';
import type { Events, RecordEvent } from '../pubsub.ts';
import { globalId, parseInput } from '../validation.ts';
import { ActivityRef } from './activity/object.ts';

/**
 * Events of one topic, for one partnership if asked, that the subscriber may read: each event is
 * checked against the access rules when it arrives, so a role revoked later or a signal of another
 * school never reaches them.
 */
function readableEvents(
  ctx: Context,
  topic: keyof Events,
  partnershipIdArg: string | null | undefined,
  canRead: (event: RecordEvent) => Promise<boolean>,
) {
  const partnershipId = partnershipIdArg ? parseInput(globalId('Partnership'), partnershipIdArg, 'partnershipId') : null;
  return pipe(
    ctx.pubsub.subscribe(topic),
    filter(async (event: RecordEvent) => (!partnershipId || event.partnershipId === partnershipId) && canRead(event)),
  );
}

const canReadSignal = (ctx: Context) => async (e: RecordEvent) =>
  (await ctx.prisma.signal.count({ where: { id: e.id, AND: [signalWhere(await refreshViewer(ctx))] } })) > 0;

const canReadActivity = (ctx: Context) => async (e: RecordEvent) =>
  (await ctx.prisma.activity.count({ where: { id: e.id, AND: [activityWhere(await refreshViewer(ctx))] } })) > 0;

builder.subscriptionField('activityLogged', (t) =>
  t.prismaField({
    type: ActivityRef,
    description: 'An activity was logged (in one partnership, if given) that you may see.',
    args: { partnershipId: t.arg.id() },
    subscribe: (_root, args, ctx) => readableEvents(ctx, 'activityLogged', args.partnershipId, canReadActivity(ctx)),
    resolve: (query, event: RecordEvent, _args, ctx) =>
      ctx.prisma.activity.findUniqueOrThrow({ ...query, where: { id: event.id } }),
  }),
);

const SIGNAL_TOPICS = {
  signalReported: 'A signal was reported (in one partnership, if given) that you may see.',
  signalChanged: 'A signal you may see changed status or got a follow-up.',
} as const;

for (const [topic, description] of Object.entries(SIGNAL_TOPICS) as [keyof typeof SIGNAL_TOPICS, string][]) {
  builder.subscriptionField(topic, (t) =>
    t.prismaField({
      type: 'Signal',
      description,
      args: { partnershipId: t.arg.id() },
      subscribe: (_root, args, ctx) => readableEvents(ctx, topic, args.partnershipId, canReadSignal(ctx)),
      resolve: (query, event: RecordEvent, _args, ctx) => ctx.prisma.signal.findUniqueOrThrow({ ...query, where: { id: event.id } }),
    }),
  );
}
