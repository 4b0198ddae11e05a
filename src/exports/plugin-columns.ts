/** What a city plugin adds to an export: one column per plugin field, read from the row's `pilotData`. */
export interface PluginColumn {
  /** Column name in the CSV header and key in NDJSON, e.g. `arnhem.schoolYouthWorkerPresent`. */
  header: string;
  /** Path into the row's `pilotData` JSON, starting with the plugin's name, e.g. `['arnhem', 'present']`. */
  jsonPath: string[];
}

export type ExportTarget = 'Activity' | 'Signal';

let provider: (target: ExportTarget) => readonly PluginColumn[] = () => [];

/**
 * The plugin fields exported as extra columns for `target`, after the core columns. None until the
 * plugin registry provides them with `providePluginColumns` (at boot, before the first request).
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
