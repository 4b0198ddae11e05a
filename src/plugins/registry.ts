/**
 * Loads the enabled city plugins, checks them, and holds them for the schema build. Core code never
 * imports a plugin by name: the configuration (PLUGINS) names the folders under `plugins/`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { CORE_ACTIVITY_KINDS } from '../schema/activity/core-kinds.ts';
import {
  CORE_EVENTS,
  PILOT_TARGETS,
  pascalCase,
  PLUGIN_API_VERSION,
  type PilotField,
  type PilotTarget,
  type PluginDefinition,
} from './define.ts';
import { valueProblem } from './values.ts';

/** Boot refuses a plugin with one line naming the plugin and the problem. */
export class PluginError extends Error {
  override name = 'PluginError';
  constructor(
    readonly plugin: string,
    problem: string,
  ) {
    super(`Plugin "${plugin}": ${problem}`);
  }
}

/** A checked plugin, with the names derived from it. */
export interface LoadedPlugin {
  definition: PluginDefinition;
  name: string;
  /** Prefix of the plugin's GraphQL types, e.g. `Amsterdam`. */
  typePrefix: string;
  /** Prefix of the plugin's activity kinds and enum values, e.g. `AMSTERDAM_`. */
  kindPrefix: string;
  cities: ReadonlySet<string>;
}

export { DEFAULT_PLUGINS } from '../config.ts';
export const PLUGINS_DIR = fileURLToPath(new URL('../../plugins/', import.meta.url));
/** `index.ts`, or `index.js` when running the build in dist/ (its plugins are compiled next to it). */
const PLUGIN_ENTRY = import.meta.url.endsWith('.js') ? 'index.js' : 'index.ts';

const LOWER_CAMEL = /^[a-z][a-zA-Z0-9]*$/;
const UPPER_SNAKE = /^[A-Z][A-Z0-9_]*$/;
const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;

const fieldSchema = z.strictObject({
  type: z.enum(['string', 'int', 'float', 'boolean', 'date', 'enum']),
  description: z.string().min(1),
  list: z.boolean().optional(),
  required: z.boolean().optional(),
  default: z.unknown().optional(),
  min: z.union([z.number(), z.string()]).optional(),
  max: z.union([z.number(), z.string()]).optional(),
  pattern: z.string().optional(),
  values: z.array(z.union([z.string(), z.number()])).min(1).optional(),
  maxItems: z.number().int().min(1).max(1000).optional(),
  filterable: z.boolean().optional(),
  groupable: z.boolean().optional(),
  kinds: z.array(z.string()).min(1).optional(),
  demo: z.array(z.unknown()).min(1).max(1000).optional(),
});
const fieldsSchema = z.record(z.string(), fieldSchema);

const definitionSchema = z.strictObject({
  name: z.string(),
  version: z.string(),
  description: z.string().min(1),
  cities: z.array(z.string().min(1)).min(1),
  requires: z.strictObject({ api: z.string().optional(), plugins: z.record(z.string(), z.string()).optional() }).optional(),
  fields: z.record(z.string(), fieldsSchema).optional(),
  activityKinds: z
    .record(z.string(), z.strictObject({ typeName: z.string(), description: z.string().min(1), fields: fieldsSchema.optional() }))
    .optional(),
  events: z
    .record(z.string(), z.strictObject({ description: z.string().min(1), record: z.enum(['Signal', 'Activity', 'Partnership']), data: fieldsSchema.optional() }))
    .optional(),
  on: z.record(z.string(), z.function()).optional(),
  schema: z.function().optional(),
});

/** Whether `version` satisfies `range`: `1.2.3` (exactly), `^1.2.3` (same major, at least), `>=1.2.3`. */
export function satisfies(version: string, range: string): boolean {
  const m = /^(\^|>=)?(\d+\.\d+\.\d+)$/.exec(range.trim());
  const v = SEMVER.exec(version);
  if (!m || !v) return false;
  const want = SEMVER.exec(m[2]!)!.slice(1).map(Number);
  const have = v.slice(1).map(Number);
  const cmp = have[0]! - want[0]! || have[1]! - want[1]! || have[2]! - want[2]!;
  if (!m[1]) return cmp === 0;
  if (m[1] === '>=') return cmp >= 0;
  return have[0] === want[0] && cmp >= 0;
}

const isDate = (s: unknown) => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

