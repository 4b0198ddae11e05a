/**
 * Grouped execution of subscription events: per event, each distinct (document, variables, access
 * class) is executed once and its result sent to every subscriber in that group, as Hasura
 * multiplexes live queries. Whether a subscriber receives an event at all is still decided for each
 * of them (the topic's rule, in src/schema/subscriptions.ts, with the roles they hold at that moment).
 *
 * The access class is what a result may depend on. It is the subscriber's roles (every assignment,
 * with its scope) when the document reads only types whose rules look at roles alone; otherwise it
 * is the person (with their roles, so a result from before a role change is not served after it):
 * people, signals (a mentor reads the signals they reported), role assignments, audit events, every
 * type a plugin adds and every field a plugin resolves may depend on who asks, so they are never
 * shared between people. Results are shared only while an event is fanned out (LiveHub.once). Reads of signal content made while executing are audited for each subscriber who receives
 * the result, and fields hidden from the group are listed in each one's `extensions.hiddenFields`.
 * Every result carries the event's outbox position in `extensions.livePosition`: the value to pass
 * as `after` when subscribing again (after a reconnect), so that no committed event is missed.
 *
 * Each event is executed with a fresh context (its own loaders and Pothos caches), so a long-lived
 * subscription never serves a row cached at an earlier event.
 */
