/**
 * The SQL of `evaluation`: one parameterised statement per metric family, everything computed in
 * the database (buckets in Europe/Amsterdam time, GROUP BY, distinct counts, percentiles, small-cell
 * suppression). Each statement has three layers: `rows` (one row per record, with its bucket, its
 * group values and what is measured), `cells` (aggregated per bucket and group) and the outer
 * SELECT, which formats buckets and suppresses small cells, so a suppressed figure never leaves the
 * database.
 *
 * Timestamps are stored in UTC (`timestamp(3)`); `local(x)` is the wall-clock time in Amsterdam.
 * The date range is inclusive and in Amsterdam dates; it is turned into UTC bounds once, so indexes
 * on the timestamp columns apply.
 */
import { Prisma } from '../generated/prisma/client.ts';
import { aliasOf, type EvaluationDimension, extraSignalDimensions } from './dimensions.ts';
import { splitSignatureOf } from './disclosure.ts';
import { MAX_PERTURBATION, cellKeySql, perturbedSql, protectedCountSql, protectedShareSql, shareShownSql, stateKeySql } from './disclosure.ts';
import { PERCENTILE_WINDOWS } from './rules.ts';

const { sql, join, empty, raw } = Prisma;

export type Bucket = 'WEEK' | 'MONTH' | 'SCHOOL_YEAR';

export interface EvaluationScope {
  /** Inclusive, `YYYY-MM-DD`, Amsterdam dates. */
  from: string;
  to: string;
  bucket: Bucket;
  dimensions: readonly EvaluationDimension[];
  /** Cities the viewer may read (`null`: all). */
  allowedCityIds: readonly string[] | null;
  cityIds?: readonly string[];
  schoolIds?: readonly string[];
  partnershipIds?: readonly string[];
  /**
   * Whether the asker may tell a referral (`evaluationSeesReferrals`): the state of a signal that the
   * population key covers is its status as the asker knows it. Without it, REFERRED is IN_PROGRESS.
   */
  referrals?: boolean;
}

/** What every row of every family carries. */
export interface CellBase {
  bucketStart: string;
  bucketEnd: string;
  bucketLabel: string;
  /** The days of the bucket within the range (the first and last bucket may be partial). */
  coversFrom: string;
  coversTo: string;
  /** `d0`, `l0`, `d1`, `l1`, …: value and label per dimension. */
  [dimensionColumn: `d${number}` | `l${number}`]: string | null;
}

const TZ = 'Europe/Amsterdam';
const STEP: Record<Bucket, string> = { WEEK: '1 week', MONTH: '1 month', SCHOOL_YEAR: '1 year' };

/** Wall-clock time in Amsterdam of a UTC `timestamp` column. */
const local = (utc: Prisma.Sql) => sql`((${utc}) AT TIME ZONE 'UTC' AT TIME ZONE ${raw(`'${TZ}'`)})`;
/** The UTC `timestamp` of midnight in Amsterdam at the start of a date. */
const utcMidnight = (date: Prisma.Sql) => sql`((${date})::timestamp AT TIME ZONE ${raw(`'${TZ}'`)} AT TIME ZONE 'UTC')`;

/** The first day of the bucket a local timestamp or date falls in. Weeks are ISO weeks (Monday). */
function bucketStart(bucket: Bucket, localTime: Prisma.Sql): Prisma.Sql {
  switch (bucket) {
    case 'WEEK':
      return sql`date_trunc('week', (${localTime})::timestamp)::date`;
    case 'MONTH':
      return sql`date_trunc('month', (${localTime})::timestamp)::date`;
    case 'SCHOOL_YEAR':
      // The Dutch school year runs from 1 August to 31 July.
      return sql`make_date(extract(year FROM (${localTime})::timestamp - interval '7 months')::int, 8, 1)`;
  }
}

const step = (bucket: Bucket) => raw(`interval '${STEP[bucket]}'`);

function bucketLabel(bucket: Bucket, start: Prisma.Sql): Prisma.Sql {
  switch (bucket) {
    case 'WEEK':
      return sql`to_char(${start}, 'IYYY-"W"IW')`;
    case 'MONTH':
      return sql`to_char(${start}, 'YYYY-MM')`;
    case 'SCHOOL_YEAR':
      return sql`to_char(${start}, 'YYYY') || '/' || to_char(${start} + interval '1 year', 'YYYY')`;
  }
}

