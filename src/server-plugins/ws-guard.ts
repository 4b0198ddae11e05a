import { randomBytes } from 'node:crypto';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { CloseCode, handleProtocols, makeServer, MessageType, type ServerOptions } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';
import { ErrorCode, unexpectedError } from '../errors.ts';
import type { Logger } from '../logger.ts';

/**
 * What each graphql-ws hook sees in `ctx.extra`: the socket and the client's address (not the whole
 * upgrade request, which a long-lived connection would otherwise keep with all its headers).
 */
export interface WsExtra {
  readonly socket: WebSocket;
  readonly remoteAddress: string | undefined;
  /** Per subscription ID with messages in order (see `PerId`); made when first needed. */
  ids?: PerId;
  /** When the connection's sign-in ends (ms since epoch): at the next heartbeat after it, the socket is closed with 4403. */
  signInEndsAt?: number;
}

// The messages a client may send (graphql-transport-ws); `next`, `error`, `connection_ack` are the server's.
const CLIENT_MESSAGES = new Set<string>([MessageType.ConnectionInit, MessageType.Ping, MessageType.Pong, MessageType.Subscribe, MessageType.Complete]);

/** The type and ID of a client message, without trusting its shape; undefined when it is no JSON object. */
function messageHead(data: string): { type?: unknown; id?: unknown } | undefined {
  try {
    const message: unknown = JSON.parse(data);
    return message && typeof message === 'object' ? (message as { type?: unknown; id?: unknown }) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The `subscribe` and `complete` messages of one subscription ID, handed to graphql-ws in order.
 * graphql-ws keeps one slot per ID, so without this a client sending `subscribe X`, `complete X`,
 * `subscribe X` in a row could leave the first subscription running where neither a `complete` nor
 * the socket's close reaches it:
 * - a message that arrives while a `subscribe` of its ID is being set up waits until graphql-ws has
 *   registered it (or refused it): a `complete` then reaches it;
 * - a `subscribe` of an ID completed since its last `subscribe` waits until graphql-ws is done with
 *   that one (its last message written, its slot freed). One of an ID still active goes on at once
 *   (graphql-ws closes the socket with 4409, as the protocol says).
 * What waits is bounded: a `complete` after a waiting `complete` changes nothing and is dropped, one
 * after a waiting `subscribe` cancels it (nothing of it would be sent), and a `subscribe` of an ID
 * whose last `subscribe` is neither completed nor ended is a second subscriber of that ID (`enqueue`
 * says so; the socket closes with 4409, as graphql-ws would).
 */
class PerId {
  private readonly ids = new Map<string, IdTurns>();

  /** `idle`: nothing waits or runs any more (the connection can drop this). */
  constructor(private readonly idle: () => void) {}

  /** Hands a message of `id` to `handle` in its turn; false when it would be a second subscriber of that ID. */
  enqueue(id: string, subscribe: boolean, handle: () => Promise<void>): boolean {
    let turns = this.ids.get(id);
    if (!turns) this.ids.set(id, (turns = { waiting: [], busy: false, open: false, completed: false }));
    if (subscribe) {
      if (turns.open) return false;
      turns.open = true;
    } else {
      turns.open = false;
      const last = turns.waiting[turns.waiting.length - 1];
      if (last) {
        if (last.subscribe) turns.waiting.pop();
        this.settle(id, turns);
        return true;
      }
    }
    turns.waiting.push({ subscribe, handle });
    this.next(id, turns);
    return true;
  }

  /** graphql-ws has the operation of `id` (or has refused it): its next message may go once graphql-ws has registered it. */
  setUp(id: string) {
    const done = this.ids.get(id)?.setUp;
    // graphql-ws registers it after awaiting the hook: only microtasks, all run before an immediate.
    if (done) setImmediate(done);
  }

  private next(id: string, turns: IdTurns) {
    if (turns.busy) return;
    const message = turns.waiting[0];
    if (!message) return this.settle(id, turns);
    const go = () => {
      turns.busy = false;
      this.next(id, turns);
    };
    turns.busy = true;
    if (message.subscribe && turns.completed && turns.running) {
      void turns.running.then(go);
      return;
    }
    turns.waiting.shift();
    if (!message.subscribe) {
      if (turns.running) turns.completed = true;
      void message.handle().then(go);
      return;
    }
    turns.completed = false;
    let setUp = false;
    turns.setUp = () => {
      if (setUp) return;
      setUp = true;
      turns.setUp = undefined;
      go();
    };
    const handled = message.handle();
    turns.running = handled;
    void handled.then(() => {
      if (turns.running === handled) {
        turns.running = undefined;
        turns.completed = false;
        // Ended by the server (an error, the stream's end): the ID may be used again.
        if (!turns.waiting.some((m) => m.subscribe)) turns.open = false;
      }
      // At the latest now: graphql-ws is done with it (it refused it, or it ended).
      turns.setUp?.();
      this.settle(id, turns);
    });
  }

  private settle(id: string, turns: IdTurns) {
    if (turns.busy || turns.waiting.length || turns.running) return;
    this.ids.delete(id);
    if (this.ids.size === 0) this.idle();
  }
}

/** One subscription ID's messages (see `PerId`). */
interface IdTurns {
  /** Messages waiting for their turn, in order: at most a `complete`, then a `subscribe`. */
  waiting: { subscribe: boolean; handle: () => Promise<void> }[];
  /** A message of this ID is being handed over (a `subscribe` being set up, or a `complete` being handled). */
  busy: boolean;
  /** The last `subscribe` sent for this ID has not been completed (by the client, or by its end). */
  open: boolean;
  /** While a `subscribe` is set up: lets the next message go. */
  setUp?: () => void;
  /** graphql-ws's handling of the last `subscribe`, while it runs. */
  running?: Promise<void>;
  /** A `complete` went to graphql-ws since that `subscribe`. */
  completed: boolean;
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
      return [unexpectedError()];
    }
  };
}

