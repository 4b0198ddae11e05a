/**
 * The live hub of one instance: reads the outbox in order (when the doorbell rings, and every
 * LIVE_POLL_MS in case it did not), and hands each event once to this instance's subscribers. Per
 * event it loads the facts the access rules need once (not once per subscriber) and shares the rows
 * a subscription's payload reads among subscribers asking the same (same selection and the same
 * access conditions), so the SQL an event costs does not grow with the number of subscribers.
 */
import { batchedAuditWriter } from '../audit.ts';
import type { ViewerCache } from '../auth/viewer-cache.ts';
import { appError, badInput, ErrorCode } from '../errors.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Logger } from '../logger.ts';
import type { Doorbell } from './doorbell.ts';
import { isPromise, type MaybePromise } from './maybe-promise.ts';
import { appendLiveEvent, type LiveEventRow, livePositions, pruneLiveEvents, readLiveEvents } from './outbox.ts';

/** What a subscriber's stream carries: the record's IDs, the event's position and a plugin's data. */
export interface LivePayload {
  id: string;
  partnershipId: string;
  position: string;
  data?: Record<string, unknown>;
  /** Set on an event the hub is fanning out now (not on one a stream reads back to catch up). */
  live?: true;
}

/**
 * Takes a stream's events as they arrive. Returns a promise while it is busy (later events wait for
 * it, in order); throwing ends the stream with that error.
 */
export type LiveSink<T> = (event: T) => void | Promise<void>;

/** A subscriber's events: pulled with `next()`, or pushed to a sink (see `pushTo`). */
export interface LiveEvents<T> extends AsyncIterableIterator<T> {
  /**
   * Hands each event to `sink` as it arrives, in order, instead of waiting to be pulled: a delivery
   * then costs no promise unless a step has to wait. Returns the end: a promise that resolves when
   * the stream is done and rejects with the error that ended it (as does `next()` from then on).
   * Absent when the stream cannot push.
   */
  pushTo?(sink: LiveSink<T>): Promise<void>;
}

const BATCH = 500;
/** How many subscribers of an event may be waiting at once before the fan-out waits for one, and for how long at most. */
const FANOUT_WAITING = 16;
const FANOUT_WAIT_MS = 20;
const MEMO_EVENTS = 256;
const MEMO_MS = 10_000;

/** A value read once per event: its read, and the value when it has arrived. */
interface Memoized<T> {
  loading: Promise<T>;
  value?: T;
}

export interface LiveHubOptions {
  prisma: PrismaClient;
  log: Logger;
  doorbell: Doorbell;
  viewers: ViewerCache;
  pollMs: number;
  retentionMinutes: number;
  /** Events a subscriber may have waiting before its subscription is ended (LIVE_SUBSCRIBER_BEHIND). */
  maxBehind: number;
}

export class LiveHub {
  private position = 0n;
  /** This instance's subscribers, by topic. */
  private readonly streams = new Map<string, Set<LiveStream>>();
  private pumping: Promise<void> | undefined;
  private again = false;
  private timers: NodeJS.Timeout[] = [];
  private failing = false;
  /** Per event being fanned out: facts, rows and results, each read once for all subscribers (see `once`). */
  private readonly memo = new Map<string, { recordId: string; at: number; entries: Map<string, Memoized<unknown>> }>();
  private readonly roleListeners = new Set<(personId: string) => void>();
  /** Per topic: what deciding who receives an event needs (the record's facts), read before it is handed out. */
  private readonly preparers = new Map<string, (event: LivePayload) => MaybePromise<unknown>>();
  private positionsRead: Promise<{ newest: bigint; oldest: bigint; issued: bigint }> | undefined;
  /** Subscribers' audit events, written together per event (src/audit.ts). */
  readonly auditWriter: ReturnType<typeof batchedAuditWriter>;

  constructor(private readonly options: LiveHubOptions) {
    this.auditWriter = batchedAuditWriter(options.prisma);
  }

  async start() {
    this.position = (await livePositions(this.options.prisma)).newest;
    this.options.doorbell.onRing(() => void this.pump());
    this.timers.push(setInterval(() => void this.pump(), this.options.pollMs).unref());
    const prune = () =>
      pruneLiveEvents(this.options.prisma, this.options.retentionMinutes).catch((err: unknown) => this.options.log.warn({ err }, 'live events not pruned'));
    this.timers.push(setInterval(prune, 5 * 60_000).unref());
  }

  async stop() {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    await this.pumping;
    await this.options.doorbell.close();
  }

  get prisma() {
    return this.options.prisma;
  }