/** The columns the outer SELECT starts with: the bucket, then each dimension's value and label. */
function outerColumns(s: EvaluationScope) {
  const b = raw('b');
  return join(
    [
      sql`to_char(b, 'YYYY-MM-DD') AS "bucketStart"`,
      sql`to_char(b + ${step(s.bucket)} - interval '1 day', 'YYYY-MM-DD') AS "bucketEnd"`,
      sql`${bucketLabel(s.bucket, b)} AS "bucketLabel"`,
      sql`to_char(GREATEST(b, ${s.from}::date), 'YYYY-MM-DD') AS "coversFrom"`,
      sql`to_char(LEAST((b + ${step(s.bucket)})::date - 1, ${s.to}::date), 'YYYY-MM-DD') AS "coversTo"`,
      ...s.dimensions.flatMap((_d, i) => [raw(`d${i}`), raw(`l${i}`)]),
    ],
    ', ',
  );
}

/** The group-by columns of the `rows` layer: bucket, then value, label and sort key of each dimension. */
function rowColumns(s: EvaluationScope, localTime: Prisma.Sql) {
  return join(
    [
      sql`${bucketStart(s.bucket, localTime)} AS b`,
      ...s.dimensions.flatMap((d, i) => {
        const alias = aliasOf(d.table);
        return [
          sql`(${d.value(alias)})::text AS ${raw(`d${i}`)}`,
          sql`${d.label ? sql`(${d.label(alias)})::text` : sql`NULL::text`} AS ${raw(`l${i}`)}`,
          sql`${d.order ? d.order(alias) : sql`NULL::int`} AS ${raw(`o${i}`)}`,
        ];
      }),
    ],
    ', ',
  );
}

// The sort key of a dimension (`o0`, …) depends on its value, so grouping by it too splits nothing.
const groupColumns = (s: EvaluationScope) => raw(['b', ...s.dimensions.flatMap((_d, i) => [`d${i}`, `l${i}`, `o${i}`])].join(', '));
const orderColumns = (s: EvaluationScope) => raw(['b', ...s.dimensions.flatMap((_d, i) => [`o${i}`, `l${i}`, `d${i}`])].join(', '));

const uuids = (ids: readonly string[]) => join(ids.map((id) => sql`${id}::uuid`), ', ');

/** Which partnerships count: the viewer's cities, then the filters. Over the aliases p (Partnership). */
function scopeWhere(s: EvaluationScope): Prisma.Sql {
  const conditions: Prisma.Sql[] = [citiesWhere(s)];
  if (s.schoolIds?.length) conditions.push(sql`p."schoolId" IN (${uuids(s.schoolIds)})`);
  if (s.partnershipIds?.length) conditions.push(sql`p.id IN (${uuids(s.partnershipIds)})`);
  return join(conditions, ' AND ');
}

/** Which cities count (the viewer's, then the city filter), over p (Partnership). */
function citiesWhere(s: EvaluationScope): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (s.allowedCityIds) conditions.push(s.allowedCityIds.length ? sql`p."cityId" IN (${uuids(s.allowedCityIds)})` : sql`false`);
  if (s.cityIds?.length) conditions.push(sql`p."cityId" IN (${uuids(s.cityIds)})`);
  return conditions.length ? join(conditions, ' AND ') : sql`true`;
}

/**
 * The population key of each cell (see src/evaluation/disclosure.ts): the sum of the population
 * keys of the cell's cities in its bucket (`population`: b, city, key) over the records the question
 * covers (its filter too: a question about a school and one about a partnership of it differ in every
 * cell's noise, attack review 3), as the column `population` next to the `cells` subquery (which has
 * `b` and `cities`).
 */
const populationOfCell = sql`CROSS JOIN LATERAL (SELECT sum(pk.key) AS population FROM population pk WHERE pk.b = cells.b AND pk.city = ANY(cells.cities)) pop`;