/** Checks one field definition; returns the problem, or null. */
function fieldProblem(f: PilotField, kinds: ReadonlySet<string> | null): string | null {
  const numeric = f.type === 'int' || f.type === 'float';
  if (f.type === 'enum') {
    if (!f.values?.length) return 'an enum needs `values`';
    const bad = f.values.find((v) => typeof v !== 'string' || !UPPER_SNAKE.test(v));
    if (bad !== undefined) return `enum value ${JSON.stringify(bad)} must be UPPER_SNAKE_CASE`;
  } else if (f.values) {
    if (f.type !== 'string' && f.type !== 'int') return '`values` only applies to enum, string and int fields';
    const wrong = f.values.find((v) => (f.type === 'int' ? !Number.isInteger(v) : typeof v !== 'string'));
    if (wrong !== undefined) return `value ${JSON.stringify(wrong)} is not a ${f.type}`;
  }
  for (const bound of ['min', 'max'] as const) {
    const b = f[bound];
    if (b === undefined) continue;
    if (f.type === 'boolean' || f.type === 'enum') return `\`${bound}\` does not apply to ${f.type} fields`;
    if (f.type === 'date' ? !isDate(b) : typeof b !== 'number') return `\`${bound}\` must be ${f.type === 'date' ? 'a date YYYY-MM-DD' : 'a number'}`;
    if (f.type === 'string' && (!Number.isInteger(b) || (b as number) < 0)) return `\`${bound}\` must be a length (a whole number ≥ 0)`;
  }
  if (f.min !== undefined && f.max !== undefined && (numeric || f.type === 'string' ? (f.min as number) > (f.max as number) : String(f.min) > String(f.max))) {
    return '`min` is greater than `max`';
  }
  if (f.pattern !== undefined) {
    if (f.type !== 'string') return '`pattern` only applies to string fields';
    try {
      new RegExp(f.pattern, 'u');
    } catch {
      return `\`pattern\` ${JSON.stringify(f.pattern)} is not a valid regular expression`;
    }
  }
  if (f.maxItems !== undefined && !f.list) return '`maxItems` only applies to lists';
  if (f.groupable && f.list) return 'a list cannot be groupable (a record would fall in several groups)';
  if (f.filterable && f.type === 'string' && ((f.max as number | undefined) ?? 200) > 500) return 'a filterable string may be at most 500 characters long (`max`), to fit its index';
  if (f.type === 'date' && f.default !== undefined && typeof f.default !== 'string') return 'the default of a date must be a string YYYY-MM-DD';
  if (f.kinds) {
    if (!kinds) return '`kinds` only applies to Activity fields';
    const unknown = f.kinds.find((k) => !kinds.has(k));
    if (unknown) return `unknown activity kind ${unknown}`;
  }
  if (f.default !== undefined) {
    const problem = valueProblem(f, f.default);
    if (problem) return `the default ${JSON.stringify(f.default)} ${problem.message}`;
  }
  for (const [i, value] of (f.demo ?? []).entries()) {
    const problem =
      value === null || value === undefined ? { message: 'must be a value (not null)' }
      : f.type === 'date' && [value].flat().some((v) => typeof v !== 'string') ? { message: 'must be a string YYYY-MM-DD' }
      : valueProblem(f, value);
    if (problem) return `demo value ${i + 1} (${JSON.stringify(value) ?? 'undefined'}) ${problem.message}`;
  }
  return null;
}

