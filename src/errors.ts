import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { ZodError } from 'zod';
import { Prisma } from './generated/prisma/client.ts';

/** Every error code clients can see, with what it means. */
export const ErrorCode = {
  /** No valid bearer token. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** Authenticated, but your roles do not allow this. */
  FORBIDDEN: 'FORBIDDEN',
  /** The object does not exist, or you may not see it (the two are not told apart). */
  NOT_FOUND: 'NOT_FOUND',
  /** The input breaks a rule; `extensions.field` and `extensions.rule` say which. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** Someone else changed the object since you read it (`expectedVersion` is stale), or it already exists. */
  CONFLICT: 'CONFLICT',
  /** The signal status cannot move from its current status to the requested one. */
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  /** Not an error: in `extensions.hiddenFields`, fields that are null because your role may not read them. */
  NEED_TO_KNOW: 'NEED_TO_KNOW',
  /** Not an error: in `extensions.invalidPilotValues`, stored plugin values that their current definition no longer accepts (read as null, kept). */
  INVALID_PILOT_VALUE: 'INVALID_PILOT_VALUE',
  /** The operation is nested too deep, selects too much or would cost too much; ask for less. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** The HTTP request itself is malformed (target, JSON, multipart form); `extensions.rule` says how. */
  BAD_REQUEST: 'BAD_REQUEST',
  /** The request body or WebSocket message is larger than the server takes (`MAX_BODY_BYTES`). */
  REQUEST_ENTITY_TOO_LARGE: 'REQUEST_ENTITY_TOO_LARGE',
  /** The database cannot be reached right now; retry later (HTTP 503). Nothing was changed. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** Set by the error masking: the server failed ("Unexpected error."); the cause is logged, not told. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** Set by graphql-yoga: the document is not valid GraphQL syntax. */
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  /** Set by graphql-yoga: the document does not fit the schema (unknown field, wrong argument …). */
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  /** Too many operations from you (or, without a token, from your address) in the last minute; `extensions.retryAfterSeconds` says when to try again. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** A graphql-ws connection (`MAX_SUBSCRIPTIONS_PER_SOCKET`) or a person (`MAX_SUBSCRIPTIONS_PER_VIEWER`) already holds as many subscriptions as they may. */
  TOO_MANY_SUBSCRIPTIONS: 'TOO_MANY_SUBSCRIPTIONS',
  /** A subscription's `after` is older than the live events kept (`LIVE_EVENT_RETENTION_MINUTES`): reload, then subscribe without it. */
  LIVE_POSITION_EXPIRED: 'LIVE_POSITION_EXPIRED',
  /** A subscription fell too far behind (a slow connection, `LIVE_MAX_BEHIND` events waiting) and was ended: subscribe again with `after: extensions.lastPosition`. */
  LIVE_SUBSCRIBER_BEHIND: 'LIVE_SUBSCRIBER_BEHIND',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface InputIssue {
  /** Path of the offending field, e.g. `input.summary`. */
  field: string;
  /** The rule broken: required, type, enum, minLength, maxLength, min, max, format, globalId, … */
  rule: string;
  message: string;
}

export function appError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

// `http.status` makes yoga answer 401 over HTTP; it is not sent to the client.
export const unauthenticated = (message = 'A valid bearer token is required.') =>
  appError(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });
export const forbidden = (message = 'Your roles do not allow this.') =>
  appError(ErrorCode.FORBIDDEN, message);
export const notFound = (what: string, field?: string) =>
  appError(ErrorCode.NOT_FOUND, `${what} was not found.`, field ? { field } : {});
export const conflict = (message: string, extensions: Record<string, unknown> = {}) =>
  appError(ErrorCode.CONFLICT, message, extensions);

/** The CONFLICT of a value another record already has (a unique field): names the field, rule `unique`. */
export const taken = (field: string, what: string) =>
  conflict(`${field}: another ${what} already has this value`, { field, rule: 'unique' });