/** A UTC timestamp column within the inclusive local date range. */
const inRange = (s: EvaluationScope, utc: Prisma.Sql) =>
  sql`${utc} >= ${utcMidnight(sql`${s.from}::date`)} AND ${utc} < ${utcMidnight(sql`${s.to}::date + 1`)}`;

const PARTNERSHIP_JOINS = sql`JOIN "School" sc ON sc.id = p."schoolId" JOIN "City" c ON c.id = p."cityId"`;

// ---------------------------------------------------------------------------------------------

export interface ActivityCell extends CellBase {
  count: number;
  participants: number;
  hours: number;
}

/** Activities: how many, the participants logged, the hours. Not about young people: not suppressed. */
export function activitiesSql(s: EvaluationScope): Prisma.Sql {
  return sql`
    SELECT ${outerColumns(s)}, count(*)::int AS count, coalesce(sum(participants), 0)::int AS participants,
           round(coalesce(sum(minutes), 0) / 60.0, 2)::float8 AS hours
    FROM (
      SELECT ${rowColumns(s, local(sql`a."startsAt"`))}, a."participantCount" AS participants, a."durationMinutes" AS minutes
      FROM "Activity" a JOIN "Partnership" p ON p.id = a."partnershipId" ${PARTNERSHIP_JOINS}
      WHERE ${inRange(s, sql`a."startsAt"`)} AND ${scopeWhere(s)}
    ) rows
    GROUP BY ${groupColumns(s)}
    ORDER BY ${orderColumns(s)}`;
}

// ---------------------------------------------------------------------------------------------

export interface ReachCell extends CellBase {
  youngPeople: number | null;
  enrolmentShare: number | null;
  suppressed: boolean;
  /** enrolmentShare is null because the young people reached or those not reached are fewer than k. */
  shareSuppressed: boolean;
}

/** The key a signal (alias sg) adds to reach's population key: whichever young person it links, or none (attack review 4, F3). */
export const REACH_SIGNAL_KEY = stateKeySql(sql`sg."recordKey"`, [sql`'reach'`, sql`sg."youthId"`]);
/** The key an individual guidance activity (alias a, its young person y) adds to reach's population key. */
export const GUIDANCE_KEY = stateKeySql(sql`y."recordKey"`, [sql`'guidance'`, sql`a.id`]);

/**
 * Reach: distinct young people with an activity linked to them (individual guidance) or a signal
 * linked to them, per bucket and group; as a share of enrolment when the group is one school, and
 * then only when both the young people reached and the pupils not reached are at least k.
 */
