/**
 * The codebook of the exports (`GET /exports/codebook.csv|.ndjson`): every column of every export,
 * its type, its meaning and, for enums, every value with its meaning. Generated from the GraphQL
 * schema: a column with the name of a field of the export's GraphQL type takes that field's
 * description and type; the few columns that are not fields say what they are here.
 */
import {
  getNamedType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isEnumType,
  isInterfaceType,
  isObjectType,
} from 'graphql';
import { METRIC_FAMILIES, type MetricFamily } from '../evaluation/dimensions.ts';
import { DATA_REGISTER } from '../privacy/data-register.ts';
import type { ExportDefinition } from './definitions.ts';
import { FIGURES } from './evaluation.ts';
import { pluginColumns } from './plugin-columns.ts';

export const CODEBOOK_COLUMNS = ['export', 'column', 'type', 'meaning', 'values'] as const;
export type CodebookRow = Record<(typeof CODEBOOK_COLUMNS)[number], string>;

/** The GraphQL type whose fields describe each row export. */
const TYPE_OF: Record<string, string> = { activities: 'Activity', signals: 'Signal', 'monitor-scores': 'PartnershipAssessment' };
const FIGURES_TYPE: Record<MetricFamily, string> = {
  activities: 'ActivityFigures',
  reach: 'ReachFigures',
  signals: 'SignalFigures',
  consultations: 'ConsultationFigures',
  monitor: 'MonitorFigures',
};

const ID = (what: string) => ({ type: 'ID', meaning: `Global ID of the ${what} (as in the GraphQL API; usable in node(id:) and in the filters).` });
const NAME = (what: string) => ({ type: 'String', meaning: `Name of the ${what} (an organisation, not personal data).` });
/** Columns that are not a field of the export's type (or mean something else here). */
const NOTES: Record<string, { type: string; meaning: string; from?: [string, string] }> = {
  id: { type: 'ID', meaning: 'Global ID of the row (as in the GraphQL API).' },
  partnershipId: ID('partnership'),
  schoolId: ID('school'),
  cityId: ID('city (gemeente)'),
  youthWorkOrganisationId: ID('youth work organisation'),
  cityName: NAME('city'),
  schoolName: NAME('school'),
  partnershipName: NAME('partnership'),
  youthWorkOrganisationName: NAME('youth work organisation'),
  partnershipForm: { type: 'enum', meaning: 'With the school (mét) or in the school (ín).', from: ['Partnership', 'form'] },
  startsOnLocal: { type: 'Date', meaning: 'The Amsterdam date of startsAt (YYYY-MM-DD), as the evaluation buckets count it.' },
  startsAtLocal: { type: 'String', meaning: 'The Amsterdam wall-clock time of startsAt (YYYY-MM-DD HH:MM).' },
  reportedOnLocal: { type: 'Date', meaning: 'The Amsterdam date of reportedAt (YYYY-MM-DD), as the evaluation buckets count it.' },
  planned: { type: 'Boolean', meaning: 'Consultations only: true when planned in the rhythm, false when extra; empty for other kinds.' },
  firstFollowUpAt: { type: 'DateTime', meaning: 'When the first follow-up was logged (UTC); empty when none.' },
  followUpCount: { type: 'Int', meaning: 'Follow-ups logged.' },
  periodLabel: { type: 'String', meaning: 'The bucket: 2026-W05 (ISO week), 2026-01 (month) or 2025/2026 (school year).' },
  periodStart: { type: 'Date', meaning: 'First day of the bucket.' },
  periodEnd: { type: 'Date', meaning: 'Last day of the bucket (inclusive).' },
  coversFrom: { type: 'Date', meaning: 'First day the figures cover: the later of the bucket start and from.' },
  coversTo: { type: 'Date', meaning: 'Last day the figures cover (inclusive): the earlier of the bucket end and to.' },
  countSuppressed: { type: 'Boolean', meaning: 'count and followedUpWithinShare are suppressed (fewer signals than City.minCellSize + City.maxPerturbation, as perturbed).' },
  shareSuppressed: {
    type: 'Boolean',
    meaning:
      'The share (followedUpWithinShare, enrolmentShare) is suppressed: the records it counts or those it leaves out (not followed up in time; pupils not reached) are fewer than City.minCellSize + City.maxPerturbation, as perturbed.',
  },
  followUpSuppressed: { type: 'Boolean', meaning: 'The hours to the first follow-up are suppressed (fewer followed-up signals than City.minCellSize + City.maxPerturbation, as perturbed).' },
  closeSuppressed: { type: 'Boolean', meaning: 'The hours to closing are suppressed (fewer closed signals than City.minCellSize + City.maxPerturbation, as perturbed).' },
};