/** Checks the definitions of the plugins to enable together; throws a PluginError for the first problem. */
export function checkPlugins(definitions: readonly { folder: string; definition: unknown }[]): LoadedPlugin[] {
  const loaded: LoadedPlugin[] = [];
  const seen = new Map<string, string>();
  const coreKinds = new Set<string>(CORE_ACTIVITY_KINDS.map((k) => k.kind));
  const allKinds = new Set(coreKinds);
  for (const { folder, definition } of definitions) {
    const parsed = definitionSchema.safeParse(definition);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new PluginError(folder, `bad definition at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    const d = definition as PluginDefinition;
    if (!LOWER_CAMEL.test(d.name)) throw new PluginError(folder, `name ${JSON.stringify(d.name)} must be lowerCamelCase (letters and digits)`);
    if (d.name !== folder) throw new PluginError(folder, `name "${d.name}" must equal its folder name "${folder}"`);
    if (RESERVED_PLUGIN_NAMES.has(d.name)) throw new PluginError(d.name, `name "${d.name}" is a field of the core types it would extend; choose another`);
    if (seen.has(d.name)) throw new PluginError(d.name, 'is enabled twice (duplicate plugin name)');
    if (!SEMVER.test(d.version)) throw new PluginError(d.name, `version "${d.version}" must be MAJOR.MINOR.PATCH`);
    seen.set(d.name, d.version);
    for (const kind of Object.keys(d.activityKinds ?? {})) allKinds.add(kind);
  }
  for (const name of seen.keys()) {
    const longer = [...seen.keys()].find((other) => other !== name && other.startsWith(name));
    if (longer) throw new PluginError(longer, `name "${longer}" starts with the name of plugin "${name}": their types and fields could not be told apart`);
  }
  for (const { definition } of definitions) {
    const d = definition as PluginDefinition;
    const typePrefix = pascalCase(d.name);
    const kindPrefix = `${d.name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_`;
    const fail = (problem: string): never => {
      throw new PluginError(d.name, problem);
    };
    if (d.requires?.api && !satisfies(PLUGIN_API_VERSION, d.requires.api)) {
      fail(`requires plugin API ${d.requires.api}, this server has ${PLUGIN_API_VERSION}`);
    }
    for (const [other, range] of Object.entries(d.requires?.plugins ?? {})) {
      const version = seen.get(other);
      if (!version) fail(`requires plugin "${other}" (${range}), which is not enabled`);
      else if (!satisfies(version, range)) fail(`requires plugin "${other}" ${range}, but ${version} is enabled`);
    }
    for (const [target, fields] of Object.entries(d.fields ?? {})) {
      if (!PILOT_TARGETS.includes(target as PilotTarget)) {
        fail(`unknown type ${target} for pilot fields (one of ${PILOT_TARGETS.join(', ')})`);
      }
      for (const [name, f] of Object.entries(fields)) {
        if (!LOWER_CAMEL.test(name)) fail(`field ${target}.${name}: name must be lowerCamelCase`);
        const problem = fieldProblem(f, target === 'Activity' ? allKinds : null);
        if (problem) fail(`field ${target}.${name}: ${problem}`);
      }
    }
    for (const [kind, def] of Object.entries(d.activityKinds ?? {})) {
      if (!UPPER_SNAKE.test(kind) || !kind.startsWith(kindPrefix)) fail(`activity kind ${kind} must be UPPER_SNAKE_CASE and start with ${kindPrefix}`);
      if (!def.typeName.startsWith(typePrefix) || !/^[A-Z][A-Za-z0-9]*$/.test(def.typeName)) {
        fail(`activity kind ${kind}: typeName "${def.typeName}" must be PascalCase and start with ${typePrefix}`);
      }
      const rest = def.typeName.slice(typePrefix.length);
      if (!rest || PILOT_TARGETS.some((t) => rest.startsWith(t)) || /(Fields|Input|Filter|Event)$/.test(rest)) {
        fail(`activity kind ${kind}: typeName "${def.typeName}" would clash with the plugin's generated types (${typePrefix}<Type>Fields/Input/Filter, …Event)`);
      }
      if (Object.entries(d.activityKinds ?? {}).some(([other, o]) => other !== kind && o.typeName === def.typeName)) {
        fail(`activity kind ${kind}: typeName "${def.typeName}" is used by another kind`);
      }
      for (const [name, f] of Object.entries(def.fields ?? {})) {
        if (!LOWER_CAMEL.test(name)) fail(`activity kind ${kind}: field ${name}: name must be lowerCamelCase`);
        if (RESERVED_ACTIVITY_FIELDS.has(name)) fail(`activity kind ${kind}: field ${name} would shadow Activity.${name}`);
        const problem = fieldProblem(f, null);
        if (problem) fail(`activity kind ${kind}: field ${name}: ${problem}`);
        if (f.filterable) fail(`activity kind ${kind}: field ${name}: kind fields cannot be filterable (use an Activity pilot field with \`kinds\`)`);
        if (f.demo) fail(`activity kind ${kind}: field ${name}: \`demo\` values apply only to fields of ${PILOT_TARGETS.join(', ')}`);
      }
    }
    for (const [event, def] of Object.entries(d.events ?? {})) {
      if (!LOWER_CAMEL.test(event)) fail(`event ${event}: name must be lowerCamelCase`);
      for (const [name, f] of Object.entries(def.data ?? {})) {
        const problem = fieldProblem(f, null);
        if (problem) fail(`event ${event}: data ${name}: ${problem}`);
        if (f.demo) fail(`event ${event}: data ${name}: \`demo\` values apply only to fields of ${PILOT_TARGETS.join(', ')}`);
      }
    }
    for (const event of Object.keys(d.on ?? {})) {
      if (!(CORE_EVENTS as readonly string[]).includes(event)) fail(`on.${event}: unknown core event (one of ${CORE_EVENTS.join(', ')})`);
    }
    loaded.push({ definition: d, name: d.name, typePrefix, kindPrefix, cities: new Set(d.cities) });
  }
  return loaded;
}

/**
 * Field names of the core's Partnership, School, Signal and Activity types and of their inputs and
 * filters: a plugin of such a name would take the place of a core field (test/plugins.test.ts keeps
 * this list complete).
 */
