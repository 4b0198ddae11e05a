/**
 * Puts the enabled plugins into the schema: their namespaces on Partnership, School, Signal and
 * Activity, their activity kinds, their event subscriptions and whatever their `schema(api)` adds.
 * Runs after the core's schema modules, before the build (see ../schema.ts).
 */
import { hiddenWhen } from '../auth/need-to-know.ts';
import { canReadSignalContent } from '../auth/policy.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { ActivityRef, activityNode } from '../schema/activity/object.ts';
import { activityKinds } from '../schema/activity/kinds.ts';
import { AFTER_DESCRIPTION, EVENT_RULES, readableEvents } from '../schema/subscriptions.ts';
import { sharedRow } from '../live/access.ts';
import { lowerFirst, pascalCase, PILOT_TARGETS, type PilotField, type PilotTarget } from './define.ts';
import { pluginTopic, type PluginEventPayload } from './events.ts';
import { definePilotInputTypes, enumName, graphqlType, pluginsOn, valueField } from './fields.ts';
import { enabledPlugins, type LoadedPlugin, PluginError } from './registry.ts';
import { createSchemaApi, type SchemaApi } from './schema-api.ts';

// The core's rule for signal content (src/auth/policy.ts): pilot values on a signal are content.
const signalContentHidden = (signal: any, ctx: Context) => !canReadSignalContent(ctx.viewer, signal);

type JsonObject = Record<string, unknown>;

/** An object type holding declared values, read from the parent with `read`. */
function valuesType(name: string, description: string, plugin: LoadedPlugin, scope: string, fields: [string, PilotField][], read: (p: any) => JsonObject | null) {
  const types = fields.map(([field, f]) => graphqlType(f, enumName(plugin, scope, field)));
  return builder.objectRef<JsonObject>(name).implement({
    description,
    fields: (t) => Object.fromEntries(fields.map(([field, f], i) => [field, valueField(t, f, types[i], read)])),
  });
}

/** The city a record of a target belongs to, as a loader key. */
const cityKey: Record<PilotTarget, (record: any) => string> = {
  Partnership: (p) => `city:${p.cityId}`,
  School: (s) => `city:${s.cityId}`,
  Signal: (s) => `partnership:${s.partnershipId}`,
  Activity: (a) => `partnership:${a.partnershipId}`,
};

function defineNamespaces() {
  for (const target of PILOT_TARGETS) {
    for (const { plugin, fields } of pluginsOn(target)) {
      const Values = valuesType(
        `${plugin.typePrefix}${target}Fields`,
        `Values of the ${plugin.name} pilot (${plugin.definition.description}).`,
        plugin,
        target,
        fields,
        (values) => values,
      );
      if (target === 'Signal') hiddenWhen('Signal', plugin.name, signalContentHidden);
      const options = {
        type: Values,
        nullable: true,
        description: `Pilot fields of the ${plugin.name} plugin; null outside its cities (${[...plugin.cities].join(', ')}).`,
        // The record's own values (select mode); its city or partnership is in every type's selection.
        select: { pilotData: true },
        resolve: async (record: any, _args: unknown, ctx: Context, info: any) => {
          if (target === 'Signal') {
            // What a pilot records about a signal is part of its content.
            if (signalContentHidden(record, ctx)) {
              ctx.hidden.hide(info);
              return null;
            }
          }
          const city = await ctx.loaders.cityName.load(cityKey[target](record));
          if (!city || !plugin.cities.has(city)) return null;
          if (target === 'Signal') ctx.audit.read('Signal', record.id, plugin.name);
          return ((record.pilotData ?? {}) as JsonObject)[plugin.name] ?? {};
        },
      };
      if (target === 'Activity') builder.prismaInterfaceField(ActivityRef, plugin.name, (t) => t.field(options as any));
      else builder.prismaObjectField(target, plugin.name, (t) => t.field(options as any));
    }
  }
}

function defineKinds() {
  for (const kind of activityKinds()) {
    if (!kind.plugin) continue;
    const plugin = kind.plugin.loaded;
    const node = activityNode(kind.kind, kind.typeName, kind.description);
    const fields = Object.entries(kind.plugin.fields);
    const scope = kind.typeName.slice(plugin.typePrefix.length);
    const types = fields.map(([field, f]) => graphqlType(f, enumName(plugin, scope, field)));
    builder.prismaObjectFields(node, (t) =>
      Object.fromEntries(fields.map(([field, f], i) => [field, valueField(t, f, types[i], (a) => a.details as JsonObject, { details: true })])),
    );
  }
}

/** `api.subscription` for one plugin: its events, to subscribers who may read the record. */
function subscriptionOf(plugin: LoadedPlugin): SchemaApi['subscription'] {
  return (name, { event, description }) => {
    if (!name.startsWith(plugin.name)) throw new PluginError(plugin.name, `subscription ${name} must start with "${plugin.name}"`);
    const def = plugin.definition.events?.[event];
    if (!def) throw new PluginError(plugin.name, `subscription ${name}: unknown event "${event}"`);
    const recordField = lowerFirst(def.record);
    const data = Object.entries(def.data ?? {});
    const scope = `${pascalCase(event)}Event`;
    const types = data.map(([field, f]) => graphqlType(f, enumName(plugin, scope, field)));
    const model = recordField as 'signal' | 'activity' | 'partnership';
    const Event = builder.objectRef<PluginEventPayload>(`${plugin.typePrefix}${scope}`).implement({
      description: def.description,
      fields: (t) => ({
        [recordField]: t.prismaField({
          type: def.record,
          description: `The ${recordField}, as your role may read it.`,
          resolve: (query: any, e: PluginEventPayload, _args: unknown, ctx: Context) =>
            sharedRow(ctx, e, def.record, query, () => (ctx.prisma[model] as any).findUniqueOrThrow({ ...query, where: { id: e.id } })),
        } as any),
        ...Object.fromEntries(data.map(([field, f], i) => [field, valueField(t, f, types[i], (e: PluginEventPayload) => e.data ?? null)])),
      }),
    });
    builder.subscriptionField(name, (t) =>
      t.field({
        type: Event,
        description: `${def.description} Only events about records you may read (in one partnership, if given).`,
        args: { partnershipId: t.arg.id(), after: t.arg.string({ description: AFTER_DESCRIPTION }) },
        subscribe: (_root, args, ctx) => readableEvents(ctx, pluginTopic(plugin.name, event), args, def.record, EVENT_RULES[def.record]),
        resolve: (e: PluginEventPayload) => e,
      }),
    );
  };
}

/** Adds everything of the enabled plugins to the builder. Errors name the plugin. */
export function definePluginSchema() {
  definePilotInputTypes();
  defineNamespaces();
  defineKinds();
  for (const plugin of enabledPlugins()) {
    try {
      plugin.definition.schema?.(createSchemaApi(plugin, subscriptionOf(plugin)) as SchemaApi<never>);
    } catch (error) {
      if (error instanceof PluginError) throw error;
      throw new PluginError(plugin.name, `schema(api) failed: ${(error as Error).message}`);
    }
  }
}