  /**
   * The outbox's newest and oldest positions, one read for every stream starting at about the same
   * moment (a thousand clients reconnecting after a restart cost one statement, not a thousand).
   */
  positionsNow(): Promise<{ newest: bigint; oldest: bigint; issued: bigint }> {
    if (!this.positionsRead) {
      const read = livePositions(this.options.prisma).finally(() => {
        if (this.positionsRead === read) this.positionsRead = undefined;
      });
      this.positionsRead = read;
    }
    return this.positionsRead;
  }

  /** People's roles, shared with requests (a role change empties a person's entry). */
  get viewers() {
    return this.options.viewers;
  }

  /** The newest position this instance has delivered (a new subscriber's starting point). */
  get current() {
    return this.position;
  }

  /** A change committed here: read the outbox now and ring the other instances. */
  ring() {
    // The doorbell rings here too (one read of the outbox), then on the other instances.
    this.options.doorbell.ring();
  }

  /** A plugin's event: appended to the outbox (numbered after every event before it), then rung. */
  async publish(topic: string, recordId: string, partnershipId: string, data?: Record<string, unknown>) {
    await appendLiveEvent(this.options.prisma, topic, recordId, partnershipId, data);
    this.ring();
  }

  /** A person's roles changed here: forget them at once (other instances learn it from the outbox). */
  rolesChanged(personId: string) {
    this.options.viewers.invalidate(personId);
    for (const listener of this.roleListeners) listener(personId);
    this.ring();
  }

  onRolesChanged(listener: (personId: string) => void) {
    this.roleListeners.add(listener);
    return () => this.roleListeners.delete(listener);
  }

  /**
   * The events of `topic`: with `after`, first those committed after that position (a subscriber
   * resuming), then the live ones, each once and in order. A position older than the events kept is
   * refused with LIVE_POSITION_EXPIRED: the subscriber must reload instead of missing events.
   */
  stream(topic: string, after?: bigint): LiveEvents<LivePayload> {
    let streams = this.streams.get(topic);
    if (!streams) this.streams.set(topic, (streams = new Set()));
    const stream = new LiveStream(this, topic, after, this.options.maxBehind, () => {
      streams.delete(stream);
      if (streams.size === 0 && this.streams.get(topic) === streams) this.streams.delete(topic);
    });
    streams.add(stream);
    return stream;
  }

  /**
   * Reads something once per event for every subscriber of it (facts for the access rules, payload
   * rows, results): only while the event is being fanned out live. An event read back by a stream
   * catching up, one more than MEMO_MS old, and every earlier event about a record that a newer
   * event concerns (it changed, or was erased) are read afresh. Once read, the value itself is
   * returned (not a promise), so the subscribers after the first decide without waiting.
   */
  once<T>(event: { position?: string; live?: true }, key: string, load: () => Promise<T>): MaybePromise<T> {
    const memo = event.live && event.position ? this.memo.get(event.position) : undefined;
    if (!memo || Date.now() - memo.at > MEMO_MS) return load();
    const entry = memo.entries.get(key) as Memoized<T> | undefined;
    if (entry) return 'value' in entry ? (entry.value as T) : entry.loading;
    const loading = load();
    const memoized: Memoized<T> = { loading };
    memo.entries.set(key, memoized);
    loading.then(
      (value) => void (memoized.value = value),
      // A failed read is not shared: the next subscriber tries again.
      () => memo.entries.delete(key),
    );
    return loading;
  }

  /**
   * Reads `read(event)` (with `once`) before each event of `topic` is handed to its subscribers, so
   * that each of them decides without waiting. The first registration for a topic is kept.
   */
  prepare(topic: string, read: (event: LivePayload) => MaybePromise<unknown>) {
    if (!this.preparers.has(topic)) this.preparers.set(topic, read);
  }

  private pump(): Promise<void> {
    if (this.pumping) {
      this.again = true;
      return this.pumping;
    }
    this.pumping = (async () => {
      try {
        do {
          this.again = false;
          for (;;) {
            const rows = await readLiveEvents(this.options.prisma, this.position, BATCH);
            for (const row of rows) await this.deliver(row);
            if (rows.length < BATCH) break;
          }
        } while (this.again);
        if (this.failing) this.options.log.info({ position: String(this.position) }, 'live events: outbox readable again');
        this.failing = false;
      } catch (err) {
        // The database is away: nothing is lost, the next poll reads on from the same position.
        if (!this.failing) this.options.log.warn({ err }, 'live events: outbox not readable, retrying');
        this.failing = true;
      } finally {
        this.pumping = undefined;
      }
    })();
    return this.pumping;
  }

