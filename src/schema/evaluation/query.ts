/**
 * The `evaluation` query: who may ask (policy), the arguments and their rules, and the `Evaluation`
 * object whose fields are the metric families, one SQL statement each (src/evaluation/queries.ts).
 */
import { z } from 'zod';
import { evaluationCityIds, evaluationSeesReferrals } from '../../auth/policy.ts';
import { builder } from '../../builder.ts';
import { forbidden } from '../../errors.ts';
import { dimensionsFor } from '../../evaluation/dimensions.ts';
import {
  activitiesSql,
  type ActivityCell,
  type ConsultationCell,
  consultationsSql,
  type EvaluationScope,
  type MonitorCell,
  monitorSql,
  type ReachCell,
  reachSql,
  type SignalCell,
  signalsSql,
} from '../../evaluation/queries.ts';
import {
  bucketBoundaryIssues,
  DEFAULT_FOLLOW_UP_WINDOW,
  FOLLOW_UP_WINDOWS,
  followUpWindowMessage,
  isFollowUpWindow,
  ONE_ID_MESSAGE,
} from '../../evaluation/rules.ts';
import { globalId, parseInput } from '../../validation.ts';
import {
  ActivityFigures,
  type Cell,
  ConsultationFigures,
  date,
  EvaluationDimensionEnum,
  figuresOf,
  MonitorFigures,
  ReachFigures,
  SignalFigures,
} from './figures.ts';

/** The longest date range one `evaluation` may cover. */
export const MAX_EVALUATION_YEARS = 5;

const EvaluationBucketEnum = builder.enumType('EvaluationBucket', {
  description: 'How figures are bucketed in time, in the Europe/Amsterdam time zone.',
  values: {
    WEEK: { description: 'ISO weeks, Monday to Sunday (week 1 holds the year\'s first Thursday).' },
    MONTH: { description: 'Calendar months.' },
    SCHOOL_YEAR: { description: 'Dutch school years, 1 August to 31 July (schooljaar).' },
  } as const,
});

const EvaluationFilter = builder.inputType('EvaluationFilter', {
  description: 'Only these cities, schools or partnerships (all given conditions hold), within the cities you may evaluate.',
  fields: (t) => ({
    cityIds: t.idList(),
    schoolIds: t.idList({ description: 'At most one school (a list for compatibility); for several, group by SCHOOL.' }),
    partnershipIds: t.idList({ description: 'At most one partnership (a list for compatibility); for several, group by PARTNERSHIP.' }),
  }),
});

const followUpWindow = z.number().int().refine(isFollowUpWindow, { message: followUpWindowMessage, params: { rule: 'oneOf' } });

const Evaluation = builder.objectRef<EvaluationScope>('Evaluation').implement({
  description:
    'Evaluation figures, computed in the database. Select the metric families you need: each is one SQL statement. ' +
    'Every `groupBy` dimension must apply to each family selected.',
  fields: (t) => ({
    from: t.field({ type: 'Date', resolve: (s) => date(s.from) }),
    to: t.field({ type: 'Date', resolve: (s) => date(s.to) }),
    bucket: t.field({ type: EvaluationBucketEnum, resolve: (s) => s.bucket }),
    activities: t.field({
      type: [ActivityFigures],
      resolve: (s, _args, ctx) => figuresOf<ActivityCell & Cell>(ctx, s, 'activities', activitiesSql(s)),
    }),
    reach: t.field({
      type: [ReachFigures],
      resolve: (s, _args, ctx) => figuresOf<ReachCell & Cell>(ctx, s, 'reach', reachSql(s)),
    }),
    signals: t.field({
      type: [SignalFigures],
      args: {
        followUpWithinDays: t.arg.int({
          defaultValue: DEFAULT_FOLLOW_UP_WINDOW,
          description: `N for \`followedUpWithinShare\`: one of ${FOLLOW_UP_WINDOWS.join(', ')} (windows a day apart would tell the day of one signal's follow-up).`,
        }),
      },
      resolve: (s, args, ctx) => {
        const days = parseInput(followUpWindow, args.followUpWithinDays ?? DEFAULT_FOLLOW_UP_WINDOW, 'followUpWithinDays');
        return figuresOf<SignalCell & Cell>(ctx, s, 'signals', signalsSql(s, days));
      },
    }),
    consultations: t.field({
      type: [ConsultationFigures],
      resolve: (s, _args, ctx) => figuresOf<ConsultationCell & Cell>(ctx, s, 'consultations', consultationsSql(s)),
    }),
    monitor: t.field({
      type: [MonitorFigures],
      args: { lastRounds: t.arg.int({ description: "Only each partnership's last N rounds within the range (1–20)." }) },
      resolve: (s, args, ctx) => {
        const last = parseInput(z.number().int().min(1).max(20).nullish(), args.lastRounds, 'lastRounds') ?? null;
        return figuresOf<MonitorCell & Cell>(ctx, s, 'monitor', monitorSql(s, last));
      },
    }),
  }),
});