import {
  createSourceEventStream,
  type DocumentNode,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
  getNamedType,
  isCompositeType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { AuditTrail } from '../audit.ts';
import { HiddenFields } from '../auth/need-to-know.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Context } from '../context.ts';
import { createLoaders } from '../loaders.ts';
import type { LiveDelivery } from './delivery.ts';
import type { LiveEvents, LivePayload } from './hub.ts';
import { andThen, type MaybePromise } from './maybe-promise.ts';

/**
 * Object and interface types whose fields depend on the viewer's roles only (never on who they are):
 * a result reading only these (and scalars and enums) is shared by everyone holding the same roles.
 * A type added here must have no resolver, hidden-field rule or access condition that looks at
 * `viewer.personId`, and a type of a plugin never belongs here.
 */
export const ROLE_ONLY_TYPES: ReadonlySet<string> = new Set([
  'Subscription',
  'Activity',
  'InformationSession',
  'HomeworkHelp',
  'BreakConversation',
  'IndividualGuidance',
  'Consultation',
  'Partnership',
  'School',
  'City',
  'YouthWorkOrganisation',
]);

/**
 * A field extension: the field's result may depend on who asks, even on a type of ROLE_ONLY_TYPES,
 * so a document selecting it is executed per person. Every field a plugin resolves carries it.
 */
export const DEPENDS_ON_PERSON = 'dependsOnPerson';

/** Per parsed document (yoga caches parsing, so subscribers of one query share it): an id, and whether results depend on the person. */
const shapes = new WeakMap<DocumentNode, { id: number; personal: boolean }>();
let nextShape = 0;

function shapeOf(args: ExecutionArgs) {
  let shape = shapes.get(args.document);
  if (!shape) {
    const typeInfo = new TypeInfo(args.schema);
    let personal = false;
    visit(
      args.document,
      visitWithTypeInfo(typeInfo, {
        enter(node) {
          const type = typeInfo.getType() ?? typeInfo.getParentType();
          const named = type ? getNamedType(type) : undefined;
          if (named && isCompositeType(named) && !ROLE_ONLY_TYPES.has(named.name)) personal = true;
          if (node.kind === Kind.FIELD && typeInfo.getFieldDef()?.extensions?.[DEPENDS_ON_PERSON]) personal = true;
        },
      }),
    );
    shapes.set(args.document, (shape = { id: ++nextShape, personal }));
  }
  return shape;
}

const roleKeys = new WeakMap<Viewer, string>();

/** The viewer's roles as one string (the same for everyone holding exactly these assignments). */
function rolesOf(viewer: Viewer) {
  let key = roleKeys.get(viewer);
  if (key === undefined) {
    key = viewer.assignments.map((a) => `${a.role}/${a.scope}/${a.cityId ?? ''}/${a.partnershipId ?? ''}`).sort().join(',');
    roleKeys.set(viewer, key);
  }
  return key;
}

/** Who a result may be shared with: the same roles, or (see the module comment) the same person. */
function accessClass(viewer: Viewer, personal: boolean) {
  // A mentor's signals are those they reported: with a mentor role, nothing is role-only.
  // The roles are part of either key: a result computed before a role was revoked is not served after.
  return personal || viewer.hasRole('MENTOR') ? `person:${viewer.personId ?? ''}:${rolesOf(viewer)}` : `roles:${rolesOf(viewer)}`;
}

interface SharedResult {
  result: ExecutionResult;
  /** The audit trail of the execution: replayed into each receiver's own. */
  reads: AuditTrail;
  /** The result as JSON (UTF-8), made once for every socket it is sent to. */
  json?: Buffer;
}

async function executeOnce(args: ExecutionArgs, ctx: Context, event: LivePayload): Promise<SharedResult> {
  const reads = new AuditTrail(ctx.prisma, null);
  const hidden = new HiddenFields();
  const eventCtx: Context = { ...ctx, audit: reads, hidden, loaders: createLoaders(ctx.prisma, ctx.viewer) };
  const result = (await execute({ ...args, rootValue: event, contextValue: eventCtx })) as ExecutionResult;
  return { result: { ...result, extensions: { ...result.extensions, ...hidden.take(), livePosition: event.position } }, reads };
}

/** Each event of `source` as the subscriber's result, executed once per group. */
function resultsOf(args: ExecutionArgs, source: LiveEvents<LivePayload>): AsyncIterableIterator<ExecutionResult> {
  const ctx = args.contextValue as Context;
  const shape = shapeOf(args);
  const prefix = `run:${shape.id}:${args.operationName ?? ''}:${JSON.stringify(args.variableValues ?? {})}:`;
  let keyOf: { viewer: Viewer; key: string } | undefined;
  const sharedOf = (event: LivePayload): MaybePromise<SharedResult> => {
    if (keyOf?.viewer !== ctx.viewer) keyOf = { viewer: ctx.viewer, key: prefix + accessClass(ctx.viewer, shape.personal) };
    return ctx.live.once(event, keyOf.key, () => executeOnce(args, ctx, event));
  };
  if (ctx.delivery && source.pushTo) return pushedResults(ctx, ctx.delivery, source, sharedOf);
  const results: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const next = await source.next();
      if (next.done) return { done: true, value: undefined };
      const shared = await sharedOf(next.value);
      if (!shared.reads.empty) shared.reads.copyTo(ctx.audit);
      return { done: false, value: shared.result };
    },
    async return() {
      await source.return?.();
      return { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return results;
    },
  };
  return results;
}

/**
 * The results of a graphql-ws subscription, sent by the fan-out straight to its socket as each event
 * arrives (src/live/delivery.ts): the group's JSON with this subscriber's ID, after this subscriber's
 * reads are written to the audit log. The iterator graphql-ws holds yields only what must pass the
 * server's pipeline (a result with errors, to be masked) and the end of the stream; see
 * `pipelineOnDemand` for how the pipeline stays idle in between.
 */
