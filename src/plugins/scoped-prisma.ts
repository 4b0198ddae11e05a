/**
 * The database as a plugin sees it: read-only, every read of a core model limited by a rule — in
 * resolvers the viewer's access rules (src/auth/policy.ts; signals: only those whose content the
 * viewer may read), in event handlers the event's own record and partnership — no relations (include, relation selects, relation filters, counts of relations: a
 * relation would be read without its rules) and no raw SQL or other client methods. A plugin query
 * therefore returns at most what the core's own queries would. Core types returned from plugin
 * fields load their relations through the core's own field rules.
 */
import {
  activityWhere,
  cityWhere,
  partnershipWhere,
  personWhere,
  roleAssignmentWhere,
  signalContentWhere,
  youthWhere,
} from '../auth/policy.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Context } from '../context.ts';
import { LOADER_NAMES } from '../loaders.ts';
import { getDatamodel } from '../generated/pothos-prisma-types.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

const NOTHING = { id: { in: [] as string[] } };

type Where = Record<string, unknown>;
/** The rule of each model a plugin may read there (a model without one is refused). */
type Rules = Partial<Record<string, () => Where>>;

/** The rule of each model a plugin's resolvers may read (anything else is refused). */
const VIEWER_RULES: Record<string, (viewer: Viewer) => Where> = {
  City: cityWhere,
  School: (v) => ({ city: cityWhere(v) }),
  YouthWorkOrganisation: (v) => ({ city: cityWhere(v) }),
  Partnership: partnershipWhere,
  Person: personWhere,
  RoleAssignment: roleAssignmentWhere,
  Youth: youthWhere,
  Signal: signalContentWhere,
  SignalFollowUp: (v) => ({ signal: signalContentWhere(v) }),
  Activity: activityWhere,
  AuditEvent: (v) => (v.isAdmin ? {} : NOTHING),
};

const READS = new Set(['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'count', 'aggregate', 'groupBy']);
/** Reads that return rows (whose signal content a plugin then holds: audited). */
const ROWS = new Set(['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany']);

/** Relation fields per model, from the Prisma datamodel. */
const RELATIONS: Record<string, Set<string>> = Object.fromEntries(
  Object.entries(getDatamodel().datamodel.models).map(([model, m]) => [
    model,
    new Set((m.fields as unknown as { name: string; kind: string }[]).filter((f) => f.kind === 'object').map((f) => f.name)),
  ]),
);

/** Throws when `args` reach into a relation of `model` (where, select, include, orderBy, _count). */
function refuseRelations(model: string, args: Record<string, unknown>) {
  const relations = RELATIONS[model] ?? new Set();
  const refuse = (what: string) => {
    throw new Error(`Plugins may not read relations (${model}.${what}): query the related model itself, or return core types and let their fields load it.`);
  };
  if (args.include) refuse('include');
  for (const key of [...filterKeys(args.where), ...filterKeys(args.orderBy), ...filterKeys(args.having), ...Object.keys(args.select ?? {})]) {
    if (key === '_count' || relations.has(key)) refuse(key);
  }
  if (args._count) refuse('_count');
}

/**
 * Columns no plugin may read, filter or sort on, per model: the record keys of the cell key method
 * (src/evaluation/disclosure.ts), on which the evaluation's disclosure control rests. Someone who
 * knew them could compute the perturbation of cells built from records they know (attack review 4,
 * F4). They are omitted from every row a plugin reads.
 */
export const HIDDEN_COLUMNS: Partial<Record<string, readonly string[]>> = { Signal: ['recordKey'], Youth: ['recordKey'] };

/**
 * Throws when `args` name a hidden column of `model` anywhere: where, orderBy, having, cursor,
 * select, omit, distinct, groupBy's `by`, or an aggregate (`_sum`, `_count`, …). The message does
 * not repeat the column's name.
 */
function refuseHidden(model: string, args: Record<string, unknown>) {
  const hidden = HIDDEN_COLUMNS[model];
  if (!hidden) return;
  const listed = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(listed) : value && typeof value === 'object' ? Object.keys(value) : [];
  const named = [
    ...filterKeys(args.where),
    ...filterKeys(args.orderBy),
    ...filterKeys(args.having),
    ...filterKeys(args.cursor),
    ...listed(args.select),
    ...listed(args.omit),
    ...listed(args.distinct),
    ...listed(args.by),
    ...['_count', '_sum', '_avg', '_min', '_max'].flatMap((aggregate) => listed(args[aggregate])),
  ];
  if (named.some((key) => hidden.includes(key))) {
    throw new Error(`Plugins may not read, filter or sort on the record keys of the evaluation's disclosure control (${model}).`);
  }
}

/** The keys a `where`, `orderBy` or `having` names, through AND / OR / NOT and lists (the combinators left out). */
function filterKeys(value: unknown): string[] {
  if (!value || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap(filterKeys);
  return Object.entries(value).flatMap(([key, inner]) => (key === 'AND' || key === 'OR' || key === 'NOT' ? filterKeys(inner) : [key]));
}

/** The columns a `where` filters on (through AND / OR / NOT), without `id`. */
const whereFields = (where: Record<string, unknown>) => [...new Set(filterKeys(where).filter((key) => key !== 'id'))].sort();

const DELEGATES = new Set(Object.keys(getDatamodel().datamodel.models).map((model) => model[0]!.toLowerCase() + model.slice(1)));

/**
 * Only the model delegates, and of each only its read methods: `$parent` (of the client or of a
 * delegate, which would be the unguarded client), `$extends`, raw SQL, transactions, internals
 * (`_originalClient`, …) and the rest are refused.
 */
function onlyModels<T extends object>(client: T): T {
  const delegates = new Map<string, object>();
  const refuse = (what: string) => {
    throw new Error(`Plugins may not use ${what}: use the model delegates' reads (ctx.prisma.signal.findMany, …), which apply the access rules.`);
  };
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (typeof prop !== 'string' || !DELEGATES.has(prop)) return prop === 'then' ? undefined : refuse(String(prop));
      let delegate = delegates.get(prop);
      if (!delegate) {
        const inner = Reflect.get(target, prop, receiver) as Record<string, (...args: unknown[]) => unknown>;
        const model = prop;
        const reads = Object.fromEntries([...READS].map((method) => [method, (...args: unknown[]) => inner[method]!(...args)]));
        delegate = new Proxy(Object.freeze(reads), {
          get(own, method) {
            if (typeof method === 'string' && method in own) return own[method];
            if (method === 'then' || typeof method === 'symbol') return undefined;
            // Writes go through the extension's own refusal, with its message; anything else is refused here.
            if (typeof inner[method] === 'function' && !method.startsWith('$') && !method.startsWith('_')) return (...args: unknown[]) => inner[method]!(...args);
            return refuse(`${model}.${method}`);
          },
        });
        delegates.set(prop, delegate);
      }
      return delegate;
    },
  });
}

