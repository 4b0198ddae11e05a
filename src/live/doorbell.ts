/**
 * The doorbell: tells every instance that the outbox has new events, so they read it at once. It
 * carries nothing but the ringing instance's random name; the outbox is the truth. Without Redis it rings in this process
 * only (other instances on the same database still read the outbox every LIVE_POLL_MS). A Redis
 * outage delays events to the next poll; it never loses one.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';

export interface Doorbell {
  /** Rings in this process at once, and on every other instance. */
  ring(): void;
  onRing(listener: () => void): void;
  close(): Promise<void>;
}

export function localDoorbell(): Doorbell {
  const listeners = new Set<() => void>();
  return {
    ring: () => listeners.forEach((l) => l()),
    onRing: (listener) => void listeners.add(listener),
    close: async () => listeners.clear(),
  };
}

/** A doorbell on the Redis channel `<prefix>live` (so deployments sharing a Redis stay apart). */
export async function redisDoorbell(redisUrl: string, channelPrefix: string, log: Logger): Promise<Doorbell> {
  const options = { maxRetriesPerRequest: 3, lazyConnect: true };
  const publisher = new Redis(redisUrl, options);
  const subscriber = new Redis(redisUrl, options);
  for (const client of [publisher, subscriber]) client.on('error', (error: Error) => log.warn({ err: error }, 'redis connection problem'));
  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
    await publisher.ping();
  } catch (error) {
    publisher.disconnect();
    subscriber.disconnect();
    throw new Error(`Redis at ${redisUrl} is not reachable: ${(error as Error).message}`);
  }
  const channel = `${channelPrefix}live`;
  const local = localDoorbell();
  // Each instance rings under its own name and does not answer its own ring (it rang locally already).
  const self = randomUUID();
  await subscriber.subscribe(channel);
  subscriber.on('message', (from: string, message: string) => {
    if (from === channel && message !== self) local.ring();
  });
  return {
    ring() {
      local.ring();
      publisher.publish(channel, self).catch((error: Error) =>
        log.warn({ err: error }, 'live doorbell not rung on Redis: other instances read the event at their next poll'),
      );
    },
    onRing: local.onRing,
    async close() {
      await local.close();
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
