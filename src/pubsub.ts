import type { ViewerCache } from './auth/viewer-cache.ts';
import type { PrismaClient } from './generated/prisma/client.ts';
import { localDoorbell, redisDoorbell } from './live/doorbell.ts';
import { LiveHub, type LiveEvents, type LivePayload } from './live/hub.ts';
import type { Logger } from './logger.ts';

/** What a core event carries: only IDs. Subscribers reload the object through the access rules. */
export interface RecordEvent {
  id: string;
  partnershipId: string;
  /** An activity event's kind, for the plugins' hooks (not in the outbox: subscribers re-read the record). */
  kind?: string;
  /** The event's position in the outbox (set on events a subscriber receives). */
  position?: string;
}

export type Events = {
  activityLogged: [RecordEvent];
  /** An activity was corrected or deleted (subscribers re-read it; a deleted one is gone). */
  activityChanged: [RecordEvent];
  signalReported: [RecordEvent];
  signalChanged: [RecordEvent];
  /** A person's roles changed (granted, revoked, deactivated): `id` is the person's. */
  roleChanged: [RecordEvent];
};

/**
 * The live events as contexts use them. `publish` announces a change that has committed — its event
 * is already in the outbox, written by the database in the change's transaction — so this instance
 * reads it at once and the others are rung; a plugin's event (`plugin:<name>:<event>`) is appended
 * to the outbox here. `subscribe` streams a topic from this instance's hub (after a position, to resume).
 */
export interface PubSub {
  publish<T extends keyof Events>(topic: T, ...payload: Events[T]): void;
  publish(topic: `plugin:${string}`, payload: RecordEvent & { data?: Record<string, unknown> }): void;
  subscribe(topic: keyof Events | `plugin:${string}`, after?: bigint): LiveEvents<LivePayload>;
}

export interface EventBus {
  pubsub: PubSub;
  hub: LiveHub;
  close(): Promise<void>;
}

export interface EventBusOptions {
  prisma: PrismaClient;
  log: Logger;
  viewers: ViewerCache;
  redisUrl?: string;
  channelPrefix?: string;
  pollMs?: number;
  retentionMinutes?: number;
  maxBehind?: number;
}

/**
 * The instance's live hub over the outbox, with a doorbell in this process or, with `redisUrl`, on
 * Redis (shared by the instances of one deployment). A Redis that cannot be reached at start stops
 * the server; one that fails later only delays events to the next outbox poll.
 */
export async function createEventBus(options: EventBusOptions): Promise<EventBus> {
  const { prisma, log } = options;
  const doorbell = options.redisUrl ? await redisDoorbell(options.redisUrl, options.channelPrefix ?? 'jongerenwerk:', log) : localDoorbell();
  const hub = new LiveHub({
    prisma,
    log,
    doorbell,
    viewers: options.viewers,
    pollMs: options.pollMs ?? 1_000,
    retentionMinutes: options.retentionMinutes ?? 60,
    maxBehind: options.maxBehind ?? 1_000,
  });
  await hub.start();
  const pubsub: PubSub = {
    publish(topic: string, payload: RecordEvent & { data?: Record<string, unknown> }) {
      if (topic === 'roleChanged') return hub.rolesChanged(payload.id);
      if (!topic.startsWith('plugin:')) return hub.ring();
      hub.publish(topic, payload.id, payload.partnershipId, payload.data).catch((err: unknown) => log.error({ err, topic }, 'plugin live event not written'));
    },
    subscribe: (topic, after) => hub.stream(topic, after),
  };
  return { pubsub, hub, close: () => hub.stop() };
}
