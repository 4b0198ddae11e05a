/**
 * The plugin API: what a city pilot writes in `plugins/<name>/index.ts`. Everything here is types
 * and small constructors; the registry (registry.ts) checks a definition before anything uses it.
 *
 * ```ts
 * export default definePlugin({
 *   name: 'rotterdam',
 *   version: '1.0.0',
 *   description: 'Pilot "Samen op school" in Rotterdam-Zuid',
 *   cities: ['Rotterdam'],
 *   fields: { Activity: { parentsPresent: field.boolean({ description: 'Parents took part.', filterable: true }) } },
 * });
 * ```
 */
import type { Logger } from 'pino';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { SchemaApi } from './schema-api.ts';

/** `rotterdam` → `Rotterdam`: type prefixes and generated type names. */
export const pascalCase = (s: string) => s[0]!.toUpperCase() + s.slice(1);
/** `RotterdamParentEvening` → `rotterdamParentEvening`: input and field names. */
export const lowerFirst = (s: string) => s[0]!.toLowerCase() + s.slice(1);

/** The version of this plugin API. A plugin may require a range of it (`requires.api`). */
export const PLUGIN_API_VERSION = '1.0.0';

/** The records a plugin can add fields to. */
export const PILOT_TARGETS = ['Partnership', 'School', 'Signal', 'Activity'] as const;
export type PilotTarget = (typeof PILOT_TARGETS)[number];

export type PilotScalar = 'string' | 'int' | 'float' | 'boolean' | 'date' | 'enum';

/** One pilot field, declared; stored in the record's `pilotData` under the plugin's name. */
export interface PilotField {
  type: PilotScalar;
  /** What it means, for the GraphQL documentation and the plugin's README. Required. */
  description: string;
  /** A list of values of `type` (e.g. several themes). */
  list?: boolean;
  /** Must be given when a record is created in one of the plugin's cities (unless it has a default). */
  required?: boolean;
  /** Stored when a record is created without it. */
  default?: unknown;
  /** Numbers: smallest value. Strings: shortest length. Dates: earliest (YYYY-MM-DD). Lists: for each item. */
  min?: number | string;
  /** Numbers: largest value. Strings: longest length (default 200). Dates: latest (YYYY-MM-DD). */
  max?: number | string;
  /** Strings: a regular expression the whole value must match. */
  pattern?: string;
  /** Enums: the values (UPPER_CASE). Strings and ints: the only values allowed. */
  values?: readonly (string | number)[];
  /** Lists: the most items (default 20). */
  maxItems?: number;
  /** Offered in list filters (`filter: { <plugin>: { <field>: … } }`), backed by an index. */
  filterable?: boolean;
  /** Offered as a dimension of the evaluation figures and as an export column. */
  groupable?: boolean;
  /** Activity fields only: the kinds it applies to (default: all). */
  kinds?: readonly string[];
  /**
   * Values for the demo data (fields of Partnership, School, Signal and Activity only): when the
   * server seeds an empty database (SEED_DEMO_DATA, on by default outside production), the records
   * of the plugin's cities get them in turn — the first record the first value, the next the second,
   * and so on, round again — so GraphiQL shows the field filled in on a fresh start. Each is checked
   * at boot like a stored value (a list field takes lists). Activity fields with `kinds` go only on
   * activities of those kinds. Never written to a database that already holds data.
   *
   * ```ts
   * counsellorPresent: field.boolean({ description: '…', demo: [true, false, false] }),
   * ```
   */
  demo?: readonly unknown[];
}

type FieldOptions = Omit<PilotField, 'type' | 'values'>;

/** Constructors for pilot fields, e.g. `field.int({ description: '…', min: 0 })`. */
const constructors = {
  string: (o: FieldOptions & { values?: readonly string[] }): PilotField => ({ ...o, type: 'string' }),
  int: (o: FieldOptions & { values?: readonly number[] }): PilotField => ({ ...o, type: 'int' }),
  float: (o: FieldOptions): PilotField => ({ ...o, type: 'float' }),
  boolean: (o: FieldOptions): PilotField => ({ ...o, type: 'boolean' }),
  /** A calendar date (YYYY-MM-DD). */
  date: (o: FieldOptions): PilotField => ({ ...o, type: 'date' }),
  /** One of `values` (GraphQL enum values, UPPER_CASE); with `list: true`, several. */
  enum: (values: readonly string[], o: FieldOptions): PilotField => ({ ...o, type: 'enum', values }),
};

