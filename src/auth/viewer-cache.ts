import type { PersonKey, SignInResult } from '../identity/person.ts';

/**
 * Who a token's person is, with their roles, kept for a short time (VIEWER_CACHE_SECONDS) so that a
 * warm request reads no SQL for its viewer. Dropped when the person's roles change: at once on the
 * instance that changed them, and on every other instance when the live `roleChanged` event (written
 * by the database with the change) arrives — within the outbox poll interval at worst.
 */
export class ViewerCache {
  private readonly entries = new Map<string, ViewerCacheEntry>();
  /** The cache keys that resolved to each person (a person may sign in by ID and by e-mail). */
  private readonly keysOf = new Map<string, Set<string>>();
  /** Reads in flight, by cache key. */
  private readonly loading = new Map<string, Promise<SignInResult>>();
  /** Counts role changes: a read that began before one is not kept. */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 20_000,
  ) {}

  /** The cached sign-in of a person, if there is a fresh one (no read); see `ViewerCacheEntry`. */
  peek(personId: string): ViewerCacheEntry | undefined {
    const hit = this.entries.get(cacheKeyOf({ id: personId }));
    return hit && hit.until > Date.now() ? hit : undefined;
  }

  async get(key: PersonKey, load: () => Promise<SignInResult>): Promise<SignInResult> {
    if (this.ttlMs <= 0) return load();
    const cacheKey = cacheKeyOf(key);
    const hit = this.entries.get(cacheKey);
    if (hit && hit.until > Date.now()) return hit.result;
    return this.read(cacheKey, load);
  }

  /**
   * Whether a person's entry should be read again ahead of its expiry (in its last third): live
   * subscribers keep deciding from it without a promise while the new one is read, instead of all
   * waiting for the same read at the event that finds it expired.
   */
  dueForRenewal(entry: ViewerCacheEntry, now: number) {
    return !entry.renewing && !entry.dropped && entry.until - now < this.ttlMs / 3;
  }

  /** Reads a person's entry again in the background (see `dueForRenewal`); a failure leaves the old one to expire. */
  renew(entry: ViewerCacheEntry, personId: string, load: () => Promise<SignInResult>) {
    entry.renewing = true;
    this.read(cacheKeyOf({ id: personId }), load).catch(() => {});
  }

  /** One read per key at a time: when an entry expires, thousands of subscriptions of that person wait for the same statement. */
  private read(cacheKey: string, load: () => Promise<SignInResult>): Promise<SignInResult> {
    const pending = this.loading.get(cacheKey);
    if (pending) return pending;
    const generation = this.generation;
    const loading = load()
      .then((result) => {
        // Only people are cached: an unknown or deactivated one is read again next time. A read that
        // overlapped a role change may be from before it: it is used once, not kept.
        if ('id' in result && generation === this.generation) this.keep(cacheKey, result);
        return result;
      })
      .finally(() => {
        if (this.loading.get(cacheKey) === loading) this.loading.delete(cacheKey);
      });
    this.loading.set(cacheKey, loading);
    return loading;
  }

  private keep(cacheKey: string, result: SignInResult & { id: string }) {
    const replaced = this.entries.get(cacheKey);
    // A subscription still holding the entry it renews must take the new one: only the one in the
    // cache is dropped when the person's roles change.
    if (replaced) replaced.dropped = true;
    else if (this.entries.size >= this.maxEntries) this.evictOldest();
    this.entries.set(cacheKey, { result, until: Date.now() + this.ttlMs });
    let keys = this.keysOf.get(result.id);
    if (!keys) this.keysOf.set(result.id, (keys = new Set()));
    keys.add(cacheKey);
  }

  /** Forgets a person's roles (their roles changed, or they were deactivated). */
  invalidate(personId: string) {
    this.generation++;
    this.loading.clear();
    for (const key of this.keysOf.get(personId) ?? []) this.drop(key);
    this.keysOf.delete(personId);
  }

  clear() {
    this.generation++;
    this.loading.clear();
    for (const entry of this.entries.values()) entry.dropped = true;
    this.entries.clear();
    this.keysOf.clear();
  }

  private drop(key: string) {
    const entry = this.entries.get(key);
    if (entry) entry.dropped = true;
    this.entries.delete(key);
  }

  private evictOldest() {
    const oldest = this.entries.keys().next();
    if (!oldest.done) this.drop(oldest.value);
  }
}

/** A cached sign-in: it holds until `until`, unless `dropped` (the person's roles changed). */
export interface ViewerCacheEntry {
  readonly result: SignInResult;
  readonly until: number;
  dropped?: true;
  /** A newer entry is being read (see `ViewerCache.dueForRenewal`). */
  renewing?: true;
}

/**
 * A key of the cache: `id:` and a person ID (cheap to make: checked per subscriber and live event),
 * other keys as JSON (which starts with `{`, so no subject can pass for another kind of key).
 */
function cacheKeyOf(key: PersonKey) {
  return 'id' in key ? `id:${key.id}` : JSON.stringify(key);
}