function fieldOf(type: GraphQLNamedType | undefined | null, name: string): GraphQLField<unknown, unknown> | undefined {
  return type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[name] : undefined;
}

/** What the data register says a stored field is for (the fallback when the GraphQL field has no description). */
function registered(model: string, field: string): string | undefined {
  const entry = (DATA_REGISTER as Record<string, { fields: Record<string, { personal: boolean; purpose?: string; reason?: string }> }>)[model]?.fields[field];
  const text = entry ? (entry.personal ? entry.purpose : entry.reason) : undefined;
  return text ? text.charAt(0).toUpperCase() + text.slice(1) + '.' : undefined;
}

/** Type, meaning and values of a column, from the GraphQL field it names (or the data register), or the notes above. */
function describe(schema: GraphQLSchema, typeName: string, column: string): Omit<CodebookRow, 'export' | 'column'> {
  const note = NOTES[column];
  const field = note?.from ? fieldOf(schema.getType(note.from[0]), note.from[1]) : note ? undefined : fieldOf(schema.getType(typeName), column);
  const named = field ? getNamedType(field.type) : undefined;
  const values =
    named && isEnumType(named) ? named.getValues().map((v) => (v.description ? `${v.name}: ${v.description}` : v.name)).join(' | ') : '';
  return {
    type: note?.type === 'enum' || (named && isEnumType(named)) ? `enum ${named?.name ?? ''}`.trim() : (note?.type ?? named?.name ?? ''),
    meaning: note?.meaning ?? field?.description ?? (named && isEnumType(named) ? named.description : undefined) ?? registered(typeName, column) ?? '',
    values,
  };
}

/** Every column of every export, in the order of the files. */
export function codebook(schema: GraphQLSchema, exports: readonly ExportDefinition[]): CodebookRow[] {
  const rows: CodebookRow[] = [];
  for (const definition of exports) {
    for (const c of definition.columns) {
      const header = c.header;
      const element = /^score\.(.+)$/.exec(header);
      rows.push(
        element
          ? { export: definition.name, column: header, type: 'Int', meaning: `Score 1–5 of the monitor element ${element[1]}; empty when not scored.`, values: '' }
          : { export: definition.name, column: header, ...describe(schema, TYPE_OF[definition.name] ?? '', header) },
      );
    }
    for (const c of definition.pluginTarget ? pluginColumns(definition.pluginTarget) : []) {
      // A plugin's fields are on the record type under the plugin's name, e.g. Activity.amsterdam.roomOpen.
      const [plugin, name] = c.jsonPath as [string, string];
      const holder = fieldOf(schema.getType(definition.pluginTarget!), plugin);
      const found = holder ? describe(schema, getNamedType(holder.type).name, name) : { type: '', meaning: '', values: '' };
      rows.push({ export: definition.name, column: c.header, ...found, meaning: `${found.meaning} (city plugin ${plugin}; empty outside its cities)`.trim() });
    }
  }
  for (const family of METRIC_FAMILIES) {
    const name = `evaluation-${family}`;
    for (const column of ['periodLabel', 'periodStart', 'periodEnd', 'coversFrom', 'coversTo']) rows.push({ export: name, column, ...describe(schema, '', column) });
    rows.push({
      export: name,
      column: '<dimension>, <dimension>.label',
      type: 'String',
      meaning: 'Per groupBy dimension (lower case): its value (global ID, enum value or plugin value) and, for cities, schools and partnerships, the name.',
      values: '',
    });
    for (const column of FIGURES[family]) rows.push({ export: name, column, ...describe(schema, FIGURES_TYPE[family], column) });
  }
  return rows;
}