/**
 * A read-only client whose reads apply `viewer`'s access rules. With `onSignalRead`, every signal row
 * it returns is reported with the columns read (`*` for all), to be audited like the core's reads.
 */
export function scopedPrisma(prisma: PrismaClient, viewer: Viewer, onSignalRead?: (id: string, fields: string[]) => void): PrismaClient {
  return guardedPrisma(prisma, Object.fromEntries(Object.entries(VIEWER_RULES).map(([model, rule]) => [model, () => rule(viewer)])), onSignalRead);
}

/** What a core event is about, as its handlers' database sees it. */
export interface EventScope {
  record: 'Signal' | 'Activity';
  id: string;
  partnershipId: string;
}

/**
 * A read-only client for an event handler, which has no viewer: it reads the event's record (a
 * signal with its follow-ups, or an activity), its partnership and that partnership's school,
 * organisation and city, and nothing else: no other records, no people, youth references, roles or
 * audit log. What a handler publishes reaches each subscriber only if they may read the record.
 * With `onSignalRead`, the signal rows it returns are reported with the columns read, as in
 * `scopedPrisma`, to be audited.
 */
export function eventPrisma(prisma: PrismaClient, event: EventScope, onSignalRead?: (id: string, fields: string[]) => void): PrismaClient {
  const ofPartnership = () => ({ partnerships: { some: { id: event.partnershipId } } });
  const only = (record: EventScope['record'], where: Where) => () => (event.record === record ? where : NOTHING);
  return guardedPrisma(prisma, {
    Signal: only('Signal', { id: event.id, partnershipId: event.partnershipId }),
    SignalFollowUp: only('Signal', { signalId: event.id }),
    Activity: only('Activity', { id: event.id, partnershipId: event.partnershipId }),
    Partnership: () => ({ id: event.partnershipId }),
    School: ofPartnership,
    YouthWorkOrganisation: ofPartnership,
    City: ofPartnership,
  }, onSignalRead);
}

