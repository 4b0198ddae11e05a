import { groupableFields } from '../plugins/registry.ts';
import { valueProblem } from '../plugins/values.ts';

/** What a city plugin adds to an export: one column per plugin field, read from the row's `pilotData`. */
export interface PluginColumn {
  /** Column name in the CSV header and key in NDJSON, e.g. `arnhem.schoolYouthWorkerPresent`. */
  header: string;
  /** Path into the row's `pilotData` JSON, starting with the plugin's name, e.g. `['arnhem', 'present']`. */
  jsonPath: string[];
  /** Whether a stored value meets the field's current definition (one that does not is exported empty). */
  valid?: (value: unknown) => boolean;
}

export type ExportTarget = 'Activity' | 'Signal';

/** Types whose values cannot carry free text: a plugin's groupable fields of these types are exported. */
const EXPORTABLE = new Set(['enum', 'boolean', 'int', 'float', 'date']);

/** The enabled plugins' groupable fields of `target` (not free text), as columns `<plugin>.<field>`. */
export const defaultPluginColumns = (target: ExportTarget): PluginColumn[] =>
  groupableFields(target)
    .filter((e) => EXPORTABLE.has(e.field.type))
    .map((e) => ({ header: `${e.plugin.name}.${e.name}`, jsonPath: [e.plugin.name, e.name], valid: (value) => valueProblem(e.field, value) === null }));

let provider: (target: ExportTarget) => readonly PluginColumn[] = defaultPluginColumns;

/**
 * The plugin fields exported as extra columns for `target`, after the core columns: the enabled
 * plugins' groupable fields, except free-text strings (or what `providePluginColumns` set).
 */
export function pluginColumns(target: ExportTarget): readonly PluginColumn[] {
  return provider(target);
}

/** Hook for the plugin registry: which plugin fields each export adds (only fields safe to export). */
export function providePluginColumns(fn: (target: ExportTarget) => readonly PluginColumn[]) {
  provider = fn;
}

/** The value at `path` in a `pilotData` object, or null. */
export function pluck(pilotData: unknown, path: readonly string[]): unknown {
  let value = pilotData;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
    value = (value as Record<string, unknown>)[key];
  }
  return value ?? null;
}
