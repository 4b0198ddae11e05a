import type { GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import { membershipWhere, personWhere, roleAssignmentWhere } from '../auth/policy.ts';
import { auditWrite } from '../audit.ts';
import { builder } from '../builder.ts';
import { hiddenWhen } from '../auth/need-to-know.ts';
import type { Context } from '../context.ts';
import { badInput, conflict, forbidden, notFound, unauthenticated } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { Role } from '../generated/prisma/enums.ts';
import { globalId, parseInput, searchText, uuidOrNil } from '../validation.ts';
import { SchoolRef, YouthWorkOrganisationRef } from './city.ts';
import { RoleEnum, RoleScopeEnum } from './enums.ts';
import { cursorPosition } from './cursors.ts';
import { defineOrder } from './ordering.ts';
import { written } from './guards.ts';

const RoleAssignmentRef = builder.prismaNode('RoleAssignment', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uuidOrNil(id), AND: [roleAssignmentWhere(ctx.viewer)] }),
  description: 'A role a person holds: globally, in one city, or in one partnership. Visible to that person and to admins.',
  fields: (t) => ({
    role: t.expose('role', { type: RoleEnum }),
    scope: t.expose('scope', { type: RoleScopeEnum }),
    city: t.relation('city', { nullable: true }),
    partnership: t.relation('partnership', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const ActorKindEnum = builder.enumType('ActorKind', {
  description: 'What kind of actor a person is: shown also when who they are is hidden from you.',
  values: {
    ADMINISTRATOR: { description: 'An administrator of the platform.' },
    YOUTH_WORK: { description: 'Someone of a youth work organisation.' },
    SCHOOL: { description: 'Someone of a school.' },
    MUNICIPALITY: { description: 'Someone of a municipality (policy advisor, analyst).' },
    OTHER: { description: 'None of these (yet).' },
  } as const,
});

const PersonAccessEnum = builder.enumType('PersonAccess', {
  description: 'How much of a person you may read (need to know).',
  values: {
    FULL: { description: 'Everything: you may see this person through `node` and `people`.' },
    REFERENCE: {
      description: 'Only the ID and the kind of actor: you reached someone you may not see through a relation (a follow-up, a report, an activity); the other fields are null.',
    },
  } as const,
});

/** Whether the viewer may see this person (the `node`/`people` rule, one statement per request). */
async function maySee(person: { id: string }, ctx: Context): Promise<boolean> {
  if (ctx.viewer.isAdmin || person.id === ctx.viewer.personId) return true;
  return ctx.loaders.personVisible.load(person.id);
}

/** A field of a person that only those who may see the person read; null (listed as hidden) for others. */
function personal<P extends { id: string }, T>(field: string, value: (person: P) => T) {
  hiddenWhen('Person', field, async (person: P, ctx: Context) => !(await maySee(person, ctx)));
  const hiddenOr = (visible: boolean, person: P, ctx: Context, info: GraphQLResolveInfo) => {
    if (visible) return value(person);
    ctx.hidden.hide(info);
    return null;
  };
  // Synchronous when the answer needs no lookup (admins, yourself): a list of people resolves
  // without a promise per field.
  return (person: P, _args: unknown, ctx: Context, info: GraphQLResolveInfo): T | null | Promise<T | null> =>
    ctx.viewer.isAdmin || person.id === ctx.viewer.personId
      ? value(person)
      : ctx.loaders.personVisible.load(person.id).then((visible) => hiddenOr(visible, person, ctx, info));
}

/**
 * A school or organisation of a person: hidden with the person, and hidden when it is in a city whose
 * data you may not see (someone can hold roles in two cities; only admins see across cities).
 */
function ofVisibleCity<P extends { id: string }, T extends { cityId: string }>(field: string, related: (person: P) => T | null) {
  const hidden = hiddenWhen('Person', field, async (person: P, ctx: Context) => {
    const record = related(person);
    if (!(await maySee(person, ctx))) return true;
    return !!record && !ctx.viewer.isAdmin && !(await ctx.loaders.cityVisible.load(record.cityId));
  });
  return async (person: P, _args: unknown, ctx: Context, info: GraphQLResolveInfo): Promise<T | null> => {
    if (await hidden(person, ctx)) {
      ctx.hidden.hide(info);
      return null;
    }
    return related(person);
  };
}

export const PersonRef = builder.prismaNode('Person', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uuidOrNil(id), AND: [personWhere(ctx.viewer)] }),
  // Select mode: the columns the selection asks for (the e-mail only when asked), beside the ID,
  // which the need-to-know rules read.
  select: { id: true },
  description:
    'A staff member of a youth work organisation, a school or a municipality. Reached through a relation ' +
    '(a follow-up, a report, an activity) someone you may not see reads as a reference: `access` is ' +
    'REFERENCE, `kind` says what kind of actor they are, and the other fields are null.',
  fields: (t) => ({
    access: t.field({
      type: PersonAccessEnum,
      resolve: async (p, _args, ctx) => ((await maySee(p, ctx)) ? 'FULL' : 'REFERENCE'),
    }),
    kind: t.field({
      type: ActorKindEnum,
      resolve: (p, _args, ctx) => ctx.loaders.actorKind.load(p.id),
    }),
    name: t.string({ nullable: true, select: { name: true }, resolve: personal('name', (p) => p.name) }),
    email: t.string({ nullable: true, description: 'Work email address.', select: { email: true }, resolve: personal('email', (p) => p.email) }),
    organisation: t.field({
      type: YouthWorkOrganisationRef,
      nullable: true,
      select: (_args, _ctx, nestedSelection) => ({ organisation: nestedSelection({ select: { cityId: true } }) }),
      resolve: ofVisibleCity('organisation', (p: { id: string; organisation?: { cityId: string } | null }) => p.organisation ?? null) as never,
    }),
    school: t.field({
      type: SchoolRef,
      nullable: true,
      select: (_args, _ctx, nestedSelection) => ({ school: nestedSelection({ select: { cityId: true } }) }),
      resolve: ofVisibleCity('school', (p: { id: string; school?: { cityId: string } | null }) => p.school ?? null) as never,
    }),
    roles: t.field({
      type: [RoleAssignmentRef],
      nullable: true,
      description: 'The roles this person holds; visible to the person and to admins (null otherwise).',
      select: (_args, _ctx, nestedSelection) => ({
        roleAssignments: { ...(nestedSelection(true) as object), orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      }),
      resolve: (person, _args, ctx, info) => {
        if (person.id === ctx.viewer.personId || ctx.viewer.isAdmin) return person.roleAssignments;
        ctx.hidden.hide(info);
        return null;
      },
    }),
    version: t.int({ nullable: true, select: { version: true }, resolve: personal('version', (p) => p.version) }),
    createdAt: t.field({ type: 'DateTime', nullable: true, select: { createdAt: true }, resolve: personal('createdAt', (p) => p.createdAt) }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, select: { updatedAt: true }, resolve: personal('updatedAt', (p) => p.updatedAt) }),
  }),
});