  private async deliver(row: LiveEventRow) {
    this.position = row.position;
    if (row.topic === 'roleChanged') {
      this.options.viewers.invalidate(row.recordId);
      for (const listener of this.roleListeners) listener(row.recordId);
      return;
    }
    // What was read for earlier events about this record is out of date now.
    for (const [position, memo] of this.memo) if (memo.recordId === row.recordId) this.memo.delete(position);
    const streams = this.streams.get(row.topic);
    if (!streams) return;
    const payload: LivePayload = { ...payloadOf(row), live: true };
    if (this.memo.size >= MEMO_EVENTS) this.memo.delete(this.memo.keys().next().value!);
    this.memo.set(payload.position, { recordId: row.recordId, at: Date.now(), entries: new Map() });
    const prepared = this.preparers.get(row.topic)?.(payload);
    // A failed read is not kept: each subscriber tries again (and is told if it fails).
    if (isPromise(prepared)) await prepared.catch(() => {});
    // A subscriber that has to wait (its group's result is being executed) is waited for, a few at a
    // time: once a group's result is there, the rest of its subscribers take it without a promise.
    const waiting = new Set<Promise<void>>();
    for (const stream of streams) {
      const busy = stream.offer(payload);
      if (!busy || waiting.has(busy)) continue;
      waiting.add(busy);
      void busy.then(() => waiting.delete(busy));
      if (waiting.size >= FANOUT_WAITING) {
        // A subscriber whose socket backs up now must not hold up the others for long.
        await Promise.race([...waiting, new Promise((resolve) => setTimeout(resolve, FANOUT_WAIT_MS).unref())]);
        waiting.clear();
      }
    }
  }
}

/**
 * One subscriber's events: a queue filled by the hub as events are read (one call per event and
 * subscriber, no promise unless the subscriber is waiting), emptied by the subscriber. A resuming
 * stream first reads what it missed from the outbox, a batch at a time as it is consumed, holding
 * the live events meanwhile. A subscriber more than `maxBehind` events behind is ended with
 * LIVE_SUBSCRIBER_BEHIND and its last position, so a slow connection cannot hold the server's memory
 * and is told so rather than skipped.
 */
class LiveStream implements LiveEvents<LivePayload> {
  private readonly queue: LivePayload[] = [];
  /** Push mode: where events go as they arrive, and whether it (or a catch-up read) is still busy. */
  private sink: LiveSink<LivePayload> | undefined;
  private busy = false;
  /** While busy: settles when the sink is free again (never rejects). */
  private free: Promise<void> | undefined;
  /** Live events that arrived while catching up (delivered after the backlog, without repeats). */
  private held: LivePayload[] | undefined = [];
  private waiting: (() => void) | undefined;
  private ended: { error?: unknown } | undefined;
  /** Push mode: tells the end (see `pushTo`). */
  private tell: { resolve: () => void; reject: (error: unknown) => void } | undefined;
  /** The position of the newest event queued (nothing at or before it is queued again). */
  private last: bigint;
  /** The position of the newest event handed to the subscriber. */
  private delivered: bigint;
  private started = false;
  private upTo = 0n;

  constructor(
    private readonly hub: LiveHub,
    private readonly topic: string,
    private after: bigint | undefined,
    private readonly maxBehind: number,
    private readonly detach: () => void,
  ) {
    this.last = this.delivered = after ?? 0n;
  }

  /**
   * Queues an event; pushing, returns a promise of when the sink is free again if this event made it
   * busy (its group's result is being executed). A sink that was busy already (its socket is backed
   * up) returns nothing: the fan-out does not wait for a slow reader.
   */
  offer(event: LivePayload): Promise<void> | undefined {
    if (this.ended) return;
    const wasBusy = this.busy;
    if (this.held) this.held.push(event);
    else this.enqueue(event);
    if (this.queue.length + (this.held?.length ?? 0) > this.maxBehind) {
      this.end(
        appError(ErrorCode.LIVE_SUBSCRIBER_BEHIND, `This subscription fell more than ${this.maxBehind} events behind and was ended: subscribe again with \`after: "${this.delivered}"\` to receive the rest.`, {
          lastPosition: String(this.delivered),
        }),
      );
    }
    this.wake();
    return this.busy && !wasBusy ? this.free : undefined;
  }

