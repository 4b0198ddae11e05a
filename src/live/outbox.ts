/**
 * The outbox of live events (table "LiveEvent"). Core events are appended by database triggers in
 * the transaction of their change (prisma/migrations/…_live_event_triggers); plugin events, which
 * handlers publish after a commit, through the same SQL function. Positions become visible in order.
 */
import type { PrismaClient } from '../generated/prisma/client.ts';

export interface LiveEventRow {
  position: bigint;
  topic: string;
  recordId: string;
  partnershipId: string | null;
  data: Record<string, unknown> | null;
}

/** Events after `after`, oldest first (at most `limit`), optionally of one topic and up to `upTo`. */
export function readLiveEvents(prisma: PrismaClient, after: bigint, limit: number, only?: { topic: string; upTo: bigint }) {
  return only
    ? prisma.$queryRaw<LiveEventRow[]>`SELECT "position", "topic", "recordId"::text AS "recordId", "partnershipId"::text AS "partnershipId", "data"
        FROM "LiveEvent" WHERE "position" > ${after} AND "position" <= ${only.upTo} AND "topic" = ${only.topic} ORDER BY "position" LIMIT ${limit}`
    : prisma.$queryRaw<LiveEventRow[]>`SELECT "position", "topic", "recordId"::text AS "recordId", "partnershipId"::text AS "partnershipId", "data"
        FROM "LiveEvent" WHERE "position" > ${after} ORDER BY "position" LIMIT ${limit}`;
}

/** The newest and the oldest position kept (0 when there is none). */
export async function livePositions(prisma: PrismaClient): Promise<{ newest: bigint; oldest: bigint; issued: bigint }> {
  const [row] = await prisma.$queryRaw<{ newest: bigint | null; oldest: bigint | null; issued: bigint | null }[]>`
    SELECT max("position") AS "newest", min("position") AS "oldest",
           pg_sequence_last_value(pg_get_serial_sequence('"LiveEvent"', 'position')::regclass) AS "issued"
      FROM "LiveEvent"`;
  const issued = BigInt(row?.issued ?? 0);
  // With every event pruned, the oldest kept is the next one to come: a position before it has lost events.
  return { newest: BigInt(row?.newest ?? 0), oldest: row?.oldest == null ? issued + 1n : BigInt(row.oldest), issued };
}

/** Appends a plugin's event (committed at once; its position follows every event committed before). */
export async function appendLiveEvent(prisma: PrismaClient, topic: string, recordId: string, partnershipId: string | null, data?: Record<string, unknown>) {
  const json = data === undefined ? null : JSON.stringify(data);
  const [row] = await prisma.$queryRaw<{ position: bigint }[]>`
    SELECT "live_event_append"(${topic}, ${recordId}::uuid, ${partnershipId}::uuid, ${json}::jsonb) AS "position"`;
  return row!.position;
}

/** Deletes events older than `minutes` (a subscriber resuming from before them is told so). */
export function pruneLiveEvents(prisma: PrismaClient, minutes: number) {
  return prisma.$executeRaw`DELETE FROM "LiveEvent" WHERE "createdAt" < now() - make_interval(mins => ${minutes}::int)`;
}
