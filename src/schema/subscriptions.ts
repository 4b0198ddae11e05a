import { canKnowSignal, canReadActivity, canReadPartnership, canReadSignalContent, type RecordFacts } from '../auth/policy.ts';
import type { Viewer } from '../auth/viewer.ts';
import { builder } from '../builder.ts';
import { type Context, refreshViewer } from '../context.ts';
import { badInput, unauthenticated } from '../errors.ts';
import { factsOf, keepOnly, type LiveRecord, sharedRow } from '../live/access.ts';
import type { LivePayload } from '../live/hub.ts';
import { isPromise } from '../live/maybe-promise.ts';
import type { Events, RecordEvent } from '../pubsub.ts';
import { globalId, parseInput } from '../validation.ts';
import { ActivityRef } from './activity/object.ts';

/** The `after` argument of every subscription: resume after the last position you received. */
export const AFTER_DESCRIPTION =
  'Resume: the `extensions.livePosition` of the last event you received (or `livePosition` from a query). Every event committed after it is delivered first, then live ones; LIVE_POSITION_EXPIRED when it is older than the events kept.';

function afterPosition(after: string | null | undefined): bigint | undefined {
  if (after === null || after === undefined) return undefined;
  if (!/^\d{1,18}$/.test(after)) throw badInput([{ field: 'after', rule: 'format', message: 'after must be a live position: the digits of an extensions.livePosition.' }]);
  return BigInt(after);
}

/** Ends a subscription whose viewer is no longer signed in: UNAUTHENTICATED, with how to go on. */
const signInEnded = (problem?: string) =>
  unauthenticated(
    `${problem ? `${problem} ` : ''}This subscription ended because its sign-in did: connect with a valid token and subscribe again with \`after\` set to the last \`livePosition\` you received.`,
  );

/** Whether a subscriber may receive an event: the rule of its kind, on the record's facts. */
type EventRule = (viewer: Viewer, facts: RecordFacts) => boolean;

/**
 * Events of one topic, for one partnership if asked, that the subscriber may read: each event is
 * checked against the access rules when it arrives (with the roles the subscriber holds then), so a
 * role revoked later or a signal of another school never reaches them. The record's facts are read
 * once per event for all subscribers; the rule is decided in memory.
 */
export function readableEvents(
  ctx: Context,
  topic: keyof Events | `plugin:${string}`,
  args: { partnershipId?: string | null; after?: string | null },
  record: LiveRecord,
  rule: EventRule,
) {
  const partnershipId = args.partnershipId ? parseInput(globalId('Partnership'), args.partnershipId, 'partnershipId') : null;
  const after = afterPosition(args.after);
  const readable = (event: LivePayload, viewer: Viewer, facts: RecordFacts | null) => {
    // The token expired, or the person was deactivated or erased: the subscription ends (a role revoked only filters).
    if (!viewer.authenticated) throw signInEnded(viewer.signInProblem);
    const yes = facts !== null && rule(viewer, facts);
    // A plugin's event about a signal carries values derived from its content: receiving them is a read.
    if (yes && record === 'Signal' && event.data) for (const field of Object.keys(event.data)) ctx.audit.read('Signal', event.id, `${topic}.${field}`);
    return yes;
  };
  // The hub reads the record's facts before handing an event out: with the roles cached, each
  // subscriber decides without a promise.
  const { prisma, live } = ctx;
  live.prepare(topic, (event) => factsOf({ prisma, live }, record, event));
  return keepOnly(ctx.pubsub.subscribe(topic, after), (event: LivePayload) => {
    if (partnershipId && event.partnershipId !== partnershipId) {
      if (Date.now() >= ctx.tokenExpiresAt) throw signInEnded();
      return false;
    }
    const viewer = refreshViewer(ctx);
    const facts = factsOf(ctx, record, event);
    if (!isPromise(viewer) && !isPromise(facts)) return readable(event, viewer, facts);
    return Promise.all([viewer, facts]).then(([v, f]) => readable(event, v, f));
  });
}

const signalFacts = (f: RecordFacts) => f as Required<RecordFacts>;

/**
 * Who hears of an event about a record of each kind. About a signal: only those who may read its
 * content (a plugin publishes because of what it found in the content, e.g. its urgency).
 */
export const EVENT_RULES: Record<LiveRecord, EventRule> = {
  Signal: (viewer, f) => canReadSignalContent(viewer, signalFacts(f)),
  Activity: canReadActivity,
  Partnership: canReadPartnership,
};

builder.queryField('livePosition', (t) =>
  t.string({
    description:
      'The position of the newest live event this server has delivered. Subscribe with `after: <it>` to receive everything from now on, also across a reconnect (pass the `extensions.livePosition` of the last event you received).',
    resolve: (_root, _args, ctx) => String(ctx.live.current),
  }),
);

builder.subscriptionField('activityLogged', (t) =>
  t.prismaField({
    type: ActivityRef,
    description: 'An activity was logged (in one partnership, if given) that you may see.',
    args: { partnershipId: t.arg.id(), after: t.arg.string({ description: AFTER_DESCRIPTION }) },
    subscribe: (_root, args, ctx) => readableEvents(ctx, 'activityLogged', args, 'Activity', canReadActivity),
    resolve: (query, event: RecordEvent, _args, ctx) =>
      sharedRow(ctx, event, 'Activity', query, () => ctx.prisma.activity.findUniqueOrThrow({ ...query, where: { id: event.id } })),
  }),
);

const SIGNAL_TOPICS = {
  signalReported: {
    description: 'A signal was reported (in one partnership, if given) that you may know of (its content as your role allows).',
    rule: (viewer: Viewer, f: RecordFacts) => canKnowSignal(viewer, signalFacts(f)),
  },
  signalChanged: {
    description: 'A signal whose content you may read changed status, got a follow-up or was shared.',
    // Changes (status, follow-ups, sharing) are work on the content: only those who may read it hear of them.
    rule: EVENT_RULES.Signal,
  },
} as const;

for (const [topic, { description, rule }] of Object.entries(SIGNAL_TOPICS) as [keyof typeof SIGNAL_TOPICS, (typeof SIGNAL_TOPICS)[keyof typeof SIGNAL_TOPICS]][]) {
  builder.subscriptionField(topic, (t) =>
    t.prismaField({
      type: 'Signal',
      description,
      args: { partnershipId: t.arg.id(), after: t.arg.string({ description: AFTER_DESCRIPTION }) },
      subscribe: (_root, args, ctx) => readableEvents(ctx, topic, args, 'Signal', rule),
      resolve: (query, event: RecordEvent, _args, ctx) =>
        sharedRow(ctx, event, 'Signal', query, () => ctx.prisma.signal.findUniqueOrThrow({ ...query, where: { id: event.id } })),
    }),
  );
}