function guardedPrisma(prisma: PrismaClient, rules: Rules, onSignalRead?: (id: string, fields: string[]) => void): PrismaClient {
  const extended = prisma.$extends({
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          const rule = rules[model];
          if (!rule) throw new Error(`Plugins may not use the ${model} model.`);
          if (!READS.has(operation)) {
            throw new Error(`Plugins may not write (${model}.${operation}): their values are written through the core's inputs and mutations.`);
          }
          const a = (args ?? {}) as Record<string, unknown> & { where?: Record<string, unknown> };
          refuseRelations(model, a);
          refuseHidden(model, a);
          const where = a.where ?? {};
          const and = where.AND === undefined ? [] : Array.isArray(where.AND) ? where.AND : [where.AND];
          // Rows read without a `select` leave the hidden columns out (a `select` cannot name them).
          const hidden = HIDDEN_COLUMNS[model];
          const omit = hidden && ROWS.has(operation) && !a.select ? { omit: Object.fromEntries(hidden.map((column) => [column, true])) } : {};
          const scoped = { ...a, ...omit, where: { ...where, AND: [...and, rule()] } };
          if (model === 'Signal' && (operation === 'aggregate' || operation === 'groupBy')) {
            throw new Error(`Plugins may not ${operation} signals: the values it returns would be content read without an audit event; read the rows (findMany), which are audited.`);
          }
          if (model === 'Signal' && operation === 'count' && onSignalRead) {
            // A count under a filter tells something about each signal it counts: each is audited with the fields filtered on.
            const filtered = whereFields(where);
            return prisma.signal.findMany({ where: scoped.where as Prisma.SignalWhereInput, select: { id: true } }).then((rows) => {
              if (filtered.length) for (const row of rows) onSignalRead(row.id, filtered);
              return rows.length;
            });
          }
          if (model !== 'Signal' || !onSignalRead || !ROWS.has(operation)) return query(scoped as Prisma.Args<unknown, 'findMany'>);
          const select = a.select as Record<string, unknown> | undefined;
          const fields = select ? Object.keys(select).filter((k) => select[k] && k !== 'id') : ['*'];
          const addedId = !!select && !select.id;
          const withId = addedId ? { ...scoped, select: { ...select, id: true } } : scoped;
          return query(withId as Prisma.Args<unknown, 'findMany'>).then((result: unknown) => {
            for (const row of [result].flat() as ({ id?: unknown } | null)[]) {
              if (row && typeof row.id === 'string' && fields.length) onSignalRead(row.id, fields);
              // The ID was selected for the audit only: the plugin gets the columns it asked for.
              if (row && addedId) delete row.id;
            }
            return result;
          });
        },
      },
    },
  });
  return onlyModels(extended) as unknown as PrismaClient;
}

/** Event topics are not the plugin's to use directly: `api.subscription` filters them per subscriber. */
const NO_PUBSUB = {
  publish() {
    throw new Error('Plugins publish events from their handlers (`on`), not from resolvers.');
  },
  subscribe() {
    throw new Error('Plugins subscribe to events with api.subscription, which applies the access rules.');
  },
} as unknown as Context['pubsub'];

const scoped = new WeakMap<Context, { viewer: Viewer; ctx: Context }>();

/** The context a plugin's resolver receives: the same request, with a scoped database and no raw event bus. */
export function pluginContext(ctx: Context): Context {
  const known = scoped.get(ctx);
  // A subscription refreshes its viewer per event: scope by the current one.
  if (known && known.viewer === ctx.viewer) return known.ctx;
  const audit = (id: string, fields: string[]) => fields.forEach((field) => ctx.audit.read('Signal', id, field));
  // Nothing in the view reaches the unguarded client: no live hub, the audit trail and the loaders only by their methods.
  const view = {
    ...ctx,
    prisma: scopedPrisma(ctx.prisma, ctx.viewer, audit),
    pubsub: NO_PUBSUB,
    audit: Object.freeze({ read: (entity: string, id: string, field: string) => ctx.audit.read(entity as never, id, field) }),
    loaders: Object.freeze(
      Object.fromEntries(LOADER_NAMES.map((name) => [name, Object.freeze({ load: (key: never) => ctx.loaders[name].load(key), loadMany: (keys: never[]) => ctx.loaders[name].loadMany(keys) })])),
    ),
    live: undefined,
  } as unknown as Context;
  scoped.set(ctx, { viewer: ctx.viewer, ctx: view });
  return view;
}

/** Whether a value is a resolver context (to swap it for the plugin's view). */
export const isContext = (value: unknown): value is Context =>
  typeof value === 'object' && value !== null && 'viewer' in value && 'prisma' in value && 'audit' in value;
