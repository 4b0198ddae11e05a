import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.ts';
import './schema/index.ts';

/** The executable schema, built once. */
export const schema = builder.toSchema();

/** The SDL committed as `schema.graphql` (sorted, so diffs stay readable). */
export const printedSchema = () => `${printSchema(lexicographicSortSchema(schema))}\n`;