export function reachSql(s: EvaluationScope): Prisma.Sql {
  const shown = protectedCountSql(raw('n'), cellKeySql(raw('keys'), raw('population')), raw('k'), raw('d'));
  const hasShare = sql`(${aboutOneSchool(s)} AND coalesce(enrolment, 0) > 0)`;
  // The share times the school's enrolment (School.enrolment is shown) gives youngPeople back, and
  // the enrolment minus that the pupils not reached: both must be at least k, as shown (the
  // threshold is decided on the perturbed count only, see protectedCountSql).
  const shareShown = sql`coalesce(${shown} >= k AND enrolment - ${shown} >= k, false)`;
  // Young people with an activity linked to them or a signal linked to them, in the range.
  // Each with the key it adds to its cell (attack review 5, G2): group signals too (no young person).
  const reached = sql`(
          SELECT a."partnershipId", a."youthId", a."startsAt" AS at, ${GUIDANCE_KEY} AS record_key FROM "Activity" a JOIN "Youth" y ON y.id = a."youthId"
          WHERE ${inRange(s, sql`a."startsAt"`)}
          UNION ALL
          SELECT sg."partnershipId", sg."youthId", sg."reportedAt", ${REACH_SIGNAL_KEY} FROM "Signal" sg
          WHERE ${inRange(s, sql`sg."reportedAt"`)}
        ) r`;
  // The population: every young person reached, and every record that could reach one (every
  // signal, group signals too, with its youth link; every individual guidance), so a new signal or
  // guidance redraws every cell of its city and bucket, whether or not it reaches a young person
  // not reached there yet (attack review 4, F3).
  return sql`
    WITH population AS MATERIALIZED (
      SELECT b, city, sum(key) AS key
      FROM (
        SELECT b, city, youth_key AS key
        FROM (
          SELECT DISTINCT ${bucketStart(s.bucket, local(sql`r.at`))} AS b, p."cityId" AS city, r."youthId", y."recordKey"::bigint AS youth_key
          FROM ${reached} JOIN "Youth" y ON y.id = r."youthId" JOIN "Partnership" p ON p.id = r."partnershipId"
          WHERE ${scopeWhere(s)}
        ) young
        UNION ALL
        SELECT ${bucketStart(s.bucket, local(sql`sg."reportedAt"`))}, p."cityId", ${REACH_SIGNAL_KEY}
        FROM "Signal" sg JOIN "Partnership" p ON p.id = sg."partnershipId"
        WHERE ${inRange(s, sql`sg."reportedAt"`)} AND ${scopeWhere(s)}
        UNION ALL
        SELECT ${bucketStart(s.bucket, local(sql`a."startsAt"`))}, p."cityId", ${GUIDANCE_KEY}
        FROM "Activity" a JOIN "Youth" y ON y.id = a."youthId" JOIN "Partnership" p ON p.id = a."partnershipId"
        WHERE ${inRange(s, sql`a."startsAt"`)} AND ${scopeWhere(s)}
      ) records
      GROUP BY b, city
    )
    SELECT ${outerColumns(s)},
           ${shown} AS "youngPeople",
           CASE WHEN ${hasShare} AND ${shareShown} THEN round(${shown}::numeric / enrolment, 4)::float8 END AS "enrolmentShare",
           ${shown} IS NULL AS suppressed,
           ${hasShare} AND NOT ${shareShown} AS "shareSuppressed"
    FROM (
      SELECT ${groupColumns(s)}, count(DISTINCT youth)::int AS n,
             coalesce(sum(DISTINCT youth_key), 0) + coalesce(sum(record_key), 0) AS keys, max(k)::int AS k, max(d)::int AS d,
             max(enrolment)::int AS enrolment, array_agg(DISTINCT city) AS cities
      FROM (
        SELECT ${rowColumns(s, local(sql`r.at`))}, r."youthId" AS youth, y."recordKey"::bigint AS youth_key, r.record_key,
               c."minCellSize" + LEAST(GREATEST(c."maxPerturbation", 0), ${raw(String(MAX_PERTURBATION))}) AS k, c."maxPerturbation" AS d, sc.enrolment, p."cityId" AS city
        FROM ${reached}
        LEFT JOIN "Youth" y ON y.id = r."youthId"
        JOIN "Partnership" p ON p.id = r."partnershipId" ${PARTNERSHIP_JOINS}
        WHERE ${scopeWhere(s)}
      ) rows
      GROUP BY ${groupColumns(s)}
      HAVING count(DISTINCT youth) > 0
    ) cells ${populationOfCell}
    ORDER BY ${orderColumns(s)}`;
}

/**
 * Whether every row is about one school: grouped by school or partnership, or filtered to one
 * school or one partnership. Decided by the question, not by the data (a city row whose young
 * people happen to come from one school is still a city row).
 */
export const aboutOneSchool = (s: EvaluationScope) =>
  s.dimensions.some((d) => d.name === 'SCHOOL' || d.name === 'PARTNERSHIP') || s.schoolIds?.length === 1 || s.partnershipIds?.length === 1
    ? sql`true`
    : sql`false`;

// ---------------------------------------------------------------------------------------------

export interface SignalCell extends CellBase {
  count: number | null;
  followedUpWithinShare: number | null;
  medianHoursToFirstFollowUp: number | null;
  p90HoursToFirstFollowUp: number | null;
  medianHoursToClose: number | null;
  p90HoursToClose: number | null;
  countSuppressed: boolean;
  /** followedUpWithinShare is null: the signals followed up within N days or the others are fewer than k. */
  shareSuppressed: boolean;
  followUpSuppressed: boolean;
  closeSuppressed: boolean;
}

/** A timestamp column `to` at most `days` days after `from` (false when `to` is null). */
const withinDays = (from: Prisma.Sql, to: Prisma.Sql, days: number) => {
  if (!Number.isInteger(days)) throw new Error(`withinDays: ${days} is not a whole number of days`);
  // A constant interval (not a parameter): the planner folds it, once per row and window.
  return sql`(${to}) - (${from}) <= ${raw(`interval '${days} days'`)}`;
};

