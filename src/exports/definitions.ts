import { encodeGlobalID } from '@pothos/plugin-relay';
import type { z } from 'zod';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import type { Cell } from './csv.ts';
import { AssessmentElement } from '../generated/prisma/enums.ts';
import { activityExportFilter, type ExportFilter, partnershipExportFilter, signalExportFilter } from './filters.ts';
import type { ExportTarget } from './plugin-columns.ts';

/** What one export request may read: the filter, and the cities the viewer may see (null = all). */
export interface ExportScope {
  filter: ExportFilter;
  cityIds: string[] | null;
}

export interface ExportColumn<Row> {
  header: string;
  value(row: Row): Cell;
}

/** The SQL of one export, in parts, so the reader can plan its batches (see `readBatch`). */
export interface ExportSql {
  /** The select list; must include the key as `id` (text) and, for plugin columns, `pilotData`. */
  select: Prisma.Sql;
  /** The tables the filter needs, e.g. `"Activity" a JOIN "Partnership" p ON …`. */
  from: Prisma.Sql;
  /** Joins only the output needs (evaluated for the rows of a batch only). */
  output?: Prisma.Sql;
  /** The unique key rows are ordered and paged by, e.g. `a.id`. */
  key: Prisma.Sql;
  /** Conditions of the scope and filter (ANDed); empty = every row. */
  where: Prisma.Sql[];
}

/**
 * One export: its name (the URL is `/exports/<name>.csv|.ndjson`), its columns, and its SQL. Rows
 * are read in batches by keyset pagination on `key` (see `readBatch`), so no cursor or transaction
 * stays open between batches.
 */
export interface ExportDefinition<Row extends { id: string; pilotData?: unknown } = any> {
  name: string;
  /** Whose plugin fields become extra columns (see `pluginColumns`); none when absent. */
  pluginTarget?: ExportTarget;
  /** The query parameters it accepts. */
  filter: z.ZodType<ExportFilter, any>;
  /**
   * `admins`: row-level data that only those who may read every such row in the API get (signal
   * rows); analysts and policy advisors are sent to the evaluation exports. Default: everyone
   * with evaluation access.
   */
  readers?: 'admins';
  /** Each exported row is written to the audit log as a READ of this entity, with the columns as fields. */
  audited?: 'Signal';
  columns: ExportColumn<Row>[];
  sql(scope: ExportScope): ExportSql;
}

/**
 * How a batch is found. `ordered`: walk the key's index and filter (best when matches are many or
 * spread evenly). `filtered`: find the matches with the filter's own indexes, then take the first
 * `limit` by key (best when they are few: the planner would otherwise walk the key index past
 * millions of rows that do not match, e.g. a date range at the end of a table in ID order).
 */
export type BatchPlan = 'ordered' | 'filtered';

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** What the scope holds: how many rows, and the first and last key (null when there are none). */
export interface Matches {
  rows: number;
  first: string | null;
  last: string | null;
}

/**
 * Rows with `key > after` (all when null), ordered by key, at most `limit`; within `bounds` (the
 * first and last matching key, see `countMatches`) when given, so the key index is walked only
 * where matches are.
 */
export function readBatch<Row>(
  prisma: PrismaClient,
  definition: ExportDefinition,
  scope: ExportScope,
  after: string | null,
  limit: number,
  plan: BatchPlan = 'ordered',
  bounds?: Matches,
): Promise<Row[]> {
  const q = definition.sql(scope);
  const conditions = [Prisma.sql`${q.key} > ${after ?? NIL_UUID}::uuid`, ...q.where];
  if (bounds?.first && !after) conditions.push(Prisma.sql`${q.key} >= ${bounds.first}::uuid`);
  if (bounds?.last) conditions.push(Prisma.sql`${q.key} <= ${bounds.last}::uuid`);
  const where = Prisma.join(conditions, ' AND ');
  const output = q.output ?? Prisma.empty;
  if (plan === 'ordered') {
    return prisma.$queryRaw<Row[]>`SELECT ${q.select} FROM ${q.from} ${output} WHERE ${where} ORDER BY ${q.key} LIMIT ${limit}`;
  }
  // OFFSET 0 keeps the planner from pushing the ORDER BY … LIMIT into the match search.
  return prisma.$queryRaw<Row[]>`
    SELECT ${q.select} FROM ${q.from} ${output}
    WHERE ${q.key} IN (SELECT k FROM (SELECT ${q.key} AS k FROM ${q.from} WHERE ${where} OFFSET 0) matches ORDER BY k LIMIT ${limit})
    ORDER BY ${q.key}`;
}

