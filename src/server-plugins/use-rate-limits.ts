import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.ts';
import { appError, ErrorCode } from '../errors.ts';

export interface RateLimitOptions {
  /** Operations per minute for one person (by token); 0 = no limit. */
  viewerPerMinute: number;
  /** Operations per minute from one address without a token; 0 = no limit. */
  addressPerMinute: number;
  now?: () => number;
}

const WINDOW_MS = 60_000;

/**
 * Counts operations (queries, mutations, subscriptions started) per person and, without a token,
 * per client address, in one-minute windows, and refuses the rest of a window with
 * `RATE_LIMITED` (`extensions.retryAfterSeconds`). Counters live in this process: with several
 * instances each counts its own share. Behind a proxy, every anonymous caller shares its address.
 */
export function useRateLimits({ viewerPerMinute, addressPerMinute, now = Date.now }: RateLimitOptions): Plugin {
  const windows = new Map<string, { start: number; count: number }>();
  let sweptAt = now();

  const check = (context: Context & { req?: { socket?: { remoteAddress?: string } } }) => {
    const viewer = context.viewer;
    const [key, limit, who] = viewer?.authenticated
      ? [`person:${viewer.personId}`, viewerPerMinute, 'you']
      : [`address:${context.req?.socket?.remoteAddress ?? 'unknown'}`, addressPerMinute, 'your address'];
    if (!limit) return;
    const at = now();
    if (at - sweptAt > WINDOW_MS) {
      for (const [k, w] of windows) if (at - w.start >= WINDOW_MS) windows.delete(k);
      sweptAt = at;
    }
    let window = windows.get(key);
    if (!window || at - window.start >= WINDOW_MS) windows.set(key, (window = { start: at, count: 0 }));
    window.count++;
    if (window.count > limit) {
      const retryAfterSeconds = Math.ceil((window.start + WINDOW_MS - at) / 1000);
      return appError(ErrorCode.RATE_LIMITED, `Too many operations from ${who}: at most ${limit} a minute; try again in ${retryAfterSeconds} s.`, {
        limit,
        retryAfterSeconds,
      });
    }
  };

  // The refusal is the operation's result (not thrown): over graphql-ws it is an error for that ID, and the socket stays.
  const refuse = ({ args, setResultAndStopExecution }: { args: { contextValue: unknown }; setResultAndStopExecution: (result: { errors: GraphQLError[] }) => void }) => {
    const refused = check(args.contextValue as Context);
    if (refused) setResultAndStopExecution({ errors: [refused] });
  };
  return { onExecute: refuse, onSubscribe: refuse as never };
}