/** The CONFLICT of an optimistic write whose `expectedVersion` is no longer current. */
export const staleVersion = (what: string) =>
  conflict(`The ${what} was changed by someone else; reload it and try again.`, { field: 'input.expectedVersion' });

/** One error for all input problems; the first one is also in `field`/`rule` for simple clients. */
export function badInput(issues: InputIssue[]) {
  const [first] = issues;
  if (!first) throw new Error('badInput needs at least one issue');
  return appError(ErrorCode.BAD_USER_INPUT, `${first.field}: ${first.message}`, {
    field: first.field,
    rule: first.rule,
    issues,
  });
}

const ruleForZodIssue = (issue: ZodError['issues'][number]): string => {
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array' ? 'maxLength' : 'max';
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array' ? 'minLength' : 'min';
    case 'invalid_type':
      return issue.input === undefined ? 'required' : 'type';
    case 'invalid_format':
      return 'format';
    case 'invalid_value':
      return 'enum';
    case 'custom':
      return (issue.params?.rule as string | undefined) ?? 'custom';
    default:
      return issue.code;
  }
};

/** Turns a zod error on a mutation input into one coded BAD_USER_INPUT error. */
export function fromZodError(error: ZodError, root = 'input') {
  return badInput(
    error.issues.map((issue) => ({
      field: [root, ...issue.path].filter((part) => part !== '').join('.'),
      rule: ruleForZodIssue(issue),
      message: issue.message,
    })),
  );
}

/**
 * GraphQL's own variable coercion errors (a bad enum value, a missing required field, a wrong type)
 * come without a code; gives them BAD_USER_INPUT with the field path and rule, like our own.
 */
export function codeVariableError(error: GraphQLError): GraphQLError | undefined {
  if (error.extensions?.code) return undefined;
  if (error.message.startsWith('Too many errors processing variables')) {
    return new GraphQLError(error.message, { extensions: { code: ErrorCode.BAD_USER_INPUT, field: 'variables', rule: 'maxErrors' } });
  }
  if (!error.message.startsWith('Variable "$')) return undefined;
  const at = /^Variable "\$(\w+)" got invalid value .*? at "([^"]+)"/.exec(error.message);
  const missing = /Field "(\w+)" of required type .* was not provided/.exec(error.message);
  const variable = /^Variable "\$(\w+)"/.exec(error.message)?.[1] ?? '';
  const path = at?.[2] ?? variable;
  const field = missing ? `${path}.${missing[1]}` : path;
  const rule = missing || /of required type/.test(error.message) ? 'required' : /does not exist in ".*" enum|Value ".*" does not exist/.test(error.message) ? 'enum' : 'type';
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    extensions: { ...error.extensions, code: ErrorCode.BAD_USER_INPUT, field, rule },
  });
}

/** The database cannot be reached or is going away: clients may retry (HTTP 503). */
export const serviceUnavailable = () =>
  appError(ErrorCode.SERVICE_UNAVAILABLE, 'The database is unavailable right now; nothing was changed. Try again shortly.', {
    retryable: true,
    http: { status: 503, headers: { 'retry-after': '5' } },
  });

// Prisma: can't reach, timed out, server closed the connection, no connection from the pool in time.
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
// Driver adapters (@prisma/adapter-pg) name the failure in `kind`.
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
// Node sockets; PostgreSQL SQLSTATEs for shutdown/startup (57P0x), connection exceptions (08xxx), too many connections.
const UNAVAILABLE_CODES = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE|EAI_AGAIN|57P0[1-3]|08\d{3}|53300)$/;
const UNAVAILABLE_MESSAGES = /ECONNREFUSED|ECONNRESET|Connection terminated|connection is closed|Can't reach database server|the database system is (starting up|shutting down)/i;