  async next(): Promise<IteratorResult<LivePayload>> {
    // Pushing: the events go to the sink; the puller only learns of the end.
    while (this.sink && !this.ended) await new Promise<void>((resolve) => (this.waiting = resolve));
    for (;;) {
      const event = this.queue.shift();
      if (event) {
        this.delivered = BigInt(event.position);
        return { done: false, value: event };
      }
      if (this.ended) {
        const { error } = this.ended;
        this.ended = {};
        if (error) throw error;
        return { done: true, value: undefined };
      }
      if (this.held) {
        try {
          await this.catchUp();
        } catch (error) {
          this.end(error);
        }
        continue;
      }
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  async return(): Promise<IteratorResult<LivePayload>> {
    this.end();
    this.ended = {};
    return { done: true, value: undefined };
  }

  async throw(error?: unknown): Promise<IteratorResult<LivePayload>> {
    this.end();
    throw error;
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  pushTo(sink: LiveSink<LivePayload>) {
    this.sink = sink;
    const end = new Promise<void>((resolve, reject) => (this.tell = { resolve, reject }));
    this.drain();
    return end;
  }

  /** Push mode: hands what is queued to the sink in order (catching up first), pausing while it is busy. */
  private drain() {
    const sink = this.sink!;
    while (!this.busy && !this.ended) {
      const event = this.queue.shift();
      if (!event) {
        if (this.held) this.pause(this.catchUp());
        return;
      }
      this.delivered = BigInt(event.position);
      let taken: void | Promise<void>;
      try {
        taken = sink(event);
      } catch (error) {
        return this.end(error);
      }
      if (isPromise(taken)) this.pause(taken);
    }
  }

  /** The sink (or a catch-up read) is busy: nothing more is handed over, and the end is not told, before it settles. */
  private pause(until: Promise<void>) {
    this.busy = true;
    const settled = () => {
      this.busy = false;
      this.wake();
    };
    this.free = until.then(settled, (error: unknown) => {
      this.end(error);
      settled();
    });
  }

  /** Reads the next batch of missed events from the outbox; when none are left, the held live ones follow. */
  private async catchUp() {
    const prisma = this.hub.prisma;
    if (!this.started) {
      this.started = true;
      this.upTo = this.hub.current;
      let { newest, oldest, issued } = await this.hub.positionsNow();
      const ahead = () => this.after !== undefined && this.after > issued && this.after > this.hub.current;
      // A read shared with others may have begun before the event the subscriber last saw: read again before refusing.
      if (ahead()) ({ newest, oldest, issued } = await livePositions(prisma));
      // A position this deployment never gave out (another deployment's, or from before a restore): nothing could be resumed.
      if (ahead()) {
        throw badInput([
          { field: 'after', rule: 'known', message: `position ${this.after} is ahead of every event of this server (the newest is ${issued}): it is from another deployment or from before a restore. Reload what you show, then subscribe without \`after\`.` },
        ]);
      }
      // Without `after`: from now on — not events committed before the subscription that this hub has yet to read.
      if (this.after === undefined) this.after = this.last = this.delivered = newest;
      else if (oldest > this.after + 1n && this.after < this.upTo) {
        throw appError(ErrorCode.LIVE_POSITION_EXPIRED, `Events after position ${this.after} are no longer kept (the oldest kept is ${oldest}): reload what you show, then subscribe without \`after\`.`, {
          field: 'after',
          oldestPosition: String(oldest),
        });
      }
    }
    const rows = this.last < this.upTo ? await readLiveEvents(prisma, this.last, BATCH, { topic: this.topic, upTo: this.upTo }) : [];
    if (this.ended) return;
    for (const row of rows) this.enqueue(payloadOf(row));
    if (rows.length === 0 || this.last >= this.upTo) {
      const held = this.held ?? [];
      this.held = undefined;
      for (const event of held) this.enqueue(event);
    }
  }

  private enqueue(event: LivePayload) {
    const position = BigInt(event.position);
    if (position <= this.last) return;
    this.last = position;
    this.queue.push(event);
  }

  private end(error?: unknown) {
    if (this.ended) return;
    this.ended = { error };
    this.queue.length = 0;
    this.held = undefined;
    this.detach();
    this.wake();
  }

  private wake() {
    if (this.sink) {
      // An event being delivered is sent before the end is told (its position may be in that message).
      if (this.busy) return;
      if (!this.ended) return this.drain();
      const tell = this.tell;
      this.tell = undefined;
      if (tell) {
        const { error } = this.ended;
        if (error) tell.reject(error);
        else tell.resolve();
      }
    }
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.();
  }
}

function payloadOf(row: LiveEventRow): LivePayload {
  return {
    id: row.recordId,
    partnershipId: row.partnershipId ?? '',
    position: String(row.position),
    ...(row.data ? { data: row.data } : {}),
  };
}
