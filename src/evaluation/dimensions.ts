/**
 * What evaluation figures can be grouped by. Each dimension is one value of the GraphQL enum
 * `EvaluationDimension` and one SQL expression over one table; a dimension applies to the metric
 * families whose query reads that table (activity kind to activities, life domain to signals, city to
 * all of them). City plugins add dimensions for their "groupable" fields with `registerDimension`.
 */
import { Prisma } from '../generated/prisma/client.ts';
import { PILOT_TARGETS } from '../plugins/define.ts';
import { groupableFields, PluginError } from '../plugins/registry.ts';

/** The metric families of `evaluation`, one SQL statement each. */
export const METRIC_FAMILIES = ['activities', 'reach', 'signals', 'consultations', 'monitor'] as const;
export type MetricFamily = (typeof METRIC_FAMILIES)[number];

/** Tables a dimension can read, each under the same alias in every evaluation query that reads it. */
export const TABLE_ALIASES = {
  City: 'c',
  School: 'sc',
  Partnership: 'p',
  Activity: 'a',
  Signal: 'sg',
  PartnershipAssessment: 'pa',
} as const;
export type EvaluationTable = keyof typeof TABLE_ALIASES;

/**
 * The tables each family's query reads. Reach counts young people over activities and signals
 * together, so only what both share (partnership, school, city) can group it.
 */
export const FAMILY_TABLES: Record<MetricFamily, readonly EvaluationTable[]> = {
  activities: ['Activity', 'Partnership', 'School', 'City'],
  reach: ['Partnership', 'School', 'City'],
  signals: ['Signal', 'Partnership', 'School', 'City'],
  consultations: ['Partnership', 'School', 'City'],
  monitor: ['PartnershipAssessment', 'Partnership', 'School', 'City'],
};

/** One way to group evaluation figures. */
export interface EvaluationDimension {
  /** The `EvaluationDimension` enum value, e.g. `ACTIVITY_KIND` (upper case, digits, underscores). */
  name: string;
  /** Shown in the schema; say what the groups are. */
  description: string;
  /** The table the value comes from; decides which metric families the dimension applies to. */
  table: EvaluationTable;
  /** SQL for a row's group value, given the table's alias (cast to text by the query). */
  value: (alias: Prisma.Sql) => Prisma.Sql;
  /** SQL for a readable label of the value (e.g. a name); defaults to none. */
  label?: (alias: Prisma.Sql) => Prisma.Sql;
  /** SQL to sort the groups by, when neither the label nor the text of the value sorts right (e.g. numbers). */
  order?: (alias: Prisma.Sql) => Prisma.Sql;
  /** When the value is the key of a GraphQL node type, it is returned as that type's global ID. */
  node?: string;
}

const column = (name: string) => (alias: Prisma.Sql) => Prisma.sql`${alias}.${Prisma.raw(`"${name}"`)}`;

/** The core dimensions. */
export const CORE_DIMENSIONS: readonly EvaluationDimension[] = [
  { name: 'CITY', description: 'The municipality (gemeente).', table: 'City', value: column('id'), label: column('name'), node: 'City' },
  { name: 'SCHOOL', description: 'The school of the partnership.', table: 'School', value: column('id'), label: column('name'), node: 'School' },
  { name: 'PARTNERSHIP', description: 'The partnership.', table: 'Partnership', value: column('id'), label: column('name'), node: 'Partnership' },
  { name: 'PARTNERSHIP_FORM', description: 'With the school (mét) or in the school (ín).', table: 'Partnership', value: column('form') },
  { name: 'ACTIVITY_KIND', description: 'The kind of activity (activities only).', table: 'Activity', value: column('kind') },
  { name: 'LIFE_DOMAIN', description: 'The life domain (leefdomein) of a signal (signals only).', table: 'Signal', value: column('lifeDomain') },
  { name: 'SIGNAL_CATEGORY', description: 'The category of a signal (signals only).', table: 'Signal', value: column('category') },
  { name: 'SIGNAL_STATUS', description: 'Where a signal stands now (signals only). REFERRED counts as IN_PROGRESS except for admins: that a signal was referred is content.', table: 'Signal', value: column('status') },
  {
    name: 'ASSESSMENT_ROUND',
    description: 'The round of the partnership monitor (monitor only).',
    table: 'PartnershipAssessment',
    value: column('round'),
    order: column('round'),
  },
];

const registered: EvaluationDimension[] = [];
let built = false;

/**
 * Adds a dimension (e.g. a city plugin's groupable field; see `pilotDataDimension`). Call it before
 * the schema is built: the `EvaluationDimension` enum is made from the list then. Throws on a bad or
 * duplicate name, or when the schema was already built (fail fast at boot).
 */
export function registerDimension(dimension: EvaluationDimension): void {
  if (built) throw new Error(`evaluation dimension ${dimension.name}: registered after the schema was built`);
  if (!/^[A-Z][A-Z0-9_]*$/.test(dimension.name)) {
    throw new Error(`evaluation dimension ${dimension.name}: the name must be upper case letters, digits and underscores`);
  }
  if (evaluationDimensionsSoFar().some((d) => d.name === dimension.name)) {
    throw new Error(`evaluation dimension ${dimension.name}: registered twice`);
  }
  if (!(dimension.table in TABLE_ALIASES)) throw new Error(`evaluation dimension ${dimension.name}: unknown table ${dimension.table}`);
  registered.push(dimension);
}

