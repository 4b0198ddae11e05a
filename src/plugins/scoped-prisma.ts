/**
 * The database as a plugin's resolvers see it: every read, update and delete of a core model is
 * limited by the viewer's access rules (src/auth/policy.ts), and raw SQL is refused. A plugin
 * query therefore returns at most what the core's own queries would.
 */
import {
  activityWhere,
  cityWhere,
  partnershipWhere,
  personWhere,
  roleAssignmentWhere,
  signalContentWhere,
  signalWhere,
  youthWhere,
} from '../auth/policy.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Context } from '../context.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

const NOTHING = { id: { in: [] as string[] } };

/** The rule of each model a plugin may read (anything else is refused). */
const RULES: Record<string, (viewer: Viewer) => Record<string, unknown>> = {
  City: cityWhere,
  School: (v) => ({ city: cityWhere(v) }),
  YouthWorkOrganisation: (v) => ({ city: cityWhere(v) }),
  Partnership: partnershipWhere,
  Person: personWhere,
  RoleAssignment: roleAssignmentWhere,
  Youth: youthWhere,
  Signal: signalWhere,
  SignalFollowUp: (v) => ({ signal: signalContentWhere(v) }),
  Activity: activityWhere,
  ActivityFacilitator: (v) => ({ activity: activityWhere(v) }),
  ActivityAttendee: (v) => ({ activity: activityWhere(v) }),
  ActivitySignal: (v) => ({ activity: activityWhere(v), signal: signalWhere(v) }),
  AuditEvent: (v) => (v.isAdmin ? {} : NOTHING),
};

const FILTERED = new Set([
  'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'count', 'aggregate', 'groupBy',
  'update', 'updateMany', 'updateManyAndReturn', 'delete', 'deleteMany', 'upsert',
]);

const RAW = /^\$(queryRaw|executeRaw|queryRawUnsafe|executeRawUnsafe|runCommandRaw)$/;

function refuseRaw<T extends object>(client: T): T {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && RAW.test(prop)) {
        return () => {
          throw new Error(`Plugins may not run raw SQL (${prop}): use the Prisma models, which apply the access rules.`);
        };
      }
      if (prop === '$transaction') {
        const transaction = Reflect.get(target, prop, receiver) as (...args: unknown[]) => unknown;
        return (arg: unknown, ...rest: unknown[]) =>
          typeof arg === 'function'
            ? transaction.call(target, (tx: object) => (arg as (tx: object) => unknown)(refuseRaw(tx)), ...rest)
            : transaction.call(target, arg, ...rest);
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

/** A client whose model operations apply `viewer`'s access rules. */
export function scopedPrisma(prisma: PrismaClient, viewer: Viewer): PrismaClient {
  const extended = prisma.$extends({
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          const rule = RULES[model];
          if (!rule) throw new Error(`Plugins may not use the ${model} model.`);
          if (!FILTERED.has(operation)) return query(args);
          const a = (args ?? {}) as { where?: Record<string, unknown> };
          const where = a.where ?? {};
          const and = where.AND === undefined ? [] : Array.isArray(where.AND) ? where.AND : [where.AND];
          return query({ ...a, where: { ...where, AND: [...and, rule(viewer)] } } as Prisma.Args<unknown, 'findMany'>);
        },
      },
    },
  });
  return refuseRaw(extended) as unknown as PrismaClient;
}

const scoped = new WeakMap<Context, { viewer: Viewer; ctx: Context }>();

/** The context a plugin's resolver receives: the same request, with a scoped database. */
export function pluginContext(ctx: Context): Context {
  const known = scoped.get(ctx);
  // A subscription refreshes its viewer per event: scope by the current one.
  if (known && known.viewer === ctx.viewer) return known.ctx;
  const view: Context = { ...ctx, prisma: scopedPrisma(ctx.prisma, ctx.viewer) };
  scoped.set(ctx, { viewer: ctx.viewer, ctx: view });
  return view;
}

/** Whether a value is a resolver context (to swap it for the plugin's view). */
export const isContext = (value: unknown): value is Context =>
  typeof value === 'object' && value !== null && 'viewer' in value && 'prisma' in value && 'audit' in value;
