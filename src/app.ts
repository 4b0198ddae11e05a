import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getOperationAST, type GraphQLError } from 'graphql';
import { createYoga, useReadinessCheck } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { OperationResult } from 'graphql-ws';
import { isEmpty, SeedConflictError, seedDemoData } from '../prisma/seed.ts';
import type { Config } from './config.ts';
import { authorizationFromConnectionParams, wsRefusal } from './auth/token.ts';
import { createContext, type ContextDeps, loadViewer, type SignedIn } from './context.ts';
import { createIdentity } from './identity/index.ts';
import { type Database, openDatabase } from './db.ts';
import { appError, createMaskError, ErrorCode, UNEXPECTED_ERROR } from './errors.ts';
import { createLogger, type Logger } from './logger.ts';
import { migrate } from './migrate.ts';
import { type RetentionSchedule, scheduleRetention } from './retention.ts';
import { createEventBus, type EventBus } from './pubsub.ts';
import { ViewerCache } from './auth/viewer-cache.ts';
import { socketDelivery } from './live/delivery.ts';
import { pushedOperation, useGroupedExecution } from './live/grouped-execution.ts';
import { SubscriptionLimits } from './live/subscription-limits.ts';
import { withPluginHooks } from './plugins/events.ts';
import { pilotIndexes } from './plugins/fields.ts';
import { type LoadedPlugin, loadPlugins } from './plugins/registry.ts';
import { buildSchema } from './schema.ts';
import { useExports } from './exports/use-exports.ts';
import { useAuthGuard } from './server-plugins/use-auth-guard.ts';
import { usePageLimits } from './server-plugins/use-page-limits.ts';
import { useOperationLimits } from './server-plugins/use-operation-limits.ts';
import { guardHttpEdge, useRequestGuard } from './server-plugins/use-request-guard.ts';
import { guardSubscribe, serveGraphqlWs } from './server-plugins/ws-guard.ts';
import { usePrivacyTrail } from './server-plugins/use-privacy-trail.ts';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { useCompression } from './server-plugins/use-compression.ts';
import { useRateLimits } from './server-plugins/use-rate-limits.ts';
import { loadTrustedDocuments, trustedQueryOf, useTrustedDocuments } from './server-plugins/use-trusted-documents.ts';
import { useMetrics } from './observability/use-metrics.ts';
import { useRequestLog, yogaLogging } from './observability/use-request-log.ts';
import { createTracing } from './observability/tracing.ts';

export const GRAPHQL_PATH = '/graphql';

export interface AppOptions {
  /** Use this database instead of opening the configured one (tests); it is not closed by `stop`. */
  db?: Database;
  log?: Logger;
  /** Use these (checked) plugins instead of loading the configured ones (tests). */
  plugins?: readonly LoadedPlugin[];
}

/**
 * Builds the whole server: database (migrated, seeded when empty), event bus, yoga, HTTP and
 * WebSocket. Nothing listens until `start()`.
 */
