/**
 * The result types of `evaluation`: one row type per metric family (its bucket, its group and its
 * figures), the `EvaluationDimension` enum built from the dimension list, and the runner that checks
 * the dimensions and sends a family's one statement.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder, type Types } from '../../builder.ts';
import type { Context } from '../../context.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import {
  evaluationDimensions,
  familiesOf,
  type MetricFamily,
} from '../../evaluation/dimensions.ts';
import { PERCENTILE_WINDOWS } from '../../evaluation/rules.ts';
import { evaluationCells } from '../../evaluation/run.ts';
import type { ActivityCell, CellBase, ConsultationCell, EvaluationScope, MonitorCell, ReachCell, SignalCell } from '../../evaluation/queries.ts';
import { AssessmentElementEnum } from '../assessment.ts';


// Built from the dimension list when the schema is built (city plugins register theirs before).
export const EvaluationDimensionEnum = builder.enumType('EvaluationDimension', {
  description: 'What evaluation figures can be grouped by. Each applies to some metric families only.',
  values: Object.fromEntries(
    evaluationDimensions().map((d) => [d.name, { description: `${d.description} Applies to: ${familiesOf(d).join(', ')}.` }]),
  ),
});

// --- result types ---

export type Cell = CellBase & Record<string, unknown>;
export interface Row<C extends Cell = Cell> {
  cell: C;
  scope: EvaluationScope;
}

const EvaluationPeriod = builder.objectRef<{ start: Date; end: Date; label: string; coversFrom: Date; coversTo: Date }>('EvaluationPeriod').implement({
  description: 'A bucket of time. Ranges cover whole buckets, so coversFrom–coversTo (the days the figures cover) is the whole bucket, start–end.',
  fields: (t) => ({
    start: t.expose('start', { type: 'Date', description: 'First day of the bucket.' }),
    end: t.expose('end', { type: 'Date', description: 'Last day of the bucket (inclusive).' }),
    label: t.exposeString('label', { description: 'E.g. 2026-W05, 2026-01 or 2025/2026.' }),
    coversFrom: t.expose('coversFrom', { type: 'Date', description: 'First day the figures cover: the later of the bucket start and `from`.' }),
    coversTo: t.expose('coversTo', { type: 'Date', description: 'Last day the figures cover (inclusive): the earlier of the bucket end and `to`.' }),
  }),
});

const EvaluationGroupValue = builder
  .objectRef<{ dimension: string; value: string | null; label: string | null }>('EvaluationGroupValue')
  .implement({
    description: "A row's value of one `groupBy` dimension.",
    fields: (t) => ({
      dimension: t.field({ type: EvaluationDimensionEnum, resolve: (v) => v.dimension as never }),
      value: t.exposeString('value', {
        nullable: true,
        description: 'The global ID (city, school, partnership), the enum value, or the plugin value; null when the row has none.',
      }),
      label: t.exposeString('label', { nullable: true, description: 'A readable name, for cities, schools and partnerships.' }),
    }),
  });

export const date = (ymd: string) => new Date(`${ymd}T00:00:00.000Z`);

/** The fields every figures row has: its bucket and its group. */
function rowFields<C extends Cell>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, Row<C>>) {
  return {
    period: t.field({
      type: EvaluationPeriod,
      resolve: ({ cell }) => ({
        start: date(cell.bucketStart),
        end: date(cell.bucketEnd),
        label: cell.bucketLabel,
        coversFrom: date(cell.coversFrom),
        coversTo: date(cell.coversTo),
      }),
    }),
    group: t.field({
      type: [EvaluationGroupValue],
      description: 'One value per `groupBy` dimension, in the same order.',
      resolve: ({ cell, scope }) =>
        scope.dimensions.map((d, i) => {
          const value = cell[`d${i}`] ?? null;
          return { dimension: d.name, value: value !== null && d.node ? encodeGlobalID(d.node, value) : value, label: cell[`l${i}`] ?? null };
        }),
    }),
  };
}

type FieldsOf<C extends Cell> = (t: PothosSchemaTypes.ObjectFieldBuilder<Types, Row<C>>) => Record<string, PothosSchemaTypes.FieldRef<Types>>;

const figures = <C extends Cell>(name: string, description: string, fields: FieldsOf<C>) =>
  builder.objectRef<Row<C>>(name).implement({
    description,
    fields: (t) => ({ ...rowFields(t), ...fields(t) }),
  });

