/** The live doorbell on a shared Redis (the real one on 127.0.0.1:6379): each deployment on its own channel. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { redisDoorbell } from '../src/live/doorbell.ts';
import { createLogger } from '../src/logger.ts';

const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const log = createLogger('silent');

describe('Redis channels per deployment', () => {
  it('a deployment hears its own doorbell and not that of another prefix on the same Redis', async () => {
    const run = randomUUID().slice(0, 8);
    const [city, sameCity, other] = await Promise.all([
      redisDoorbell(REDIS, `test-${run}-city:`, log),
      redisDoorbell(REDIS, `test-${run}-city:`, log),
      redisDoorbell(REDIS, `test-${run}-other:`, log),
    ]);
    try {
      const rung = (bell: typeof city, ms: number) =>
        new Promise<boolean>((resolve) => {
          bell.onRing(() => resolve(true));
          setTimeout(() => resolve(false), ms);
        });
      const mine = rung(sameCity, 3_000);
      const theirs = rung(other, 1_500);
      let own = 0;
      city.onRing(() => own++);
      city.ring();
      expect(await mine).toBe(true);
      expect(await theirs).toBe(false);
      // The instance that rang read its outbox at once; its own ring coming back over Redis is not a second read.
      expect(own).toBe(1);
    } finally {
      await Promise.all([city.close(), sameCity.close(), other.close()]);
    }
  });
});