/**
 * Which percentile window a time falls in, as a number: 0 none (not followed up, not closed), 1 … N
 * the first of `PERCENTILE_WINDOWS` it falls within, N + 1 later than all. Every figure of a signal
 * depends on its times through this only (the follow-up windows are among the percentile windows).
 */
const windowIndex = (from: Prisma.Sql, to: Prisma.Sql) =>
  sql`CASE WHEN ${to} IS NULL THEN 0 ${join(
    PERCENTILE_WINDOWS.map((days, i) => sql`WHEN ${withinDays(from, to, days)} THEN ${i + 1}::int`),
    ' ',
  )} ELSE ${PERCENTILE_WINDOWS.length + 1}::int END`;

/**
 * A percentile of hours as protected: the upper end, in hours, of the first of `PERCENTILE_WINDOWS`
 * whose perturbed count (`prefix`0, `prefix`1, … over the windows) reaches `tenths`/10 of the
 * perturbed total `total` (compared in whole numbers); null when even the last does not.
 */
const windowPercentile = (prefix: string, total: Prisma.Sql, tenths: 5 | 9) =>
  sql`CASE ${join(
    PERCENTILE_WINDOWS.map((days, i) => sql`WHEN 10 * ${raw(`${prefix}${i}`)} >= ${raw(String(tenths))} * ${total} THEN ${raw(String(days * 24))}::float8`),
    ' ',
  )} END`;

/** The first follow-up of the signal sg. */
const FIRST_FOLLOW_UP = sql`(SELECT min(f.at) FROM "SignalFollowUp" f WHERE f."signalId" = sg.id)`;

/**
 * Whether a dimension says something an asker may know of a signal without reading it: where and
 * when it was reported (city, school, partnership, form, their plugin fields) and, for policy
 * advisors, its metadata (status, life domain). Not its category or a signal plugin field.
 */
const knownOfASignal = (d: EvaluationDimension) => d.table !== 'Signal' || d.name === 'SIGNAL_STATUS' || d.name === 'LIFE_DOMAIN';

/**
 * The key a signal (alias sg) adds to the population key of its city and bucket: its record key
 * hashed with its state as the figures can show it to an asker who may (`referrals`) or may not tell
 * a referral: status, category, life domain, its groupable pilot values, and the percentile window its first
 * follow-up and its closing fall in (attack review 4, F2: a status change, a follow-up or a closing
 * moved only the cells holding the signal). Not `version`: a referral, or an edit no figure shows,
 * would then redraw every cell and tell that something hidden happened.
 */
export function signalStateKeySql(referrals: boolean, firstFollowUp: Prisma.Sql = FIRST_FOLLOW_UP): Prisma.Sql {
  const status = referrals ? sql`sg.status::text` : sql`CASE WHEN sg.status = 'REFERRED' THEN 'IN_PROGRESS' ELSE sg.status::text END`;
  return stateKeySql(sql`sg."recordKey"`, [
    status,
    sql`sg.category`,
    sql`sg."lifeDomain"`,
    // Only the pilot values a figure can group by: an edit of any other field (a date no figure
    // shows) would redraw every cell and tell that something hidden happened (attack review 5, G5).
    ...extraSignalDimensions().map((d) => d.value(aliasOf('Signal'))),
    windowIndex(sql`sg."reportedAt"`, firstFollowUp),
    windowIndex(sql`sg."reportedAt"`, sql`sg."closedAt"`),
  ]);
}

/**
 * Signals: how many were reported; the share with a first follow-up within `withinDays` days of
 * being reported (signals without any follow-up count as not followed up); the median and 90th
 * percentile of the hours from reported to the first follow-up and to closing, over the signals
 * that have one.
 *
 * Disclosure control (src/evaluation/disclosure.ts): every count a figure rests on (the signals, those
 * followed up, those followed up within N days, those closed, and those followed up or closed within
 * each of `PERCENTILE_WINDOWS`) is perturbed by its own cell key first; every figure and every
 * suppression flag is computed from the perturbed counts only. A percentile is therefore not hours of
 * any record but the end of the first window whose perturbed share reaches it (attack review 4, F1:
 * exact percentiles of a school and of its partnership differed in the one extra signal's cell).
 * The population key covers each signal's state as the figures can show it (see `stateKeySql`).
 */
