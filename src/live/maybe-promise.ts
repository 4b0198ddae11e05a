/**
 * Values that are often ready at once: the live fan-out handles thousands of subscribers per event,
 * and a promise per subscriber and step (with its microtask and garbage) is most of what an event
 * would cost. A step returns its value when it has it, a promise only when it has to wait.
 */
export type MaybePromise<T> = T | Promise<T>;

export function isPromise<T>(value: MaybePromise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** `f(value)`, at once when the value is ready. */
export function andThen<T, R>(value: MaybePromise<T>, f: (value: T) => MaybePromise<R>): MaybePromise<R> {
  return isPromise(value) ? value.then(f) : f(value);
}
