/**
 * The large data set for benchmarks and exports (`npm run seed -- --scale large`): on top of the demo
 * data, three more cities (five in all), schools up to 200 with one partnership each, their youth
 * workers and school contacts, pseudonymous youth, and signals (with follow-ups) and activities up
 * to about 100,000 and 1,000,000.
 *
 * Generated inside the database: a few INSERT … SELECT over generate_series, no rows built in
 * JavaScript. Deterministic: the same `now` gives the same rows. IDs are UUIDs derived from an md5
 * of the row's number (signals and activities: UUIDv7-shaped, their timestamp first), and every "random" choice is `hashint8extended(number, salt)`, the hash
 * PostgreSQL keeps stable across releases for hash partitioning. Everything is fictional, like the
 * demo data (names, `*.example` e-mail addresses, BRIN codes starting with L).
 *
 * Not generated at this scale: activity facilitators and attendees, activity–signal links.
 */
import type { PrismaClient } from '../src/generated/prisma/client.ts';

export interface LargeScale {
  /** Schools (and partnerships) in all, demo schools included. */
  schools: number;
  /** Activities in all, demo activities included. */
  activities: number;
  /** Signals in all, demo signals included. */
  signals: number;
  /** Pseudonymous youth per new school. */
  youthPerSchool: number;
}

export const SCALES = {
  large: { schools: 200, activities: 1_000_000, signals: 100_000, youthPerSchool: 100 },
  medium: { schools: 200, activities: 100_000, signals: 10_000, youthPerSchool: 20 },
} as const satisfies Record<string, LargeScale>;
export type ScaleName = keyof typeof SCALES;

/** The cities the large data adds to the demo's Amsterdam and Arnhem. */
const NEW_CITIES = [
  { name: 'Rotterdam', cbsCode: 'GM0599' },
  { name: 'Utrecht', cbsCode: 'GM0344' },
  { name: "'s-Gravenhage", cbsCode: 'GM0518' },
];

/** Rows added per table by `seedLargeData`. */
export type LargeSummary = Record<'City' | 'School' | 'YouthWorkOrganisation' | 'Person' | 'Partnership' | 'RoleAssignment' | 'Youth' | 'Signal' | 'SignalFollowUp' | 'Activity', number>;

/** A hash of `n` in [0, mod), different per salt. */
const pick = (n: string, salt: number, mod: number) => `((hashint8extended(${n}, ${salt}) & 2147483647) % ${mod})`;
/** The deterministic UUID of row `n` of a kind. */
const uuid = (kind: string, n: string) => `md5('large:${kind}:' || ${n})::uuid`;
/**
 * A UUIDv7-shaped ID for row `n` created at `at`: the millisecond timestamp first, like the IDs the
 * API creates, so ID order follows creation time as in real data (keyset exports read in ID order).
 * Rows are inserted in that order too, so the table's physical order matches, as it would after
 * years of use.
 */
const uuid7 = (kind: string, n: string, at: string) =>
  `(lpad(to_hex((extract(epoch FROM ${at}) * 1000)::bigint), 12, '0') || '7' || substr(md5('large:${kind}:' || ${n}), 1, 3) || '8' || substr(md5('large:${kind}:' || ${n}), 4, 15))::uuid`;
/** The i-th value of a list (0-based index expression). */
const nth = (values: readonly string[], index: string, type: string) =>
  `(ARRAY[${values.map((v) => `'${v}'`).join(',')}]::"${type}"[])[${index} + 1]`;

const KINDS = ['BREAK_CONVERSATION', 'BREAK_CONVERSATION', 'BREAK_CONVERSATION', 'INDIVIDUAL_GUIDANCE', 'INDIVIDUAL_GUIDANCE', 'HOMEWORK_HELP', 'INFORMATION_SESSION', 'CONSULTATION'];
const MINUTES = [15, 15, 15, 45, 45, 90, 60, 60];

/**
 * Adds the large data set to a database that holds the demo data (see `seedDemoData`), in one
 * transaction. Returns the rows added per table.
 */