export const RESERVED_PLUGIN_NAMES = new Set([
  'access', 'acknowledgedAt', 'activities', 'activityId', 'allowedTransitions', 'anonymisedAt', 'assessments', 'attendeeCount',
  'attendees', 'audience', 'breakConversation', 'brinCode', 'category', 'city', 'cityId', 'closedAt', 'consultation',
  'consultationEveryWeeks', 'createdAt', 'district', 'durationMinutes', 'endsOn', 'enrolment', 'expectedVersion', 'facilitatorId',
  'facilitatorIds', 'facilitators', 'facilities', 'followUps', 'form', 'funding', 'goals', 'hiddenFields', 'homeworkHelp', 'id', 'inProgressAt',
  'individualGuidance', 'informationSession', 'kind', 'legalBasis', 'lifeDomain', 'location', 'locationNote', 'loggedBy', 'name',
  'notes', 'openSignalCount', 'ownerSide', 'participantCount', 'partnership', 'partnershipId', 'planned', 'referralDestination',
  'referredAt', 'reportedAfter', 'reportedAt', 'reportedBefore', 'reportedBy', 'rolesAndResponsibilities', 'school', 'schoolContact',
  'schoolContactId', 'schoolId', 'schoolType', 'search', 'sharedWith', 'signalId', 'signals', 'signalsDiscussed', 'startsAfter',
  'startsAt', 'startsBefore', 'startsOn', 'status', 'subject', 'subjects', 'summary', 'theme', 'themes', 'topic', 'updatedAt',
  'urgency', 'version', 'youngPeopleSpokenTo', 'youth', 'youthId', 'youthWorkOrganisation', 'youthWorkOrganisationId',
]);

/** Fields of the Activity interface; a kind's own field of the same name would shadow one. */
export const RESERVED_ACTIVITY_FIELDS = new Set([
  'id', 'kind', 'partnership', 'startsAt', 'durationMinutes', 'participantCount', 'facilitators', 'location',
  'locationNote', 'themes', 'notes', 'loggedBy', 'version', 'createdAt', 'updatedAt', 'hiddenFields',
]);

/** Imports `plugins/<name>/index.ts` for each name and checks them together. */
export async function loadPlugins(names: readonly string[], dir = PLUGINS_DIR): Promise<LoadedPlugin[]> {
  const definitions = [];
  for (const folder of names) {
    const file = `${dir.replace(/\/$/, '')}/${folder}/${PLUGIN_ENTRY}`;
    if (!/^[a-zA-Z0-9_-]+$/.test(folder) || !existsSync(file)) throw new PluginError(folder, `not found (expected ${file})`);
    let module: { default?: unknown };
    try {
      module = (await import(pathToFileURL(file).href)) as { default?: unknown };
    } catch (error) {
      // A mistake in the plugin's own code (e.g. field.datetime): one line naming the plugin.
      throw new PluginError(folder, `${folder}/${PLUGIN_ENTRY} failed to load: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
    if (!module.default) throw new PluginError(folder, 'index.ts must default-export definePlugin({ … })');
    definitions.push({ folder, definition: module.default });
  }
  return checkPlugins(definitions);
}

// --- the plugins of this process ---

let installed: readonly LoadedPlugin[] | undefined;

/**
 * Makes `plugins` the enabled plugins of this process. The schema is built once per process, after
 * this: enabling another set needs a new process (tests use a fresh module graph).
 */
export function installPlugins(plugins: readonly LoadedPlugin[]) {
  const key = (ps: readonly LoadedPlugin[]) => ps.map((p) => `${p.name}@${p.definition.version}`).join(',');
  if (installed && key(installed) !== key(plugins)) {
    throw new Error(`Plugins ${key(installed) || '(none)'} are already installed in this process; cannot switch to ${key(plugins) || '(none)'}`);
  }
  installed = plugins;
}

/** The enabled plugins. Reading them fixes them: a later installPlugins with another set throws. */
export const enabledPlugins = (): readonly LoadedPlugin[] => (installed ??= []);

/** A pilot field of an enabled plugin, with where it lives. */
export interface PilotFieldEntry {
  plugin: LoadedPlugin;
  target: PilotTarget;
  name: string;
  field: PilotField;
}

/** The pilot fields of the enabled plugins on one target. */
export function pilotFields(target: PilotTarget): PilotFieldEntry[] {
  return enabledPlugins().flatMap((plugin) =>
    Object.entries(plugin.definition.fields?.[target] ?? {}).map(([name, field]) => ({ plugin, target, name, field })),
  );
}

/** Groupable pilot fields: dimensions for the evaluation figures and columns for exports. */
export const groupableFields = (target: PilotTarget) => pilotFields(target).filter((f) => f.field.groupable);