/**
 * Every error graphql-ws sends carries a code: its own (an `operationName` the document does not
 * have) is a request the server cannot run, one wrapping another error (a stream's end) is internal.
 */
function coded(error: GraphQLError | GraphQLFormattedError): GraphQLFormattedError {
  const formatted = forClient(error);
  if (typeof formatted.extensions?.code === 'string') return formatted;
  const code = error instanceof GraphQLError && error.originalError ? 'INTERNAL_SERVER_ERROR' : ErrorCode.GRAPHQL_VALIDATION_FAILED;
  return { ...formatted, extensions: { ...formatted.extensions, code } };
}

/** An error as a client gets it: without yoga's hints for the server (`http` status, `unexpected`). */
function forClient(error: GraphQLError | GraphQLFormattedError): GraphQLFormattedError {
  const formatted = error instanceof GraphQLError ? error.toJSON() : error;
  if (!formatted.extensions || !('http' in formatted.extensions || 'unexpected' in formatted.extensions)) return formatted;
  const { http: _http, unexpected: _unexpected, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
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
  // A subscription's set-up ends when graphql-ws has its operation, or has refused it (see `PerId`).
  const setUp = (ctx: { extra: WsExtra }, id: string) => ctx.extra.ids?.setUp(id);
  const server = makeServer({
    ...options,
    onSubscribe: async (ctx, id, payload) => {
      const result = await options.onSubscribe?.(ctx, id, payload);
      if (Array.isArray(result)) setUp(ctx, id);
      return result;
    },
    onOperation: (ctx, id, payload, args, result) => {
      setUp(ctx, id);
      return options.onOperation?.(ctx, id, payload, args, result);
    },
    onError: async (ctx, id, payload, errors) => {
      setUp(ctx, id);
      return ((await options.onError?.(ctx, id, payload, errors)) ?? errors).map(coded);
    },
    // As yoga's HTTP responses: no server-side hints (`http`, `unexpected`) in a result's errors.
    onNext: async (ctx, id, payload, args, result) => {
      const next = (await options.onNext?.(ctx, id, payload, args, result)) ?? result;
      return next.errors?.length ? { ...next, errors: next.errors.map(forClient) } : next;
    },
  });
  const extras = new WeakMap<WebSocket, WsExtra>();
  const heartbeat = new Heartbeat(keepAliveMs, (socket, now) => {
    const endsAt = extras.get(socket)?.signInEndsAt;
    return endsAt !== undefined && now >= endsAt ? 'Forbidden: the token has expired; connect again with a fresh one.' : undefined;
  });
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
    const extra: WsExtra = { socket, remoteAddress: request.socket.remoteAddress };
    extras.set(socket, extra);
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
            const head = messageHead(text);
            const type = head?.type;
            if (typeof type === 'string' && !CLIENT_MESSAGES.has(type)) {
              log.warn({ type: type.slice(0, 40), closeCode: CloseCode.BadRequest }, 'graphql-ws: message a client may not send');
              socket.close(CloseCode.BadRequest, `Invalid message received: ${type.slice(0, 40)}`);
              return;
            }
            // Not awaited here: a subscription's handler runs as long as it does, and a frame of ours
            // waiting on it would keep the message's bytes for as long.
            // graphql-ws takes the message parsed here (it parses only text): one JSON.parse per message.
            const message = head ?? text;
            const handle = () =>
              socket.readyState !== socket.OPEN
                ? Promise.resolve()
                : cb(message as string).catch((err: unknown) => {
                    log.error({ err }, 'graphql-ws message handling failed');
                    socket.close(CloseCode.InternalServerError, 'Internal server error');
                  });
            const id = head?.id;
            if ((type !== MessageType.Subscribe && type !== MessageType.Complete) || typeof id !== 'string') return void handle();
            const ids = (extra.ids ??= new PerId(() => (extra.ids = undefined)));
            if (!ids.enqueue(id, type === MessageType.Subscribe, handle)) {
              log.warn({ closeCode: CloseCode.SubscriberAlreadyExists }, 'graphql-ws: a second subscribe for one ID');
              socket.close(CloseCode.SubscriberAlreadyExists, 'Subscriber for this id already exists');
            }
          }),
      },
      extra,
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
 * and one that has not answered the previous ping by then is terminated. A ping carries the beat's
 * number, and only a pong echoing it answers: a client that never reads its socket cannot stay by
 * sending pongs of its own. A socket `ended` names a reason for (its sign-in has ended) is closed
 * with 4403 and that reason.
 */
