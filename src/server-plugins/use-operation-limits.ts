import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import {
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  validate,
  type ValidationRule,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode } from '../errors.ts';

/** The shape limits every document meets before it is validated or run (see README, "Limits"). */
export interface OperationLimits {
  /** Lexical tokens in the document; bounds parsing itself (and its recursion). */
  maxTokens: number;
  /** Nesting of selections, fragments flattened, introspection included. */
  maxDepth: number;
  /** Aliased fields (`__typename` aliases are free). */
  maxAliases: number;
  /** Directives, fragments expanded. */
  maxDirectives: number;
  /** Fragment definitions in the document. */
  maxFragments: number;
  /** Selections after expanding every fragment spread where it is used: stops fragment bombs. */
  maxSelections: number;
  /** Validation errors reported before validation stops. */
  maxErrors: number;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxTokens: 2_000,
  maxDepth: 15,
  maxAliases: 30,
  maxDirectives: 50,
  maxFragments: 50,
  maxSelections: 2_000,
  maxErrors: 10,
};

export type LimitMeasure = 'tokens' | 'depth' | 'aliases' | 'directives' | 'fragments' | 'selections';

/** The one coded error of a document over a limit (400 over HTTP). */
export function limitError(measure: LimitMeasure, limit: number, found?: number) {
  return new GraphQLError(
    `The operation's ${measure} ${found === undefined ? 'exceed' : `are ${found}; that exceeds`} the limit of ${limit}.`,
    { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, measure, limit, ...(found === undefined ? {} : { value: found }), http: { status: 400 } } },
  );
}

const isLimitError = (error: unknown): error is GraphQLError =>
  error instanceof GraphQLError && error.extensions?.code === ErrorCode.QUERY_TOO_COMPLEX && 'measure' in error.extensions;

/**
 * Selections an operation would have with every fragment spread replaced by its fragment, counted
 * once per fragment (memoised), so the count is linear in the document however spreads nest. Cycles
 * count as nothing here: `NoFragmentCyclesRule` refuses them.
 */
export function expandedSelections(document: DocumentNode, cap: number): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();
  const count = (set: SelectionSetNode | undefined): number => {
    if (!set) return 0;
    let total = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) total += 1 + count(s.selectionSet);
      else if (s.kind === Kind.INLINE_FRAGMENT) total += count(s.selectionSet);
      else {
        const name = s.name.value;
        let n = memo.get(name);
        if (n === undefined) {
          const fragment = fragments.get(name);
          if (!fragment || inProgress.has(name)) n = 0;
          else {
            inProgress.add(name);
            n = count(fragment.selectionSet);
            inProgress.delete(name);
            memo.set(name, n);
          }
        }
        total += n;
      }
      if (total > cap) return total; // no need to count further, and no overflow to Infinity
    }
    return total;
  };
  let most = 0;
  for (const d of document.definitions as readonly DefinitionNode[]) {
    if (d.kind === Kind.OPERATION_DEFINITION) most = Math.max(most, count(d.selectionSet));
  }
  return most;
}

/** Parses with a token limit; a document the recursive parser cannot take is refused, not a crash. */
export function limitedParse(limits: Pick<OperationLimits, 'maxTokens' | 'maxDepth'>) {
  return (source: Parameters<typeof import('graphql').parse>[0], options?: Parameters<typeof import('graphql').parse>[1]) => {
    const tooMany = () => {
      throw limitError('tokens', limits.maxTokens);
    };
    try {
      const parser = new MaxTokensParserWLexer(source as never, {
        ...options,
        n: limits.maxTokens,
        onReject: [tooMany],
        propagateOnRejection: true,
      } as never);
      return parser.parseDocument();
    } catch (error) {
      // Nesting deep enough to exhaust the stack within the token budget.
      if (error instanceof RangeError) throw limitError('depth', limits.maxDepth);
      throw error;
    }
  };
}

/**
 * Limits on the shape of every operation (HTTP, SSE and graphql-ws), checked before anything that
 * grows with that shape: the token count while parsing; depth, aliases, directives, fragments and the
 * expanded size (GraphQL Armor's rules and a memoised count) in one pass before the standard
 * validation rules run, with or without a token. A breach is one QUERY_TOO_COMPLEX error naming the
 * measure and the limit. Validation itself stops after `maxErrors` errors.
 */
export function useOperationLimits(limits: OperationLimits = DEFAULT_OPERATION_LIMITS): Plugin {
  const parse = limitedParse(limits);
  const reject = (measure: LimitMeasure, limit: number) => (_ctx: unknown, details: unknown) => {
    const found = /found (\d+)/.exec(details instanceof Error ? details.message : '')?.[1];
    throw limitError(measure, limit, found === undefined ? undefined : Number(found));
  };
  const shapeRules: ValidationRule[] = [
    (context) => {
      const document = context.getDocument();
      const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).length;
      if (fragments > limits.maxFragments) throw limitError('fragments', limits.maxFragments, fragments);
      const selections = expandedSelections(document, limits.maxSelections);
      if (selections > limits.maxSelections) throw limitError('selections', limits.maxSelections);
      return {};
    },
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: false, flattenFragments: true, onReject: [reject('depth', limits.maxDepth)] }),
    maxAliasesRule({ n: limits.maxAliases, onReject: [reject('aliases', limits.maxAliases)] }),
    maxDirectivesRule({ n: limits.maxDirectives, onReject: [reject('directives', limits.maxDirectives)] }),
  ] as ValidationRule[];

  return {
    onParse: ({ setParseFn }) => {
      setParseFn(parse as never);
    },
    // The complexity check runs in each root field: N root fields over the limit are one breach.
    onExecute: () => ({
      onExecuteDone: ({ result, setResult }) => {
        if (Symbol.asyncIterator in result || !result.errors || result.errors.length < 2) return;
        let seen = false;
        const errors = result.errors.filter((e) => {
          if (e.extensions?.code !== ErrorCode.QUERY_TOO_COMPLEX) return true;
          const first = !seen;
          seen = true;
          return first;
        });
        if (errors.length < result.errors.length) setResult({ ...result, errors });
      },
    }),
    onValidate: ({ validateFn, setValidationFn }) => {
      setValidationFn((schema, document, rules, options, typeInfo) => {
        try {
          const refused = validate(schema, document, shapeRules, { maxErrors: 1 });
          if (refused.length) return refused;
        } catch (error) {
          if (isLimitError(error)) return [error];
          throw error;
        }
        return validateFn(schema, document, rules, { ...options, maxErrors: limits.maxErrors }, typeInfo);
      });
    },
  };
}
