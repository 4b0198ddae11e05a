import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';

/** What a core event carries: only IDs. Subscribers reload the object through the access rules. */
export interface RecordEvent {
  id: string;
  partnershipId: string;
}

export type Events = {
  activityLogged: [RecordEvent];
  signalReported: [RecordEvent];
  signalChanged: [RecordEvent];
};

export type PubSub = ReturnType<typeof createPubSub<Events>>;

export interface EventBus {
  pubsub: PubSub;
  close(): Promise<void>;
}

/** In-memory pub/sub for one instance; Redis pub/sub when several instances share live updates. */
export function createEventBus(redisUrl?: string): EventBus {
  if (!redisUrl) return { pubsub: createPubSub<Events>(), close: async () => {} };
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const eventTarget = createRedisEventTarget<any>({ publishClient, subscribeClient });
  return {
    pubsub: createPubSub<Events>({ eventTarget }),
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
