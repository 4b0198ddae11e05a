/**
 * What a plugin's `schema(api)` receives: the Pothos builder and the helpers the core uses itself.
 *
 * The builder is the core's, behind a proxy that allows only what plugins need (types, and fields on
 * the root types, their own types and core types) with three guarantees:
 * - names: the plugin's types start with its type prefix (`Amsterdam…`), and fields it adds to the
 *   root types or to core types start with its name (`amsterdam…`);
 * - access: every resolver the plugin writes (also in nested field builders) receives a context
 *   whose `prisma` is read-only, applies the viewer's access rules and refuses relations and raw
 *   SQL (scoped-prisma.ts), and whose `pubsub` is refused;
 * - content: on core types its resolvers see only the record's identity, and `select`, `expose*`
 *   and `relation*` are refused, so they cannot read a column past the core's field rules.
 */
import * as policy from '../auth/policy.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { badInput, forbidden, notFound } from '../errors.ts';
import { ActivityRef } from '../schema/activity/object.ts';
import { requireRoleIn } from '../schema/guards.ts';
import { PartnershipRef } from '../schema/partnership.ts';
import { PersonRef } from '../schema/person.ts';
import { SignalRef, YouthRef } from '../schema/signal/object.ts';
import { globalId, parseInput } from '../validation.ts';
import { DEPENDS_ON_PERSON } from '../live/grouped-execution.ts';
import { isContext, pluginContext } from './scoped-prisma.ts';
import { type LoadedPlugin, PluginError } from './registry.ts';

export interface SchemaApi<Events extends string = string> {
  /** The Pothos builder (see above for the naming and access guarantees). */
  builder: typeof builder;
  plugin: { name: string; typePrefix: string; cities: ReadonlySet<string> };
  /** The core's object types, to return from the plugin's fields. */
  refs: { Activity: typeof ActivityRef; Partnership: typeof PartnershipRef; Person: typeof PersonRef; Signal: typeof SignalRef; Youth: typeof YouthRef };
  /** The access rules (where-clauses per model, role lists, actsIn, canReadSignalContent, …). */
  policy: typeof policy;
  /** Loads a partnership the viewer holds one of `roles` in (NOT_FOUND / FORBIDDEN / ended otherwise). */
  requireRoleIn: typeof requireRoleIn;
  errors: { badInput: typeof badInput; forbidden: typeof forbidden; notFound: typeof notFound };
  parseInput: typeof parseInput;
  globalId: typeof globalId;
  /** Whether the plugin applies to a partnership (by its city). */
  appliesToPartnership(ctx: Context, partnershipId: string): Promise<boolean>;
  /**
   * Adds the subscription `<name>` (it must start with the plugin's name) delivering one of the
   * plugin's events to each subscriber who may read its record, optionally for one partnership.
   */
  subscription(name: string, options: { event: Events; description: string }): void;
}

/** Core types: fields a plugin adds to them must start with its name and come with a resolver. */
const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

const typeNameOf = (ref: unknown): string =>
  typeof ref === 'string' ? ref : ((ref as { name?: string })?.name ?? String(ref));

const isFieldBuilder = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && typeof (value as { field?: unknown }).field === 'function' && 'builder' in value;

/** Columns of a core row a plugin's resolver on a core type may see: which record it is, not its content. */
const IDENTITY = ['id', 'partnershipId', 'schoolId', 'cityId', 'kind'] as const;
const identityOf = (row: unknown) =>
  row && typeof row === 'object' ? Object.fromEntries(IDENTITY.filter((k) => k in row).map((k) => [k, (row as Record<string, unknown>)[k]])) : row;

/** Field builder methods that read a parent's columns or relations without a resolver of the plugin. */
const DIRECT = /^(expose|relation|relatedConnection|relationCount|variant)/;

/**
 * A field builder whose fields run the plugin's resolvers with the scoped context (also field
 * builders handed to nested callbacks). On a core type, resolvers see only the parent's identity
 * (`id`, `partnershipId`, …), `select` is refused, and so are `expose*`/`relation*`.
 */
function scopedFieldBuilder(plugin: LoadedPlugin, t: object, onCoreType: boolean, pluginBuilderOf: () => object): object {
  const scopeOptions = (method: string, options: unknown): unknown => {
    if (typeof options !== 'object' || options === null || Array.isArray(options)) return options;
    if (onCoreType && 'select' in options) throw new PluginError(plugin.name, `t.${method}({ select }) on a core type would load data past the access rules`);
    // prismaField and prismaConnection resolvers take (query, parent, …), the others (parent, …).
    const parentAt = method.startsWith('prisma') ? 1 : 0;
    // A field with the plugin's resolver says so (live results of a field about who asks are never shared: src/live/grouped-execution.ts).
    const marked = typeof (options as { resolve?: unknown }).resolve === 'function'
      ? { ...options, extensions: { ...(options as { extensions?: object }).extensions, [DEPENDS_ON_PERSON]: plugin.name } }
      : options;
    return Object.fromEntries(
      Object.entries(marked).map(([key, value]) => [
        key,
        typeof value === 'function' && key !== 'type'
          ? (...params: unknown[]) =>
              (value as (...p: unknown[]) => unknown)(
                ...params.map((p, i) =>
                  isContext(p)
                    ? pluginContext(p)
                    : isFieldBuilder(p)
                      ? scopedFieldBuilder(plugin, p, false, pluginBuilderOf)
                      : onCoreType && key === 'resolve' && i === parentAt
                        ? identityOf(p)
                        : p,
                ),
              )
          : value,
      ]),
    );
  };
  return new Proxy(t, {
    get(target, prop, receiver) {
      if (prop === 'builder') return pluginBuilderOf();
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string' || prop === 'arg') return value;
      if (onCoreType && DIRECT.test(prop)) {
        return () => {
          throw new PluginError(plugin.name, `t.${prop} on a core type would skip the access rules; write a resolver instead`);
        };
      }
      return (...args: unknown[]) => value.apply(target, args.map((arg) => scopeOptions(prop, arg)));
    },
  });
}