export async function seedLargeData(prisma: PrismaClient, scale: LargeScale, now: Date): Promise<LargeSummary> {
  const nowSql = `'${now.toISOString()}'::timestamp`;
  return prisma.$transaction(
    async (tx) => {
      const run = (sql: string) => tx.$executeRawUnsafe(sql);
      const scalar = async (sql: string) => Number((await tx.$queryRawUnsafe<{ n: number }[]>(sql))[0]!.n);
      const summary = {} as LargeSummary;

      summary.City = await run(`
        INSERT INTO "City" (id, name, "cbsCode", "updatedAt")
        SELECT ${uuid('city', 'c.code')}, c.name, c.code, ${nowSql}
        FROM (VALUES ${NEW_CITIES.map((c) => `('${c.name.replaceAll("'", "''")}', '${c.cbsCode}')`).join(', ')}) AS c(name, code)
        ON CONFLICT DO NOTHING`);
      // Cities numbered 0..4 by name, organisations one per city (the demo ones for the demo cities).
      await run(`
        INSERT INTO "YouthWorkOrganisation" (id, name, "cityId", "updatedAt")
        SELECT ${uuid('organisation', 'c.id::text')}, 'Jongerenwerk ' || c.name || ' (large seed)', c.id, ${nowSql}
        FROM "City" c ON CONFLICT DO NOTHING`);
      summary.YouthWorkOrganisation = await scalar(`SELECT count(*)::int AS n FROM "YouthWorkOrganisation" WHERE name LIKE '% (large seed)'`);

      const existingSchools = await scalar(`SELECT count(*)::int AS n FROM "School"`);
      const newSchools = Math.max(0, scale.schools - existingSchools);
      // School k (1..newSchools) lies in city k % 5 (by name), with partnership k, youth worker k and contact k.
      const cityOf = (k: string) => `(SELECT id FROM "City" ORDER BY name OFFSET (${k} % (SELECT count(*) FROM "City")) LIMIT 1)`;
      summary.School = await run(`
        INSERT INTO "School" (id, name, "brinCode", "cityId", district, "schoolType", enrolment, "updatedAt")
        SELECT ${uuid('school', 'k')}, 'Scholengemeenschap L' || lpad(k::text, 3, '0') || ' (large seed)', 'L' || lpad(k::text, 3, '0'),
               ${cityOf('k')}, 'Wijk ' || (1 + ${pick('k', 1, 12)}),
               ${nth(['PRACTICAL_EDUCATION', 'VMBO', 'HAVO_VWO', 'COMPREHENSIVE'], pick('k', 2, 4), 'SchoolType')},
               400 + ${pick('k', 3, 1400)}, ${nowSql}
        FROM generate_series(1, ${newSchools}) k`);
      summary.Person = await run(`
        INSERT INTO "Person" (id, name, email, "organisationId", "schoolId", "updatedAt")
        SELECT ${uuid('person', "side || k")},
               CASE side WHEN 'yw' THEN 'Jongerenwerker L' ELSE 'Contactpersoon L' END || lpad(k::text, 3, '0'),
               side || '.l' || lpad(k::text, 3, '0') || '@large.jongerenwerk.example',
               CASE side WHEN 'yw' THEN (SELECT o.id FROM "YouthWorkOrganisation" o WHERE o."cityId" = s."cityId" AND o.name LIKE '% (large seed)') END,
               CASE side WHEN 'sc' THEN s.id END, ${nowSql}
        FROM generate_series(1, ${newSchools}) k JOIN "School" s ON s.id = ${uuid('school', 'k')}, (VALUES ('yw'), ('sc')) AS sides(side)`);
      summary.Partnership = await run(`
        INSERT INTO "Partnership" (id, name, "schoolId", "youthWorkOrganisationId", "cityId", form, status, "startsOn", goals,
                                   "fundingType", "hasRoom", "schoolContactId", "consultationEveryWeeks", "updatedAt")
        SELECT ${uuid('partnership', 'k')}, 'Jongerenwerk × ' || s.name, s.id,
               (SELECT o.id FROM "YouthWorkOrganisation" o WHERE o."cityId" = s."cityId" AND o.name LIKE '% (large seed)'), s."cityId",
               ${nth(['WITH_SCHOOL', 'IN_SCHOOL'], pick('k', 4, 2), 'PartnershipForm')}, 'ACTIVE',
               (${nowSql} - interval '3 years')::date, ARRAY['Signaleren', 'Verbinden'],
               ${nth(['STRUCTURAL', 'PROJECT', 'NONE'], pick('k', 5, 3), 'FundingType')}, ${pick('k', 6, 2)} = 1,
               ${uuid('person', "'sc' || k")}, (ARRAY[2, 4, 6])[${pick('k', 7, 3)} + 1], ${nowSql}
        FROM generate_series(1, ${newSchools}) k JOIN "School" s ON s.id = ${uuid('school', 'k')}`);
      summary.RoleAssignment = await run(`
        INSERT INTO "RoleAssignment" (id, "personId", role, scope, "partnershipId")
        SELECT ${uuid('role', "side || k")}, ${uuid('person', "side || k")},
               (CASE side WHEN 'yw' THEN 'YOUTH_WORKER' ELSE 'SCHOOL_CONTACT' END)::"Role", 'PARTNERSHIP', ${uuid('partnership', 'k')}
        FROM generate_series(1, ${newSchools}) k, (VALUES ('yw'), ('sc')) AS sides(side)`);
      summary.Youth = await run(`
        INSERT INTO "Youth" (id, code, "schoolId", "yearGroup", "ageBand", "updatedAt")
        SELECT ${uuid('youth', 'y')}, 'LG-' || upper(substr(md5('large:code:' || y), 1, 4)) || '-' || lpad(y::text, 6, '0'),
               ${uuid('school', `((y - 1) / ${scale.youthPerSchool} + 1)`)}, 1 + ${pick('y', 8, 6)},
               ${nth(['AGE_12_13', 'AGE_14_15', 'AGE_16_17'], pick('y', 9, 3), 'AgeBand')}, ${nowSql}
        FROM generate_series(1, ${newSchools * scale.youthPerSchool}) y`);

      // A school day in the two years before now: weekday w of week d / 5, at 8:00–16:45 (UTC-ish).
      const schoolDay = (n: string, salt: number) =>
        `(date_trunc('week', ${nowSql}) - interval '104 weeks' + (${pick(n, salt, 520)} / 5) * interval '1 week'
          + (${pick(n, salt, 520)} % 5) * interval '1 day' + interval '7 hours' + ${pick(n, salt + 1, 36)} * interval '15 minutes')`;
      // Workflow steps of recent signals that would lie in the future happen (just) before now.
      const upTo = (t: string) => `LEAST(${t}, ${nowSql} - interval '1 minute')`;
      const partnershipOf = (n: string, salt: number) => `(1 + ${pick(n, salt, newSchools)})`;
      const youthOf = (school: string, n: string, salt: number) => uuid('youth', `((${school} - 1) * ${scale.youthPerSchool} + 1 + ${pick(n, salt, scale.youthPerSchool)})`);

      const newSignals = newSchools ? Math.max(0, scale.signals - (await scalar(`SELECT count(*)::int AS n FROM "Signal"`))) : 0;
      // Status 0..4 = NEW … CLOSED; each reached step has its timestamp, hours to days after the last.
      summary.Signal = await run(`
        INSERT INTO "Signal" (id, "partnershipId", "lifeDomain", category, subject, urgency, summary, "youthId", "reportedById",
                              "ownerSide", "sharedWith", "legalBasis", status, "reportedAt", "acknowledgedAt", "inProgressAt",
                              "referredAt", "closedAt", "createdAt", "updatedAt")
        SELECT ${uuid7('signal', 'i', 'reported')}, ${uuid('partnership', 'k')},
               ${nth(['SCHOOL', 'HOME', 'NEIGHBOURHOOD', 'ONLINE'], pick('i', 11, 4), 'LifeDomain')},
               ${nth(['ATTENDANCE', 'BULLYING', 'CONFLICT', 'HOME_SITUATION', 'WELLBEING', 'SAFETY', 'SUBSTANCE_USE', 'CRIMINAL_INVOLVEMENT', 'ONLINE_BEHAVIOUR', 'OTHER'], pick('i', 12, 10), 'SignalCategory')},
               subject, ${nth(['LOW', 'MEDIUM', 'MEDIUM', 'HIGH', 'URGENT'], pick('i', 13, 5), 'SignalUrgency')},
               'Signaal ' || i || ' (large seed)', CASE WHEN subject = 'INDIVIDUAL' THEN ${youthOf('k', 'i', 14)} END,
               ${uuid('person', "(CASE owner WHEN 'YOUTH_WORK' THEN 'yw' ELSE 'sc' END) || k")},
               owner, CASE WHEN shared THEN 'BOTH' ELSE owner::text END::"SignalAudience", CASE WHEN shared THEN 'CONSENT' ELSE 'NONE' END::"LegalBasis",
               ${nth(['NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REFERRED', 'CLOSED'], 'step', 'SignalStatus')},
               reported,
               CASE WHEN step >= 1 THEN ${upTo(`reported + ${pick('i', 16, 72)} * interval '1 hour'`)} END,
               CASE WHEN step >= 2 THEN ${upTo(`reported + (72 + ${pick('i', 17, 240)}) * interval '1 hour'`)} END,
               CASE WHEN step = 3 THEN ${upTo(`reported + (320 + ${pick('i', 18, 400)}) * interval '1 hour'`)} END,
               CASE WHEN step = 4 THEN ${upTo(`reported + (320 + ${pick('i', 19, 1200)}) * interval '1 hour'`)} END,
               reported, ${nowSql}
        FROM (
          SELECT i, ${partnershipOf('i', 10)} AS k,
                 ${nth(['INDIVIDUAL', 'INDIVIDUAL', 'INDIVIDUAL', 'GROUP', 'TREND'], pick('i', 15, 5), 'SignalSubject')} AS subject,
                 ${nth(['YOUTH_WORK', 'SCHOOL'], pick('i', 20, 2), 'PartnerSide')} AS owner, ${pick('i', 21, 3)} > 0 AS shared,
                 ${schoolDay('i', 22)} AS reported,
                 -- older signals are further along: mostly closed after half a year
                 LEAST(4, ${pick('i', 24, 5)} + (519 - ${pick('i', 22, 520)}) / 130) AS step
          FROM generate_series(1, ${newSignals}) i
        ) g
        ORDER BY reported`);
      // Follow-ups: one per step the signal went through (none for NEW), by the owning side's person.
      summary.SignalFollowUp = await run(`
        INSERT INTO "SignalFollowUp" (id, "signalId", "byId", at, action, "createdAt")
        SELECT md5('large:followup:' || s.id || ':' || n)::uuid, s.id, s."reportedById",
               ${upTo(`s."reportedAt" + n * (coalesce(s."acknowledgedAt", s."reportedAt") - s."reportedAt" + interval '1 hour')`)},
               ${nth(['CONVERSATION_WITH_YOUTH', 'CONTACT_WITH_PARENTS', 'CONSULTED_PARTNER', 'DISCUSSED_IN_CONSULTATION', 'MONITORING'], `((hashtext(s.id::text || n) & 2147483647) % 5)`, 'FollowUpAction')},
               ${nowSql}
        FROM "Signal" s, generate_series(1, 3) n
        WHERE s.summary LIKE '% (large seed)' AND n <= array_position(ARRAY['NEW','ACKNOWLEDGED','IN_PROGRESS','REFERRED','CLOSED']::"SignalStatus"[], s.status) - 1`);

      const newActivities = newSchools ? Math.max(0, scale.activities - (await scalar(`SELECT count(*)::int AS n FROM "Activity"`))) : 0;
      summary.Activity = await run(`
        INSERT INTO "Activity" (id, "partnershipId", kind, "startsAt", "durationMinutes", location, "participantCount", themes,
                                details, "youthId", "loggedById", "createdAt", "updatedAt")
        SELECT ${uuid7('activity', 'i', 'starts')}, ${uuid('partnership', 'k')}, (ARRAY[${KINDS.map((k) => `'${k}'`).join(',')}])[kind + 1], starts,
               (ARRAY[${MINUTES.join(',')}])[kind + 1],
               ${nth(['SCHOOL_ROOM', 'CLASSROOM', 'SCHOOLYARD', 'COMMUNITY_CENTRE', 'ONLINE'], pick('i', 31, 5), 'ActivityLocation')},
               CASE WHEN kind IN (3, 4) THEN 1 ELSE 2 + ${pick('i', 32, 25)} END, '{}',
               CASE kind WHEN 7 THEN jsonb_build_object('planned', ${pick('i', 33, 5)} > 0) ELSE '{}'::jsonb END,
               CASE WHEN kind IN (3, 4) THEN ${youthOf('k', 'i', 34)} END, ${uuid('person', "'yw' || k")}, starts, ${nowSql}
        FROM (SELECT i, ${partnershipOf('i', 30)} AS k, ${pick('i', 35, KINDS.length)} AS kind, ${schoolDay('i', 36)} AS starts
              FROM generate_series(1, ${newActivities}) i) g
        ORDER BY starts`);

      return summary;
    },
    { timeout: 60 * 60_000, maxWait: 20_000 },
  );
}

/** Refreshes the planner's statistics after a bulk load (outside the transaction). */
export async function analyzeTables(prisma: PrismaClient) {
  await prisma.$executeRawUnsafe('ANALYZE');
}