builder.queryField('me', (t) =>
  t.prismaField({
    type: 'Person',
    description: 'The person the bearer token belongs to (without a valid token, the operation is UNAUTHENTICATED).',
    resolve: (query, _root, _args, ctx) => {
      if (!ctx.viewer.personId) throw unauthenticated(ctx.viewer.signInProblem);
      return written('Person', ctx.prisma.person.findUnique({ ...query, where: { id: ctx.viewer.personId } }));
    },
  }),
);

const PersonFilter = builder.inputType('PersonFilter', {
  fields: (t) => ({
    role: t.field({ type: RoleEnum, description: 'Only people holding this role.' }),
    partnershipId: t.id({ description: 'Only people with a role in this partnership.' }),
    search: t.string({ description: 'Part of the name or email, case-insensitive.' }),
  }),
});

const PersonOrder = defineOrder(
  'PersonOrder',
  { NAME: 'name', EMAIL: 'email', CREATED_AT: 'createdAt' },
  { field: 'NAME', direction: 'ASC' },
);

const personFilterSchema = z
  .object({
    role: z.enum(Role).nullish(),
    partnershipId: globalId('Partnership').nullish(),
    search: searchText(100).nullish(),
  })
  .nullish();

const PersonConnection = builder.connectionObject({ type: PersonRef, name: 'PersonConnection' }, { name: 'PersonEdge' });

