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
  GraphQLError,
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
import { type MaskError, UNEXPECTED_ERROR, unexpectedError } from '../errors.ts';

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
  if (ctx.delivery && source.pushTo) {
    const results = new PushedResults(ctx, ctx.delivery, source, sharedOf);
    pushed.set(ctx, results);
    return results;
  }
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
 * reads are written to the audit log. graphql-ws iterates it (see `pushedOperation`) only for what
 * it sends itself: a result with errors, and the end of the stream, both masked here as the pipeline
 * would mask them.
 */
class PushedResults implements AsyncIterableIterator<ExecutionResult> {
  /** The server's error masking (set by `pushedOperation`, before anyone iterates). */
  mask: MaskError = maskAll;
  /** Completed, or ended: nothing more is sent (not even a message waiting for a backed-up socket). */
  closed = false;
  /** How the source ended, once it has. */
  private over: { error?: unknown } | undefined;
  private started = false;
  /** A result with errors, for graphql-ws to send. */
  private waiting: ExecutionResult | undefined;
  /** graphql-ws waits in `next()`: this tells it a result waits or the stream has ended. */
  private wake: (() => void) | undefined;
  /** The stream waits while a result with errors is sent; graphql-ws asking for the next lets it go on. */
  private sent: (() => void) | undefined;
  /** Told once when the stream ends (`whenPushedEnds`). */
  private ends: (() => void)[] | undefined;

  constructor(
    private readonly ctx: Context,
    private readonly delivery: LiveDelivery,
    private readonly source: LiveEvents<LivePayload>,
    private readonly sharedOf: (event: LivePayload) => MaybePromise<SharedResult>,
  ) {}

  /** One event's group result for this subscriber: sent, or handed to graphql-ws when it has errors. */
  private readonly deliver = (shared: SharedResult): void | Promise<void> => {
    if (this.closed) return;
    if (!shared.reads.empty) shared.reads.copyTo(this.ctx.audit);
    // The result is not sent before its reads are recorded (as usePrivacyTrail does for the pipeline).
    return this.ctx.audit.empty ? this.pass(shared) : this.ctx.audit.flush().then(() => this.pass(shared));
  };

  private pass(shared: SharedResult): void | Promise<void> {
    if (this.closed) return;
    if (shared.result.errors?.length) {
      const result = shared.result;
      return new Promise<void>((resolve) => {
        this.sent = resolve;
        this.waiting = result;
        this.wakeUp();
      });
    }
    return this.delivery.send((shared.json ??= Buffer.from(JSON.stringify(shared.result))), this);
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    if (!this.started) {
      this.started = true;
      this.source.pushTo!((event) => andThen(this.sharedOf(event), this.deliver)).then(
        () => this.ended({}),
        (error: unknown) => this.ended({ error }),
      );
    }
    // graphql-ws asks for more once it has sent what it was handed: the stream may go on.
    const resume = this.sent;
    this.sent = undefined;
    resume?.();
    return this.take();
  }

  private take(): Promise<IteratorResult<ExecutionResult>> {
    const value = this.waiting;
    if (value) {
      this.waiting = undefined;
      return Promise.resolve({ done: false, value: { ...value, errors: value.errors!.map((error) => this.mask(error, UNEXPECTED_ERROR)) as GraphQLError[] } });
    }
    if (this.closed) return Promise.resolve(this.finish());
    if (this.over) {
      const { error } = this.over;
      this.closed = true;
      const done = this.finish();
      return error === undefined ? Promise.resolve(done) : Promise.reject(this.mask(error, UNEXPECTED_ERROR));
    }
    return new Promise<void>((resolve) => (this.wake = resolve)).then(() => this.take());
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    this.closed = true;
    this.wakeUp();
    await this.source.return?.();
    return this.finish();
  }

  async throw(error?: unknown): Promise<IteratorResult<ExecutionResult>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  /** Runs `onEnd` once the stream ends (complete, error or closed socket). */
  whenEnds(onEnd: () => void) {
    (this.ends ??= []).push(onEnd);
  }

  private ended(over: { error?: unknown }) {
    this.over = over;
    this.wakeUp();
  }

  private wakeUp() {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private finish(): IteratorResult<ExecutionResult> {
    const ends = this.ends;
    this.ends = undefined;
    ends?.forEach((onEnd) => onEnd());
    return { done: true, value: undefined };
  }
}

const maskAll: MaskError = unexpectedError;

/** Per subscription context: its pushed results. */
const pushed = new WeakMap<object, PushedResults>();
const pushedOf = (contextValue: unknown) => (typeof contextValue === 'object' && contextValue ? pushed.get(contextValue) : undefined);

/**
 * What graphql-ws iterates for a subscription whose events are pushed to its socket: the pushed
 * results, with errors masked by `mask` (the server's). The pipeline got a plain result for it
 * instead of the stream, so that no plugin wraps an idle subscription in iterator layers of its own
 * (each holds closures, and a pending promise, per subscriber). For anything else, undefined
 * (graphql-ws iterates what the pipeline returned).
 */
export function pushedOperation(contextValue: unknown, piped: unknown, mask: MaskError): AsyncIterableIterator<ExecutionResult> | undefined {
  const results = pushedOf(contextValue);
  if (!results) return undefined;
  // The pipeline answered something else (a plugin refused it after it was set up): that answer goes, and the stream ends.
  if (!(typeof piped === 'object' && piped && PUSHED in piped)) {
    void results.return();
    return undefined;
  }
  results.mask = mask;
  return results;
}

/** Marks the plain result the pipeline gets for a pushed subscription (see `pushedOperation`). */
const PUSHED = Symbol('pushed to the socket');

/**
 * For a plugin's result hooks: when the subscription of `contextValue` is pushed (the pipeline saw a
 * plain result), runs `onEnd` when it ends and says true; otherwise false.
 */
export function whenPushedEnds(contextValue: unknown, onEnd: () => void): boolean {
  const results = pushedOf(contextValue);
  results?.whenEnds(onEnd);
  return results !== undefined;
}

/** Subscriptions whose events are executed once per (document, variables, access class); see the module comment. */
export function useGroupedExecution(): Plugin<Context> {
  return {
    onSubscribe: ({ setSubscribeFn }) => {
      setSubscribeFn(async (args) => {
        const source = await createSourceEventStream(args as ExecutionArgs);
        if (!(Symbol.asyncIterator in source)) return source as ExecutionResult;
        const results = resultsOf(args as ExecutionArgs, (source as AsyncIterable<LivePayload>)[Symbol.asyncIterator]() as LiveEvents<LivePayload>);
        // Pushed: the pipeline gets a plain result, and graphql-ws the stream (`pushedOperation`).
        return results instanceof PushedResults ? { [PUSHED]: true } : results;
      });
    },
  };
}