/**
 * The field constructors; one that does not exist (`field.datetime`) fails with a message naming it
 * and the ones that do (the registry adds the plugin's name), not with "is not a function".
 */
export const field: typeof constructors = new Proxy(constructors, {
  get(target, prop, receiver) {
    if (typeof prop === 'string' && !Object.hasOwn(target, prop) && prop !== 'then') {
      throw new Error(`field.${prop} does not exist; pilot fields are field.${Object.keys(target).join(', field.')}`);
    }
    return Reflect.get(target, prop, receiver);
  },
});

/** An activity kind a plugin adds: a GraphQL type implementing `Activity`, loggable through `logActivity`. */
export interface PluginActivityKind {
  /** The GraphQL type, e.g. `CoTaughtMentorLesson`. */
  typeName: string;
  description: string;
  /** The kind's own fields, stored in the activity's `details`. */
  fields?: Record<string, PilotField>;
}

/** The records a plugin event can be about; subscribers receive it only if they may read the record. */
export type EventRecord = 'Signal' | 'Activity' | 'Partnership';

/** A live event a plugin publishes: about one record, with optional extra (non-personal) values. */
export interface PluginEvent {
  description: string;
  record: EventRecord;
  data?: Record<string, PilotField>;
}

/** What a core event carries: only IDs. */
export interface CoreEvent {
  id: string;
  partnershipId: string;
  /** The activity's kind, on `activityLogged` and `activityChanged` (a handler for one kind needs no read to skip the others). */
  kind?: string;
}

export const CORE_EVENTS = ['signalReported', 'signalChanged', 'activityLogged', 'activityChanged'] as const;
export type CoreEventName = (typeof CORE_EVENTS)[number];

/**
 * What an event handler can do. It runs after the write committed, outside any request, and only for
 * events of partnerships in the plugin's `cities`.
 */
export interface HookApi<Events extends string = string> {
  /**
   * The database, read-only and scoped to the event: the event's record (a signal with its
   * follow-ups, or an activity), its partnership and that partnership's school, organisation and
   * city. Other records read as not found; people, youth references, roles and the audit log,
   * relations (`include`, relation selects and filters), writes, raw SQL and `$transaction` are
   * refused. Handlers publish IDs only; they do not write.
   */
  prisma: PrismaClient;
  log: Logger;
  /** Publishes one of the plugin's own events; each subscriber gets it only if they may read the record. */
  publish(event: Events, payload: CoreEvent & { data?: Record<string, unknown> }): void;
  /** The plugin's stored values of a record (its own namespace of `pilotData`), or null. */
  pilotValues(target: 'Signal' | 'Activity', id: string): Promise<Record<string, unknown> | null>;
}

export interface PluginDefinition<Events extends string = string> {
  /** Lower camel case, e.g. `amsterdam`; also the GraphQL namespace field and the `pilotData` key. */
  name: string;
  /** Semantic version of the plugin (MAJOR.MINOR.PATCH). */
  version: string;
  description: string;
  /** Names of the cities (as in City.name) the plugin applies to. Its fields are null elsewhere. */
  cities: readonly string[];
  /** Version ranges (`^1.2.0`, `>=1.0.0`, `1.2.3`) of the plugin API and of other plugins it needs. */
  requires?: { api?: string; plugins?: Record<string, string> };
  fields?: Partial<Record<PilotTarget, Record<string, PilotField>>>;
  /** New activity kinds, keyed by their `ActivityKind` value (UPPER_CASE). */
  activityKinds?: Record<string, PluginActivityKind>;
  events?: Record<Events, PluginEvent>;
  /** Handlers of core events, run after commit in the instance that made the write. */
  on?: Partial<Record<CoreEventName, (event: CoreEvent, api: HookApi<Events>) => Promise<void> | void>>;
  /** Adds the plugin's own types, queries, mutations and subscriptions (see SchemaApi). */
  schema?: (api: SchemaApi<Events>) => void;
}

/** Declares a plugin (the default export of `plugins/<name>/index.ts`). Types only; checked at boot. */
export function definePlugin<const Events extends string = never>(definition: PluginDefinition<Events>): PluginDefinition<Events> {
  return definition;
}