/** The builder as a plugin sees it. */
function pluginBuilder(plugin: LoadedPlugin): typeof builder {
  /** Types this plugin defined: only on these may it add fields without its name as prefix. */
  const own = new Set<string>();
  const fieldName = (type: string, name: string) => {
    if (!name.startsWith(plugin.name)) throw new PluginError(plugin.name, `field ${type}.${name} must start with "${plugin.name}"`);
  };
  const typeName = (name: string) => {
    if (!name.startsWith(plugin.typePrefix)) throw new PluginError(plugin.name, `type ${name} must start with "${plugin.typePrefix}"`);
    own.add(name);
  };
  const isCore = (type: string) => ROOTS.has(type) || !own.has(type);
  let proxy: typeof builder;
  const scoped = (type: string, t: object) => scopedFieldBuilder(plugin, t, isCore(type) && !ROOTS.has(type), () => proxy);
  const thunk = (type: string, fn: (t: object) => unknown) => (t: object) => fn(scoped(type, t));
  const thunkOfMany = (type: string, fn: (t: object) => Record<string, unknown>) => (t: object) => {
    const fields = fn(scoped(type, t));
    if (isCore(type)) for (const name of Object.keys(fields)) fieldName(type, name);
    return fields;
  };
  const b = builder as any;
  const one = (method: string, type: (args: unknown[]) => string) => (...args: unknown[]) => {
    const t = type(args);
    const [nameIndex, fnIndex] = ROOTS.has(t) && args.length === 2 ? [0, 1] : [1, 2];
    if (isCore(t)) fieldName(t, args[nameIndex] as string);
    const next = [...args];
    next[fnIndex] = thunk(t, args[fnIndex] as (t: object) => unknown);
    return b[method](...next);
  };
  const many = (method: string, type: (args: unknown[]) => string) => (...args: unknown[]) => {
    const t = type(args);
    const fnIndex = ROOTS.has(t) && args.length === 1 ? 0 : 1;
    const next = [...args];
    next[fnIndex] = thunkOfMany(t, args[fnIndex] as (t: object) => Record<string, unknown>);
    return b[method](...next);
  };
  const root = (name: string) => () => name;
  const first = (args: unknown[]) => typeNameOf(args[0]);
  const withFields = (name: string, options: any) => (options?.fields ? { ...options, fields: thunkOfMany(name, options.fields) } : options);
  const implementing = (ref: any, name: string) => {
    const implement = ref.implement.bind(ref);
    ref.implement = (options: unknown) => implement(withFields(name, options));
    return ref;
  };
  const overrides: Record<string, unknown> = {
    queryField: one('queryField', root('Query')),
    mutationField: one('mutationField', root('Mutation')),
    subscriptionField: one('subscriptionField', root('Subscription')),
    queryFields: many('queryFields', root('Query')),
    mutationFields: many('mutationFields', root('Mutation')),
    subscriptionFields: many('subscriptionFields', root('Subscription')),
    objectField: one('objectField', first),
    objectFields: many('objectFields', first),
    interfaceField: one('interfaceField', first),
    interfaceFields: many('interfaceFields', first),
    prismaObjectField: one('prismaObjectField', first),
    prismaObjectFields: many('prismaObjectFields', first),
    prismaInterfaceField: one('prismaInterfaceField', first),
    prismaInterfaceFields: many('prismaInterfaceFields', first),
    objectType: (name: string, options: unknown) => (typeName(name), b.objectType(name, withFields(name, options))),
    objectRef: (name: string) => (typeName(name), implementing(b.objectRef(name), name)),
    interfaceRef: (name: string) => (typeName(name), implementing(b.interfaceRef(name), name)),
    enumType: (name: unknown, options: unknown) => {
      if (typeof name !== 'string') throw new PluginError(plugin.name, 'enumType takes a name (e.g. `RotterdamLevel`) in a plugin');
      typeName(name);
      return b.enumType(name, options);
    },
    inputType: (name: string, options: unknown) => (typeName(name), b.inputType(name, options)),
    inputRef: (name: string) => (typeName(name), b.inputRef(name)),
    unionType: (name: string, options: unknown) => (typeName(name), b.unionType(name, options)),
  };
  proxy = new Proxy(builder, {
    get: (_target, prop) => {
      if (typeof prop === 'string' && prop in overrides) return overrides[prop];
      throw new PluginError(plugin.name, `builder.${String(prop)} is not available to plugins (use objectRef, enumType, inputType, queryField, mutationField, api.subscription, …)`);
    },
  });
  return proxy;
}

export function createSchemaApi(plugin: LoadedPlugin, subscription: SchemaApi['subscription']): SchemaApi {
  return {
    builder: pluginBuilder(plugin),
    plugin: { name: plugin.name, typePrefix: plugin.typePrefix, cities: plugin.cities },
    refs: { Activity: ActivityRef, Partnership: PartnershipRef, Person: PersonRef, Signal: SignalRef, Youth: YouthRef },
    policy,
    requireRoleIn,
    errors: { badInput, forbidden, notFound },
    parseInput,
    globalId,
    appliesToPartnership: async (ctx, partnershipId) => plugin.cities.has((await ctx.loaders.cityName.load(`partnership:${partnershipId}`)) ?? ''),
    subscription,
  };
}
