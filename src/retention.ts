/**
 * Retention, per city (each period is a setting of the city, in calendar months):
 * - closed signals older than `City.retentionMonths` after `closedAt` are anonymised: their summary,
 *   referral destination, plugin values and the notes of their follow-ups are cleared and the young
 *   person is unlinked; everything else (status, category, life domain, timestamps, follow-up
 *   actions and dates) stays. One ANONYMISE audit event per signal.
 * - activities older than `City.activityRetentionMonths` after `startsAt` lose their free texts
 *   (`notes`, `locationNote`). Kind, time, duration, participants, themes, plugin values and the
 *   link to the young person stay, so the evaluation figures do not change. One ANONYMISE event
 *   per activity whose texts were cleared.
 * - a youth reference with no signal linked to it and no activity in the last
 *   `City.youthRetentionMonths` (created at least that long ago) is anonymised as `eraseYouth`
 *   does: its code is replaced by a random one, the registering person unlinked, and the texts of
 *   its activities cleared. This covers references that never had any activity or signal, and the
 *   young person of individual guidance once that guidance is over: the activities stay linked to
 *   a reference nobody can recognise, so reach figures (distinct young people) do not change. One
 *   ANONYMISE event per reference.
 * - a staff member deactivated more than `City.staffRetentionMonths` ago is pseudonymised as
 *   `erasePerson` does (the same SQL): name and e-mail replaced, roles revoked, what they recorded
 *   kept with the pseudonymous author. A person's cities are those of their organisation, school
 *   and roles; with several, the longest period applies. People tied to no city (global admins
 *   only) are left to `erasePerson`. One ANONYMISE event per person.
 *
 * One transaction of a constant number of statements, whatever the number of records: an advisory
 * lock, one statement for the signals, one for activities, youth references and staff (it comes
 * second because a youth reference whose last signal the first statement unlinked is due in the
 * same run). Every statement writes its audit events with INSERT … SELECT, with no actor (the
 * system). Idempotent: anonymised signals (`anonymisedAt` set), activities without texts, references
 * with an erased code and erased staff are never selected again. Safe on several instances at once:
 * runs serialise on the lock, and the second finds nothing left (the UPDATEs recheck their
 * conditions on the latest row version too, so even without the lock nothing is anonymised — or
 * audited — twice).
 *
 * Run by the server on a schedule (`scheduleRetention`, RETENTION_INTERVAL_MINUTES) and on demand
 * with `npm run retention`.
 */
import { auditIdSql } from './audit.ts';
import { ERASED_CODE_PREFIX, ERASED_EMAIL_DOMAIN, pseudonymiseStaffSql, utcTimestampSql } from './data-subject/erase.ts';
import type { Logger } from './logger.ts';
import { Prisma, type PrismaClient } from './generated/prisma/client.ts';

/** Key for pg_advisory_xact_lock, so two retention runs never overlap (next to the seed's 72707370). */
export const RETENTION_LOCK_KEY = 72707371;

/** The fields an anonymisation clears, as recorded in its audit events. */
export const ANONYMISED_FIELDS = ['summary', 'youthId', 'referralDestination', 'pilotData', 'followUps.note'] as const;
/** The fields of an activity retention clears, as recorded in its audit events. */
export const ACTIVITY_CLEARED_FIELDS = ['notes', 'locationNote'] as const;
/** The fields of a youth reference retention replaces or clears: the same as an erasure on request. */
export const YOUTH_ANONYMISED_FIELDS = ['code', 'registeredById', 'activities.notes', 'activities.locationNote'] as const;

export interface RetentionReport {
  /** The moment the run used as "now" (also `anonymisedAt` and the audit events' `at`). */
  ranAt: Date;
  anonymisedSignals: number;
  /** Follow-ups whose (non-empty) note was cleared. */
  clearedFollowUpNotes: number;
  /** Activities whose notes or location note were cleared. */
  clearedActivities: number;
  /** Youth references anonymised (code replaced). */
  anonymisedYouth: number;
  /** Deactivated staff members pseudonymised. */
  pseudonymisedStaff: number;
  /** Every city, by name, with its retention periods and what this run anonymised there. */
  byCity: {
    city: string;
    retentionMonths: number;
    anonymisedSignals: number;
    activityRetentionMonths: number;
    clearedActivities: number;
    youthRetentionMonths: number;
    anonymisedYouth: number;
    staffRetentionMonths: number;
  }[];
}

export interface RetentionOptions {
  /** "Now" for the run (default: the current time). Signals closed before now − retentionMonths qualify. */
  now?: Date;
}

