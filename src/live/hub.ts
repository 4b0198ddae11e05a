/**
 * The live hub of one instance: reads the outbox in order (when the doorbell rings, and every
 * LIVE_POLL_MS in case it did not), and hands each event once to this instance's subscribers. Per
 * event it loads the facts the access rules need once (not once per subscriber) and shares the rows
 * a subscription's payload reads among subscribers asking the same (same selection and the same
 * access conditions), so the SQL an event costs does not grow with the number of subscribers.
 */
import { setMaxListeners } from 'node:events';
import { createPubSub, Repeater } from 'graphql-yoga';
import { batchedAuditWriter } from '../audit.ts';
import type { ViewerCache } from '../auth/viewer-cache.ts';
import { appError, ErrorCode } from '../errors.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Logger } from '../logger.ts';
import type { Doorbell } from './doorbell.ts';
import { appendLiveEvent, type LiveEventRow, livePositions, pruneLiveEvents, readLiveEvents } from './outbox.ts';

/** What a subscriber's stream carries: the record's IDs, the event's position and a plugin's data. */
export interface LivePayload {
  id: string;
  partnershipId: string;
  position: string;
  data?: Record<string, unknown>;
}

const BATCH = 500;
const MEMO_EVENTS = 256;

export interface LiveHubOptions {
  prisma: PrismaClient;
  log: Logger;
  doorbell: Doorbell;
  viewers: ViewerCache;
  pollMs: number;
  retentionMinutes: number;
}

export class LiveHub {
  private position = 0n;
  private readonly local = createPubSub<Record<string, [LivePayload]>>({ eventTarget: manyListeners(new EventTarget()) });
  private pumping: Promise<void> | undefined;
  private again = false;
  private timers: NodeJS.Timeout[] = [];
  private failing = false;
  /** Per recent event: facts and shared rows, so each is read once for all subscribers. */
  private readonly memo = new Map<string, Map<string, Promise<unknown>>>();
  private readonly roleListeners = new Set<(personId: string) => void>();
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
    void this.pump();
    this.options.doorbell.ring(this.position);
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
  stream(topic: string, after?: bigint): AsyncIterable<LivePayload> {
    const live = this.local.subscribe(topic);
    const hub = this;
    return new Repeater<LivePayload>(async (push, stop) => {
      const iterator = live[Symbol.asyncIterator]();
      void stop.then(() => iterator.return?.());
      let last = after ?? 0n;
      try {
        const upTo = hub.position;
        const { newest, oldest } = await livePositions(hub.options.prisma);
        // Without `after`: from now on — not events committed before the subscription that this hub has yet to read.
        if (after === undefined) after = last = newest;
        if (oldest > after + 1n && after < upTo) {
          throw appError(ErrorCode.LIVE_POSITION_EXPIRED, `Events after position ${after} are no longer kept (the oldest kept is ${oldest}): reload what you show, then subscribe without \`after\`.`, {
            field: 'after',
            oldestPosition: String(oldest),
          });
        }
        for (let from = after; from < upTo; ) {
          const rows = await readLiveEvents(hub.options.prisma, from, BATCH, { topic, upTo });
          if (rows.length === 0) break;
          for (const row of rows) {
            await push(payloadOf(row));
            last = row.position;
          }
          from = rows[rows.length - 1]!.position;
        }
        for (;;) {
          const next = await Promise.race([iterator.next(), stop.then(() => undefined)]);
          if (!next || next.done) break;
          if (BigInt(next.value.position) <= last) continue;
          await push(next.value);
        }
        stop();
      } catch (error) {
        stop(error);
      }
    });
  }

  /** Reads something once per event for every subscriber of it (facts for the access rules, payload rows). */
  once<T>(position: string, key: string, load: () => Promise<T>): Promise<T> {
    let entries = this.memo.get(position);
    if (!entries) {
      if (this.memo.size >= MEMO_EVENTS) this.memo.delete(this.memo.keys().next().value!);
      this.memo.set(position, (entries = new Map()));
    }
    let value = entries.get(key) as Promise<T> | undefined;
    if (!value) {
      value = load();
      entries.set(key, value);
      // A failed read is not shared: the next subscriber tries again.
      value.catch(() => entries!.delete(key));
    }
    return value;
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
            for (const row of rows) this.deliver(row);
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

  private deliver(row: LiveEventRow) {
    this.position = row.position;
    if (row.topic === 'roleChanged') {
      this.options.viewers.invalidate(row.recordId);
      for (const listener of this.roleListeners) listener(row.recordId);
      return;
    }
    this.local.publish(row.topic, payloadOf(row));
  }
}

/** Every subscriber of a topic listens on one target: thousands of listeners are the point, not a leak. */
function manyListeners(target: EventTarget) {
  setMaxListeners(0, target);
  return target;
}

function payloadOf(row: LiveEventRow): LivePayload {
  return {
    id: row.recordId,
    partnershipId: row.partnershipId ?? '',
    position: String(row.position),
    ...(row.data ? { data: row.data } : {}),
  };
}
