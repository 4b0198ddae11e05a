import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.ts';
import { enabledPlugins, installPlugins, type LoadedPlugin, PluginError } from './plugins/registry.ts';

let built: GraphQLSchema | undefined;

/**
 * The executable schema: the core's modules, then the enabled plugins. Built once per process; the
 * plugins are installed first, because the core's lists of activity kinds, inputs and filters
 * include theirs. A problem with a plugin is a PluginError naming it.
 */
export async function buildSchema(plugins: readonly LoadedPlugin[]): Promise<GraphQLSchema> {
  installPlugins(plugins);
  if (built) return built;
  await import('./schema/index.ts');
  const { definePluginSchema } = await import('./plugins/schema.ts');
  try {
    definePluginSchema();
    built = builder.toSchema();
  } catch (error) {
    throw blamePlugin(error);
  }
  return built;
}

/** Pothos reports clashes by name (`Duplicate field amsterdam on Signal`): name the plugin they belong to. */
function blamePlugin(error: unknown) {
  if (error instanceof PluginError || !(error instanceof Error)) return error;
  const culprit = enabledPlugins().find((p) => new RegExp(`\\b(${p.name}\\w*|${p.typePrefix}\\w*|${p.kindPrefix}\\w*)\\b`).test(error.message));
  return culprit ? new PluginError(culprit.name, error.message) : error;
}

/** The SDL as committed in `schema.graphql` (sorted, so diffs stay readable). */
export const printSchemaOf = (schema: GraphQLSchema) => `${printSchema(lexicographicSortSchema(schema))}\n`;