class Heartbeat {
  /** Per socket: the payload of the ping it has yet to answer (undefined: none waiting). */
  private readonly waiting = new Map<WebSocket, Buffer | undefined>();
  private readonly timer: NodeJS.Timeout | undefined;
  private beats = 0;
  /** One listener for every socket (an emitter calls it with itself as `this`). */
  private readonly answered = ((waiting) =>
    function (this: WebSocket, data: Buffer) {
      const expected = waiting.get(this);
      if (expected && expected.equals(data)) waiting.set(this, undefined);
    })(this.waiting);

  constructor(
    intervalMs: number,
    private readonly ended: (socket: WebSocket, now: number) => string | undefined = () => undefined,
  ) {
    if (intervalMs > 0) this.timer = setInterval(() => this.beat(), intervalMs).unref();
  }

  add(socket: WebSocket) {
    if (!this.timer) return;
    this.waiting.set(socket, undefined);
    socket.on('pong', this.answered);
  }

  delete(socket: WebSocket) {
    this.waiting.delete(socket);
  }

  stop() {
    clearInterval(this.timer);
  }

  private beat() {
    // A number no client can know before it reads the ping (one buffer for every socket of this beat).
    const payload = Buffer.from(`${++this.beats}:${randomBytes(6).toString('base64url')}`);
    const now = Date.now();
    for (const [socket, unanswered] of this.waiting) {
      const reason = this.ended(socket, now);
      if (reason) {
        this.waiting.delete(socket);
        socket.close(CloseCode.Forbidden, reason);
      } else if (unanswered) {
        this.waiting.delete(socket);
        socket.terminate();
      } else if (socket.readyState === socket.OPEN) {
        this.waiting.set(socket, payload);
        socket.ping(payload);
      }
    }
  }
}
