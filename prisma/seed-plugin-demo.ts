/**
 * The demo values of the enabled city plugins (`demo` on a pilot field, see src/plugins/define.ts),
 * put into the demo rows before they are written: the records of each plugin's cities get the
 * field's demo values in turn (the first record the first value, and so on, round again), counted
 * per field over the records it applies to (Activity fields with `kinds`: activities of those kinds
 * only). Deterministic, like the rest of the seed; no statement of its own, so no extra live events.
 */
import type { PilotField, PilotTarget } from '../src/plugins/define.ts';
import type { DemoData } from './seed.ts';

/** What the seed needs of an enabled plugin: its name, cities and field definitions. */
export interface DemoPlugin {
  name: string;
  definition: { cities: readonly string[]; fields?: Partial<Record<PilotTarget, Record<string, PilotField>>> };
}

type Row = { pilotData?: unknown; kind?: string };

/** Adds the plugins' demo values to `data` in place; returns how many rows got values, per `plugin.Target`. */
export function applyPluginDemoValues(data: DemoData, plugins: readonly DemoPlugin[]): Record<string, number> {
  const partnershipCity = new Map(data.partnerships.map((p) => [p.id!, p.cityId]));
  const rowsOf: Record<PilotTarget, { rows: Row[]; cityOf: (row: any) => string | undefined }> = {
    School: { rows: data.schools, cityOf: (r) => r.cityId },
    Partnership: { rows: data.partnerships, cityOf: (r) => r.cityId },
    Signal: { rows: data.signals, cityOf: (r) => partnershipCity.get(r.partnershipId) },
    Activity: { rows: data.activities, cityOf: (r) => partnershipCity.get(r.partnershipId) },
  };
  const counts: Record<string, number> = {};
  for (const plugin of plugins) {
    const cities = new Set(data.cities.filter((c) => plugin.definition.cities.includes(c.name)).map((c) => c.id!));
    for (const [target, fields] of Object.entries(plugin.definition.fields ?? {}) as [PilotTarget, Record<string, PilotField>][]) {
      const demoFields = Object.entries(fields).filter(([, f]) => f.demo?.length);
      if (demoFields.length === 0) continue;
      const { rows, cityOf } = rowsOf[target];
      // insertRows writes only the columns the rows have: every row keeps a pilotData (default {}).
      for (const row of rows) row.pilotData ??= {};
      const touched = new Set<Row>();
      for (const [name, f] of demoFields) {
        let n = 0;
        for (const row of rows) {
          if (!cities.has(cityOf(row)!)) continue;
          if (f.kinds && !f.kinds.includes(row.kind!)) continue;
          const all = row.pilotData as Record<string, Record<string, unknown> | undefined>;
          const own = (all[plugin.name] ??= {});
          own[name] ??= f.demo![n++ % f.demo!.length];
          touched.add(row);
        }
      }
      counts[`${plugin.name}.${target}`] = touched.size;
    }
  }
  return counts;
}
