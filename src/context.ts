import type { Logger } from 'pino';
import { AuditTrail } from './audit.ts';
import { HiddenFields } from './auth/need-to-know.ts';
import { authorizationFromConnectionParams, bearerToken } from './auth/token.ts';
import { Viewer } from './auth/viewer.ts';
import type { Config } from './config.ts';
import { type Identity, personIdFor } from './identity/index.ts';
import type { PrismaClient } from './generated/prisma/client.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import type { ViewerCache, ViewerCacheEntry } from './auth/viewer-cache.ts';
import type { LiveHub } from './live/hub.ts';
import type { LiveDelivery } from './live/delivery.ts';
import type { MaybePromise } from './live/maybe-promise.ts';
import type { SignInResult } from './identity/person.ts';
import type { PubSub } from './pubsub.ts';

/** What every resolver receives. One per HTTP request, or per graphql-ws subscription. */
export interface Context {
  prisma: PrismaClient;
  /** Who is asking. A long-lived subscription refreshes it per event (see `refreshViewer`). */
  viewer: Viewer;
  /** When the bearer token expires (ms since epoch); 0 without one. */
  tokenExpiresAt: number;
  loaders: Loaders;
  pubsub: PubSub;
  log: Logger;
  /** Reads of signal content in this operation (or subscription event), written when it completes. */
  audit: AuditTrail;
  /** Fields hidden from the viewer in this result (need to know). */
  hidden: HiddenFields;
  /** This instance's live hub: subscriptions read what an event needs once for all subscribers. */
  live: LiveHub;
  /** graphql-ws: where a subscription's results are sent straight to its socket (src/live/delivery.ts). */
  delivery?: LiveDelivery;
}

export interface ContextDeps {
  config: Config;
  prisma: PrismaClient;
  pubsub: PubSub;
  log: Logger;
  /** Verifies bearer tokens: the server's own, and the OIDC provider's (src/identity). */
  identity: Identity;
  /** People's roles between requests (dropped when they change). */
  viewers: ViewerCache;
  live: LiveHub;
}

/** The server's initial context: an HTTP request, or graphql-ws connection params. */
interface InitialContext {
  request?: Request;
  connectionParams?: Readonly<Record<string, unknown>>;
  /** graphql-ws: what its `onConnect` found (see `SignedIn`). */
  extra?: { signedIn?: SignedIn };
  /** graphql-ws: the subscription's socket and ID (src/live/delivery.ts). */
  delivery?: LiveDelivery;
}

/** One Viewer per cached sign-in: subscribers re-checking their roles per event get the same object back. */
const viewers = new WeakMap<object, Viewer>();

type ViewerDeps = Pick<ContextDeps, 'prisma' | 'viewers'>;

async function viewerOf(deps: ViewerDeps, key: Parameters<typeof personIdFor>[1]): Promise<Viewer> {
  return viewerFor(await deps.viewers.get(key, () => personIdFor(deps.prisma, key)));
}

function viewerFor(person: SignInResult): Viewer {
  let viewer = viewers.get(person);
  if (!viewer) viewers.set(person, (viewer = 'id' in person ? new Viewer(person.id, person.assignments) : Viewer.anonymous(person.problem)));
  return viewer;
}

export async function loadViewer(deps: ContextDeps, authorization: unknown) {
  const token = bearerToken(authorization);
  const verified = token ? await deps.identity.verifyBearer(token) : null;
  if (!verified) return { viewer: Viewer.anonymous(), tokenExpiresAt: 0 };
  const viewer = await viewerOf(deps, verified.personKey);
  return { viewer, tokenExpiresAt: viewer.authenticated ? verified.expiresAt : 0 };
}

/**
 * The viewer's roles as they are now (a subscription outlives the moment its context was built): a
 * role revoked or a token expired since then stops the next event, and the event's fields resolve
 * with the current roles. From the viewer cache, which a role change empties for that person: no
 * SQL per event unless the roles changed.
 */