builder.queryField('people', (t) =>
  t.prismaConnection({
    type: 'Person',
    cursor: 'id',
    description: 'People you may see, by name unless `orderBy` says otherwise.',
    args: { filter: t.arg({ type: PersonFilter, description: 'Only the items matching every field given (fields left out do not filter).' }), orderBy: t.arg({ type: PersonOrder.Input, description: 'The order of the list (the default is stated on the list); ties are broken by ID, so pages are stable.' }) },
    resolve: async (query, _root, args, ctx) => {
      const where = peopleWhere(ctx.viewer, args.filter);
      const position = await cursorPosition(ctx.prisma.person, personWhere(ctx.viewer), where, args);
      const people = await ctx.prisma.person.findMany({ ...query, ...position, where, orderBy: PersonOrder.orderBy(args.orderBy) as Prisma.PersonOrderByWithRelationInput[] });
      for (const person of people) ctx.loaders.personVisible.prime(person.id, true); // found by the same rule
      return people;
    },
    totalCount: (_conn, args, ctx) => ctx.prisma.person.count({ where: peopleWhere(ctx.viewer, args.filter) }),
  }, PersonConnection),
);

function peopleWhere(viewer: Parameters<typeof personWhere>[0], rawFilter: unknown): Prisma.PersonWhereInput {
  const f = parseInput(personFilterSchema, rawFilter, 'filter') ?? {};
  const and: Prisma.PersonWhereInput[] = [personWhere(viewer)];
  if (f.role || f.partnershipId) {
    and.push({
      roleAssignments: {
        some: {
          ...(f.role ? { role: f.role } : {}),
          ...(f.partnershipId ? { partnershipId: f.partnershipId } : {}),
          AND: [membershipWhere(viewer)],
        },
      },
    });
  }
  if (f.search) {
    and.push({
      OR: [
        { name: { contains: f.search, mode: 'insensitive' } },
        { email: { contains: f.search, mode: 'insensitive' } },
      ],
    });
  }
  return { AND: and };
}

// --- role management (admins) ---