// --- the query ---

const ymd = (d: Date) => d.toISOString().slice(0, 10);
const ids = (type: string) => z.array(globalId(type)).max(100, 'must be at most 100 IDs').nullish();
const oneId = (type: string) => z.array(globalId(type)).max(1, ONE_ID_MESSAGE).nullish();

const evaluationArgsSchema = z
  .object({
    from: z.date(),
    to: z.date(),
    bucket: z.enum(['WEEK', 'MONTH', 'SCHOOL_YEAR']),
    groupBy: z
      .array(z.string())
      .max(6, 'must be at most 6 dimensions')
      .refine((v) => new Set(v).size === v.length, { message: 'must not repeat a dimension', params: { rule: 'unique' } }),
    filter: z.object({ cityIds: ids('City'), schoolIds: oneId('School'), partnershipIds: oneId('Partnership') }).nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from', params: { rule: 'after' } });
    const limit = new Date(v.from);
    limit.setUTCFullYear(limit.getUTCFullYear() + MAX_EVALUATION_YEARS);
    if (v.to >= limit) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `must be less than ${MAX_EVALUATION_YEARS} years after from`, params: { rule: 'maxSpan' } });
    }
    for (const issue of bucketBoundaryIssues(v.bucket, ymd(v.from), ymd(v.to))) {
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message, params: { rule: 'bucketBoundary' } });
    }
  });

builder.queryField('evaluation', (t) =>
  t.field({
    type: Evaluation,
    nullable: true,
    description:
      'Evaluation figures for analysts, policy advisors (their city) and admins: aggregates only, never identities. ' +
      'Dates are Amsterdam dates; the range is inclusive, at most five years, and covers whole buckets (rule bucketBoundary).',
    args: {
      from: t.arg({ type: 'Date', required: true, description: 'The first day of a bucket: a Monday (WEEK), the 1st of a month (MONTH), 1 August (SCHOOL_YEAR).' }),
      to: t.arg({ type: 'Date', required: true, description: 'The last day of a bucket (inclusive): a Sunday, the last day of a month, 31 July.' }),
      bucket: t.arg({ type: EvaluationBucketEnum, defaultValue: 'MONTH' }),
      groupBy: t.arg({ type: [EvaluationDimensionEnum], defaultValue: [] }),
      filter: t.arg({ type: EvaluationFilter }),
    },
    resolve: (_root, args, ctx) => {
      const allowedCityIds = evaluationCityIds(ctx.viewer);
      if (allowedCityIds?.length === 0) throw forbidden('Evaluation figures are for analysts, policy advisors and admins.');
      // Arguments are at the root of the field: error paths name them directly (`to`, `filter.cityIds.0`).
      const input = parseInput(evaluationArgsSchema, { ...args, bucket: args.bucket ?? 'MONTH', groupBy: args.groupBy ?? [] }, '');
      return {
        from: ymd(input.from),
        to: ymd(input.to),
        bucket: input.bucket,
        dimensions: dimensionsFor(input.groupBy, { referrals: evaluationSeesReferrals(ctx.viewer) }),
        referrals: evaluationSeesReferrals(ctx.viewer),
        allowedCityIds,
        cityIds: input.filter?.cityIds ?? undefined,
        schoolIds: input.filter?.schoolIds ?? undefined,
        partnershipIds: input.filter?.partnershipIds ?? undefined,
      } satisfies EvaluationScope;
    },
  }),
);
