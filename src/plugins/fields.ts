/**
 * Pilot fields in the core's inputs, filters and writes. Values live in the record's `pilotData`
 * JSON under the plugin's name (`{ "amsterdam": { "roomOpen": true } }`), so a field needs no
 * migration, two plugins' fields of the same name never meet, and a disabled plugin's values stay.
 */
import { createHash } from 'node:crypto';
import type { GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import { builder, type Types } from '../builder.ts';
import type { Context } from '../context.ts';
import { badInput, type InputIssue } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { pascalCase, PILOT_TARGETS, type PilotField, type PilotTarget } from './define.ts';
import { enabledPlugins, type LoadedPlugin, pilotFields } from './registry.ts';
import { valueProblem, valueSchema } from './values.ts';

type JsonObject = Record<string, unknown>;

/** Plugins with fields on `target`, with those fields. */
export function pluginsOn(target: PilotTarget): { plugin: LoadedPlugin; fields: [string, PilotField][] }[] {
  return enabledPlugins()
    .map((plugin) => ({ plugin, fields: Object.entries(plugin.definition.fields?.[target] ?? {}) }))
    .filter((p) => p.fields.length > 0);
}

// --- GraphQL types of field values ---

const enums = new Map<string, { field: PilotField; ref: ReturnType<typeof builder.enumType> }>();

/** The GraphQL type of a field's value (an enum gets its own type, named `typeName`). */
export function graphqlType(f: PilotField, typeName: string): any {
  switch (f.type) {
    case 'string':
      return 'String';
    case 'int':
      return 'Int';
    case 'float':
      return 'Float';
    case 'boolean':
      return 'Boolean';
    case 'date':
      return 'Date';
    case 'enum': {
      const known = enums.get(typeName);
      if (known && known.field !== f) throw new Error(`Duplicate typename: two enum fields would both be ${typeName}`);
      if (known) return known.ref;
      const ref = builder.enumType(typeName, { values: f.values as string[] });
      enums.set(typeName, { field: f, ref });
      return ref;
    }
  }
}

/** A field's documentation: its description and rules. */
export function describe(f: PilotField): string {
  const rules = [
    f.required && 'required',
    f.default !== undefined && `default ${JSON.stringify(f.default)}`,
    f.min !== undefined && `min ${f.min}`,
    f.max !== undefined && `max ${f.max}`,
    f.pattern && `pattern ${f.pattern}`,
    f.values && f.type !== 'enum' && `one of ${f.values.join(', ')}`,
    f.kinds && `only for ${f.kinds.join(', ')}`,
    f.filterable && 'filterable',
    f.groupable && 'groupable',
  ].filter(Boolean);
  return rules.length ? `${f.description} (${rules.join('; ')})` : f.description;
}

/** Enum type names are per plugin, target and field, e.g. `AmsterdamActivityBreakTheme`. */
export const enumName = (plugin: LoadedPlugin, scope: string, field: string) => `${plugin.typePrefix}${scope}${pascalCase(field)}`;

/** An output field reading one declared value; a value its definition no longer accepts reads as null and is reported. */
export function valueField(t: any, f: PilotField, type: unknown, read: (parent: any) => JsonObject | null, select?: object) {
  return t.field({
    type: f.list ? [type] : type,
    ...(select && { select }),
    nullable: true,
    description: describe(f),
    resolve: (parent: unknown, _args: unknown, ctx: Context, info: GraphQLResolveInfo) => {
      const value = read(parent)?.[info.fieldName];
      if (value === undefined || value === null) return null;
      const problem = valueProblem(f, value);
      if (problem) {
        ctx.hidden.invalidValue(info, problem);
        return null;
      }
      return value;
    },
  });
}

// --- inputs ---

const inputRefs = new Map<string, any>();

/**
 * An input type of declared values (a plugin's namespace on an input, or a plugin kind's details),
 * made once; its enum types are made now, as Pothos needs every type before the build.
 */
export function declaredInput(name: string, description: string, plugin: LoadedPlugin, scope: string, fields: [string, PilotField][]) {
  let ref = inputRefs.get(name);
  if (!ref) {
    const types = fields.map(([field, f]) => graphqlType(f, enumName(plugin, scope, field)));
    ref = builder.inputType(name, {
      description,
      fields: (t) =>
        Object.fromEntries(fields.map(([field, f], i) => [field, t.field({ type: f.list ? [types[i]] : types[i], description: describe(f) })])),
    });
    inputRefs.set(name, ref);
  }
  return ref;
}

/** `<Plugin><Target>Input`: the plugin's fields on a create or update input. */
const namespaceInput = (plugin: LoadedPlugin, target: PilotTarget, fields: [string, PilotField][]) =>
  declaredInput(
    `${plugin.typePrefix}${target}Input`,
    `Values of the ${plugin.name} pilot (${[...plugin.cities].join(', ')}). Left out: unchanged (or the default, when creating); null: cleared.`,
    plugin,
    target,
    fields,
  );

/** The pilot namespaces of a create or update input (e.g. `amsterdam: AmsterdamActivityInput`). */
export function pilotInputFields(t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>, target: PilotTarget) {
  return Object.fromEntries(
    pluginsOn(target).map(({ plugin, fields }) => [
      plugin.name,
      t.field({ type: namespaceInput(plugin, target, fields), description: `Pilot fields of the ${plugin.name} plugin.` }),
    ]),
  ) as Record<string, any>;
}

/** zod: keeps the namespaces in the input (values are checked by `pilotValuesToStore`). */
export const pilotInputRules = (target: PilotTarget) =>
  Object.fromEntries(pluginsOn(target).map(({ plugin }) => [plugin.name, z.record(z.string(), z.unknown()).nullish()]));

/**
 * The `pilotData` to store after a create (`current` undefined) or update: each plugin's given
 * values checked against its definition, defaults applied on create, other plugins' (and disabled
 * plugins') values kept. Throws one BAD_USER_INPUT naming every field and rule.
 */
export function pilotValuesToStore(
  target: PilotTarget,
  input: JsonObject,
  record: { cityName: string; kind?: string; current?: unknown },
): Prisma.InputJsonObject {
  const creating = record.current === undefined;
  const stored = { ...((record.current ?? {}) as JsonObject) };
  const issues: InputIssue[] = [];
  for (const { plugin, fields } of pluginsOn(target)) {
    const given = input[plugin.name] as JsonObject | null | undefined;
    const at = `input.${plugin.name}`;
    if (!plugin.cities.has(record.cityName)) {
      if (given != null) issues.push({ field: at, rule: 'cityScope', message: `the ${plugin.name} pilot only applies in ${[...plugin.cities].join(', ')}` });
      continue;
    }
    const next: JsonObject = creating ? {} : { ...((stored[plugin.name] ?? {}) as JsonObject) };
    for (const [name, f] of fields) {
      const value = given?.[name];
      const applies = !f.kinds || (record.kind !== undefined && f.kinds.includes(record.kind));
      if (!applies) {
        if (value != null) issues.push({ field: `${at}.${name}`, rule: 'kindMismatch', message: `only applies to ${f.kinds!.join(', ')} activities` });
        continue;
      }
      if (value === undefined) {
        if (!creating) continue;
        if (f.default !== undefined) next[name] = f.default;
        else if (f.required) issues.push({ field: `${at}.${name}`, rule: 'required', message: 'is required in this pilot' });
      } else if (value === null) {
        if (f.required) issues.push({ field: `${at}.${name}`, rule: 'required', message: 'cannot be cleared: it is required in this pilot' });
        else delete next[name];
      } else {
        const parsed = valueSchema(f).safeParse(value);
        if (parsed.success) next[name] = parsed.data;
        else {
          const problem = valueProblem(f, value)!;
          const sub = parsed.error.issues[0]!.path;
          issues.push({ field: [at, name, ...sub].join('.'), ...problem });
        }
      }
    }
    stored[plugin.name] = next;
  }
  if (issues.length) throw badInput(issues);
  return stored as Prisma.InputJsonObject;
}

/**
 * The name of a record's city, which decides the plugins that apply to a write (`city:<id>` or
 * `partnership:<id>`). No query when no enabled plugin has fields on `target` (nor, for activities,
 * activity kinds): then no plugin can apply.
 */
export async function pilotCityName(ctx: Context, target: PilotTarget, key: `city:${string}` | `partnership:${string}`): Promise<string> {
  const relevant =
    pluginsOn(target).length > 0 || (target === 'Activity' && enabledPlugins().some((p) => Object.keys(p.definition.activityKinds ?? {}).length > 0));
  return relevant ? ((await ctx.loaders.cityName.load(key)) ?? '') : '';
}

// --- filters ---

const filterRefs = new Map<string, any>();
const filterable = (fields: [string, PilotField][]) => fields.filter(([, f]) => f.filterable);

function filterInput(plugin: LoadedPlugin, target: PilotTarget, fields: [string, PilotField][]) {
  const name = `${plugin.typePrefix}${target}Filter`;
  let ref = filterRefs.get(name);
  if (!ref) {
    const types = filterable(fields).map(([field, f]) => graphqlType(f, enumName(plugin, target, field)));
    ref = builder.inputType(name, {
      description: `Filter on the ${plugin.name} pilot's fields: all given must hold; a list field matches when it holds the value.`,
      fields: (tf) => Object.fromEntries(filterable(fields).map(([field, f], i) => [field, tf.field({ type: types[i], description: f.description })])),
    });
    filterRefs.set(name, ref);
  }
  return ref;
}

/** The pilot namespaces of a list filter (filterable fields only). */
export function pilotFilterFields(t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>, target: PilotTarget) {
  return Object.fromEntries(
    pluginsOn(target)
      .filter(({ fields }) => filterable(fields).length > 0)
      .map(({ plugin, fields }) => {
        return [plugin.name, t.field({ type: filterInput(plugin, target, fields) })];
      }),
  ) as Record<string, any>;
}

/** zod for the pilot namespaces of a filter: each value checked against its field's rules. */
export function pilotFilterRules(target: PilotTarget) {
  return Object.fromEntries(
    pluginsOn(target)
      .filter(({ fields }) => filterable(fields).length > 0)
      .map(({ plugin, fields }) => [
        plugin.name,
        z.object(Object.fromEntries(filterable(fields).map(([name, f]) => [name, (f.list ? valueSchema({ ...f, list: false }) : valueSchema(f)).nullish()]))).nullish(),
      ]),
  );
}

/** Prisma conditions for the pilot part of a parsed filter (JSON path lookups, backed by pilot indexes). */
export function pilotWhere(target: PilotTarget, filter: JsonObject): { pilotData: Prisma.JsonFilter }[] {
  const conditions: { pilotData: Prisma.JsonFilter }[] = [];
  for (const { plugin, fields } of pluginsOn(target)) {
    const values = filter[plugin.name] as JsonObject | null | undefined;
    if (!values) continue;
    for (const [name, f] of filterable(fields)) {
      const value = values[name];
      if (value === undefined || value === null) continue;
      const path = [plugin.name, name];
      conditions.push({ pilotData: f.list ? { path, array_contains: [value] as Prisma.InputJsonValue } : { path, equals: value as Prisma.InputJsonValue } });
    }
  }
  return conditions;
}

/** Whether a parsed filter uses any pilot field. */
export const usesPilotFilter = (target: PilotTarget, filter: JsonObject) => pilotWhere(target, filter).length > 0;

/**
 * Creates the plugins' input, filter and enum types up front: Pothos needs every type defined before
 * the build, and the core's input thunks only look them up.
 */
export function definePilotInputTypes() {
  for (const target of PILOT_TARGETS) {
    for (const { plugin, fields } of pluginsOn(target)) {
      namespaceInput(plugin, target, fields);
      if (filterable(fields).length) filterInput(plugin, target, fields);
    }
  }
}

/** Table of each target in the database. */
const TABLE: Record<PilotTarget, string> = { Partnership: 'Partnership', School: 'School', Signal: 'Signal', Activity: 'Activity' };

/**
 * An index per filterable field, on the same expression the filter uses (`pilotData #> path`):
 * B-tree for single values, GIN for lists. Created at boot (IF NOT EXISTS), never dropped: a
 * disabled plugin's index stays with its data.
 */
export function pilotIndexes(): { name: string; sql: string }[] {
  return pilotFields('Partnership')
    .concat(pilotFields('School'), pilotFields('Signal'), pilotFields('Activity'))
    .filter((e) => e.field.filterable)
    .map(({ plugin, target, name, field }) => {
      // A short hash of what the index is keeps names unique after PostgreSQL's 63-character cut, and
      // a changed field (a list now: GIN instead of B-tree) gets a new index.
      const hash = createHash('sha256').update(`${target}.${plugin.name}.${name}.${field.list ? 'gin' : 'btree'}`).digest('hex').slice(0, 8);
      const index = `${`pilot_${target}_${plugin.name}_${name}`.slice(0, 54)}_${hash}`;
      const expression = `("pilotData" #> '{${plugin.name},${name}}')`;
      return {
        name: index,
        sql: `CREATE INDEX IF NOT EXISTS "${index}" ON "${TABLE[target]}" ${field.list ? `USING gin (${expression})` : `(${expression})`}`,
      };
    });
}
