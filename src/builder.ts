import SchemaBuilder, { type ArgBuilder, PothosValidationError } from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay';
import { type GraphQLSchema, isObjectType } from 'graphql';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import type { Context } from './context.ts';
import AuditedListsPlugin from './privacy/audited-lists.ts';
import { appError, ErrorCode } from './errors.ts';
import type PrismaTypes from './generated/pothos-prisma-types.ts';
import { getDatamodel } from './generated/pothos-prisma-types.ts';

/** The most an operation may ask for, measured on its shape before it runs. */
export const QUERY_LIMITS = { complexity: 20_000, depth: 15, breadth: 500 } as const;
/** The page of every connection: `first`/`last` default to 20 and may be at most 100. */
export const PAGE_SIZE = { default: 20, max: 100 } as const;

/** How many nodes a connection can return for its `first`/`last`: the multiplier of its selection. */
export const pageSizeOf = (args: { first?: number | null; last?: number | null }) =>
  Math.min(Math.max(args.first ?? args.last ?? PAGE_SIZE.default, 0), PAGE_SIZE.max);

/** The most IDs `nodes` looks up at once. */
export const MAX_NODES = 100;

type ParsedId = { id: string; typename: string } | null | undefined;
const interfaceNodeTypes = new Map<string, (ids: string[], ctx: Context) => Promise<Map<string, string>>>();

/**
 * Lets `node`/`nodes` resolve global IDs written with an interface's name (`Activity:<uuid>`):
 * `typesOf` tells the object type of each ID the viewer may see (others stay null).
 */
export function resolveInterfaceIds(name: string, typesOf: (ids: string[], ctx: Context) => Promise<Map<string, string>>) {
  interfaceNodeTypes.set(name, typesOf);
}

/** Each ID's object type, in place: an interface's ID becomes its object type's, an ID of no node type null. */
async function toNodeTypes(ids: ParsedId[], ctx: Context, schema: GraphQLSchema): Promise<ParsedId[]> {
  const byInterface = new Map<string, string[]>();
  for (const parsed of ids) {
    if (!parsed || isNodeObject(schema, parsed.typename)) continue;
    const list = byInterface.get(parsed.typename) ?? [];
    list.push(parsed.id);
    byInterface.set(parsed.typename, list);
  }
  const found = new Map<string, Map<string, string>>();
  for (const [name, list] of byInterface) {
    const typesOf = interfaceNodeTypes.get(name);
    if (typesOf) found.set(name, await typesOf(list, ctx));
  }
  return ids.map((parsed) => {
    if (!parsed || isNodeObject(schema, parsed.typename)) return parsed;
    const typename = found.get(parsed.typename)?.get(parsed.id);
    return typename ? { id: parsed.id, typename } : null;
  });
}

function isNodeObject(schema: GraphQLSchema, typename: string) {
  const type = Object.hasOwn(schema.getTypeMap(), typename) ? schema.getType(typename) : undefined;
  return isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node');
}

/** The Pothos type parameters of the builder (context, Prisma types, scalars). */
export interface BuilderTypes {
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
    ID: { Input: string; Output: string };
  };
  Connection: { totalCount?: number | (() => number | Promise<number>) };
}