/**
 * A dimension over a plugin field stored in a table's `pilotData` JSON (keyed by plugin name):
 * `pilotDataDimension({ plugin: 'amsterdam', field: 'roomOpen', table: 'Activity' })` groups by
 * `"Activity"."pilotData" #>> '{amsterdam,roomOpen}'` (the path is a query parameter). Rows without
 * the field form the group with a null value.
 */
export function pilotDataDimension(options: {
  plugin: string;
  field: string;
  table: 'Activity' | 'Signal' | 'Partnership' | 'School';
  /** Defaults to PLUGIN_FIELD in upper snake case, e.g. AMSTERDAM_ROOM_OPEN. */
  name?: string;
  description?: string;
}): EvaluationDimension {
  const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
  return {
    name: options.name ?? `${snake(options.plugin)}_${snake(options.field)}`,
    description: options.description ?? `The ${options.plugin} plugin field ${options.field} of the ${options.table.toLowerCase()}.`,
    table: options.table,
    value: (alias) => Prisma.sql`${alias}."pilotData" #>> ARRAY[${options.plugin}, ${options.field}]::text[]`,
  };
}

/**
 * The groupable fields of the enabled city plugins, as dimensions: `AMSTERDAM_ROOM_OPEN` (with the
 * record type in the name, e.g. `AMSTERDAM_SIGNAL_WARM_HANDOVER`, when a plugin has a groupable field
 * of that name on two types).
 */
function pluginDimensions(): EvaluationDimension[] {
  const fields = PILOT_TARGETS.flatMap((target) => groupableFields(target));
  const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
  const taken = new Set(CORE_DIMENSIONS.map((d) => d.name));
  return fields.map(({ plugin, target, name, field }) => {
    const twice = fields.filter((f) => f.plugin === plugin && f.name === name).length > 1;
    const dimension = pilotDataDimension({
      plugin: plugin.name,
      field: name,
      table: target,
      name: twice ? `${snake(plugin.name)}_${snake(target)}_${snake(name)}` : undefined,
      description: `${field.description} (city plugin ${plugin.name}, ${target.toLowerCase()}; empty outside ${[...plugin.cities].join(', ')})`,
    });
    if (taken.has(dimension.name)) {
      throw new PluginError(plugin.name, `groupable field ${target}.${name} would be evaluation dimension ${dimension.name}, which exists already`);
    }
    taken.add(dimension.name);
    return dimension;
  });
}

let plugins: EvaluationDimension[] | undefined;
const evaluationDimensionsSoFar = () => [...CORE_DIMENSIONS, ...(plugins ??= pluginDimensions()), ...registered];

/** Every dimension, core first. Called when the schema is built; later registrations are refused. */
export function evaluationDimensions(): readonly EvaluationDimension[] {
  built = true;
  return evaluationDimensionsSoFar();
}

export const dimensionByName = (name: string) => evaluationDimensionsSoFar().find((d) => d.name === name);

/**
 * The signal dimensions beyond the core ones (the groupable fields of city plugins, and any
 * registered): what a figure can group signals by besides status, category and life domain. The
 * state key of a signal hashes their values, not the whole pilotData (attack review 5, G5).
 */
export const extraSignalDimensions = () =>
  evaluationDimensionsSoFar().filter((d) => d.table === 'Signal' && !CORE_DIMENSIONS.some((core) => core.name === d.name));

/** SIGNAL_STATUS for those who may not tell a referral (see `evaluationSeesReferrals`): REFERRED counts as IN_PROGRESS. */
const STATUS_WITHOUT_REFERRALS: EvaluationDimension = {
  ...CORE_DIMENSIONS.find((d) => d.name === 'SIGNAL_STATUS')!,
  value: (alias) => Prisma.sql`CASE WHEN ${alias}.status = 'REFERRED' THEN 'IN_PROGRESS' ELSE ${alias}.status::text END`,
};

/**
 * The `groupBy` dimensions by name (each known: the enum and the export's rule check that), as the
 * asker may see them: without `referrals`, SIGNAL_STATUS puts REFERRED signals with IN_PROGRESS.
 */
export function dimensionsFor(names: readonly string[], options: { referrals: boolean }): EvaluationDimension[] {
  return names.map((name) => (name === 'SIGNAL_STATUS' && !options.referrals ? STATUS_WITHOUT_REFERRALS : dimensionByName(name)!));
}

/** The families a dimension applies to. */
export const familiesOf = (d: EvaluationDimension) => METRIC_FAMILIES.filter((f) => FAMILY_TABLES[f].includes(d.table));

/** Whether the dimension can group the family's figures. */
export const appliesTo = (dimension: EvaluationDimension, family: MetricFamily) => FAMILY_TABLES[family].includes(dimension.table);

/** The SQL alias of a table in the evaluation queries. */
export const aliasOf = (table: EvaluationTable) => Prisma.raw(TABLE_ALIASES[table]);
