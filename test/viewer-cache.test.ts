/**
 * The viewer cache (src/auth/viewer-cache.ts): one read per person at a time, so an entry expiring
 * under thousands of live subscriptions of one person costs one statement, and a read that
 * overlapped a role change is not kept.
 */
import { describe, expect, it } from 'vitest';
import { ViewerCache } from '../src/auth/viewer-cache.ts';
import type { SignInResult } from '../src/identity/person.ts';

const person = (id: string): SignInResult => ({ id, assignments: [] });

/** A read held until `release()`: callers arrive while it is in flight. */
function gated() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { gate, release };
}

describe('viewer cache', () => {
  it('reads a person once for every caller waiting at the same time', async () => {
    const cache = new ViewerCache(60_000);
    let reads = 0;
    const { gate, release } = gated();
    const load = async () => {
      reads++;
      await gate;
      return person('p1');
    };
    const waiting = Array.from({ length: 1_000 }, () => cache.get({ id: 'p1' }, load));
    release();
    const results = await Promise.all(waiting);
    expect(reads).toBe(1);
    expect(new Set(results).size).toBe(1);
    await cache.get({ id: 'p1' }, load);
    expect(reads).toBe(1); // now cached
  });

  it('does not keep a read that overlapped a role change', async () => {
    const cache = new ViewerCache(60_000);
    let reads = 0;
    const { gate, release } = gated();
    const slow = async () => {
      reads++;
      await gate;
      return person('p2');
    };
    const before = cache.get({ id: 'p2' }, slow);
    cache.invalidate('p2');
    release();
    await before;
    await cache.get({ id: 'p2' }, async () => (reads++, person('p2')));
    expect(reads).toBe(2);
  });

  it('reads an entry again ahead of its expiry, once, while the old one still answers', async () => {
    const cache = new ViewerCache(300);
    let reads = 0;
    const load = async () => {
      reads++;
      return person('p1');
    };
    await cache.get({ id: 'p1' }, load);
    const first = cache.peek('p1')!;
    expect(cache.dueForRenewal(first, Date.now())).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 220));
    // In its last third: a thousand subscribers checking it start one read between them.
    for (let i = 0; i < 1_000; i++) if (cache.dueForRenewal(first, Date.now())) cache.renew(first, 'p1', load);
    expect(cache.peek('p1')).toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(reads).toBe(2);
    const renewed = cache.peek('p1')!;
    expect(renewed).not.toBe(first);
    expect(renewed.until).toBeGreaterThan(first.until);
    // The entry it replaced no longer holds: a revocation drops only the one in the cache.
    expect(first.dropped).toBe(true);
    cache.invalidate('p1');
    expect(renewed.dropped).toBe(true);
  });
});