function pushedResults(
  ctx: Context,
  delivery: LiveDelivery,
  source: LiveEvents<LivePayload>,
  sharedOf: (event: LivePayload) => MaybePromise<SharedResult>,
): PushedResults {
  let closed = false;
  /** Settles when the source ends: resolves when done, rejects with the error that ended it. */
  let ended: Promise<unknown> | undefined;
  /** A result with errors, waiting to pass through the pipeline. */
  let waiting: ExecutionResult | undefined;
  /** Someone awaits `ready()`: this tells them a result is waiting. */
  let wake: (() => void) | undefined;
  /** The stream waits while a result with errors is sent; graphql-ws asking for the next lets it go on. */
  let sent: (() => void) | undefined;

  const deliver = (shared: SharedResult): void | Promise<void> => {
    if (closed) return;
    if (!shared.reads.empty) shared.reads.copyTo(ctx.audit);
    if (shared.result.errors?.length) {
      return new Promise<void>((resolve) => {
        sent = resolve;
        waiting = shared.result;
        wake?.();
      });
    }
    // The result is not sent before its reads are recorded (as usePrivacyTrail does for the pipeline).
    return ctx.audit.empty ? send(shared) : ctx.audit.flush().then(() => send(shared));
  };
  const send = (shared: SharedResult) => (closed ? undefined : delivery.send((shared.json ??= Buffer.from(JSON.stringify(shared.result)))));

  const start = () => {
    const end = source.pushTo!((event) => andThen(sharedOf(event), deliver));
    end.catch(noop); // told by `next()`, whenever graphql-ws asks
    return end;
  };

  const results: PushedResults = {
    ready() {
      ended ??= start();
      // graphql-ws asks for more once it has sent what it was handed: the stream may go on.
      const resume = sent;
      sent = undefined;
      resume?.();
      if (waiting || closed) return Promise.resolve();
      return Promise.race([
        ended.then(noop, noop),
        new Promise<void>((resolve) => (wake = resolve)),
      ]);
    },
    next() {
      if (waiting) {
        const value = waiting;
        waiting = undefined;
        wake = undefined;
        return Promise.resolve({ done: false, value });
      }
      if (closed) return Promise.resolve(finished());
      // Asked directly (or once the stream has ended): wait for a result or the end.
      return results.ready().then(() => (waiting || closed ? results.next() : ended!.then(finished)));
    },
    async return() {
      closed = true;
      wake?.();
      await source.return?.();
      return finished();
    },
    async throw(error?: unknown) {
      closed = true;
      wake?.();
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return results;
    },
  };
  pushed.set(ctx, results);
  return results;
}

interface PushedResults extends AsyncIterableIterator<ExecutionResult> {
  /** Resolves when a result waits to pass through the pipeline, or the stream has ended. */
  ready(): Promise<void>;
}

const noop = () => {};
const finished = (): IteratorResult<ExecutionResult> => ({ done: true, value: undefined });

/** Per subscription context: its pushed results, for `pipelineOnDemand`. */
const pushed = new WeakMap<object, PushedResults>();

/**
 * What graphql-ws should iterate for an operation whose events are pushed: an iterator that asks the
 * server's pipeline (`piped`, the pushed results wrapped by every plugin's result hooks) for its next
 * value only when one is waiting, or when the stream has ended. Between events nothing waits on the
 * pipeline's iterators, so an idle subscription holds no pending promise in each of its layers. For
 * anything else, undefined (graphql-ws iterates the pipeline as usual).
 */
export function pipelineOnDemand(contextValue: unknown, piped: unknown): AsyncGenerator<ExecutionResult> | undefined {
  const inner = typeof contextValue === 'object' && contextValue ? pushed.get(contextValue) : undefined;
  if (!inner || !piped || typeof (piped as AsyncIterator<unknown>).next !== 'function') return undefined;
  const pipeline = piped as AsyncGenerator<ExecutionResult>;
  const outer: AsyncGenerator<ExecutionResult> = {
    next: () => inner.ready().then(() => pipeline.next()),
    return: (value?: unknown) => pipeline.return(value as never),
    throw: (error?: unknown) => pipeline.throw(error),
    [Symbol.asyncIterator]: () => outer,
  } as AsyncGenerator<ExecutionResult>;
  return outer;
}

/** Subscriptions whose events are executed once per (document, variables, access class); see the module comment. */
export function useGroupedExecution(): Plugin<Context> {
  return {
    onSubscribe: ({ setSubscribeFn }) => {
      setSubscribeFn(async (args) => {
        const source = await createSourceEventStream(args as ExecutionArgs);
        if (!(Symbol.asyncIterator in source)) return source as ExecutionResult;
        return resultsOf(args as ExecutionArgs, (source as AsyncIterable<LivePayload>)[Symbol.asyncIterator]() as LiveEvents<LivePayload>);
      });
    },
  };
}