export function signalsSql(s: EvaluationScope, withinDaysOfShare: number): Prisma.Sql {
  const key = (keys: string) => sql`(coalesce(${raw(keys)}, 0) + context)`;
  // The context of a cell's keys: twice the population key, plus three times the keys of its group
  // (the cells that share its bucket and its values of the dimensions an asker may know a signal by).
  const known = s.dimensions.flatMap((d, i) => (knownOfASignal(d) ? [`d${i}`] : []));
  // How the group is split beyond category (attack review 5, G1): [SCHOOL, SIGNAL_CATEGORY] and
  // [SCHOOL, SIGNAL_CATEGORY, AMSTERDAM_WARM_HANDOVER] had the same groups, so every cell a plugin
  // field splits nothing of showed the same figures in both, and the one category that differed was
  // the handed-over signal's. A signature of the plugin signal dimensions asked redraws the cells.
  const split = splitSignatureOf(s.dimensions.map((d) => d.name));
  const perturbed = (n: string, keys: string) => perturbedSql(raw(n), key(keys), raw('d'));
  const shown = raw('shown');
  const windowAggregates = (name: string, column: string) =>
    PERCENTILE_WINDOWS.flatMap((days, i) => {
      const inWindow = withinDays(raw('reported'), raw(column), days);
      return [sql`count(*) FILTER (WHERE ${inWindow})::int AS ${raw(`${name}${i}`)}`, sql`sum(record_key) FILTER (WHERE ${inWindow}) AS ${raw(`${name}_keys${i}`)}`];
    });
  const windowPerturbed = (name: string) => PERCENTILE_WINDOWS.map((_days, i) => sql`${perturbed(`${name}${i}`, `${name}_keys${i}`)} AS ${raw(`p${name}${i}`)}`);
  const followUpShown = sql`(${shown} IS NOT NULL AND pfollowed >= k)`;
  const closeShown = sql`(${shown} IS NOT NULL AND pclosed >= k)`;
  return sql`
    WITH signal_rows AS (
      -- One row per signal the question covers: its bucket and group values, what is measured, and
      -- its key in the population (read once for both).
      SELECT ${rowColumns(s, local(sql`sg."reportedAt"`))}, c."minCellSize" + LEAST(GREATEST(c."maxPerturbation", 0), ${raw(String(MAX_PERTURBATION))}) AS k, c."maxPerturbation" AS d, sg."recordKey"::bigint AS record_key, p."cityId" AS city,
             sg."reportedAt" AS reported, sg."closedAt" AS closed, ff.at AS first_follow_up,
             ${signalStateKeySql(s.referrals ?? false, sql`ff.at`)} AS state_key
      FROM "Signal" sg JOIN "Partnership" p ON p.id = sg."partnershipId" ${PARTNERSHIP_JOINS}
      LEFT JOIN LATERAL (SELECT min(f.at) AS at FROM "SignalFollowUp" f WHERE f."signalId" = sg.id) ff ON true
      WHERE ${inRange(s, sql`sg."reportedAt"`)} AND ${scopeWhere(s)}
    ),
    population AS MATERIALIZED (SELECT b, city, sum(state_key) AS key FROM signal_rows GROUP BY b, city)
    SELECT ${outerColumns(s)},
           ${shown} AS count,
           ${protectedShareSql(raw('pwithin'), raw('k'), shown)} AS "followedUpWithinShare",
           CASE WHEN ${followUpShown} THEN ${windowPercentile('pff', raw('pfollowed'), 5)} END AS "medianHoursToFirstFollowUp",
           CASE WHEN ${followUpShown} THEN ${windowPercentile('pff', raw('pfollowed'), 9)} END AS "p90HoursToFirstFollowUp",
           CASE WHEN ${closeShown} THEN ${windowPercentile('pcl', raw('pclosed'), 5)} END AS "medianHoursToClose",
           CASE WHEN ${closeShown} THEN ${windowPercentile('pcl', raw('pclosed'), 9)} END AS "p90HoursToClose",
           ${shown} IS NULL AS "countSuppressed", NOT ${shareShownSql(raw('pwithin'), raw('k'), shown)} AS "shareSuppressed",
           NOT ${followUpShown} AS "followUpSuppressed", NOT ${closeShown} AS "closeSuppressed"
    FROM (
      SELECT *, CASE WHEN pn >= k THEN pn END AS shown
      FROM (
        SELECT cells.*, ${perturbed('n', 'keys')} AS pn, ${perturbed('followed', 'followed_keys')} AS pfollowed,
               ${perturbed('within', 'within_keys')} AS pwithin, ${perturbed('closed', 'closed_keys')} AS pclosed,
               ${join([...windowPerturbed('ff'), ...windowPerturbed('cl')], ', ')}
        FROM (
          SELECT cells.*, 2 * coalesce(pop.population, 0) + 3 * coalesce(cells.group_keys, 0) + ${raw(String(split))}::bigint AS context
          FROM (
          SELECT *, sum(keys) OVER (PARTITION BY ${raw(['b', ...known].join(', '))}) AS group_keys
          FROM (
          SELECT ${groupColumns(s)}, count(*)::int AS n, sum(record_key) AS keys, max(k)::int AS k, max(d)::int AS d,
                 count(first_follow_up)::int AS followed, sum(record_key) FILTER (WHERE first_follow_up IS NOT NULL) AS followed_keys,
                 count(*) FILTER (WHERE ${withinDays(raw('reported'), raw('first_follow_up'), withinDaysOfShare)})::int AS within,
                 sum(record_key) FILTER (WHERE ${withinDays(raw('reported'), raw('first_follow_up'), withinDaysOfShare)}) AS within_keys,
                 count(closed)::int AS closed, sum(record_key) FILTER (WHERE closed IS NOT NULL) AS closed_keys,
                 ${join([...windowAggregates('ff', 'first_follow_up'), ...windowAggregates('cl', 'closed')], ', ')},
                 array_agg(DISTINCT city) AS cities
          FROM signal_rows rows
          GROUP BY ${groupColumns(s)}
          ) aggregated
          ) cells ${populationOfCell}
        ) cells
      ) perturbed
    ) shown
    ORDER BY ${orderColumns(s)}`;
}

