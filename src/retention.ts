/**
 * Retention: closed signals older than their city's retention period (`City.retentionMonths`,
 * calendar months after `closedAt`) are anonymised. Their summary and the notes of their follow-ups
 * are cleared and the young person is unlinked; everything else (status, category, life domain,
 * timestamps, follow-up actions and dates) stays, so evaluation figures do not change. Each
 * anonymised signal gets one ANONYMISE audit event with no actor (the system).
 *
 * One transaction of a constant number of statements, whatever the number of signals: an advisory
 * lock, then one statement that updates the signals, clears the notes, writes the audit events
 * (INSERT … SELECT) and counts per city. Idempotent: anonymised signals (`anonymisedAt` set) are
 * never selected again. Safe on several instances at once: runs serialise on the lock, and the
 * second finds nothing left (the UPDATE rechecks `anonymisedAt IS NULL` on the latest row version
 * too, so even without the lock no signal is anonymised — or audited — twice).
 *
 * Run by the server on a schedule (`scheduleRetention`, RETENTION_INTERVAL_MINUTES) and on demand
 * with `npm run retention`.
 */
import type { Logger } from './logger.ts';
import type { PrismaClient } from './generated/prisma/client.ts';

/** Key for pg_advisory_xact_lock, so two retention runs never overlap (next to the seed's 72707370). */
export const RETENTION_LOCK_KEY = 72707371;

/** The fields an anonymisation clears, as recorded in its audit events. */
export const ANONYMISED_FIELDS = ['summary', 'youthId', 'referralDestination', 'pilotData', 'followUps.note'] as const;

export interface RetentionReport {
  /** The moment the run used as "now" (also `anonymisedAt` and the audit events' `at`). */
  ranAt: Date;
  anonymisedSignals: number;
  /** Follow-ups whose (non-empty) note was cleared. */
  clearedFollowUpNotes: number;
  /** Every city, by name, with its retention period and what this run anonymised there. */
  byCity: { city: string; retentionMonths: number; anonymisedSignals: number }[];
}

export interface RetentionOptions {
  /** "Now" for the run (default: the current time). Signals closed before now − retentionMonths qualify. */
  now?: Date;
}

type Row = { city: string; retentionMonths: number; anonymised: number; clearedNotes: number; audited: number };

