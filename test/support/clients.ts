/**
 * Real clients for end-to-end tests against a listening server: plain `fetch` over HTTP, graphql-ws
 * over a WebSocket, and GraphQL over Server-Sent Events (yoga's "distinct connections" mode).
 *
 * Subscriptions are exposed as a `Feed`: events are queued as they arrive, and `take(ms)` waits for
 * the next one. A timed-out `take` loses nothing, so "no event yet" never swallows a late event.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, type ExecutionResult, print } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

type Doc<R, V> = TypedDocumentNode<R, V> | string;
const source = (document: DocumentNode | string) => (typeof document === 'string' ? document : print(document));
const bearer = (token?: string | null): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

export interface HttpResult<R> extends ExecutionResult<R> {
  status: number;
  contentType: string | null;
}

/** POSTs one operation to `url` with a plain `fetch`, as any HTTP client would. */
export async function httpGraphql<R, V>(
  url: string,
  document: Doc<R, V>,
  variables?: V,
  token?: string | null,
): Promise<HttpResult<R>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...bearer(token) },
    body: JSON.stringify({ query: source(document), variables }),
  });
  const body = (await response.json()) as ExecutionResult<R>;
  return { ...body, status: response.status, contentType: response.headers.get('content-type') };
}

/** `data` of a successful result; throws with the errors otherwise (for set-up steps). */
export function dataOf<R>(result: ExecutionResult<R> & { status?: number }): R {
  if (result.errors?.length || !result.data) {
    throw new Error(`operation failed (HTTP ${result.status}): ${JSON.stringify(result.errors ?? result)}`);
  }
  return result.data;
}

// ---------------------------------------------------------------------------------------------
// Feeds

export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/** What a subscription delivered: a result, the end of the stream, or a transport error. */
export type FeedItem<R> =
  | { type: 'next'; result: ExecutionResult<R> }
  | { type: 'complete' }
  | { type: 'error'; error: unknown };

export interface Feed<R> {
  /** The next item; rejects with TimeoutError after `ms` (the item, when it comes, stays queued). */
  take(ms?: number): Promise<FeedItem<R>>;
  /** The next `next` result's data; fails on an error, completion, errors in the result, or timeout. */
  nextData(ms?: number): Promise<R>;
  close(): Promise<void>;
}

class Queue<R> {
  private items: FeedItem<R>[] = [];
  private waiter: ((item: FeedItem<R>) => void) | null = null;

  push(item: FeedItem<R>) {
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w(item);
    } else this.items.push(item);
  }

  take(ms = 5_000): Promise<FeedItem<R>> {
    const first = this.items.shift();
    if (first) return Promise.resolve(first);
    if (this.waiter) throw new Error('only one take() at a time');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new TimeoutError(`no subscription event within ${ms} ms`));
      }, ms);
      this.waiter = (item) => {
        clearTimeout(timer);
        resolve(item);
      };
    });
  }
}

function feedOf<R>(queue: Queue<R>, close: () => Promise<void>): Feed<R> {
  return {
    take: (ms) => queue.take(ms),
    async nextData(ms) {
      const item = await queue.take(ms);
      if (item.type === 'error') throw new Error(`subscription failed: ${describe(item.error)}`);
      if (item.type === 'complete') throw new Error('subscription completed without an event');
      if (item.result.errors?.length || !item.result.data) {
        throw new Error(`subscription result has errors: ${JSON.stringify(item.result.errors)}`);
      }
      return item.result.data;
    },
    close,
  };
}

const describe = (error: unknown) =>
  error && typeof error === 'object' && 'code' in error
    ? `close ${(error as { code: number; reason?: string }).code} ${(error as { reason?: string }).reason ?? ''}`
    : error instanceof Error
      ? error.message
      : JSON.stringify(error);

// ---------------------------------------------------------------------------------------------
// graphql-ws

export interface WsConnection {
  client: Client;
  /** Close codes of the socket, in order (e.g. 4403 when the server refused the token). */
  closeCodes: number[];
  /** Close reasons, in the same order (why the server refused). */
  closeReasons: string[];
  subscribe<R, V>(document: Doc<R, V>, variables?: V): Feed<R>;
  close(): Promise<void>;
}