// ---------------------------------------------------------------------------------------------

export interface ConsultationCell extends CellBase {
  partnerships: number;
  held: number;
  planned: number | null;
  heldShare: number | null;
}

/**
 * At least the number of buckets in the range (a few too many do no harm: they hold no days). An
 * integer series with a known length lets the planner estimate its rows; a series of timestamps is
 * estimated at 1,000 rows, which made PostgreSQL JIT-compile this small query (over a second).
 */
function bucketCount(s: EvaluationScope): number {
  const [fy, fm] = s.from.split('-').map(Number) as [number, number];
  const [ty, tm] = s.to.split('-').map(Number) as [number, number];
  switch (s.bucket) {
    case 'WEEK':
      return Math.floor((Date.parse(s.to) - Date.parse(s.from)) / (7 * 86_400_000)) + 2;
    case 'MONTH':
      return (ty - fy) * 12 + (tm - fm) + 1;
    case 'SCHOOL_YEAR':
      return ty - fy + 2;
  }
}

/**
 * Consultations: per bucket and group, the consultation meetings held (CONSULTATION activities)
 * against those planned: for each partnership, the days of the bucket that fall in both the range
 * and the partnership's period (startsOn–endsOn), divided by its rhythm (every N weeks × 7 days).
 * Days after today do not count as planned. Held counts every CONSULTATION activity in the bucket
 * and range, as the activities figures and the activities export do (also one dated outside the
 * partnership's period or in the future). Partnerships without a rhythm count as held only
 * (planned stays null when none has one). A PAUSED partnership counts as planned: the data model
 * does not say since when. heldShare is held ÷ the unrounded planned. Consultation meetings are
 * between organisations, not about young people, so neither held nor heldShare is suppressed.
 */
