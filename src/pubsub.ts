import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { Logger } from './logger.ts';

/** What a core event carries: only IDs. Subscribers reload the object through the access rules. */
export interface RecordEvent {
  id: string;
  partnershipId: string;
}

export type Events = {
  activityLogged: [RecordEvent];
  /** An activity was corrected or deleted (subscribers re-read it; a deleted one is gone). */
  activityChanged: [RecordEvent];
  signalReported: [RecordEvent];
  signalChanged: [RecordEvent];
};

export type PubSub = ReturnType<typeof createPubSub<Events>>;

export interface EventBus {
  pubsub: PubSub;
  close(): Promise<void>;
}

/**
 * In-memory pub/sub for one instance; Redis pub/sub when several instances share live updates. A
 * Redis that cannot be reached at start stops the server; one that fails later loses live events
 * (logged), never a write, which has committed before it is published.
 */
export async function createEventBus(redisUrl: string | undefined, log: Logger, channelPrefix = 'jongerenwerk:'): Promise<EventBus> {
  if (!redisUrl) return { pubsub: createPubSub<Events>(), close: async () => {} };
  const options = { maxRetriesPerRequest: 3, lazyConnect: true };
  const publishClient = new Redis(redisUrl, options);
  const subscribeClient = new Redis(redisUrl, options);
  for (const client of [publishClient, subscribeClient]) {
    client.on('error', (error: Error) => log.warn({ err: error }, 'redis connection problem'));
  }
  try {
    await Promise.all([publishClient.connect(), subscribeClient.connect()]);
    await publishClient.ping();
  } catch (error) {
    publishClient.disconnect();
    subscribeClient.disconnect();
    throw new Error(`Redis at ${redisUrl} is not reachable: ${(error as Error).message}`);
  }
  // The Redis event target does not await its publishes; a failed one must not crash the process.
  const publish = publishClient.publish.bind(publishClient) as (channel: string, message: string) => Promise<number>;
  (publishClient as unknown as { publish: typeof publish }).publish = (channel, message) =>
    publish(channel, message).catch((error: Error) => {
      log.error({ err: error, channel }, 'live event lost: Redis publish failed');
      return 0;
    });
  const eventTarget = prefixed(createRedisEventTarget<any>({ publishClient, subscribeClient }), channelPrefix);
  const pubsub = createPubSub<Events>({ eventTarget });
  return {
    pubsub,
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}

/**
 * The event target on Redis channels `<prefix><topic>`, so that two deployments sharing one Redis
 * (a test and a production one, two cities) never see each other's events.
 */
function prefixed<T extends { addEventListener: any; removeEventListener: any; dispatchEvent: any }>(target: T, prefix: string): T {
  const wrapped = new WeakMap<object, (event: CustomEvent) => void>();
  const unwrap = (listener: any) => {
    let inner = wrapped.get(listener);
    if (!inner) {
      inner = (event: CustomEvent) => {
        const local = new CustomEvent(event.type.slice(prefix.length), { detail: event.detail });
        typeof listener === 'function' ? listener(local) : listener.handleEvent(local);
      };
      wrapped.set(listener, inner);
    }
    return inner;
  };
  return {
    addEventListener: (type: string, listener: any, options?: unknown) => target.addEventListener(prefix + type, unwrap(listener), options),
    removeEventListener: (type: string, listener: any, options?: unknown) => target.removeEventListener(prefix + type, unwrap(listener), options),
    dispatchEvent: (event: CustomEvent) => target.dispatchEvent(new CustomEvent(prefix + event.type, { detail: event.detail })),
  } as unknown as T;
}
