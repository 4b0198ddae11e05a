import {
  type DocumentNode,
  type FieldNode,
  getArgumentValues,
  getNamedType,
  getOperationAST,
  type GraphQLField,
  type GraphQLSchema,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { PAGE_SIZE } from '../builder.ts';
import { badInput, type InputIssue } from '../errors.ts';

/**
 * The page size of every connection, checked before anything runs: `first`/`last` outside
 * 0…PAGE_SIZE.max is BAD_USER_INPUT naming the argument (not a page silently cut to the maximum).
 * Literals and variables alike; one error for all breaches of the operation.
 */
/** A connection field of an operation that takes `first`/`last`: where its page size is read from. */
interface PagedField { field: GraphQLField<unknown, unknown>; node: FieldNode }

/**
 * The connection fields with `first`/`last` of the operation that runs, found by walking the
 * document once per (schema, document, operation): yoga hands the same parsed document to every
 * request with the same text, so a request only reads the arguments of the fields found.
 */
const pagedFields = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, PagedField[]>>>();

function pagedFieldsOf(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): PagedField[] {
  let bySchema = pagedFields.get(schema);
  if (!bySchema) pagedFields.set(schema, (bySchema = new WeakMap()));
  let byOperation = bySchema.get(document);
  if (!byOperation) bySchema.set(document, (byOperation = new Map()));
  const key = operationName ?? '';
  let found = byOperation.get(key);
  if (found) return found;
  found = [];
  const typeInfo = new TypeInfo(schema);
  const executed = getOperationAST(document, operationName);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      // Only the operation that runs (another one in the same document may ask for anything).
      [Kind.OPERATION_DEFINITION]: (node) => (node === executed ? undefined : false),
      [Kind.FIELD](node) {
        const field = typeInfo.getFieldDef();
        if (!field || !getNamedType(field.type).name.endsWith('Connection')) return;
        if (!field.args.some((a) => a.name === 'first' || a.name === 'last')) return;
        found!.push({ field, node });
      },
    }),
  );
  if (byOperation.size < 16) byOperation.set(key, found); // a document's operations, not every name a client sends
  return found;
}

export function pageSizeIssues(
  schema: GraphQLSchema,
  document: DocumentNode,
  variableValues: Record<string, unknown> | null | undefined,
  operationName?: string | null,
): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const { field, node } of pagedFieldsOf(schema, document, operationName)) {
    let values: Record<string, unknown>;
    try {
      values = getArgumentValues(field, node, variableValues ?? {});
    } catch {
      continue; // a bad variable is the executor's error to report
    }
    for (const name of ['first', 'last'] as const) {
      const value = values[name];
      if (typeof value !== 'number') continue;
      if (value < 0 || value > PAGE_SIZE.max) {
        issues.push({
          field: name,
          rule: value < 0 ? 'min' : 'max',
          message: `must be between 0 and ${PAGE_SIZE.max} (a page; without it, ${PAGE_SIZE.default}), got ${value} on ${node.alias?.value ?? node.name.value}`,
        });
      }
    }
  }
  return issues;
}

export function usePageLimits(): Plugin {
  const check = ({ args, setResultAndStopExecution }: {
    args: { schema: GraphQLSchema; document: DocumentNode; variableValues?: Record<string, unknown> | null; operationName?: string | null };
    setResultAndStopExecution: (result: { errors: ReturnType<typeof badInput>[] }) => void;
  }) => {
    const issues = pageSizeIssues(args.schema, args.document, args.variableValues, args.operationName);
    if (issues.length) setResultAndStopExecution({ errors: [badInput(issues)] });
  };
  return { onExecute: check, onSubscribe: check as never };
}
