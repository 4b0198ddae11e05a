import { filter, pipe } from 'graphql-yoga';
import { activityWhere, partnershipWhere, signalContentWhere, signalWhere } from '../auth/policy.ts';
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
export function readableEvents(
  ctx: Context,
  topic: keyof Events | `plugin:${string}`,
  partnershipIdArg: string | null | undefined,
  canRead: (event: RecordEvent) => Promise<boolean>,
) {
  const partnershipId = partnershipIdArg ? parseInput(globalId('Partnership'), partnershipIdArg, 'partnershipId') : null;
  return pipe(
    (ctx.pubsub.subscribe as (topic: string) => AsyncIterable<RecordEvent>)(topic),
    filter(async (event: RecordEvent) => (!partnershipId || event.partnershipId === partnershipId) && canRead(event)),
  );
}

const canKnowSignal = (ctx: Context) => async (e: RecordEvent) =>
  (await ctx.prisma.signal.count({ where: { id: e.id, AND: [signalWhere(await refreshViewer(ctx))] } })) > 0;

// Changes (status, follow-ups, sharing) are work on the content: only those who may read it hear of them.
const canReadSignal = (ctx: Context) => async (e: RecordEvent) =>
  (await ctx.prisma.signal.count({ where: { id: e.id, AND: [signalContentWhere(await refreshViewer(ctx))] } })) > 0;

const canReadActivity = (ctx: Context) => async (e: RecordEvent) =>
  (await ctx.prisma.activity.count({ where: { id: e.id, AND: [activityWhere(await refreshViewer(ctx))] } })) > 0;

const canReadPartnership = (ctx: Context) => async (e: RecordEvent) =>
  (await ctx.prisma.partnership.count({ where: { id: e.id, AND: [partnershipWhere(await refreshViewer(ctx))] } })) > 0;

/**
 * Who hears of a plugin's event about a record of each kind. About a signal: only those who may read
 * its content (a plugin publishes because of what it found in the content, e.g. its urgency).
 */
export const EVENT_RULES = { Signal: canReadSignal, Activity: canReadActivity, Partnership: canReadPartnership } as const;

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
  signalReported: {
    description: 'A signal was reported (in one partnership, if given) that you may know of (its content as your role allows).',
    canRead: canKnowSignal,
  },
  signalChanged: {
    description: 'A signal whose content you may read changed status, got a follow-up or was shared.',
    canRead: canReadSignal,
  },
} as const;

for (const [topic, { description, canRead }] of Object.entries(SIGNAL_TOPICS) as [keyof typeof SIGNAL_TOPICS, (typeof SIGNAL_TOPICS)[keyof typeof SIGNAL_TOPICS]][]) {
  builder.subscriptionField(topic, (t) =>
    t.prismaField({
      type: 'Signal',
      description,
      args: { partnershipId: t.arg.id() },
      subscribe: (_root, args, ctx) => readableEvents(ctx, topic, args.partnershipId, canRead(ctx)),
      resolve: (query, event: RecordEvent, _args, ctx) => ctx.prisma.signal.findUniqueOrThrow({ ...query, where: { id: event.id } }),
    }),
  );
}