/** Anonymises the closed signals that are past their city's retention period; see the module comment. */
export async function runRetention(prisma: PrismaClient, options: RetentionOptions = {}): Promise<RetentionReport> {
  const now = options.now ?? new Date();
  if (Number.isNaN(now.getTime())) throw new TypeError('runRetention: `now` is not a valid date');
  // Columns are `timestamp(3)` holding UTC (as Prisma writes them); pass the instant as text so the
  // session time zone plays no part.
  const at = now.toISOString();
  const fields = [...ANONYMISED_FIELDS];

  const rows = await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${RETENTION_LOCK_KEY}::bigint)`;
      // The conditions sit in the UPDATE itself (not in a CTE before it), so under READ COMMITTED a
      // row changed meanwhile by someone else is rechecked against them before it is anonymised.
      const rows = await tx.$queryRaw<Row[]>`
        WITH params AS (
          SELECT (${at}::timestamptz AT TIME ZONE 'UTC')::timestamp(3) AS now
        ),
        anonymised AS (
          UPDATE "Signal" s
          SET "summary" = NULL,
              "youthId" = NULL,
              "referralDestination" = NULL,
              "pilotData" = '{}'::jsonb,
              "anonymisedAt" = params.now,
              "updatedAt" = params.now,
              "version" = s."version" + 1
          FROM params, "Partnership" p, "City" c
          WHERE p."id" = s."partnershipId"
            AND c."id" = p."cityId"
            AND s."status" = 'CLOSED'
            AND s."anonymisedAt" IS NULL
            AND s."closedAt" < params.now - make_interval(months => c."retentionMonths")
          RETURNING s."id", p."cityId"
        ),
        cleared AS (
          UPDATE "SignalFollowUp" f
          SET "note" = NULL
          FROM anonymised a
          WHERE f."signalId" = a."id" AND f."note" IS NOT NULL
          RETURNING f."id"
        ),
        audited AS (
          INSERT INTO "AuditEvent" ("id", "at", "actorId", "operation", "entity", "entityId", "fields")
          SELECT
            -- a UUIDv7 like Prisma's uuid(7) default (PostgreSQL < 18 has no uuidv7()): the
            -- millisecond timestamp over the first 48 bits of a random UUID, version nibble 7.
            encode(
              set_bit(set_bit(
                overlay(uuid_send(gen_random_uuid())
                  placing substring(int8send(floor(extract(epoch FROM params.now) * 1000)::bigint) FROM 3)
                  FROM 1 FOR 6),
                52, 1), 53, 1),
              'hex')::uuid,
            params.now, NULL, 'ANONYMISE', 'Signal', a."id", ${fields}::text[]
          FROM anonymised a, params
          RETURNING 1
        )
        SELECT c."name" AS "city",
               c."retentionMonths" AS "retentionMonths",
               (SELECT count(*) FROM anonymised a WHERE a."cityId" = c."id")::int AS "anonymised",
               (SELECT count(*) FROM cleared)::int AS "clearedNotes",
               (SELECT count(*) FROM audited)::int AS "audited"
        FROM "City" c
        ORDER BY c."name"`;
      const anonymised = rows.reduce((n, r) => n + r.anonymised, 0);
      // Cannot happen (every anonymised signal belongs to a city and gets an event); if it ever did,
      // throwing rolls the whole run back rather than leave anonymisation unaudited.
      if (rows.length > 0 && rows[0]!.audited !== anonymised) {
        throw new Error(`retention: ${anonymised} signals anonymised but ${rows[0]!.audited} audit events written`);
      }
      return rows;
    },
    { isolationLevel: 'ReadCommitted', maxWait: 30_000, timeout: 120_000 },
  );

  const byCity = rows.map((r) => ({ city: r.city, retentionMonths: r.retentionMonths, anonymisedSignals: r.anonymised }));
  return {
    ranAt: now,
    anonymisedSignals: byCity.reduce((n, c) => n + c.anonymisedSignals, 0),
    clearedFollowUpNotes: rows[0]?.clearedNotes ?? 0,
    byCity,
  };
}

/** One line per fact, for the log and `npm run retention`. */
export function formatRetentionReport(report: RetentionReport): string[] {
  return [
    `retention at ${report.ranAt.toISOString()}: anonymised ${report.anonymisedSignals} closed signal(s), ` +
      `cleared ${report.clearedFollowUpNotes} follow-up note(s)`,
    ...report.byCity.map(
      (c) => `  ${c.city} (retention ${c.retentionMonths} months): ${c.anonymisedSignals} signal(s) anonymised`,
    ),
  ];
}

export interface ScheduleOptions {
  /** Minutes between runs; 0 schedules nothing. */
  intervalMinutes: number;
  log: Pick<Logger, 'info' | 'error'>;
  /** Delay before the first run (default 10 s, so start-up is not slowed). */
  initialDelayMs?: number;
  /** Overrides `intervalMinutes` for the time between runs (tests); `intervalMinutes: 0` still schedules nothing. */
  intervalMs?: number;
}

const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export interface RetentionSchedule {
  /** Cancels further runs; resolves once a run in progress has finished. */
  stop(): Promise<void>;
}

/**
 * Runs retention shortly after start and then every `intervalMinutes` (the next run is timed from
 * the end of the previous one, so runs never overlap within an instance; across instances the lock
 * serialises them). Timers are unref'd: they never keep the process alive. Logs each report at info
 * and a failure at error; a failure never throws out of the schedule.
 */
export function scheduleRetention(prisma: PrismaClient, options: ScheduleOptions): RetentionSchedule {
  const { intervalMinutes, log } = options;
  if (!(intervalMinutes > 0)) return { stop: async () => {} };
  const intervalMs = options.intervalMs ?? intervalMinutes * 60_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const schedule = (delayMs: number) => {
    if (stopped) return;
    // setTimeout fires at once for delays over 2^31−1 ms (~24.8 days); run at least that often.
    timer = setTimeout(tick, Math.min(delayMs, MAX_TIMEOUT_MS));
    timer.unref();
  };

  const tick = () => {
    timer = undefined;
    running = (async () => {
      try {
        const report = await runRetention(prisma);
        log.info(
          {
            retention: {
              anonymisedSignals: report.anonymisedSignals,
              clearedFollowUpNotes: report.clearedFollowUpNotes,
              byCity: report.byCity,
            },
          },
          `retention: anonymised ${report.anonymisedSignals} closed signal(s), cleared ${report.clearedFollowUpNotes} follow-up note(s)`,
        );
      } catch (error) {
        log.error({ err: error }, `retention failed: ${(error as Error)?.message ?? String(error)}`);
      }
    })().finally(() => {
      running = undefined;
      schedule(intervalMs);
    });
  };

  schedule(options.initialDelayMs ?? 10_000);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
