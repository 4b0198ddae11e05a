import { type DocumentNode, Kind, type SelectionSetNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Viewer } from '../auth/viewer.ts';
import { unauthenticated } from '../errors.ts';

/** Whether an operation only asks for the schema (`__schema`, `__type`, `__typename`). */
export function isIntrospectionOnly(document: DocumentNode, operationName?: string | null): boolean {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return false;
  // Each fragment is judged once (memoised): the walk is linear in the document, however spreads
  // nest — it runs for every request without a token. A cycle (refused by validation) is not meta.
  const judged = new Map<string, boolean>();
  const onlyMeta = (set: SelectionSetNode): boolean =>
    set.selections.every((s) => {
      if (s.kind === Kind.FIELD) return s.name.value.startsWith('__');
      if (s.kind === Kind.INLINE_FRAGMENT) return onlyMeta(s.selectionSet);
      const name = s.name.value;
      if (!judged.has(name)) {
        const fragment = fragments.get(name);
        judged.set(name, false);
        if (fragment) judged.set(name, onlyMeta(fragment.selectionSet));
      }
      return judged.get(name)!;
    });
  return onlyMeta(operation.selectionSet);
}

/**
 * Without a valid bearer token, nothing but the schema: every operation other than introspection
 * ends with UNAUTHENTICATED before any resolver runs (HTTP, SSE and graphql-ws alike).
 */
export function useAuthGuard(): Plugin<{ viewer: Viewer }> {
  const guard = ({ args, setResultAndStopExecution }: {
    args: { contextValue: { viewer: Viewer }; document: DocumentNode; operationName?: string | null };
    setResultAndStopExecution: (result: { errors: ReturnType<typeof unauthenticated>[] }) => void;
  }) => {
    if (args.contextValue.viewer.authenticated) return;
    if (isIntrospectionOnly(args.document, args.operationName)) return;
    setResultAndStopExecution({ errors: [unauthenticated(args.contextValue.viewer.signInProblem)] });
  };
  return { onExecute: guard, onSubscribe: guard as never };
}
