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
 * server's pipeline (a result with errors, to be masked) and the end of the stream.
 */
function pushedResults(
  ctx: Context,
  delivery: LiveDelivery,
  source: LiveEvents<LivePayload>,
  sharedOf: (event: LivePayload) => MaybePromise<SharedResult>,
): AsyncIterableIterator<ExecutionResult> {
  let closed = false;
  let ended: Promise<IteratorResult<ExecutionResult>> | undefined;
  /** graphql-ws is waiting for a result to pass through the pipeline: this hands it one. */
  let handOver: ((next: IteratorResult<ExecutionResult>) => void) | undefined;
  /** The stream waits while a handed-over result is sent; graphql-ws asking for the next lets it go on. */
  let sent: (() => void) | undefined;

  const deliver = (shared: SharedResult): void | Promise<void> => {
    if (closed) return;
    if (!shared.reads.empty) shared.reads.copyTo(ctx.audit);
    if (shared.result.errors?.length) {
      return new Promise<void>((resolve) => {
        sent = resolve;
        handOver?.({ done: false, value: shared.result });
      });
    }
    // The result is not sent before its reads are recorded (as usePrivacyTrail does for the pipeline).
    return ctx.audit.empty ? send(shared) : ctx.audit.flush().then(() => send(shared));
  };
  const send = (shared: SharedResult) => (closed ? undefined : delivery.send((shared.json ??= Buffer.from(JSON.stringify(shared.result)))));

  const results: AsyncIterableIterator<ExecutionResult> = {
    next() {
      if (!ended) {
        source.pushTo!((event) => andThen(sharedOf(event), deliver));
        // Pushing, the source's `next()` tells only the end: done, or the error that ended it.
        ended = source.next().then(() => ({ done: true, value: undefined }));
        ended.catch(() => {}); // told by the race below, whenever graphql-ws asks next
      }
      const resume = sent;
      sent = undefined;
      const next = new Promise<IteratorResult<ExecutionResult>>((resolve) => (handOver = resolve));
      resume?.();
      return Promise.race([ended, next]);
    },
    async return() {
      closed = true;
      await source.return?.();
      return { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      closed = true;
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return results;
    },
  };
  return results;
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