/**
 * Counts the rows the scope holds and finds the first and last key, in one pass found by the
 * filter's indexes (not the key's). Null when the scope is every row (nothing to narrow down).
 */
export async function countMatches(prisma: PrismaClient, definition: ExportDefinition, scope: ExportScope): Promise<Matches | null> {
  const q = definition.sql(scope);
  if (!q.where.length) return null;
  // A UUID's text sorts like the UUID, and min/max have no uuid version here (PostgreSQL 15).
  const [row] = await prisma.$queryRaw<[Matches]>`
    SELECT count(*)::int AS rows, min(k::text) AS first, max(k::text) AS last
    FROM (SELECT ${q.key} AS k FROM ${q.from} WHERE ${Prisma.join(q.where, ' AND ')} OFFSET 0) matches`;
  return row;
}

const gid = (typename: string) => (id: string | null) => (id ? encodeGlobalID(typename, id) : null);
/** A column whose value is `value(row)`. */
export const column = <Row>(header: string, value: (row: Row) => Cell): ExportColumn<Row> => ({ header, value });
/** A column holding the global ID of a `typename` row (null stays empty). */
export const ids = <Row>(header: string, typename: string, pick: (row: Row) => string | null) => {
  const encode = gid(typename);
  return column<Row>(header, (row) => encode(pick(row)));
};

/**
 * Conditions shared by every partnership-scoped export, on `p` (the Partnership) and the row's
 * date column. `from`/`to` are Europe/Amsterdam dates, both inclusive; timestamps are stored in UTC.
 */
export function partnershipConditions(scope: ExportScope, dateColumn: Prisma.Sql): Prisma.Sql[] {
  const { filter, cityIds } = scope;
  const conditions: Prisma.Sql[] = [];
  if (cityIds) conditions.push(Prisma.sql`p."cityId" = ANY(${cityIds}::uuid[])`);
  if (filter.cityId.length) conditions.push(Prisma.sql`p."cityId" = ANY(${filter.cityId}::uuid[])`);
  if (filter.schoolId.length) conditions.push(Prisma.sql`p."schoolId" = ANY(${filter.schoolId}::uuid[])`);
  if (filter.partnershipId.length) conditions.push(Prisma.sql`p.id = ANY(${filter.partnershipId}::uuid[])`);
  if (filter.from) {
    conditions.push(Prisma.sql`${dateColumn} >= ((${filter.from}::date)::timestamp AT TIME ZONE 'Europe/Amsterdam' AT TIME ZONE 'UTC')`);
  }
  if (filter.to) {
    conditions.push(Prisma.sql`${dateColumn} < ((${filter.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam' AT TIME ZONE 'UTC')`);
  }
  return conditions;
}

/** The names of the organisations behind a row (not personal data), for a spreadsheet. */
interface Names {
  cityName: string;
  schoolName: string;
  partnershipName: string;
}
const NAME_COLUMNS = [
  column<Names>('cityName', (r) => r.cityName),
  column<Names>('schoolName', (r) => r.schoolName),
  column<Names>('partnershipName', (r) => r.partnershipName),
];
/** Joins and selects the names, over `p` (the Partnership). */
const NAME_JOINS = Prisma.sql`JOIN "School" nsc ON nsc.id = p."schoolId" JOIN "City" nc ON nc.id = p."cityId"`;
const NAME_SELECT = Prisma.sql`nc.name AS "cityName", nsc.name AS "schoolName", p.name AS "partnershipName"`;
/** SQL: the Amsterdam date (YYYY-MM-DD) and wall-clock time (YYYY-MM-DD HH:MM) of a UTC timestamp column. */
const localDate = (utc: Prisma.Sql) => Prisma.sql`to_char((${utc}) AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')`;
const localTime = (utc: Prisma.Sql) => Prisma.sql`to_char((${utc}) AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD HH24:MI')`;