type Row = { city: string; retentionMonths: number; anonymised: number; clearedNotes: number; audited: number };
type SecondRow = {
  city: string;
  activityRetentionMonths: number;
  youthRetentionMonths: number;
  staffRetentionMonths: number;
  clearedActivities: number;
  anonymisedYouth: number;
  staff: number;
  audited: number;
};

/** Anonymises the closed signals that are past their city's retention period; see the module comment. */
export async function runRetention(prisma: PrismaClient, options: RetentionOptions = {}): Promise<RetentionReport> {
  const now = options.now ?? new Date();
  if (Number.isNaN(now.getTime())) throw new TypeError('runRetention: `now` is not a valid date');
  // Columns are `timestamp(3)` holding UTC (as Prisma writes them); pass the instant as text so the
  // session time zone plays no part.
  const at = now.toISOString();
  const fields = [...ANONYMISED_FIELDS];

  const result = await prisma.$transaction(
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
            ${auditIdSql(Prisma.sql`params.now`)},
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
      const second = await tx.$queryRaw<SecondRow[]>(activitiesYouthAndStaffSql(now));
      const done = second.reduce((n, r) => n + r.clearedActivities + r.anonymisedYouth, 0) + (second[0]?.staff ?? 0);
      if (second.length > 0 && second[0]!.audited !== done) {
        throw new Error(`retention: ${done} activities, youth references and staff anonymised but ${second[0]!.audited} audit events written`);
      }
      return { rows, second };
    },
    { isolationLevel: 'ReadCommitted', maxWait: 30_000, timeout: 120_000 },
  );

  const later = new Map(result.second.map((r) => [r.city, r]));
  const byCity = result.rows.map((r) => {
    const l = later.get(r.city);
    return {
      city: r.city,
      retentionMonths: r.retentionMonths,
      anonymisedSignals: r.anonymised,
      activityRetentionMonths: l?.activityRetentionMonths ?? 0,
      clearedActivities: l?.clearedActivities ?? 0,
      youthRetentionMonths: l?.youthRetentionMonths ?? 0,
      anonymisedYouth: l?.anonymisedYouth ?? 0,
      staffRetentionMonths: l?.staffRetentionMonths ?? 0,
    };
  });
  const sum = (key: 'anonymisedSignals' | 'clearedActivities' | 'anonymisedYouth') => byCity.reduce((n, c) => n + c[key], 0);
  return {
    ranAt: now,
    anonymisedSignals: sum('anonymisedSignals'),
    clearedFollowUpNotes: result.rows[0]?.clearedNotes ?? 0,
    clearedActivities: sum('clearedActivities'),
    anonymisedYouth: sum('anonymisedYouth'),
    pseudonymisedStaff: result.second[0]?.staff ?? 0,
    byCity,
  };
}

/** `params.now` minus a city's period in calendar months. */
const cutoff = (months: Prisma.Sql) => Prisma.sql`params.now - make_interval(months => ${months})`;

/**
 * The second statement of a run: youth references, then the activities (their own period, or their
 * reference anonymised in this statement), then deactivated staff; counts per city.
 */
