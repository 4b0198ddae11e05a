import type { Logger } from 'pino';
import { bearerToken, verifyToken } from './auth/token.ts';
import { Viewer } from './auth/viewer.ts';
import type { Config } from './config.ts';
import type { PrismaClient } from './generated/prisma/client.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import type { PubSub } from './pubsub.ts';

/** What every resolver receives. One per HTTP request, or per graphql-ws subscription. */
export interface Context {
  prisma: PrismaClient;
  viewer: Viewer;
  loaders: Loaders;
  pubsub: PubSub;
  log: Logger;
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

export async function loadViewer(deps: ContextDeps, authorization: unknown): Promise<Viewer> {
  const token = bearerToken(authorization);
  const personId = token ? await verifyToken(deps.config.jwt, token) : null;
  if (!personId) return Viewer.anonymous();
  const person = await deps.prisma.person.findUnique({
    where: { id: personId },
    select: { id: true, roleAssignments: { select: { role: true, scope: true, cityId: true, partnershipId: true } } },
  });
  return person ? new Viewer(person.id, person.roleAssignments) : Viewer.anonymous();
}

export function authorizationOf(initial: InitialContext): unknown {
  return initial.request?.headers.get('authorization') ?? initial.connectionParams?.authorization;
}

export async function createContext(deps: ContextDeps, initial: InitialContext): Promise<Context> {
  const viewer = await loadViewer(deps, authorizationOf(initial));
  return {
    prisma: deps.prisma,
    viewer,
    loaders: createLoaders(deps.prisma, viewer),
    pubsub: deps.pubsub,
    log: deps.log.child({ personId: viewer.personId }),
  };
}
