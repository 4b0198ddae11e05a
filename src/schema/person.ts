import { z } from 'zod';
import { membershipWhere, personWhere, roleAssignmentWhere } from '../auth/policy.ts';
import { auditWrite } from '../audit.ts';
import { builder } from '../builder.ts';
import { badInput, conflict, forbidden, notFound } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { Role } from '../generated/prisma/enums.ts';
import { globalId, parseInput, searchText, uuidOrNil } from '../validation.ts';
import { RoleEnum, RoleScopeEnum } from './enums.ts';
import { cursorPosition } from './cursors.ts';
import { defineOrder } from './ordering.ts';

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

export const PersonRef = builder.prismaNode('Person', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uuidOrNil(id), AND: [personWhere(ctx.viewer)] }),
  description: 'A staff member of a youth work organisation, a school or a municipality.',
  fields: (t) => ({
    name: t.exposeString('name'),
    email: t.exposeString('email', { description: 'Work email address.' }),
    organisation: t.relation('organisation', { nullable: true }),
    school: t.relation('school', { nullable: true }),
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
    version: t.exposeInt('version'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryField('me', (t) =>
  t.prismaField({
    type: 'Person',
    nullable: true,
    description: 'The person the bearer token belongs to.',
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer.personId ? ctx.prisma.person.findUnique({ ...query, where: { id: ctx.viewer.personId } }) : null,
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
    args: { filter: t.arg({ type: PersonFilter }), orderBy: t.arg({ type: PersonOrder.Input }) },
    resolve: async (query, _root, args, ctx) => {
      const where = peopleWhere(ctx.viewer, args.filter);
      const position = await cursorPosition(ctx.prisma.person, personWhere(ctx.viewer), where, args);
      return ctx.prisma.person.findMany({ ...query, ...position, where, orderBy: PersonOrder.orderBy(args.orderBy) as Prisma.PersonOrderByWithRelationInput[] });
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
        nullable: true,
        resolve: (query, payload, _args, ctx) =>
          ctx.prisma.roleAssignment.findUnique({ ...query, where: { id: payload.roleAssignment.id } }),
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
      await ctx.prisma.$transaction(async (tx) => {
        const { count } = await tx.roleAssignment.deleteMany({ where: { id: input.roleAssignmentId } });
        if (count === 0) throw notFound('Role assignment', 'input.roleAssignmentId');
        await auditWrite(tx, ctx.viewer.personId, 'DELETE', 'RoleAssignment', input.roleAssignmentId, ['personId', 'role', 'scope']);
      });
      return { revokedRoleAssignmentId: args.input.roleAssignmentId };
    },
  }),
);