/** Whether an error (or an error it wraps) says the database is unavailable rather than the request wrong. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError && UNAVAILABLE_PRISMA_CODES.has(error.code)) return true;
  if (typeof e.kind === 'string' && UNAVAILABLE_KINDS.has(e.kind)) return true;
  for (const code of [e.code, e.originalCode]) if (typeof code === 'string' && UNAVAILABLE_CODES.test(code)) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.meta?.driverAdapterError, depth + 1);
}

/**
 * Maps errors thrown below the resolvers to coded errors: malformed cursors and global IDs (Pothos)
 * and known database errors (Prisma). Anything else stays masked.
 */
export function fromKnownError(error: unknown): GraphQLError | undefined {
  if (error instanceof PothosValidationError) {
    const rule = /cursor/i.test(error.message) ? 'cursor' : /global ID/i.test(error.message) ? 'globalId' : 'valid';
    return appError(ErrorCode.BAD_USER_INPUT, error.message, { rule });
  }
  if (isDatabaseUnavailable(error)) return serviceUnavailable();
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  switch (error.code) {
    case 'P2002':
      return conflict('An object with these values already exists.', {
        fields: (error.meta?.target as string[] | undefined) ?? [],
      });
    case 'P2003':
      return appError(ErrorCode.BAD_USER_INPUT, 'A referenced object does not exist.', {
        rule: 'reference',
      });
    case 'P2025':
      return appError(ErrorCode.NOT_FOUND, 'The object was not found.');
    default:
      return undefined;
  }
}

/** What a masked error says (yoga's default message, which the pipeline uses too). */
export const UNEXPECTED_ERROR = 'Unexpected error.';

/** The error a client gets for a failure of the server's (its cause is logged, not told). */
export const unexpectedError = () => new GraphQLError(UNEXPECTED_ERROR, { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });

/** What a client may see of an error (yoga's `maskedErrors.maskError`). */
export type MaskError = (error: unknown, message: string, isDev?: boolean) => Error;

/**
 * The server's error masking: variable errors and known failures (a database that is down, a
 * conflict) become coded errors, errors of ours (coded with `appError`, and yoga's coded parse and
 * validation errors) pass, and anything else becomes "Unexpected error." (INTERNAL_SERVER_ERROR)
 * with the original logged. graphql-js's own errors while executing (a value a scalar or enum cannot
 * serialize, an abstract type that does not resolve) carry no code and are masked too: they are
 * the server's failure and name its internals. So every error a client gets has `extensions.code`.
 * Used by the pipeline, and for live results pushed past it.
 */
export function createMaskError(log: Logger): MaskError {
  return (error, message, isDev) => {
    const coded = error instanceof GraphQLError ? codeVariableError(error) : undefined;
    if (coded) return coded;
    const original = error instanceof GraphQLError ? error.originalError : error;
    const mapped = fromKnownError(original);
    if (mapped) {
      if (mapped.extensions.code === ErrorCode.SERVICE_UNAVAILABLE) log.warn({ err: original }, 'database unavailable');
      const located = error instanceof GraphQLError ? error : undefined;
      return new GraphQLError(mapped.message, { nodes: located?.nodes, path: located?.path, extensions: mapped.extensions });
    }
    const masked = yogaMaskError(error, message, isDev);
    if (masked !== error) {
      log.error({ err: original }, 'unexpected error');
      return masked;
    }
    // yoga passes every GraphQLError that wraps only GraphQLErrors: ours have a code, graphql-js's do not.
    if (!(error instanceof GraphQLError) || error.extensions?.code) return masked;
    let inner: GraphQLError = error;
    while (inner.originalError instanceof GraphQLError) inner = inner.originalError;
    log.error({ err: inner }, 'unexpected error');
    // Masked as yoga masks a thrown Error (message, code, `unexpected`), keeping where it happened.
    const thrown = Object.assign(new Error(inner.message), { stack: inner.stack });
    return yogaMaskError(new GraphQLError(inner.message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, originalError: thrown }), message, isDev);
  };
}
