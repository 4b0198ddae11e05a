import type { PluginFieldEntry } from '../privacy/data-register.ts';
import { PILOT_TARGETS, type PilotField } from './define.ts';
import type { LoadedPlugin } from './registry.ts';

const typeOf = (f: PilotField) => {
  const scalar = f.type === 'enum' ? `enum (${f.values!.join(', ')})` : f.type;
  return f.list ? `list of ${scalar}` : scalar;
};

/** The plugins' pilot fields and kind fields, for the data register. */
export function pluginFieldEntries(plugins: readonly LoadedPlugin[]): PluginFieldEntry[] {
  return plugins.flatMap((plugin) => [
    ...PILOT_TARGETS.flatMap((model) =>
      Object.entries(plugin.definition.fields?.[model] ?? {}).map(([field, f]) => ({
        plugin: plugin.name,
        cities: [...plugin.cities],
        model,
        field,
        type: typeOf(f),
        description: f.description,
      })),
    ),
    ...Object.entries(plugin.definition.activityKinds ?? {}).flatMap(([kind, def]) =>
      Object.entries(def.fields ?? {}).map(([field, f]) => ({
        plugin: plugin.name,
        cities: [...plugin.cities],
        model: 'Activity' as const,
        field: `${field} (kind ${kind}, in details)`,
        type: typeOf(f),
        description: f.description,
      })),
    ),
  ]);
}