export function consultationsSql(s: EvaluationScope): Prisma.Sql {
  const from = sql`${s.from}::date`;
  const to = sql`${s.to}::date`;
  const first = bucketStart(s.bucket, from);
  const bucketFrom = sql`GREATEST(bk.b, ${from})`;
  const bucketTo = sql`LEAST((bk.b + ${step(s.bucket)})::date, ${to} + 1)`;
  const periodStart = sql`GREATEST(${bucketFrom}, p."startsOn")`;
  // Meetings cannot be held in the future: planned ones count up to today (Amsterdam) only.
  const today = sql`(now() AT TIME ZONE ${raw(`'${TZ}'`)})::date`;
  const periodEnd = sql`LEAST(${bucketTo}, COALESCE(p."endsOn" + 1, 'infinity'::date), ${today} + 1)`;
  return sql`
    SELECT ${outerColumns(s)}, partnerships, held, round(planned, 2)::float8 AS planned,
           CASE WHEN planned > 0 THEN round(held / planned, 4)::float8 END AS "heldShare"
    FROM (
      SELECT ${groupColumns(s)}, count(DISTINCT pid) FILTER (WHERE days > 0)::int AS partnerships, coalesce(sum(held), 0)::int AS held,
             sum(GREATEST(days, 0) / (every * 7.0)) AS planned
      FROM (
        SELECT * FROM (
          SELECT ${rowColumns(s, sql`bk.b`)}, p.id AS pid, p."consultationEveryWeeks" AS every, (${periodEnd} - ${periodStart}) AS days,
                 (SELECT count(*) FROM "Activity" a
                  WHERE a."partnershipId" = p.id AND a.kind = 'CONSULTATION'
                    AND a."startsAt" >= ${utcMidnight(bucketFrom)} AND a."startsAt" < ${utcMidnight(bucketTo)}) AS held
          FROM "Partnership" p ${PARTNERSHIP_JOINS}
          CROSS JOIN LATERAL (
            SELECT ((${first})::timestamp + i * ${step(s.bucket)})::date AS b FROM generate_series(0, ${bucketCount(s)}::int) i
          ) bk
          WHERE ${scopeWhere(s)} AND ${bucketTo} > ${bucketFrom}
        ) each
        WHERE days > 0 OR held > 0
      ) rows
      GROUP BY ${groupColumns(s)}
    ) cells
    ORDER BY ${orderColumns(s)}`;
}

// ---------------------------------------------------------------------------------------------

export interface MonitorCell extends CellBase {
  element: string;
  assessments: number;
  averageScore: number;
  medianScore: number;
  minScore: number;
  maxScore: number;
}

/**
 * The partnership monitor: per bucket (of the assessment date), group and element, the number of
 * assessments and their average, median, lowest and highest score. With `lastRounds`, only each
 * partnership's last N rounds within the range count. Scores rate organisations: not suppressed.
 */
export function monitorSql(s: EvaluationScope, lastRounds: number | null): Prisma.Sql {
  const range = (alias: string) => sql`${raw(alias)}."assessedOn" BETWEEN ${s.from}::date AND ${s.to}::date`;
  const latest = lastRounds
    ? sql`AND pa.round > (SELECT max(x.round) FROM "PartnershipAssessment" x WHERE x."partnershipId" = pa."partnershipId" AND ${range('x')}) - ${lastRounds}::int`
    : empty;
  return sql`
    SELECT ${outerColumns(s)}, element, count(*)::int AS assessments, round(avg(score), 2)::float8 AS "averageScore",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY score) AS "medianScore", min(score)::int AS "minScore", max(score)::int AS "maxScore"
    FROM (
      SELECT ${rowColumns(s, sql`pa."assessedOn"`)}, ps.element::text AS element, ps.score
      FROM "PartnershipAssessment" pa
      JOIN "PartnershipAssessmentScore" ps ON ps."assessmentId" = pa.id
      JOIN "Partnership" p ON p.id = pa."partnershipId" ${PARTNERSHIP_JOINS}
      WHERE ${range('pa')} AND ${scopeWhere(s)} ${latest}
    ) rows
    GROUP BY ${groupColumns(s)}, element
    ORDER BY ${orderColumns(s)}, array_position(enum_range(NULL::"AssessmentElement")::text[], element)`;
}
