import { createHash, randomUUID } from 'node:crypto';
import { type DocumentNode, type ExecutionResult, getOperationAST, GraphQLError } from 'graphql';
import type { Plugin, YogaLogger } from 'graphql-yoga';
import { ErrorCode } from '../errors.ts';
import type { Logger } from '../logger.ts';

/** Codes that mean the server failed, not the client. */
const SERVER_FAULTS = new Set<string>(['INTERNAL_SERVER_ERROR', ErrorCode.SERVICE_UNAVAILABLE]);
/** Client codes worth an operator's attention: someone sends more than any screen does. */
const LIMIT_BREACHES = new Set<string>([ErrorCode.QUERY_TOO_COMPLEX, ErrorCode.REQUEST_ENTITY_TOO_LARGE]);

/** The hashes of the documents seen last (clients send the same few documents over and over). */
const hashes = new Map<string, string>();
const HASHES_KEPT = 500;

/** A short, stable name for a document that does not reveal it: the first 16 hex digits of its SHA-256. */
export function documentHash(query: string): string {
  let hash = hashes.get(query);
  if (hash === undefined) {
    hash = createHash('sha256').update(query).digest('hex').slice(0, 16);
    if (query.length <= 10_000) {
      if (hashes.size >= HASHES_KEPT) hashes.delete(hashes.keys().next().value!);
      hashes.set(query, hash);
    }
  }
  return hash;
}

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


/** Response header (and accepted request header) carrying the request's ID. */
export const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{8,128}$/;

interface Entry {
  id: string;
  started: number;
  operationName?: string;
  operationType?: string;
  codes: Set<string>;
  documentHash?: string;
}

/**
 * One structured log line per HTTP request when its response is sent: request ID (taken from a
 * well-formed `x-request-id`, else made, and returned in that header), method, path, operation name
 * and type, a hash of the document, status, duration and the `extensions.code`s of the errors.
 * Never the document, query string, headers, tokens, variables or results: signals concern minors.
 * Answers without errors and client mistakes are info, limit breaches warn, server faults error
 * (their cause is logged where it happened).
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
      if (!entry) return;
      if (typeof params.operationName === 'string') entry.operationName = params.operationName.slice(0, 100);
      if (typeof params.query === 'string') entry.documentHash = documentHash(params.query);
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
      const codes = [...entry.codes];
      const level = codes.some((c) => SERVER_FAULTS.has(c)) ? 'error' : codes.some((c) => LIMIT_BREACHES.has(c)) ? 'warn' : 'info';
      const message = !codes.length ? 'request' : level === 'error' ? 'request failed' : level === 'warn' ? 'request over a limit' : 'request refused';
      log[level](
        {
          reqId: entry.id,
          method: request.method,
          path: url.pathname,
          operationName: entry.operationName,
          operationType: entry.operationType,
          documentHash: entry.documentHash,
          status: response.status,
          durationMs: Math.round((performance.now() - entry.started) * 10) / 10,
          ...(codes.length ? { codes } : {}),
        },
        message,
      );
    },
  };
}
