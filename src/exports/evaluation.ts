/**
 * Evaluation figures as files: `GET /exports/evaluation-<family>.csv|.ndjson` gives the rows of one
 * `evaluation` metric family (activities, reach, signals, consultations, monitor) with the same
 * arguments as the query, as query parameters, and under the same disclosure control: the same SQL,
 * the same perturbed and suppressed figures. These are the exports for analysts and policy
 * advisors: aggregates, never a row per signal or young person.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { dimensionsFor, evaluationDimensions, METRIC_FAMILIES, type MetricFamily } from '../evaluation/dimensions.ts';
import {
  activitiesSql,
  type CellBase,
  consultationsSql,
  type EvaluationScope,
  monitorSql,
  reachSql,
  signalsSql,
} from '../evaluation/queries.ts';
import { bucketBoundaryIssues, DEFAULT_FOLLOW_UP_WINDOW, followUpWindowMessage, isFollowUpWindow, ONE_ID_MESSAGE } from '../evaluation/rules.ts';
import { evaluationCells } from '../evaluation/run.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { globalId } from '../validation.ts';
import type { Cell } from './csv.ts';
import { MAX_VALUES, paramsOf, parseExportFilter } from './filters.ts';

/** The figures of each family, in column order. */
export const FIGURES: Record<MetricFamily, readonly string[]> = {
  activities: ['count', 'participants', 'hours'],
  reach: ['youngPeople', 'enrolmentShare', 'suppressed', 'shareSuppressed'],
  signals: [
    'count',
    'followedUpWithinShare',
    'medianHoursToFirstFollowUp',
    'p90HoursToFirstFollowUp',
    'medianHoursToClose',
    'p90HoursToClose',
    'countSuppressed',
    'shareSuppressed',
    'followUpSuppressed',
    'closeSuppressed',
  ],
  consultations: ['partnerships', 'held', 'planned', 'heldShare'],
  monitor: ['element', 'assessments', 'averageScore', 'medianScore', 'minScore', 'maxScore'],
};

const one = <T extends z.ZodType>(schema: T) =>
  z.array(schema).max(1, 'must be given at most once').optional().transform((values) => values?.[0]);
const isoDate = z.iso.date('must be a date (YYYY-MM-DD)');
const ids = (typename: string) => z.array(globalId(typename)).max(MAX_VALUES, `must be given at most ${MAX_VALUES} times`).default([]);
const int = (min: number, max: number) =>
  one(z.coerce.number().int(`must be a whole number from ${min} to ${max}`).min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const params = z
  .strictObject({
    from: z.array(isoDate).length(1, 'must be given once'),
    to: z.array(isoDate).length(1, 'must be given once'),
    bucket: one(z.enum(['WEEK', 'MONTH', 'SCHOOL_YEAR'])),
    groupBy: z
      .array(z.string().refine((name) => evaluationDimensions().some((d) => d.name === name), { message: 'unknown dimension', params: { rule: 'enum' } }))
      .max(6, 'must be at most 6 dimensions')
      .refine((v) => new Set(v).size === v.length, { message: 'must not repeat a dimension', params: { rule: 'unique' } })
      .default([]),
    cityId: ids('City'),
    schoolId: ids('School').refine((v) => v.length <= 1, { message: ONE_ID_MESSAGE, params: { rule: 'max' } }),
    partnershipId: ids('Partnership').refine((v) => v.length <= 1, { message: ONE_ID_MESSAGE, params: { rule: 'max' } }),
    followUpWithinDays: one(z.coerce.number().int(followUpWindowMessage).refine(isFollowUpWindow, { message: followUpWindowMessage, params: { rule: 'oneOf' } })),
    lastRounds: int(1, 20),
  })
  .superRefine((v, ctx) => {
    const [from, to] = [v.from[0]!, v.to[0]!];
    if (to < from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from', params: { rule: 'after' } });
    if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 5 || (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) === 5 && to.slice(4) >= from.slice(4))) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be less than 5 years after from', params: { rule: 'maxSpan' } });
    }
    for (const issue of bucketBoundaryIssues(v.bucket ?? 'MONTH', from, to)) {
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message, params: { rule: 'bucketBoundary' } });
    }
  });

/** `evaluation-signals` → `signals`; undefined for any other name. */
export const evaluationFamilyOf = (name: string): MetricFamily | undefined =>
  METRIC_FAMILIES.find((family) => name === `evaluation-${family}`);

export interface EvaluationTable {
  headers: string[];
  rows: Cell[][];
  /** What the file name says about the question, e.g. `2025-08-01_2026-07-31_school-year_school`. */
  describe: string;
}

/**
 * The rows of one family for the query parameters of `url`, within `allowedCityIds`; SIGNAL_STATUS
 * tells REFERRED apart only with `referrals` (`evaluationSeesReferrals`). Throws a BAD_USER_INPUT
 * error naming the parameter for bad input.
 */
export async function evaluationTable(
  prisma: PrismaClient,
  family: MetricFamily,
  url: URL,
  allowedCityIds: string[] | null,
  options: { referrals: boolean },
): Promise<EvaluationTable> {
  const input = parseExportFilter(params as never, paramsOf(url)) as unknown as z.output<typeof params>;
  const scope: EvaluationScope = {
    from: input.from[0]!,
    to: input.to[0]!,
    bucket: input.bucket ?? 'MONTH',
    dimensions: dimensionsFor(input.groupBy, options),
    allowedCityIds,
    cityIds: input.cityId,
    schoolIds: input.schoolId,
    partnershipIds: input.partnershipId,
    referrals: options.referrals,
  };
  const statement = {
    activities: () => activitiesSql(scope),
    reach: () => reachSql(scope),
    signals: () => signalsSql(scope, input.followUpWithinDays ?? DEFAULT_FOLLOW_UP_WINDOW),
    consultations: () => consultationsSql(scope),
    monitor: () => monitorSql(scope, input.lastRounds ?? null),
  }[family]();
  const cells = await evaluationCells<CellBase & Record<string, unknown>>(prisma, scope, family, statement);
  const dimensionHeaders = scope.dimensions.flatMap((d) => (d.label ? [d.name.toLowerCase(), `${d.name.toLowerCase()}.label`] : [d.name.toLowerCase()]));
  const headers = ['periodLabel', 'periodStart', 'periodEnd', 'coversFrom', 'coversTo', ...dimensionHeaders, ...FIGURES[family]];
  const rows = cells.map((cell) => [
    cell.bucketLabel,
    cell.bucketStart,
    cell.bucketEnd,
    cell.coversFrom,
    cell.coversTo,
    ...scope.dimensions.flatMap((d, i) => {
      const value = cell[`d${i}`] ?? null;
      const shown = value !== null && d.node ? encodeGlobalID(d.node, value) : value;
      return d.label ? [shown, cell[`l${i}`] ?? null] : [shown];
    }),
    ...FIGURES[family].map((figure) => cell[figure] as Cell),
  ]);
  const describe = [scope.from, scope.to, scope.bucket.toLowerCase().replace('_', '-'), ...input.groupBy.map((g) => g.toLowerCase().replaceAll('_', '-'))].join('_');
  return { headers, rows, describe };
}