const AssignRoleInput = builder.inputType('AssignRoleInput', {
  fields: (t) => ({
    personId: t.id({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    partnershipId: t.id({ description: 'Required for YOUTH_WORKER, SCHOOL_CONTACT, MENTOR and STUDENT_COUNSELLOR.' }),
    cityId: t.id({ description: 'Required for POLICY_ADVISOR; optional for ANALYST (omit for a global analyst).' }),
  }),
});

const assignRoleSchema = z.object({
  personId: globalId('Person'),
  role: z.enum(Role),
  partnershipId: globalId('Partnership').nullish(),
  cityId: globalId('City').nullish(),
});

const PARTNERSHIP_SCOPED: Role[] = ['YOUTH_WORKER', 'SCHOOL_CONTACT', 'MENTOR', 'STUDENT_COUNSELLOR'];

const AssignRolePayload = builder
  .objectRef<{ roleAssignment: { id: string } }>('AssignRolePayload')
  .implement({
    fields: (t) => ({
      roleAssignment: t.prismaField({
        type: 'RoleAssignment',
        resolve: (query, payload, _args, ctx) =>
          written('RoleAssignment', ctx.prisma.roleAssignment.findUnique({ ...query, where: { id: payload.roleAssignment.id } })),
      }),
    }),
  });

builder.mutationField('assignRole', (t) =>
  t.field({
    type: AssignRolePayload,
    description: 'Gives a person a role (admins only).',
    args: { input: t.arg({ type: AssignRoleInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      if (!ctx.viewer.isAdmin) throw forbidden('Only admins manage roles.');
      const input = parseInput(assignRoleSchema, args.input);
      const takes = PARTNERSHIP_SCOPED.includes(input.role) ? 'partnershipId' : input.role === 'POLICY_ADVISOR' || input.role === 'ANALYST' ? 'cityId' : null;
      for (const field of ['partnershipId', 'cityId'] as const) {
        if (input[field] && field !== takes) {
          throw badInput([{ field: `input.${field}`, rule: 'forbidden', message: `does not apply to ${input.role}` }]);
        }
      }
      if (!(await ctx.prisma.person.findUnique({ where: { id: input.personId }, select: { id: true } }))) {
        throw notFound('Person', 'input.personId');
      }
      let data: Prisma.RoleAssignmentUncheckedCreateInput;
      if (PARTNERSHIP_SCOPED.includes(input.role)) {
        if (!input.partnershipId) throw badInput([{ field: 'input.partnershipId', rule: 'required', message: `is required for ${input.role}` }]);
        const partnership = await ctx.prisma.partnership.findUnique({ where: { id: input.partnershipId }, select: { cityId: true } });
        if (!partnership) throw notFound('Partnership', 'input.partnershipId');
        data = { personId: input.personId, role: input.role, scope: 'PARTNERSHIP', partnershipId: input.partnershipId, cityId: partnership.cityId };
      } else if (input.role === 'POLICY_ADVISOR' || (input.role === 'ANALYST' && input.cityId)) {
        if (!input.cityId) throw badInput([{ field: 'input.cityId', rule: 'required', message: `is required for ${input.role}` }]);
        if (!(await ctx.prisma.city.findUnique({ where: { id: input.cityId }, select: { id: true } }))) {
          throw notFound('City', 'input.cityId');
        }
        data = { personId: input.personId, role: input.role, scope: 'CITY', cityId: input.cityId };
      } else {
        data = { personId: input.personId, role: input.role, scope: 'GLOBAL' };
      }
      const roleAssignment = await ctx.prisma.$transaction(async (tx) => {
        // Check-then-insert under a per-person lock: two identical requests at once make one role, not two.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${data.personId}))`;
        const existing = await tx.roleAssignment.findFirst({
          where: { personId: data.personId, role: data.role, scope: data.scope, cityId: data.cityId ?? null, partnershipId: data.partnershipId ?? null },
          select: { id: true },
        });
        if (existing) throw conflict('This person already holds this role there.');
        const created = await tx.roleAssignment.create({ data: { ...data, grantedById: ctx.viewer.personId }, select: { id: true } });
        await auditWrite(tx, ctx.viewer.personId, 'CREATE', 'RoleAssignment', created.id, Object.keys(data).sort());
        return created;
      });
      // Every open connection and cached viewer of this person takes the new role (here at once).
      ctx.pubsub.publish('roleChanged', { id: data.personId, partnershipId: data.partnershipId ?? '' });
      return { roleAssignment };
    },
  }),
);

const RevokeRoleInput = builder.inputType('RevokeRoleInput', {
  fields: (t) => ({ roleAssignmentId: t.id({ required: true }) }),
});

const RevokeRolePayload = builder.objectRef<{ revokedRoleAssignmentId: string }>('RevokeRolePayload').implement({
  fields: (t) => ({ revokedRoleAssignmentId: t.exposeID('revokedRoleAssignmentId') }),
});

builder.mutationField('revokeRole', (t) =>
  t.field({
    type: RevokeRolePayload,
    description: 'Takes a role away (admins only).',
    args: { input: t.arg({ type: RevokeRoleInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      if (!ctx.viewer.isAdmin) throw forbidden('Only admins manage roles.');
      const input = parseInput(z.object({ roleAssignmentId: globalId('RoleAssignment') }), args.input);
      const revoked = await ctx.prisma.$transaction(async (tx) => {
        const gone = await tx.roleAssignment.findUnique({ where: { id: input.roleAssignmentId }, select: { personId: true, partnershipId: true } });
        const { count } = await tx.roleAssignment.deleteMany({ where: { id: input.roleAssignmentId } });
        if (!gone || count === 0) throw notFound('Role assignment', 'input.roleAssignmentId');
        await auditWrite(tx, ctx.viewer.personId, 'DELETE', 'RoleAssignment', input.roleAssignmentId, ['personId', 'role', 'scope']);
        return gone;
      });
      // The role stops working at once here, and on other instances when the outbox event arrives.
      ctx.pubsub.publish('roleChanged', { id: revoked.personId, partnershipId: revoked.partnershipId ?? '' });
      return { revokedRoleAssignmentId: args.input.roleAssignmentId };
    },
  }),
);

