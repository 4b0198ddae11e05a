/**
 * Every list of signals audits what it reads about the signals it returns, on every path (the
 * top-level list, nested lists, plugin fields): one code path, so a new list cannot forget it.
 *
 * A field that returns signals (a list of them or a connection of them) declares, in its
 * `extensions.listedSignalContent`, which content fields its filter, order or relation read about
 * each signal it returns (`[]` when none: the list reads metadata only). After it resolves, each
 * returned signal gets a READ of those fields (written with the operation's other reads). The schema
 * refuses to build when a field returning signals does not declare it.
 */
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import {
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type SelectionNode,
} from 'graphql';
import type { Prisma } from '../generated/prisma/client.ts';
import type { AuditTrail } from '../audit.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Context } from '../context.ts';

/**
 * Which content fields a list of signals reads about each signal it returns, given the field's args
 * and the viewer (not the context: a plugin's function must not get the unscoped database).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ListedSignalContent = (args: any, viewer: Viewer) => readonly string[];

/**
 * The signals a connection counts (`totalCount`) or looks past (`pageInfo`), when its filter or
 * order reads content: each of them is then audited like a returned row (a count under a content
 * filter tells that content about every signal it counts).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CountedSignals = (parent: any, args: any, viewer: Viewer) => Prisma.SignalWhereInput;

/** Whether the field's selection (fragments included) asks for `totalCount` or `pageInfo`. */
function asksBeyondRows(info: GraphQLResolveInfo): boolean {
  const visit = (selections: readonly SelectionNode[]): boolean =>
    selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === 'totalCount' || selection.name.value === 'pageInfo';
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet.selections);
      const fragment = info.fragments[selection.name.value];
      return fragment ? visit(fragment.selectionSet.selections) : false;
    });
  return info.fieldNodes.some((node) => node.selectionSet && visit(node.selectionSet.selections));
}

/** The signals a list or connection result holds. */
function listedIds(result: unknown): string[] {
  const rows = Array.isArray(result)
    ? result
    : result && typeof result === 'object' && Array.isArray((result as { edges?: unknown }).edges)
      ? (result as { edges: ({ node?: unknown } | null)[] }).edges.map((e) => e?.node)
      : [];
  return rows.flatMap((row) => (row && typeof (row as { id?: unknown }).id === 'string' ? [(row as { id: string }).id] : []));
}

/** Whether a field's type is a list of signals or a connection (`edges { node }`) of signals. */
function returnsSignals(type: GraphQLOutputType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return getNamedType(inner).name === 'Signal';
  if (!isObjectType(inner)) return false;
  const edges = inner.getFields().edges;
  const node = edges && getNamedType(edges.type);
  return !!node && isObjectType(node) && getNamedType(node.getFields().node?.type ?? node).name === 'Signal';
}

export class AuditedListsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(resolver: GraphQLFieldResolver<unknown, Types['Context'], object>, fieldConfig: PothosOutputFieldConfig<Types>) {
    const content = fieldConfig.extensions?.listedSignalContent as ListedSignalContent | undefined;
    const counted = fieldConfig.extensions?.countedSignals as CountedSignals | undefined;
    if (!content) return resolver;
    return (parent: unknown, args: object, ctx: Types['Context'], info: Parameters<typeof resolver>[3]) => {
      const { viewer, audit: trail, prisma } = ctx as Context;
      const audit = async (result: unknown) => {
        const fields = content(args, viewer);
        if (fields.length > 0) {
          const ids = new Set(listedIds(result));
          if (counted && asksBeyondRows(info)) {
            for (const row of await prisma.signal.findMany({ where: counted(parent, args, viewer), select: { id: true } })) ids.add(row.id);
          }
          for (const id of ids) for (const field of fields) (trail as AuditTrail).read('Signal', id, field);
        }
        return result;
      };
      const result = resolver(parent, args, ctx, info);
      return Promise.resolve(result).then(audit);
    };
  }

  override afterBuild(schema: GraphQLSchema) {
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      // A connection's `nodes` are its `edges`' nodes: the field returning the connection audits them.
      const connection = 'edges' in type.getFields() && 'pageInfo' in type.getFields();
      for (const field of Object.values(type.getFields())) {
        if (connection && field.name === 'nodes') continue;
        if (returnsSignals(field.type) && typeof field.extensions?.listedSignalContent !== 'function') {
          throw new Error(`${type.name}.${field.name} returns signals but does not say what it reads about them (extensions.listedSignalContent)`);
        }
      }
    }
    return schema;
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      auditedLists: AuditedListsPlugin<Types>;
    }
  }
}

// Once per process: tests that load the app's modules afresh keep @pothos/core (and its plugins) loaded.
if (!(SchemaBuilder as unknown as { plugins: Record<string, unknown> }).plugins.auditedLists) SchemaBuilder.registerPlugin('auditedLists', AuditedListsPlugin);

/** The plugin's name, for the builder's `plugins` list. */
export default 'auditedLists' as const;