/** A graphql-ws client for `url` (http→ws), authenticating with `connectionParams.authorization`. */
export function wsConnect(url: string, token?: string | null): WsConnection {
  const closeCodes: number[] = [];
  const closeReasons: string[] = [];
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    lazy: true,
    retryAttempts: 0,
    on: {
      closed: (event) => {
        closeCodes.push((event as { code: number }).code);
        closeReasons.push(String((event as { reason?: unknown }).reason ?? ''));
      },
    },
  });
  const open = new Set<Feed<unknown>>();
  return {
    client,
    closeCodes,
    closeReasons,
    subscribe<R, V>(document: Doc<R, V>, variables?: V) {
      const queue = new Queue<R>();
      const unsubscribe = client.subscribe<R>(
        { query: source(document), variables: variables as Record<string, unknown> | undefined },
        {
          next: (result) => queue.push({ type: 'next', result: result as ExecutionResult<R> }),
          error: (error) => queue.push({ type: 'error', error }),
          complete: () => queue.push({ type: 'complete' }),
        },
      );
      const feed = feedOf(queue, async () => {
        open.delete(feed as Feed<unknown>);
        unsubscribe();
      });
      open.add(feed as Feed<unknown>);
      return feed;
    },
    async close() {
      for (const feed of [...open]) await feed.close();
      await client.dispose();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Server-Sent Events

/**
 * Subscribes over SSE: a POST with `accept: text/event-stream`, one connection per subscription.
 * Resolves once the response headers arrived; `status` and `contentType` are those of the response.
 */
export async function sseSubscribe<R, V>(
  url: string,
  document: Doc<R, V>,
  variables?: V,
  token?: string | null,
): Promise<Feed<R> & { status: number; contentType: string | null }> {
  const abort = new AbortController();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...bearer(token) },
    body: JSON.stringify({ query: source(document), variables }),
    signal: abort.signal,
  });
  const queue = new Queue<R>();
  const reading = (async () => {
    if (!response.body) return queue.push({ type: 'complete' });
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true }).replaceAll('\r\n', '\n');
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const message = parseSseBlock(block);
          if (!message) continue; // a comment (keep-alive ping)
          if (message.event === 'complete') queue.push({ type: 'complete' });
          else if (message.event === 'next' || message.event === 'message') {
            queue.push({ type: 'next', result: JSON.parse(message.data) as ExecutionResult<R> });
          }
        }
      }
      queue.push({ type: 'complete' });
    } catch (error) {
      if (!abort.signal.aborted) queue.push({ type: 'error', error });
    }
  })();
  const feed = feedOf(queue, async () => {
    abort.abort();
    await reading;
  });
  return Object.assign(feed, { status: response.status, contentType: response.headers.get('content-type') });
}

function parseSseBlock(block: string): { event: string; data: string } | null {
  let event = 'message';
  const data: string[] = [];
  let fields = 0;
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    fields++;
    if (name === 'event') event = value;
    else if (name === 'data') data.push(value);
  }
  return fields ? { event, data: data.join('\n') } : null;
}

// ---------------------------------------------------------------------------------------------
// Waiting for a subscription to be live

/**
 * Waits until `feed` is really registered on the server, without guessing with a sleep: causes a
 * probe event the subscriber may see (`probe` returns its id), waits briefly for it, and repeats
 * until one arrives. Events of one subscription arrive in order, so once a probe arrives every later
 * probe will too: the feed is drained up to the last probe sent, and the next `take` sees only what
 * happens afterwards.
 */
export async function untilLive<R>(
  feed: Feed<R>,
  probe: () => Promise<string>,
  idOf: (data: R) => string,
  { interval = 150, timeout = 10_000 }: { interval?: number; timeout?: number } = {},
): Promise<{ probes: number }> {
  const sent: string[] = [];
  const deadline = Date.now() + timeout;
  let received: R | undefined;
  while (!received) {
    if (Date.now() > deadline) throw new TimeoutError(`subscription not live after ${sent.length} probes`);
    sent.push(await probe());
    try {
      received = await feed.nextData(interval);
    } catch (error) {
      if (!(error instanceof TimeoutError)) throw error;
    }
  }
  const last = sent[sent.length - 1];
  for (;;) {
    const id = idOf(received);
    if (!sent.includes(id)) throw new Error(`expected a probe event, got ${JSON.stringify(received)}`);
    if (id === last) return { probes: sent.length };
    received = await feed.nextData(5_000);
  }
}

/** A subscription result as tests read it: data, errors and extensions, loosely typed. */
export type LiveItem = { data?: Record<string, any>; errors?: any[]; extensions?: Record<string, unknown> };

/** The next `next` of a feed, or an error naming what came instead. */
export async function nextResult(feed: Feed<unknown>, ms = 8_000): Promise<LiveItem> {
  const item = await feed.take(ms);
  if (item.type !== 'next') throw new Error(`expected an event, got ${item.type}: ${JSON.stringify(item)}`);
  return item.result as LiveItem;
}
