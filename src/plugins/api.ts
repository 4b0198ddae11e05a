/**
 * The one module a city plugin imports: `definePlugin`, the field constructors and the types.
 * Everything else a plugin needs reaches it as arguments (`schema(api)`, handlers' `api`).
 */
export {
  type CoreEvent,
  type CoreEventName,
  definePlugin,
  type EventRecord,
  field,
  type HookApi,
  PILOT_TARGETS,
  PLUGIN_API_VERSION,
  type PilotField,
  type PilotTarget,
  type PluginActivityKind,
  type PluginDefinition,
  type PluginEvent,
} from './define.ts';
export type { SchemaApi } from './schema-api.ts';
