import { randomUUID } from 'node:crypto';
import { type DocumentNode, type ExecutionResult, getOperationAST, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.ts';

/** Response header (and accepted request header) carrying the request's ID. */
export const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{8,128}$/;

interface Entry {
  id: string;
  started: number;
  operationName?: string;
  operationType?: string;
  codes: Set<string>;
}

/**
 * One structured log line per HTTP request when its response is sent: request ID (taken from a
 * well-formed `x-request-id`, else made, and returned in that header), method, path, operation name
 * and type, status, duration and the `extensions.code`s of the errors. Never the query string,
 * headers, tokens, variables or results: signals concern minors.
 */
export function useRequestLog({ log }: { log: Logger }): Plugin {
  const entries = new WeakMap<Request, Entry>();
  const codesOf = (result: ExecutionResult, into: Set<string>) => {
    for (const error of result.errors ?? []) {
      const code = error instanceof GraphQLError ? error.extensions?.code : (error as { extensions?: { code?: unknown } }).extensions?.code;
      into.add(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
    }
  };
  const noteOperation = (args: { contextValue: unknown; document: DocumentNode; operationName?: string | null }) => {
    const entry = entries.get((args.contextValue as { request?: Request }).request!);
    if (!entry) return;
    const operation = getOperationAST(args.document, args.operationName);
    entry.operationType = operation?.operation;
    entry.operationName ??= operation?.name?.value;
  };
  return {
    onRequest({ request }) {
      const given = request.headers.get(REQUEST_ID_HEADER);
      entries.set(request, { id: given && ACCEPTED_ID.test(given) ? given : randomUUID(), started: performance.now(), codes: new Set() });
    },
    onParams({ request, params }) {
      const entry = entries.get(request);
      if (entry && typeof params.operationName === 'string') entry.operationName = params.operationName.slice(0, 100);
    },
    onExecute: ({ args }) => noteOperation(args),
    onSubscribe: ({ args }) => noteOperation(args),
    onResultProcess({ request, result }) {
      const entry = entries.get(request);
      if (!entry) return;
      for (const one of Array.isArray(result) ? result : [result]) {
        if (one && typeof one === 'object' && 'errors' in one) codesOf(one as ExecutionResult, entry.codes);
      }
    },
    onResponse({ request, response }) {
      const entry = entries.get(request);
      if (!entry) return;
      response.headers.set(REQUEST_ID_HEADER, entry.id);
      const url = new URL(request.url);
      log.info(
        {
          reqId: entry.id,
          method: request.method,
          path: url.pathname,
          operationName: entry.operationName,
          operationType: entry.operationType,
          status: response.status,
          durationMs: Math.round((performance.now() - entry.started) * 10) / 10,
          ...(entry.codes.size ? { codes: [...entry.codes] } : {}),
        },
        'request',
      );
    },
  };
}