export async function buildApp(config: Config, options: AppOptions = {}) {
  const log = options.log ?? createLogger(config.logLevel);
  // Plugins first: a bad one stops the boot before the database is touched.
  const plugins = options.plugins ?? (await loadPlugins(config.plugins));
  const schema = await buildSchema(plugins);
  const trusted = config.trustedDocuments ? loadTrustedDocuments(config.trustedDocuments.file, config.trustedDocuments.only) : undefined;
  // Its own database unobserved (no query events): only tests and benches count statements.
  const db = options.db ?? (await openDatabase(config.database, { observeQueries: false }));
  const migrations = await db.withSession((session) => migrate(session));
  if (migrations.applied.length) log.info({ applied: migrations.applied }, 'migrations applied');
  if (config.seedDemoData && (await isEmpty(db.prisma))) {
    try {
      log.info({ summary: await seedDemoData(db.prisma, { plugins }) }, 'demo data seeded');
    } catch (error) {
      // Another instance starting at the same moment seeded first: nothing to do.
      if (!(error instanceof SeedConflictError)) throw error;
    }
  }

  await ensurePilotIndexes(db.prisma, log);
  if (plugins.length) log.info({ plugins: plugins.map((p) => `${p.name}@${p.definition.version}`) }, 'plugins enabled');

  const viewers = new ViewerCache(config.viewerCacheMs);
  const bus: EventBus = await createEventBus({
    prisma: db.prisma,
    log,
    viewers,
    redisUrl: config.redisUrl,
    channelPrefix: config.redisChannelPrefix,
    pollMs: config.live.pollMs,
    retentionMinutes: config.live.retentionMinutes,
    maxBehind: config.live.maxBehind,
  });
  const hooks = withPluginHooks(bus.pubsub, { prisma: db.prisma, log });
  const deps: ContextDeps = { config, prisma: db.prisma, pubsub: hooks.pubsub, log, identity: await createIdentity(config), viewers, live: bus.hub };

  const tracing = config.tracing ? createTracing(config.tracing) : undefined;
  const maskError = createMaskError(log);
  let graphiqlPage: string | undefined;
  const yoga = createYoga({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    maxRequestBodySize: config.limits.maxBodyBytes,
    // Bundled from npm (no request leaves the page); subscriptions over SSE carry the headers typed in it.
    graphiql: config.graphiql ? { title: 'Jongerenwerk × school API', subscriptionsProtocol: 'SSE' } : false,
    // The page is the same for every request: rendered once (its 9 MB are then compressed once).
    // Loaded on the first page view: the bundle is tens of MB of heap a server without GraphiQL never needs.
    renderGraphiQL: async (options) => (graphiqlPage ??= (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options)),
    context: (initial) => createContext(deps, initial),
    // Unset: any origin in development; production answers no cross-origin browser call unless listed.
    cors: config.corsOrigins === undefined ? undefined : config.corsOrigins.length ? { origin: config.corsOrigins, methods: ['GET', 'POST'] } : false,
    logging: yogaLogging(log),
    maskedErrors: { maskError },
    plugins: [
      useRequestLog({ log }),
      useRequestGuard(),
      useCompression(),
      ...(config.metrics ? useMetrics({ poolStats: db.poolStats }) : []),
      ...(tracing ? [tracing.plugin] : []),
      useOperationLimits({ ...config.limits, maxErrors: 10 }),
      ...(config.introspection ? [] : [useDisableIntrospection()]),
      ...(trusted ? [useTrustedDocuments(trusted)] : []),
      useAuthGuard(),
      useRateLimits(config.rateLimits),
      usePageLimits(),
      usePrivacyTrail(),
      useGroupedExecution(),
      useExports(deps),
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          await db.prisma.$queryRaw`SELECT 1`;
        },
      }),
    ],
  });

  const server: Server = createServer(guardHttpEdge(yoga, log));
  const wss = new WebSocketServer({ server, path: GRAPHQL_PATH, maxPayload: config.limits.maxBodyBytes });
  const subscriptionLimits = new SubscriptionLimits(config.limits.maxSubscriptionsPerViewer);
  const refusedOnThrow = async (run: () => OperationResult): Promise<Awaited<OperationResult>> => {
    try {
      return await run();
    } catch (error) {
      return { errors: [maskError(error, UNEXPECTED_ERROR) as GraphQLError] };
    }
  };
  const wsServer = serveGraphqlWs(
    {
      // A connection without a valid token is closed with 4403 and a reason saying what is expected.
      onConnect: async (ctx) => {
        const signedIn = await loadViewer(deps, authorizationFromConnectionParams(ctx.connectionParams));
        if (!signedIn.viewer.authenticated) ctx.extra.socket.close(4403, wsRefusal(signedIn.viewer.signInProblem));
        (ctx.extra as { signedIn?: SignedIn }).signedIn = signedIn;
        if (signedIn.viewer.authenticated) ctx.extra.signInEndsAt = signedIn.tokenExpiresAt;
        return signedIn.viewer.authenticated;
      },
      // A plugin that throws refuses that operation (an error for its ID), never the socket.
      execute: (args: any) => refusedOnThrow(() => args.rootValue.execute(args)),
      subscribe: (args: any) => refusedOnThrow(() => args.rootValue.subscribe(args)),
      onComplete: (ctx, id) => subscriptionLimits.release(ctx, id),
      onClose: (ctx) => subscriptionLimits.releaseAll(ctx),
      // An operation graphql-ws refuses after it was counted (it does not complete those).
      onError: (ctx, id) => void subscriptionLimits.release(ctx, id),
      // A subscription whose events are pushed: graphql-ws iterates its results, not the pipeline's.
      onOperation: (_ctx, _id, _payload, args, result) => pushedOperation(args.contextValue, result, maskError),
      onSubscribe: guardSubscribe(async (ctx, id, params) => {
        // graphql-ws has already reserved this one's id: the count includes it.
        if (Object.keys(ctx.subscriptions).length > config.limits.maxSubscriptionsPerSocket) {
          return [appError(ErrorCode.TOO_MANY_SUBSCRIPTIONS, `This connection already holds ${config.limits.maxSubscriptionsPerSocket} subscriptions; complete one first.`, { limit: config.limits.maxSubscriptionsPerSocket })];
        }
        const query = trustedQueryOf(trusted, params as never);
        if (typeof query !== 'string') return [query];
        // The operation's initial context (its context is built onto it): only what it needs, since a subscription keeps it.
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          connectionParams: ctx.connectionParams,
          extra: ctx.extra,
          // What the rate limits key by (src/server-plugins/use-rate-limits.ts).
          req: { socket: { remoteAddress: ctx.extra.remoteAddress } },
          params,
          delivery: socketDelivery(ctx.extra.socket, id),
        });
        const args = {
          schema,
          operationName: params.operationName,
          document: parse(query),
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        const errors = validate(args.schema, args.document);
        if (errors.length) return errors;
        const operation = getOperationAST(args.document, args.operationName);
        if (!operation) {
          return [appError(ErrorCode.GRAPHQL_VALIDATION_FAILED, args.operationName ? `The document has no operation named "${String(args.operationName).slice(0, 100)}".` : 'The document has more than one operation: name the one to run in operationName.')];
        }
        // Subscriptions count against MAX_SUBSCRIPTIONS_PER_VIEWER; a query or mutation over the socket does not.
        const personId = operation.operation === 'subscription' ? args.contextValue.viewer.personId : null;
        const refused = personId ? subscriptionLimits.take(ctx, id, personId) : null;
        if (refused) return [refused];
        return args;
      }, log),
    },
    wss,
    { log, keepAliveMs: config.live.keepAliveMs },
  );

  let listening = false;
  let retention: RetentionSchedule | undefined;
  return {
    yoga,
    schema,
    db,
    config,
    /** Resolves when the plugins' event handlers started so far have finished, with their audit events written (tests). */
    handlersSettled: () => hooks.drain(),
    /** Starts listening; resolves with the URL of the GraphQL endpoint. */
    async start(port = config.port, host = config.host) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      listening = true;
      const address = server.address() as AddressInfo;
      const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      const url = `http://${shownHost}:${address.port}${GRAPHQL_PATH}`;
      log.info({ url, database: db.kind }, 'server ready');
      // Only a listening server anonymises on schedule (tests and scripts build apps too).
      retention = scheduleRetention(db.prisma, { intervalMinutes: config.retentionIntervalMinutes, log });
      return { url, port: address.port };
    },
    /**
     * Stops accepting work and lets requests in flight finish (for at most `graceMs`), then closes
     * subscriptions, the event bus and (if it opened it) the database, so no write is cut off.
     */
    async stop({ graceMs = 5_000 }: { graceMs?: number } = {}) {
      const retentionStopped = retention?.stop();
      const drained = listening ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
      server.closeIdleConnections();
      await wsServer.dispose();
      wss.close();
      // Long-lived responses (SSE streams) would hold the server open: cut them after the grace.
      const cut = setTimeout(() => server.closeAllConnections(), graceMs).unref();
      await drained;
      clearTimeout(cut);
      await retentionStopped;
      await hooks.drain();
      await tracing?.shutdown();
      await bus.close();
      if (!options.db) await db.close();
    },
  };
}

export type App = Awaited<ReturnType<typeof buildApp>>;

/**
 * Creates the indexes of the plugins' filterable fields (IF NOT EXISTS), one instance at a time.
 * An index on a large table takes a while once; after that this is a no-op.
 */
async function ensurePilotIndexes(prisma: Database['prisma'], log: Logger) {
  const indexes = pilotIndexes();
  if (!indexes.length) return;
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707371)`;
      for (const index of indexes) await tx.$executeRawUnsafe(index.sql);
    },
    { timeout: 10 * 60_000 },
  );
  log.debug({ indexes: indexes.map((i) => i.name) }, 'plugin indexes ready');
}