function activitiesYouthAndStaffSql(now: Date): Prisma.Sql {
  const audit = (source: string, entity: string, fields: readonly string[]) => Prisma.sql`
    INSERT INTO "AuditEvent" ("id", "at", "actorId", "operation", "entity", "entityId", "fields")
    SELECT ${auditIdSql(Prisma.sql`params.now`)}, params.now, NULL, 'ANONYMISE', ${entity}, x."id", ${[...fields]}::text[]
    FROM ${Prisma.raw(source)} x, params
    RETURNING 1`;
  const staffCities = Prisma.sql`
    SELECT o."cityId" FROM "YouthWorkOrganisation" o WHERE o."id" = p."organisationId"
    UNION ALL SELECT sc."cityId" FROM "School" sc WHERE sc."id" = p."schoolId"
    UNION ALL SELECT r."cityId" FROM "RoleAssignment" r WHERE r."personId" = p."id"
    UNION ALL SELECT pa."cityId" FROM "RoleAssignment" r JOIN "Partnership" pa ON pa."id" = r."partnershipId" WHERE r."personId" = p."id"`;
  return Prisma.sql`
    WITH params AS (
      SELECT ${utcTimestampSql(now)} AS now
    ),
    youth_anonymised AS (
      UPDATE "Youth" y
      SET "code" = ${ERASED_CODE_PREFIX} || replace(gen_random_uuid()::text, '-', ''),
          "registeredById" = NULL,
          "updatedAt" = params.now,
          "version" = y."version" + 1
      FROM params, "School" sc, "City" c
      WHERE sc."id" = y."schoolId"
        AND c."id" = sc."cityId"
        AND y."code" NOT LIKE ${`${ERASED_CODE_PREFIX}%`}
        AND y."createdAt" < ${cutoff(Prisma.sql`c."youthRetentionMonths"`)}
        AND NOT EXISTS (SELECT 1 FROM "Signal" s WHERE s."youthId" = y."id")
        AND NOT EXISTS (
          SELECT 1 FROM "Activity" a WHERE a."youthId" = y."id" AND a."startsAt" >= ${cutoff(Prisma.sql`c."youthRetentionMonths"`)}
        )
      RETURNING y."id", c."id" AS "cityId"
    ),
    youth_audited AS (${audit('youth_anonymised', 'Youth', YOUTH_ANONYMISED_FIELDS)}),
    activities_cleared AS (
      UPDATE "Activity" a
      SET "notes" = NULL,
          "locationNote" = NULL,
          "updatedAt" = params.now,
          "version" = a."version" + 1
      FROM params, "Partnership" p, "City" c
      WHERE p."id" = a."partnershipId"
        AND c."id" = p."cityId"
        AND (a."notes" IS NOT NULL OR a."locationNote" IS NOT NULL)
        AND (a."startsAt" < ${cutoff(Prisma.sql`c."activityRetentionMonths"`)} OR a."youthId" IN (SELECT "id" FROM youth_anonymised))
      RETURNING a."id", p."cityId"
    ),
    activities_audited AS (${audit('activities_cleared', 'Activity', ACTIVITY_CLEARED_FIELDS)}),
    staff_due AS (
      SELECT p."id"
      FROM "Person" p, params
      WHERE p."deactivatedAt" IS NOT NULL
        AND p."email" NOT LIKE ${`%${ERASED_EMAIL_DOMAIN}`}
        -- no city: the period is NULL and so is the comparison
        AND p."deactivatedAt" < ${cutoff(Prisma.sql`(SELECT max(c."staffRetentionMonths") FROM "City" c WHERE c."id" IN (${staffCities}))`)}
    ),
    ${pseudonymiseStaffSql(Prisma.sql`SELECT "id" FROM staff_due`, null, Prisma.sql`(SELECT now FROM params)`)}
    SELECT c."name" AS "city",
           c."activityRetentionMonths" AS "activityRetentionMonths",
           c."youthRetentionMonths" AS "youthRetentionMonths",
           c."staffRetentionMonths" AS "staffRetentionMonths",
           (SELECT count(*) FROM activities_cleared x WHERE x."cityId" = c."id")::int AS "clearedActivities",
           (SELECT count(*) FROM youth_anonymised x WHERE x."cityId" = c."id")::int AS "anonymisedYouth",
           (SELECT count(*) FROM staff_erased)::int AS "staff",
           ((SELECT count(*) FROM youth_audited) + (SELECT count(*) FROM activities_audited) + (SELECT count(*) FROM staff_audited))::int AS "audited"
    FROM "City" c
    ORDER BY c."name"`;
}

/** One line per fact, for the log and `npm run retention`. */
export function formatRetentionReport(report: RetentionReport): string[] {
  return [
    `retention at ${report.ranAt.toISOString()}: ${summary(report)}`,
    ...report.byCity.map(
      (c) =>
        `  ${c.city}: ${c.anonymisedSignals} signal(s) anonymised (retention ${c.retentionMonths} months), ` +
        `${c.clearedActivities} activit(y/ies) cleared (${c.activityRetentionMonths} months), ` +
        `${c.anonymisedYouth} youth reference(s) anonymised (${c.youthRetentionMonths} months); staff after ${c.staffRetentionMonths} months`,
    ),
  ];
}

function summary(report: RetentionReport): string {
  return (
    `anonymised ${report.anonymisedSignals} closed signal(s), cleared ${report.clearedFollowUpNotes} follow-up note(s), ` +
    `cleared the notes of ${report.clearedActivities} activit(y/ies), anonymised ${report.anonymisedYouth} youth reference(s), ` +
    `pseudonymised ${report.pseudonymisedStaff} deactivated staff member(s)`
  );
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
              clearedActivities: report.clearedActivities,
              anonymisedYouth: report.anonymisedYouth,
              pseudonymisedStaff: report.pseudonymisedStaff,
              byCity: report.byCity,
            },
          },
          `retention: ${summary(report)}`,
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
