import { createHash } from 'node:crypto';
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { GraphQLParams, Plugin, YogaLogger } from 'graphql-yoga';
import { ErrorCode } from '../errors.ts';
import type { Logger } from '../logger.ts';

/** Codes that mean the server failed, not the client. */
const SERVER_FAULTS = new Set<string>(['INTERNAL_SERVER_ERROR', ErrorCode.SERVICE_UNAVAILABLE]);
/** Client codes worth an operator's attention: someone sends more than any screen does. */
const LIMIT_BREACHES = new Set<string>([ErrorCode.QUERY_TOO_COMPLEX, ErrorCode.REQUEST_ENTITY_TOO_LARGE]);

/** A short, stable name for a document that does not reveal it: the first 16 hex digits of its SHA-256. */
export const documentHash = (query: string) => createHash('sha256').update(query).digest('hex').slice(0, 16);

const short = (value: unknown, max = 200) => (typeof value === 'string' && value.length > max ? `${value.slice(0, max)}…` : value);

/**
 * Yoga's own log lines through pino. The errors yoga reports are those the app's `maskError` has
 * seen already (it logs the unexpected ones with their cause; coded ones are logged per request by
 * `useRequestLog`), so they go to debug — as a name and message, never `String(error)`, which
 * prints the document around the error.
 */
export function yogaLogging(log: Logger): YogaLogger {
  const line = (level: 'debug' | 'info' | 'warn', args: unknown[]) => log[level]({}, String(short(args[0])));
  return {
    debug: (...args) => line('debug', args),
    info: (...args) => line('info', args),
    warn: (...args) => line('warn', args),
    error: (...args) => {
      const [error] = args;
      if (error instanceof Error) {
        const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
        log.debug({ type: error.name, code, message: short(error.message) }, 'error masked for the client');
      } else log.error({}, String(short(error)));
    },
  };
}

/**
 * One log line per request that ends in errors: the operation name, a hash of the document and the
 * error codes — never the document or its variables (they can hold personal data). Client mistakes
 * are info, limit breaches warn, server faults error (their cause is logged where it happened).
 */
export function useRequestLog(log: Logger): Plugin {
  const paramsOf = new WeakMap<Request, GraphQLParams>();
  return {
    onParams: ({ request, params }) => {
      paramsOf.set(request, params);
    },
    onResultProcess: ({ request, result }) => {
      if (Symbol.asyncIterator in (result as object)) return;
      const results = (Array.isArray(result) ? result : [result]) as ExecutionResult[];
      const codes = [...new Set(results.flatMap((r) => r.errors ?? []).map((e) => String(e.extensions?.code ?? 'UNCODED')))];
      if (!codes.length) return;
      const params = paramsOf.get(request);
      const entry = {
        codes,
        method: request.method,
        operationName: short(params?.operationName ?? undefined, 100),
        documentHash: typeof params?.query === 'string' ? documentHash(params.query) : undefined,
      };
      if (codes.some((c) => SERVER_FAULTS.has(c) || c === 'UNCODED')) log.error(entry, 'request failed');
      else if (codes.some((c) => LIMIT_BREACHES.has(c))) log.warn(entry, 'request over a limit');
      else log.info(entry, 'request refused');
    },
  };
}
