import { encodeGlobalID } from '@pothos/plugin-relay';
import type { z } from 'zod';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import type { Cell } from './csv.ts';
import { activityExportFilter, type ExportFilter, signalExportFilter } from './filters.ts';
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

/**
 * One export: its name (the URL is `/exports/<name>.csv|.ndjson`), its columns, and how to read one
 * batch of rows after a key (keyset pagination on `id`, so every batch is one short indexed query
 * and no cursor or transaction stays open between batches).
 */
export interface ExportDefinition<Row extends { id: string; pilotData?: unknown } = any> {
  name: string;
  /** Whose plugin fields become extra columns (see `pluginColumns`); none when absent. */
  pluginTarget?: ExportTarget;
  /** The query parameters it accepts. */
  filter: z.ZodType<ExportFilter, any>;
  columns: ExportColumn<Row>[];
  /** Rows with `id > after` (all when null) in the scope, ordered by `id`, at most `limit`. */
  batch(prisma: PrismaClient, scope: ExportScope, after: string | null, limit: number): Promise<Row[]>;
}

const gid = (typename: string) => (id: string | null) => (id ? encodeGlobalID(typename, id) : null);
const column = <Row>(header: string, value: (row: Row) => Cell): ExportColumn<Row> => ({ header, value });
const ids = <Row>(header: string, typename: string, pick: (row: Row) => string | null) => {
  const encode = gid(typename);
  return column<Row>(header, (row) => encode(pick(row)));
};

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * Conditions shared by every partnership-scoped export, on `p` (the Partnership) and the row's
 * date column. `from`/`to` are Europe/Amsterdam dates, both inclusive; timestamps are stored in UTC.
 */
function partnershipConditions(scope: ExportScope, dateColumn: Prisma.Sql): Prisma.Sql[] {
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

const and = (conditions: Prisma.Sql[]) => Prisma.join(conditions, ' AND ');

interface ActivityRow {
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
  ],
  batch(prisma, scope, after, limit) {
    const conditions = [Prisma.sql`a.id > ${after ?? NIL_UUID}::uuid`, ...partnershipConditions(scope, Prisma.sql`a."startsAt"`)];
    if (scope.filter.kind?.length) conditions.push(Prisma.sql`a.kind = ANY(${scope.filter.kind}::text[])`);
    return prisma.$queryRaw<ActivityRow[]>`
      SELECT a.id::text, a."partnershipId"::text, p."schoolId"::text, p."cityId"::text,
             p."youthWorkOrganisationId"::text AS "organisationId", p.form::text, a.kind, a."startsAt",
             a."durationMinutes", a.location::text, a."participantCount",
             CASE WHEN jsonb_typeof(a.details->'planned') = 'boolean' THEN (a.details->>'planned')::boolean END AS planned,
             a."pilotData"
      FROM "Activity" a JOIN "Partnership" p ON p.id = a."partnershipId"
      WHERE ${and(conditions)}
      ORDER BY a.id
      LIMIT ${limit}`;
  },
};

interface SignalRow {
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
 * Signals as metadata only: what kind of signal, whose, its workflow timestamps and follow-up
 * timing. Never the summary, the young person, the reporter, the follow-up notes or the referral.
 */
export const signalsExport: ExportDefinition<SignalRow> = {
  name: 'signals',
  pluginTarget: 'Signal',
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
  ],
  batch(prisma, scope, after, limit) {
    const conditions = [Prisma.sql`s.id > ${after ?? NIL_UUID}::uuid`, ...partnershipConditions(scope, Prisma.sql`s."reportedAt"`)];
    return prisma.$queryRaw<SignalRow[]>`
      SELECT s.id::text, s."partnershipId"::text, p."schoolId"::text, p."cityId"::text,
             s."lifeDomain"::text, s.category::text, s.subject::text, s.urgency::text, s."ownerSide"::text,
             s.status::text, s."reportedAt", s."acknowledgedAt", s."inProgressAt", s."referredAt", s."closedAt",
             f.first AS "firstFollowUpAt", coalesce(f.count, 0)::int AS "followUpCount", s."pilotData"
      FROM "Signal" s JOIN "Partnership" p ON p.id = s."partnershipId"
      LEFT JOIN LATERAL (SELECT min(fu.at) AS first, count(*)::int AS count FROM "SignalFollowUp" fu WHERE fu."signalId" = s.id) f ON true
      WHERE ${and(conditions)}
      ORDER BY s.id
      LIMIT ${limit}`;
  },
};

/** Every export, by name. A new one is one more definition here. */
export const EXPORTS: readonly ExportDefinition[] = [activitiesExport, signalsExport];
