/**
 * What the access rules need to know of an event's record, read once per event for all of this
 * instance's subscribers (src/auth/policy.ts decides in memory, per subscriber, from the roles they
 * already hold), and the rows a subscription payload reads, shared by subscribers asking the same.
 */
import type { RecordFacts } from '../auth/policy.ts';
import type { Context } from '../context.ts';
import type { RecordEvent } from '../pubsub.ts';
import type { LiveEvents, LiveSink } from './hub.ts';
import { isPromise, type MaybePromise } from './maybe-promise.ts';

export type LiveRecord = 'Activity' | 'Signal' | 'Partnership';

const FACTS: Record<LiveRecord, (ctx: Pick<Context, 'prisma'>, id: string) => Promise<RecordFacts[]>> = {
  // With its kind: one of a kind this server does not show (a disabled plugin's) reaches nobody, as lists hide it.
  Activity: (ctx, id) =>
    ctx.prisma.$queryRaw`SELECT a."id"::text AS "id", a."partnershipId"::text AS "partnershipId", p."cityId"::text AS "cityId", a."kind"
      FROM "Activity" a JOIN "Partnership" p ON p."id" = a."partnershipId" WHERE a."id" = ${id}::uuid`,
  Signal: (ctx, id) =>
    ctx.prisma.$queryRaw`SELECT s."id"::text AS "id", s."partnershipId"::text AS "partnershipId", p."cityId"::text AS "cityId",
        s."ownerSide"::text AS "ownerSide", s."sharedWith"::text AS "sharedWith", s."reportedById"::text AS "reportedById"
      FROM "Signal" s JOIN "Partnership" p ON p."id" = s."partnershipId" WHERE s."id" = ${id}::uuid`,
  Partnership: (ctx, id) =>
    ctx.prisma.$queryRaw`SELECT p."id"::text AS "id", p."id"::text AS "partnershipId", p."cityId"::text AS "cityId" FROM "Partnership" p WHERE p."id" = ${id}::uuid`,
};

/** The record's facts as they are at delivery (null when it is gone), once per event. */
export function factsOf(ctx: Pick<Context, 'prisma' | 'live'>, record: LiveRecord, event: RecordEvent): MaybePromise<RecordFacts | null> {
  const load = async () => (await FACTS[record](ctx, event.id))[0] ?? null;
  return ctx.live.once(event, `facts:${record}:${event.id}`, load);
}

/**
 * A payload's row, read once per event for every subscriber whose query is the same: the query
 * carries the subscriber's access conditions (nested lists filtered by their roles), so the same
 * query means the same rows; fields are then resolved per subscriber, with their own roles.
 */
export function sharedRow<T>(ctx: Context, event: RecordEvent, model: string, query: unknown, load: () => Promise<T>): MaybePromise<T> {
  return ctx.live.once(event, `row:${model}:${event.id}:${JSON.stringify(query)}`, load);
}

/** The events of `source` that pass `keep`, in order (no queue of its own; pushed on, with the same end, when the source pushes). */
export function keepOnly<T>(source: LiveEvents<T>, keep: (event: T) => MaybePromise<boolean>): LiveEvents<T> {
  return new Kept(source, keep);
}

/** `keepOnly`'s stream: a class, so that each subscriber's costs two fields rather than a closure per method. */
class Kept<T> implements LiveEvents<T> {
  constructor(
    private readonly source: LiveEvents<T>,
    private readonly keep: (event: T) => MaybePromise<boolean>,
  ) {
    if (!source.pushTo) this.pushTo = undefined;
  }

  async next(): Promise<IteratorResult<T>> {
    for (;;) {
      const next = await this.source.next();
      if (next.done || (await this.keep(next.value))) return next;
    }
  }

  async return(): Promise<IteratorResult<T>> {
    return (await this.source.return?.()) ?? { done: true, value: undefined };
  }

  async throw(error?: unknown): Promise<IteratorResult<T>> {
    await this.source.return?.();
    throw error;
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  pushTo?(sink: LiveSink<T>): Promise<void> {
    const keep = this.keep;
    return this.source.pushTo!((event) => {
      const keeps = keep(event);
      if (!isPromise(keeps)) return keeps ? sink(event) : undefined;
      return keeps.then((yes) => (yes ? sink(event) : undefined));
    });
  }
}
