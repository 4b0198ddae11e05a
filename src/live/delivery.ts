/**
 * A graphql-ws subscription's `next` messages written straight to its socket. The live fan-out
 * serializes a group's result once (src/live/grouped-execution.ts) and each subscriber's message is
 * that text with its own subscription ID around it: no JSON, no promise and no hook chain per
 * subscriber. Results with errors still go through the server's pipeline (masking, logging).
 */
import type { WebSocket } from 'ws';

/** Where a subscription's results go: `send` takes the serialized `payload` of one `next` message. */
export interface LiveDelivery {
  /**
   * Queued on the socket at once; a promise only while the socket is backed up (the stream waits for
   * it). A message that has to wait is not sent if `from` has been closed meanwhile (the client
   * completed it, and may have used its ID again).
   */
  send(payload: Buffer, from: { readonly closed: boolean }): void | Promise<void>;
}

/**
 * Bytes waiting on a socket above which the subscription waits for its writes to finish: a slow
 * reader's events then wait in its stream, which ends it with LIVE_SUBSCRIBER_BEHIND when too many do.
 */
const BACKED_UP_BYTES = 64 * 1024;

const TAIL = Buffer.from('}');

export function socketDelivery(socket: WebSocket, id: string): LiveDelivery {
  const head = Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`);
  const delivery: LiveDelivery = {
    send(payload, from) {
      if (from.closed || socket.readyState !== socket.OPEN) return;
      // Backed up: every subscription of this socket waits for the same write, so a socket holds at
      // most one message beyond the threshold however many subscriptions it has.
      const backedUp = backedUpSockets.get(socket);
      if (backedUp) return backedUp.then(() => delivery.send(payload, from));
      // Bytes, not text: the payload is encoded once per group, not once per socket.
      const message = Buffer.concat([head, payload, TAIL], head.length + payload.length + 1);
      if (socket.bufferedAmount < BACKED_UP_BYTES) return void socket.send(message, { binary: false });
      const written = new Promise<void>((resolve) =>
        socket.send(message, { binary: false }, () => {
          backedUpSockets.delete(socket);
          resolve();
        }),
      );
      backedUpSockets.set(socket, written);
      return written;
    },
  };
  return delivery;
}

/** Sockets with more than BACKED_UP_BYTES waiting: settles when the message that crossed it is written (or failed). */
const backedUpSockets = new WeakMap<WebSocket, Promise<void>>();
