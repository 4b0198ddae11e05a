import SchemaBuilder, { type ArgBuilder } from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import type { Context } from './context.ts';
import AuditedListsPlugin from './privacy/audited-lists.ts';
import { appError, ErrorCode } from './errors.ts';
import type PrismaTypes from './generated/pothos-prisma-types.ts';
import { getDatamodel } from './generated/pothos-prisma-types.ts';

/** The most an operation may ask for, measured on its shape before it runs. */
export const QUERY_LIMITS = { complexity: 20_000, depth: 15, breadth: 500 } as const;
/** The most IDs `nodes` looks up at once. */
export const MAX_NODES = 100;

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
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: { description: 'Fetches any object by its global ID, if you may read it.' },
    nodesQueryOptions: {
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