export function refreshViewer(ctx: Context): MaybePromise<Viewer> {
  const personId = ctx.viewer.personId;
  const now = Date.now();
  if (!personId || now >= ctx.tokenExpiresAt) return adopt(ctx, Viewer.anonymous(personId ? 'The token has expired.' : undefined));
  // Without a promise (or a lookup) while the cache entry last used still holds: a live event checks every subscriber.
  const viewers = ctx.live.viewers;
  const known = checkedEntries.get(ctx);
  if (known && !known.dropped && known.until > now) {
    if (viewers.dueForRenewal(known, now)) viewers.renew(known, personId, () => personIdFor(ctx.prisma, { id: personId }));
    return ctx.viewer;
  }
  const cached = viewers.peek(personId);
  if (cached) {
    checkedEntries.set(ctx, cached);
    return adopt(ctx, viewerFor(cached.result));
  }
  return viewerOf({ prisma: ctx.prisma, viewers }, { id: personId }).then((fresh) => adopt(ctx, fresh));
}

/** Per subscription context: the viewer cache entry its viewer was last taken from. */
const checkedEntries = new WeakMap<Context, ViewerCacheEntry>();

function adopt(ctx: Context, fresh: Viewer) {
  // Each event executes with loaders of its own (src/live/grouped-execution.ts).
  if (fresh !== ctx.viewer && !sameRoles(fresh, ctx.viewer)) ctx.viewer = fresh;
  return ctx.viewer;
}

const sameRoles = (a: Viewer, b: Viewer) =>
  a.personId === b.personId && a.assignments.length === b.assignments.length && a.assignments.every((x, i) => {
    const y = b.assignments[i]!;
    return x.role === y.role && x.scope === y.scope && x.cityId === y.cityId && x.partnershipId === y.partnershipId;
  });

export function authorizationOf(initial: InitialContext): unknown {
  return initial.request?.headers.get('authorization') ?? authorizationFromConnectionParams(initial.connectionParams);
}

/** A graphql-ws connection's sign-in, made once when it connects and used by each of its subscriptions. */
export type SignedIn = Awaited<ReturnType<typeof loadViewer>>;

/** The viewer of a new operation: for a graphql-ws connection its token as verified at connect (if not expired since), with the roles held now. */
async function signedInNow(deps: ContextDeps, initial: InitialContext): Promise<SignedIn> {
  const connected = initial.extra?.signedIn;
  const personId = connected?.viewer.personId;
  if (!connected || !personId || Date.now() >= connected.tokenExpiresAt) return loadViewer(deps, authorizationOf(initial));
  const viewer = await viewerOf(deps, { id: personId });
  return { viewer, tokenExpiresAt: viewer.authenticated ? connected.tokenExpiresAt : 0 };
}

/**
 * The context of an operation, built onto `initial` (yoga extends the context it is building, which
 * is `initial`, with what this returns).
 */
export async function createContext(deps: ContextDeps, initial: InitialContext): Promise<Omit<Context, 'log'>> {
  const { viewer, tokenExpiresAt } = await signedInNow(deps, initial);
  // Made when first used: most live subscriptions never log. A getter among what this returns would
  // be called by yoga's copy at once, so it is defined on the context being built instead.
  Object.defineProperty(initial, 'log', {
    configurable: true,
    enumerable: true,
    get() {
      const log = deps.log.child({ personId: viewer.personId });
      Object.defineProperty(this, 'log', { value: log, writable: true, enumerable: true, configurable: true });
      return log;
    },
  });
  return {
    prisma: deps.prisma,
    viewer,
    tokenExpiresAt,
    // Each loader is made when first used (src/loaders.ts): a subscription's context may never use one.
    loaders: createLoaders(deps.prisma, viewer),
    pubsub: deps.pubsub,
    // A subscription's reads are written with those of every other subscriber of the same event.
    audit: new AuditTrail(deps.prisma, viewer.personId, initial.connectionParams ? deps.live.auditWriter : undefined),
    hidden: new HiddenFields(),
    live: deps.live,
    ...(initial.delivery ? { delivery: initial.delivery } : {}),
  };
}
