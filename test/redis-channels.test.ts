/** Live events on a shared Redis (the real one on 127.0.0.1:6379): each deployment on its own channels. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';
import { createEventBus, type EventBus, type RecordEvent } from '../src/pubsub.ts';

const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const log = createLogger('silent');

/** The first event on `bus`'s activityLogged within `ms`, or null. */
async function firstEvent(bus: EventBus, ms: number): Promise<RecordEvent | null> {
  const iterator = bus.pubsub.subscribe('activityLogged')[Symbol.asyncIterator]();
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), ms));
  try {
    return await Promise.race([iterator.next().then((r) => (r.done ? null : r.value)), timeout]);
  } finally {
    await iterator.return?.();
  }
}

describe('Redis channels per deployment', () => {
  it('a deployment sees its own events and not those of another prefix on the same Redis', async () => {
    const run = randomUUID().slice(0, 8);
    const city = await createEventBus(REDIS, log, `test-${run}-city:`);
    const sameCity = await createEventBus(REDIS, log, `test-${run}-city:`);
    const other = await createEventBus(REDIS, log, `test-${run}-other:`);
    try {
      const mine = firstEvent(sameCity, 3_000);
      const theirs = firstEvent(other, 1_500);
      await new Promise((resolve) => setTimeout(resolve, 200)); // the SUBSCRIBEs reach Redis
      const event = { id: randomUUID(), partnershipId: randomUUID() };
      city.pubsub.publish('activityLogged', event);
      expect(await mine).toEqual(event);
      expect(await theirs).toBeNull();
    } finally {
      await Promise.all([city.close(), sameCity.close(), other.close()]);
    }
  });
});
