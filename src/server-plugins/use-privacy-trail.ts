import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { AuditTrail } from '../audit.ts';
import type { HiddenFields } from '../auth/need-to-know.ts';

interface PrivacyContext {
  audit: AuditTrail;
  hidden: HiddenFields;
}

/**
 * When a result is ready (each event, for subscriptions): writes the audit events of the signal
 * content it reveals, in one statement, and lists the fields hidden from the viewer in
 * `extensions.hiddenFields`. The result is not sent before its reads are recorded.
 */
export function usePrivacyTrail(): Plugin<PrivacyContext> {
  // Synchronous when there is nothing to write (most live events): no promise per subscriber.
  const finish = (ctx: PrivacyContext, result: ExecutionResult, setResult: (r: ExecutionResult) => void) => {
    const hidden = ctx.hidden.take();
    if (hidden) setResult({ ...result, extensions: { ...result.extensions, ...hidden } });
    return ctx.audit.empty ? undefined : ctx.audit.flush();
  };
  return {
    onExecute: ({ args }) => ({
      onExecuteDone: async ({ result, setResult }) => {
        if (Symbol.asyncIterator in result) return; // no @defer/@stream in this API
        await finish(args.contextValue, result, setResult);
      },
    }),
    onSubscribe: ({ args }) => ({
      onSubscribeResult: () => ({
        onNext: ({ result, setResult }) => finish(args.contextValue, result, setResult),
      }),
    }),
  };
}