export const ActivityFigures = figures<ActivityCell & Cell>(
  'ActivityFigures',
  'Activities in a bucket and group. About the work of youth work, not about young people: never suppressed.',
  (t) => ({
    count: t.int({ description: 'Activities logged (exact: not about young people).', resolve: (r) => r.cell.count }),
    participants: t.int({ description: 'Sum of the participant counts logged (activities without one add nothing).', resolve: (r) => r.cell.participants }),
    hours: t.float({ description: 'Sum of the durations, in hours.', resolve: (r) => r.cell.hours }),
  }),
);

/** Which flag of a row says that a figure is suppressed. */
const REACH_FIGURES = { youngPeople: 'suppressed', enrolmentShare: 'shareSuppressed' } as const;

export const ReachFigures = figures<ReachCell & Cell>(
  'ReachFigures',
  'Unique young people reached: those with an activity linked to them (individual guidance) or a signal linked to them, in the bucket. ' +
    'Group signals, trends and participant counts are not individuals and do not count.',
  (t) => ({
    youngPeople: t.int({
      nullable: true,
      description: 'Distinct young people, perturbed by the cell key method (within City.maxPerturbation of the true count, never below City.minCellSize + City.maxPerturbation, so it rests on at least City.minCellSize young people); null when suppressed.',
      resolve: (r) => r.cell.youngPeople,
    }),
    enrolmentShare: t.float({
      nullable: true,
      description:
        "youngPeople ÷ the school's enrolment, only when every row is about one school (group by SCHOOL or PARTNERSHIP, or filter one school or one partnership). " +
        'Suppressed (null, listed in suppressedFigures) unless both the young people reached and the pupils not reached (enrolment − youngPeople) are at least ' +
        'City.minCellSize + City.maxPerturbation, as shown (perturbed): otherwise share and enrolment would give back a count below it.',
      resolve: (r) => r.cell.enrolmentShare,
    }),
    suppressed: t.boolean({ description: 'Fewer young people than the city\'s minimum cell size, as perturbed: youngPeople and enrolmentShare are null.', resolve: (r) => r.cell.suppressed }),
    suppressedFigures: t.stringList({
      description: 'The names of the suppressed figures: youngPeople and enrolmentShare when suppressed is true; enrolmentShare alone when only the share is.',
      resolve: (r) => suppressedFiguresOf(REACH_FIGURES, r.cell),
    }),
  }),
);


const SIGNAL_FIGURES = {
  count: 'countSuppressed',
  followedUpWithinShare: 'shareSuppressed',
  medianHoursToFirstFollowUp: 'followUpSuppressed',
  p90HoursToFirstFollowUp: 'followUpSuppressed',
  medianHoursToClose: 'closeSuppressed',
  p90HoursToClose: 'closeSuppressed',
} as const;

/** How the percentiles of hours are given (attack review 4, F1: exact percentiles told one signal's category). */
const WINDOWED =
  `In whole windows, not exact hours: the end, in hours, of the first of the windows ${PERCENTILE_WINDOWS.map((d) => d * 24).join(', ')} ` +
  `(${PERCENTILE_WINDOWS.join(', ')} days) whose share of the signals, from perturbed counts (cell key method), reaches the percentile; ` +
  'null also when not even the last does (then not listed in suppressedFigures). Suppressed when the perturbed count of the signals it is over is below City.minCellSize + City.maxPerturbation.';

