import { appError, ErrorCode } from '../errors.ts';

/**
 * How many subscriptions each person holds on this instance, over all their connections
 * (MAX_SUBSCRIPTIONS_PER_VIEWER): one person's scripts cannot take the fan-out from everyone else.
 * A subscription counts from its acceptance until graphql-ws completes it, or its socket closes.
 */
export class SubscriptionLimits {
  private readonly perPerson = new Map<string, number>();
  private readonly held = new WeakMap<object, Map<string, string>>();

  constructor(private readonly maxPerViewer: number) {}

  /** Counts one more for `personId`, or the coded error that refuses it. */
  take(connection: object, id: string, personId: string) {
    // An ID is counted once per connection (one that is set up again replaces the one before).
    this.release(connection, id);
    const count = this.perPerson.get(personId) ?? 0;
    if (count >= this.maxPerViewer) {
      return appError(ErrorCode.TOO_MANY_SUBSCRIPTIONS, `You already hold ${this.maxPerViewer} subscriptions on this server (over all your connections); complete one first.`, {
        limit: this.maxPerViewer,
        per: 'viewer',
      });
    }
    this.perPerson.set(personId, count + 1);
    let ids = this.held.get(connection);
    if (!ids) this.held.set(connection, (ids = new Map()));
    ids.set(id, personId);
    return null;
  }

  /** A connection closed: none of its subscriptions counts any more. */
  releaseAll(connection: object) {
    for (const id of [...(this.held.get(connection)?.keys() ?? [])]) this.release(connection, id);
  }

  release(connection: object, id: string) {
    const ids = this.held.get(connection);
    const personId = ids?.get(id);
    if (!ids || personId === undefined) return;
    ids.delete(id);
    const left = (this.perPerson.get(personId) ?? 1) - 1;
    if (left > 0) this.perPerson.set(personId, left);
    else this.perPerson.delete(personId);
  }
}
