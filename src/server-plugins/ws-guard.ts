import { GraphQLError } from 'graphql';
import { CloseCode, handleProtocols, makeServer, MessageType, type ServerOptions } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';
import { ErrorCode } from '../errors.ts';
import type { Logger } from '../logger.ts';

/**
 * What each graphql-ws hook sees in `ctx.extra`: the socket and the client's address (not the whole
 * upgrade request, which a long-lived connection would otherwise keep with all its headers).
 */
export interface WsExtra {
  readonly socket: WebSocket;
  readonly remoteAddress: string | undefined;
}

// The messages a client may send (graphql-transport-ws); `next`, `error`, `connection_ack` are the server's.
const CLIENT_MESSAGES = new Set<string>([MessageType.ConnectionInit, MessageType.Ping, MessageType.Pong, MessageType.Subscribe, MessageType.Complete]);

/** The type of a client message, without trusting its shape; undefined when it is no JSON object. */
function messageType(data: string): unknown {
  try {
    const message: unknown = JSON.parse(data);
    return message && typeof message === 'object' ? (message as { type?: unknown }).type : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Wraps an `onSubscribe` so that a bad `subscribe` (syntax error, empty or NUL query, a document over
 * the limits, invalid against the schema, or a failure building its context) becomes an `error`
 * message for that id: the socket and its other subscriptions stay open. Errors get a code.
 */
export function guardSubscribe<E>(onSubscribe: NonNullable<ServerOptions<Record<string, unknown> | undefined, E>['onSubscribe']>, log: Logger) {
  type Args = Parameters<typeof onSubscribe>;
  return async (...args: Args) => {
    try {
      const result = await onSubscribe(...args);
      if (Array.isArray(result)) return result.map((error) => withCode(error, ErrorCode.GRAPHQL_VALIDATION_FAILED));
      return result;
    } catch (error) {
      if (error instanceof GraphQLError) return [withCode(error, ErrorCode.GRAPHQL_PARSE_FAILED)];
      log.error({ err: error, subscriptionId: args[1] }, 'graphql-ws subscribe failed');
      return [new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })];
    }
  };
}

/** The error with a code, and without yoga's `http` hints (no HTTP status on a socket). */
function withCode(error: GraphQLError, code: string) {
  const { http: _http, ...extensions } = error.extensions ?? {};
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...extensions, code: extensions.code ?? code },
  });
}

/**
 * graphql-ws on a `ws` server, like graphql-ws's `useServer`, but hostile clients cannot take a
 * connection down with a stack trace: a message a client may not send (`next`, `error`, unknown
 * types) closes with 4400 as the protocol says, a frame over `maxPayload` (set on the
 * WebSocketServer) with 1009, an internal failure with 4500 — each logged as one structured warn or
 * error line, never printed to stderr.
 */
export function serveGraphqlWs<P extends Record<string, unknown> | undefined>(
  options: ServerOptions<P, WsExtra>,
  wss: WebSocketServer,
  { log, keepAliveMs = 12_000 }: { log: Logger; keepAliveMs?: number },
) {
  const server = makeServer(options);
  const heartbeat = new Heartbeat(keepAliveMs);
  wss.options.handleProtocols = handleProtocols;
  wss.on('error', (err) => log.error({ err }, 'graphql-ws server error'));
  wss.on('connection', (socket, request) => {
    // ws reports protocol violations here (a frame over maxPayload: WS_ERR_UNSUPPORTED_MESSAGE_LENGTH)
    // and closes the socket itself (1009, 1002); anything else is closed with 4500.
    socket.on('error', (err) => {
      const code = (err as { code?: string }).code;
      log.warn({ wsError: code, message: err.message, maxPayload: wss.options.maxPayload }, 'graphql-ws: socket error');
      if (socket.readyState === socket.OPEN) socket.close(CloseCode.InternalServerError, 'Internal server error');
    });
    heartbeat.add(socket);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(data, (err) => (err ? reject(err) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (cb) =>
          socket.on('message', (data) => {
            const text = String(data);
            const type = messageType(text);
            if (typeof type === 'string' && !CLIENT_MESSAGES.has(type)) {
              log.warn({ type: type.slice(0, 40), closeCode: CloseCode.BadRequest }, 'graphql-ws: message a client may not send');
              socket.close(CloseCode.BadRequest, `Invalid message received: ${type.slice(0, 40)}`);
              return;
            }
            // Not awaited here: a subscription's handler runs as long as it does, and a frame of ours
            // waiting on it would keep the message's bytes for as long.
            cb(text).catch((err: unknown) => {
              log.error({ err }, 'graphql-ws message handling failed');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      { socket, remoteAddress: request.socket.remoteAddress },
    );
    socket.once('close', (code, reason) => {
      heartbeat.delete(socket);
      void closed(code, String(reason));
    });
  });
  return {
    async dispose() {
      heartbeat.stop();
      for (const client of wss.clients) client.close(1001, 'Going away');
      wss.removeAllListeners();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/**
 * Keeps connections honest with one timer for all of them: every `intervalMs` each socket is pinged,
 * and one that has not answered the previous ping by then is terminated.
 */
class Heartbeat {
  private readonly waiting = new Map<WebSocket, boolean>();
  private readonly timer: NodeJS.Timeout | undefined;
  /** One listener for every socket (an emitter calls it with itself as `this`). */
  private readonly answered = ((waiting) =>
    function (this: WebSocket) {
      if (waiting.has(this)) waiting.set(this, false);
    })(this.waiting);

  constructor(intervalMs: number) {
    if (intervalMs > 0) this.timer = setInterval(() => this.beat(), intervalMs).unref();
  }

  add(socket: WebSocket) {
    if (!this.timer) return;
    this.waiting.set(socket, false);
    socket.on('pong', this.answered);
  }

  delete(socket: WebSocket) {
    this.waiting.delete(socket);
  }

  stop() {
    clearInterval(this.timer);
  }

  private beat() {
    for (const [socket, unanswered] of this.waiting) {
      if (unanswered) {
        this.waiting.delete(socket);
        socket.terminate();
      } else if (socket.readyState === socket.OPEN) {
        this.waiting.set(socket, true);
        socket.ping();
      }
    }
  }
}
