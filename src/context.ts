import type { Logger } from 'pino';
import { AuditTrail } from './audit.ts';
import { HiddenFields } from './auth/need-to-know.ts';
import { authorizationFromConnectionParams, bearerToken, verifyToken } from './auth/token.ts';
import { Viewer } from './auth/viewer.ts';
import type { Config } from './config.ts';
import type { PrismaClient } from './generated/prisma/client.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import type { PubSub } from './pubsub.ts';
import { isUuid } from './validation.ts';

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
}

export interface ContextDeps {
  config: Config;
  prisma: PrismaClient;
  pubsub: PubSub;
  log: Logger;
}

/** The server's initial context: an HTTP request, or graphql-ws connection params. */
interface InitialContext {
  request?: Request;
  connectionParams?: Readonly<Record<string, unknown>>;
}

async function viewerOf(prisma: PrismaClient, personId: string): Promise<Viewer> {
  // A validly signed subject that is no person ID is no person (and no database error).
  if (!isUuid(personId)) return Viewer.anonymous();
  const person = await prisma.person.findUnique({
    where: { id: personId },
    select: { id: true, roleAssignments: { select: { role: true, scope: true, cityId: true, partnershipId: true } } },
  });
  return person ? new Viewer(person.id, person.roleAssignments) : Viewer.anonymous();
}

export async function loadViewer(deps: ContextDeps, authorization: unknown) {
  const token = bearerToken(authorization);
  const verified = token ? await verifyToken(deps.config.jwt, token) : null;
  if (!verified) return { viewer: Viewer.anonymous(), tokenExpiresAt: 0 };
  return { viewer: await viewerOf(deps.prisma, verified.personId), tokenExpiresAt: verified.expiresAt };
}

/**
 * Re-reads the viewer's roles (a subscription outlives the moment its context was built): a role
 * revoked or a token expired since then stops the next event, and the event's fields resolve with
 * the roles as they are now.
 */
export async function refreshViewer(ctx: Context): Promise<Viewer> {
  const personId = ctx.viewer.personId;
  const fresh = !personId || Date.now() >= ctx.tokenExpiresAt ? Viewer.anonymous() : await viewerOf(ctx.prisma, personId);
  ctx.viewer = fresh;
  ctx.loaders = createLoaders(ctx.prisma, fresh);
  return fresh;
}

export function authorizationOf(initial: InitialContext): unknown {
  return initial.request?.headers.get('authorization') ?? authorizationFromConnectionParams(initial.connectionParams);
}

export async function createContext(deps: ContextDeps, initial: InitialContext): Promise<Context> {
  const { viewer, tokenExpiresAt } = await loadViewer(deps, authorizationOf(initial));
  return {
    prisma: deps.prisma,
    viewer,
    tokenExpiresAt,
    loaders: createLoaders(deps.prisma, viewer),
    pubsub: deps.pubsub,
    log: deps.log.child({ personId: viewer.personId }),
    audit: new AuditTrail(deps.prisma, viewer.personId),
    hidden: new HiddenFields(),
  };
}