interface ActivityRow extends Names {
  id: string;
  partnershipId: string;
  schoolId: string;
  cityId: string;
  organisationId: string;
  form: string;
  kind: string;
  startsAt: Date;
  durationMinutes: number;
  location: string | null;
  participantCount: number | null;
  planned: boolean | null;
  youthWorkOrganisationName: string;
  startsOnLocal: string;
  startsAtLocal: string;
  pilotData: unknown;
}

/**
 * Activities: what happened, where and how long, with the IDs of the partnership, school, city and
 * youth work organisation. Never the notes, themes (typed in freely), the young person or people.
 */
export const activitiesExport: ExportDefinition<ActivityRow> = {
  name: 'activities',
  pluginTarget: 'Activity',
  filter: activityExportFilter,
  columns: [
    ids('id', 'Activity', (r) => r.id),
    ids('partnershipId', 'Partnership', (r) => r.partnershipId),
    ids('schoolId', 'School', (r) => r.schoolId),
    ids('cityId', 'City', (r) => r.cityId),
    ids('youthWorkOrganisationId', 'YouthWorkOrganisation', (r) => r.organisationId),
    column('partnershipForm', (r) => r.form),
    column('kind', (r) => r.kind),
    column('startsAt', (r) => r.startsAt),
    column('durationMinutes', (r) => r.durationMinutes),
    column('location', (r) => r.location),
    column('participantCount', (r) => r.participantCount),
    column('planned', (r) => r.planned),
    ...NAME_COLUMNS,
    column('youthWorkOrganisationName', (r) => r.youthWorkOrganisationName),
    column('startsOnLocal', (r) => r.startsOnLocal),
    column('startsAtLocal', (r) => r.startsAtLocal),
  ],
  sql(scope) {
    const where = partnershipConditions(scope, Prisma.sql`a."startsAt"`);
    if (scope.filter.kind?.length) where.push(Prisma.sql`a.kind = ANY(${scope.filter.kind}::text[])`);
    return {
      select: Prisma.sql`a.id::text, a."partnershipId"::text, p."schoolId"::text, p."cityId"::text,
        p."youthWorkOrganisationId"::text AS "organisationId", p.form::text, a.kind, a."startsAt",
        a."durationMinutes", a.location::text, a."participantCount",
        CASE WHEN jsonb_typeof(a.details->'planned') = 'boolean' THEN (a.details->>'planned')::boolean END AS planned,
        ${NAME_SELECT}, o.name AS "youthWorkOrganisationName",
        ${localDate(Prisma.sql`a."startsAt"`)} AS "startsOnLocal", ${localTime(Prisma.sql`a."startsAt"`)} AS "startsAtLocal",
        a."pilotData"`,
      from: Prisma.sql`"Activity" a JOIN "Partnership" p ON p.id = a."partnershipId"`,
      output: Prisma.sql`${NAME_JOINS} JOIN "YouthWorkOrganisation" o ON o.id = p."youthWorkOrganisationId"`,
      key: Prisma.sql`a.id`,
      where,
    };
  },
};

interface SignalRow extends Names {
  reportedOnLocal: string;
  id: string;
  partnershipId: string;
  schoolId: string;
  cityId: string;
  lifeDomain: string;
  category: string;
  subject: string;
  urgency: string;
  ownerSide: string;
  status: string;
  reportedAt: Date;
  acknowledgedAt: Date | null;
  inProgressAt: Date | null;
  referredAt: Date | null;
  closedAt: Date | null;
  firstFollowUpAt: Date | null;
  followUpCount: number;
  pilotData: unknown;
}

/**
 * Signals, one row each: what kind of signal, whose, its workflow timestamps and follow-up timing.
 * Never the summary, the young person, the reporter, the follow-up notes or the referral. Category
 * and urgency are signal content, so this export is for admins only and audited per row; analysts
 * and policy advisors get `/exports/evaluation-signals.csv` (aggregates under disclosure control).
 */