export const SignalFigures = figures<SignalCell & Cell>(
  'SignalFigures',
  'Signals reported in a bucket and group, and how fast they were followed up and closed. A figure resting on fewer ' +
    "records than the city's minimum cell size (City.minCellSize, default 5; the largest of the cities in the row), as perturbed by the cell key method and held to City.minCellSize + City.maxPerturbation, is null and listed in suppressedFigures; " +
    'a share also when the records it leaves out are fewer. ' +
    'A row whose count is suppressed does not say its signal group values (category, life domain, status, pilot values): those are null, and such rows are merged.',
  (t) => ({
    count: t.int({
      nullable: true,
      description: 'Signals reported, perturbed by the cell key method (within City.maxPerturbation of the true count, never below City.minCellSize + City.maxPerturbation, so it rests on at least City.minCellSize signals).',
      resolve: (r) => r.cell.count,
    }),
    followedUpWithinShare: t.float({
      nullable: true,
      description:
        'Share (0–1) with a first follow-up within `followUpWithinDays` days of being reported; signals without a follow-up count as not followed up. ' +
        'Both counts are perturbed (cell key method) before dividing, and neither the signals followed up in time nor the others that the share gives back ' +
        '(share × count, count − that) is below City.minCellSize. Suppressed (null, listed in suppressedFigures) unless both, as perturbed, ' +
        'are at least City.minCellSize + City.maxPerturbation: a share of 0 or 1, or 0.6 of 5 signals, would otherwise say how many were (not) followed up.',
      resolve: (r) => r.cell.followedUpWithinShare,
    }),
    medianHoursToFirstFollowUp: t.float({ nullable: true, description: `Over the signals with a follow-up. ${WINDOWED}`, resolve: (r) => r.cell.medianHoursToFirstFollowUp }),
    p90HoursToFirstFollowUp: t.float({ nullable: true, description: `90th percentile, over the signals with a follow-up. ${WINDOWED}`, resolve: (r) => r.cell.p90HoursToFirstFollowUp }),
    medianHoursToClose: t.float({ nullable: true, description: `Over the closed signals. ${WINDOWED}`, resolve: (r) => r.cell.medianHoursToClose }),
    p90HoursToClose: t.float({ nullable: true, description: `90th percentile, over the closed signals. ${WINDOWED}`, resolve: (r) => r.cell.p90HoursToClose }),
    suppressed: t.boolean({ description: 'Whether any figure of this row is suppressed.', resolve: (r) => suppressedFiguresOf(SIGNAL_FIGURES, r.cell).length > 0 }),
    suppressedFigures: t.stringList({ description: 'The names of the suppressed figures.', resolve: (r) => suppressedFiguresOf(SIGNAL_FIGURES, r.cell) }),
  }),
);

function suppressedFiguresOf<C extends Cell>(flags: Record<string, keyof C & string>, cell: C): string[] {
  return Object.entries(flags)
    .filter(([, flag]) => cell[flag])
    .map(([figure]) => figure);
}

export const ConsultationFigures = figures<ConsultationCell & Cell>(
  'ConsultationFigures',
  "Consultation meetings (overleg) held against planned. Planned: for each partnership, the days of the bucket within the range and the partnership's period, " +
    'divided by its rhythm (every N weeks). Held: CONSULTATION activities. Not about young people: never suppressed.',
  (t) => ({
    partnerships: t.int({ description: 'Partnerships active in the bucket.', resolve: (r) => r.cell.partnerships }),
    held: t.int({
      description: "CONSULTATION activities in the bucket and range (also those outside the partnership's period or ahead, as in the activities figures).",
      resolve: (r) => r.cell.held,
    }),
    planned: t.float({ nullable: true, description: 'Null when no partnership in the row has a rhythm.', resolve: (r) => r.cell.planned }),
    heldShare: t.float({ nullable: true, description: 'held ÷ planned.', resolve: (r) => r.cell.heldShare }),
  }),
);

export const MonitorFigures = figures<MonitorCell & Cell>(
  'MonitorFigures',
  'Partnership monitor scores (1–5) of one element, over the assessments in a bucket and group. Scores rate organisations: never suppressed; comments and action plans are not here.',
  (t) => ({
    element: t.field({ type: AssessmentElementEnum, description: 'The element scored.', resolve: (r) => r.cell.element as never }),
    assessments: t.int({ description: 'Assessments (rounds of a partnership) with a score for the element.', resolve: (r) => r.cell.assessments }),
    averageScore: t.float({ description: 'Mean score (1–5), to 2 decimals.', resolve: (r) => r.cell.averageScore }),
    medianScore: t.float({ description: 'Median score (1–5).', resolve: (r) => r.cell.medianScore }),
    minScore: t.int({ description: 'Lowest score.', resolve: (r) => r.cell.minScore }),
    maxScore: t.int({ description: 'Highest score.', resolve: (r) => r.cell.maxScore }),
  }),
);

/** Runs one family's statement, after checking that every `groupBy` dimension applies to it. */
export async function figuresOf<C extends Cell>(ctx: Context, scope: EvaluationScope, family: MetricFamily, statement: Prisma.Sql): Promise<Row<C>[]> {
  const cells = await evaluationCells<C>(ctx.prisma, scope, family, statement);
  return cells.map((cell) => ({ cell, scope }));
}
