import { z } from 'zod';
import { lowerFirst } from '../../plugins/define.ts';
import { enabledPlugins } from '../../plugins/registry.ts';
import { valueSchema } from '../../plugins/values.ts';
import { type ActivityKindDefinition, CORE_ACTIVITY_KINDS } from './core-kinds.ts';

export { type ActivityKindDefinition, CORE_ACTIVITY_KINDS } from './core-kinds.ts';


/** The kinds the enabled plugins add, in the shape of the core's. */
function pluginKinds(): ActivityKindDefinition[] {
  return enabledPlugins().flatMap((plugin) =>
    Object.entries(plugin.definition.activityKinds ?? {}).map(([kind, def]) => {
      const fields = def.fields ?? {};
      const shape = Object.fromEntries(
        Object.entries(fields).map(([name, f]) => [name, valueSchema(f).nullish()]),
      );
      const requiredFields = Object.entries(fields).filter(([, f]) => f.required && f.default === undefined).map(([name]) => name);
      return {
        kind,
        typeName: def.typeName,
        description: `${def.description} (city plugin ${plugin.name})`,
        inputField: lowerFirst(def.typeName),
        details: z
          .object(shape)
          .superRefine((v, ctx) => {
            for (const name of requiredFields) {
              if (v[name] == null) ctx.addIssue({ code: 'custom', path: [name], message: 'is required', params: { rule: 'required' } });
            }
          })
          .transform((v) => withDefaults(v, fields)),
        plugin: { loaded: plugin, fields },
      };
    }),
  );
}

const withDefaults = (v: Record<string, unknown>, fields: Record<string, { default?: unknown }>) =>
  Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, v[name] ?? f.default ?? null]));

let all: readonly ActivityKindDefinition[] | undefined;

/** Every activity kind: the core's, then the enabled plugins'. Fixed once the schema is built. */
export function activityKinds(): readonly ActivityKindDefinition[] {
  all ??= [...CORE_ACTIVITY_KINDS, ...pluginKinds()];
  return all;
}
export const activityTypeNames = () => activityKinds().map((k) => k.typeName);
export const kindByName = (kind: string) => activityKinds().find((k) => k.kind === kind);

let shown: { kind: { in: string[] } } | undefined;

/**
 * The activities this server shows: those of a kind it has a type for. An activity of another kind
 * (rows of a city plugin's kind after the plugin is disabled) stays stored but is hidden from every
 * list, count, node lookup, write and live event, as if absent, until the plugin is enabled again.
 */
export function shownKinds(): { kind: { in: string[] } } {
  shown ??= { kind: { in: activityKinds().map((k) => k.kind) } };
  return shown;
}
export const isShownKind = (kind: string) => shownKinds().kind.in.includes(kind);