export const signalsExport: ExportDefinition<SignalRow> = {
  name: 'signals',
  // Category, urgency and the rest are signal content: only admins read every signal in the API.
  readers: 'admins',
  audited: 'Signal',
  // No plugin columns: what a pilot records about a signal is signal content.
  filter: signalExportFilter,
  columns: [
    ids('id', 'Signal', (r) => r.id),
    ids('partnershipId', 'Partnership', (r) => r.partnershipId),
    ids('schoolId', 'School', (r) => r.schoolId),
    ids('cityId', 'City', (r) => r.cityId),
    column('lifeDomain', (r) => r.lifeDomain),
    column('category', (r) => r.category),
    column('subject', (r) => r.subject),
    column('urgency', (r) => r.urgency),
    column('ownerSide', (r) => r.ownerSide),
    column('status', (r) => r.status),
    column('reportedAt', (r) => r.reportedAt),
    column('acknowledgedAt', (r) => r.acknowledgedAt),
    column('inProgressAt', (r) => r.inProgressAt),
    column('referredAt', (r) => r.referredAt),
    column('closedAt', (r) => r.closedAt),
    column('firstFollowUpAt', (r) => r.firstFollowUpAt),
    column('followUpCount', (r) => r.followUpCount),
    ...NAME_COLUMNS,
    column('reportedOnLocal', (r) => r.reportedOnLocal),
  ],
  sql(scope) {
    return {
      select: Prisma.sql`s.id::text, s."partnershipId"::text, p."schoolId"::text, p."cityId"::text,
        s."lifeDomain"::text, s.category::text, s.subject::text, s.urgency::text, s."ownerSide"::text,
        s.status::text, s."reportedAt", s."acknowledgedAt", s."inProgressAt", s."referredAt", s."closedAt",
        f.first AS "firstFollowUpAt", coalesce(f.count, 0)::int AS "followUpCount", s."pilotData",
        ${NAME_SELECT}, ${localDate(Prisma.sql`s."reportedAt"`)} AS "reportedOnLocal"`,
      from: Prisma.sql`"Signal" s JOIN "Partnership" p ON p.id = s."partnershipId"`,
      output: Prisma.sql`${NAME_JOINS} LEFT JOIN LATERAL (SELECT min(fu.at) AS first, count(*)::int AS count FROM "SignalFollowUp" fu WHERE fu."signalId" = s.id) f ON true`,
      key: Prisma.sql`s.id`,
      where: partnershipConditions(scope, Prisma.sql`s."reportedAt"`),
    };
  },
};

interface AssessmentRow extends Names {
  id: string;
  partnershipId: string;
  schoolId: string;
  cityId: string;
  form: string;
  round: number;
  assessedOn: Date;
  scores: Record<string, number | null>;
}

/** The elements of the partnership monitor, one score column each (`score.PARTNERSHIP`, …). */
const ASSESSMENT_ELEMENTS = Object.values(AssessmentElement);

/**
 * Partnership monitor scores: one row per assessment (a partnership at a round and date) with a
 * score per werkzaam element and precondition. Never the comments, the action plan or who recorded it.
 */
export const monitorScoresExport: ExportDefinition<AssessmentRow> = {
  name: 'monitor-scores',
  filter: partnershipExportFilter,
  columns: [
    ids('id', 'PartnershipAssessment', (r) => r.id),
    ids('partnershipId', 'Partnership', (r) => r.partnershipId),
    ids('schoolId', 'School', (r) => r.schoolId),
    ids('cityId', 'City', (r) => r.cityId),
    column('partnershipForm', (r) => r.form),
    column('round', (r) => r.round),
    column('assessedOn', (r) => r.assessedOn.toISOString().slice(0, 10)),
    ...ASSESSMENT_ELEMENTS.map((element) => column<AssessmentRow>(`score.${element}`, (r) => r.scores[element] ?? null)),
    ...NAME_COLUMNS,
  ],
  sql(scope) {
    return {
      select: Prisma.sql`x.id::text, x."partnershipId"::text, p."schoolId"::text, p."cityId"::text, p.form::text,
        x.round, x."assessedOn", sc.scores, ${NAME_SELECT}`,
      from: Prisma.sql`"PartnershipAssessment" x JOIN "Partnership" p ON p.id = x."partnershipId"`,
      output: Prisma.sql`${NAME_JOINS} LEFT JOIN LATERAL (SELECT jsonb_object_agg(s.element, s.score) AS scores
        FROM "PartnershipAssessmentScore" s WHERE s."assessmentId" = x.id) sc ON true`,
      key: Prisma.sql`x.id`,
      where: partnershipConditions(scope, Prisma.sql`x."assessedOn"`),
    };
  },
};

/** Every export, by name. A new one is one more definition here. */
export const EXPORTS: readonly ExportDefinition[] = [activitiesExport, signalsExport, monitorScoresExport];