/** The one Pothos builder. It defines no types itself: schema modules under `schema/` do. */
export const builder = new SchemaBuilder<BuilderTypes>({
  // Audited lists first: it wraps every other plugin's resolving, so it sees what a list returned.
  plugins: [AuditedListsPlugin, ComplexityPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  prisma: {
    // Each request brings its own client (PGlite or PostgreSQL, chosen at boot).
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    defaultConnectionSize: PAGE_SIZE.default,
    maxConnectionSize: PAGE_SIZE.max,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  // Refuse, before anything runs, operations whose shape would make the server do far more work than
  // any screen needs (deeply nested lists of lists). Lists count ten times their selection.
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: { complexity: QUERY_LIMITS.complexity, depth: QUERY_LIMITS.depth, breadth: QUERY_LIMITS.breadth },
    complexityError: (kind, result) => {
      const measure = kind.toLowerCase() as keyof typeof QUERY_LIMITS;
      return appError(
        ErrorCode.QUERY_TOO_COMPLEX,
        `The operation's ${measure} is ${result[measure]}; the limit is ${QUERY_LIMITS[measure]}.`,
        { measure, value: result[measure], limit: QUERY_LIMITS[measure] },
      );
    },
  },
  relay: {
    // A connection costs its page size times its selection (edges count once): `first: 1` is cheap,
    // `first: 100` a hundred times that.
    defaultConnectionFieldOptions: { complexity: (args) => ({ field: 1, multiplier: pageSizeOf(args) }) },
    edgesFieldOptions: { complexity: { field: 1, multiplier: 1 } },
    clientMutationId: 'omit',
    cursorType: 'String',
    // A global ID names an object type of this schema (not `__proto__`, not an interface other than
    // those whose IDs stand for their objects', see resolveInterfaceIds), or it is bad input rather
    // than an internal error further down.
    decodeGlobalID: (globalID) => {
      const decoded = decodeGlobalID(globalID);
      const store = builder.configStore;
      const known = store.hasImplementation(decoded.typename);
      const object = known && store.getTypeConfig(decoded.typename).graphqlKind === 'Object';
      if (!object && !(known && interfaceNodeTypes.has(decoded.typename))) {
        throw new PothosValidationError('Invalid global ID: it does not name an object type.');
      }
      return decoded;
    },
    // `nodes` beside `edges`, for clients that need no cursor per item.
    nodesOnConnection: { description: 'The items of this page, in order (the nodes of `edges`).' },
    firstArgOptions: {
      description: `The first items after \`after\` (or from the start): at most ${PAGE_SIZE.max}, ${PAGE_SIZE.default} when neither \`first\` nor \`last\` is given; more is BAD_USER_INPUT.`,
    },
    lastArgOptions: {
      description: `The last items before \`before\` (or up to the end): at most ${PAGE_SIZE.max}; more is BAD_USER_INPUT.`,
    },
    afterArgOptions: { description: "A cursor (`endCursor`/an edge's `cursor`) from this same list: the page starts after it." },
    beforeArgOptions: { description: "A cursor (`startCursor`/an edge's `cursor`) from this same list: the page ends before it." },
    nodeQueryOptions: {
      description:
        'Fetches any object by its global ID, if you may read it. An activity may also be fetched by `Activity:<uuid>`, as exports write it.',
      resolve: async (_root, args, ctx, info, resolveNode) => {
        // Pothos resolves `args.id` whatever the callback is given: the object type goes there.
        const mutable = args as { id: ParsedId };
        [mutable.id] = await toNodeTypes([mutable.id], ctx, info.schema);
        return mutable.id ? resolveNode(mutable.id as never) : null;
      },
    },
    nodesQueryOptions: {
      resolve: async (_root, args, ctx, info, resolveNodes) => {
        const ids = await toNodeTypes(args.ids as ParsedId[], ctx, info.schema);
        ids.forEach((id, i) => ((args.ids as unknown[])[i] = id));
        return resolveNodes(ids as never);
      },
      description: `Fetches objects by their global IDs (at most ${MAX_NODES}); unreadable ones are null.`,
      // Each ID is a lookup: more than MAX_NODES costs more than any operation may.
      complexity: (args: { ids: readonly unknown[] }) =>
        args.ids.length > MAX_NODES ? QUERY_LIMITS.complexity + 1 : { field: 1, multiplier: args.ids.length },
    },
  },
});

builder.addScalarType('DateTime', DateTimeResolver, {
  description: 'An instant in time, ISO 8601 with time zone (e.g. 2026-11-30T09:15:00Z).',
});
builder.addScalarType('Date', DateResolver, { description: 'A calendar date, YYYY-MM-DD.' });

builder.queryType({ description: 'Reads. Every list is a Relay connection, filtered to what you may see.' });
builder.mutationType({ description: 'Writes. Each takes one `input` and returns a payload.' });
builder.subscriptionType({
  description: 'Live updates over graphql-ws or SSE, published after the write commits.',
});

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'Number of items matching the filter, across all pages.',
    resolve: (parent) =>
      (typeof parent.totalCount === 'function' ? parent.totalCount() : parent.totalCount) ?? 0,
  }),
);

/** The types as Pothos expands them, for helpers that take a field or argument builder. */
export type Types = PothosSchemaTypes.ExtendDefaultTypes<BuilderTypes>;
/** What `t.arg` is inside a field definition, for shared argument helpers. */
export type Args = { arg: ArgBuilder<Types> };
