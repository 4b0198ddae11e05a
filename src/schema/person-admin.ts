import { z } from 'zod';
import { auditWrite } from '../audit.ts';
import { workEmail } from '../auth/email.ts';
import { managesReferenceData } from '../auth/policy.ts';
import { builder, type Types } from '../builder.ts';
import { badInput, forbidden, notFound, staleVersion, taken } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { globalId, parseInput, text } from '../validation.ts';
import { written } from './guards.ts';

// --- people (admins): create, change, deactivate ---

builder.prismaObjectField('Person', 'deactivatedAt', (t) =>
  t.field({
    type: 'DateTime',
    nullable: true,
    description: 'When the person was deactivated (they can no longer sign in; what they recorded stays, attributed). Visible to the person and to admins.',
    select: { deactivatedAt: true },
    resolve: (p, _args, ctx, info) => {
      if (p.id === ctx.viewer.personId || ctx.viewer.isAdmin) return p.deactivatedAt;
      ctx.hidden.hide(info);
      return null;
    },
  }),
);

builder.prismaObjectField('Person', 'oidcSubject', (t) =>
  t.field({
    type: 'String',
    nullable: true,
    description:
      'The `sub` claim of this person at the city\'s OpenID Connect provider, by which they sign in when the server runs with OIDC_PERSON_CLAIM=sub. Visible to the person and to admins.',
    select: { oidcSubject: true },
    resolve: (p, _args, ctx, info) => {
      if (p.id === ctx.viewer.personId || ctx.viewer.isAdmin) return p.oidcSubject;
      ctx.hidden.hide(info);
      return null;
    },
  }),
);

/** An OpenID Connect subject: at most 255 ASCII characters (OpenID Connect Core 1.0, 2), compared exactly. */
const oidcSubject = z
  .string()
  .max(255, 'must be at most 255 characters (an OpenID Connect subject)')
  .regex(/^[\x21-\x7e]+$/, { message: 'must be 1 to 255 visible ASCII characters, without spaces (an OpenID Connect subject)' });

const personFields = {
  name: text(200).optional(),
  email: workEmail.optional(),
  organisationId: globalId('YouthWorkOrganisation').nullish(),
  schoolId: globalId('School').nullish(),
  oidcSubject: oidcSubject.nullish(),
};
const oneEmployer = (v: { organisationId?: string | null; schoolId?: string | null }, ctx: z.RefinementCtx) => {
  if (v.organisationId && v.schoolId) {
    ctx.addIssue({ code: 'custom', path: ['schoolId'], message: 'a person works for a school or a youth work organisation, not both', params: { rule: 'oneOf' } });
  }
};
const createPersonSchema = z.object({ ...personFields, name: text(200), email: workEmail }).superRefine(oneEmployer);
const updatePersonSchema = z.object({ ...personFields, id: globalId('Person'), expectedVersion: z.number().int().min(1) }).superRefine(oneEmployer);

function personInputFields(t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) {
  return {
    organisationId: t.id({ description: 'The youth work organisation they work for (null clears it).' }),
    schoolId: t.id({ description: 'The school they work for (null clears it). Not together with organisationId.' }),
    oidcSubject: t.string({
      description:
        'Their subject (`sub` claim) at the city\'s OpenID Connect provider, for OIDC_PERSON_CLAIM=sub: exactly as the provider issues it (case-sensitive, 1–255 visible ASCII characters; unique). Null clears it.',
    }),
  };
}

const CreatePersonInput = builder.inputType('CreatePersonInput', {
  description: 'A new staff member. Give them roles with `assignRole`.',
  fields: (t) => ({
    name: t.string({ required: true }),
    email: t.string({ required: true, description: 'Work e-mail address, used to sign in (stored lower-case; unique).' }),
    ...personInputFields(t),
  }),
});

const UpdatePersonInput = builder.inputType('UpdatePersonInput', {
  description: 'Changes to a person; fields left out keep their value.',
  fields: (t) => ({
    id: t.id({ required: true }),
    expectedVersion: t.int({ required: true, description: 'The `version` you last read; a stale one is a CONFLICT.' }),
    name: t.string(),
    email: t.string({ description: 'Work e-mail address (stored lower-case; unique).' }),
    ...personInputFields(t),
  }),
});

const DeactivatePersonInput = builder.inputType('DeactivatePersonInput', {
  description: 'The person who leaves.',
  fields: (t) => ({ id: t.id({ required: true }) }),
});

const PersonPayload = (name: string) =>
  builder.objectRef<{ personId: string }>(name).implement({
    description: 'The person as stored.',
    fields: (t) => ({
      person: t.prismaField({
        type: 'Person',
        description: 'The person written.',
        resolve: (query, p, _args, ctx) => written('Person', ctx.prisma.person.findUnique({ ...query, where: { id: p.personId } })),
      }),
    }),
  });

type PersonInput = { name?: string; email?: string; organisationId?: string | null; schoolId?: string | null; oidcSubject?: string | null };

async function checkPerson(tx: Prisma.TransactionClient, input: PersonInput, id?: string) {
  if (input.email !== undefined) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('Person.email'))`;
    const other = await tx.person.findFirst({ where: { email: { equals: input.email, mode: 'insensitive' }, ...(id ? { id: { not: id } } : {}) }, select: { id: true } });
    if (other) throw taken('input.email', 'person');
  }
  if (input.oidcSubject) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('Person.oidcSubject'))`;
    const other = await tx.person.findFirst({ where: { oidcSubject: input.oidcSubject, ...(id ? { id: { not: id } } : {}) }, select: { id: true } });
    if (other) throw taken('input.oidcSubject', 'person');
  }
  if (input.organisationId && !(await tx.youthWorkOrganisation.findUnique({ where: { id: input.organisationId }, select: { id: true } }))) {
    throw notFound('Youth work organisation', 'input.organisationId');
  }
  if (input.schoolId && !(await tx.school.findUnique({ where: { id: input.schoolId }, select: { id: true } }))) {
    throw notFound('School', 'input.schoolId');
  }
}

function toColumns(input: PersonInput): Prisma.PersonUncheckedUpdateInput {
  const data: Prisma.PersonUncheckedUpdateInput = {};
  if (input.name !== undefined) data.name = input.name;
  if (input.email !== undefined) data.email = input.email;
  if (input.organisationId !== undefined) data.organisationId = input.organisationId;
  if (input.schoolId !== undefined) data.schoolId = input.schoolId;
  if (input.oidcSubject !== undefined) data.oidcSubject = input.oidcSubject;
  return data;
}

builder.mutationField('createPerson', (t) =>
  t.field({
    type: PersonPayload('CreatePersonPayload'),
    description: 'Adds a staff member (admins only); `assignRole` then gives them roles.',
    args: { input: t.arg({ type: CreatePersonInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      if (!managesReferenceData(ctx.viewer)) throw forbidden('Only admins manage people.');
      const input = parseInput(createPersonSchema, args.input);
      const person = await ctx.prisma.$transaction(async (tx) => {
        await checkPerson(tx, input);
        const columns = toColumns(input) as Prisma.PersonUncheckedCreateInput;
        const created = await tx.person.create({ data: columns, select: { id: true } });
        await auditWrite(tx, ctx.viewer.personId, 'CREATE', 'Person', created.id, Object.keys(columns).sort());
        return created;
      });
      return { personId: person.id };
    },
  }),
);

builder.mutationField('updatePerson', (t) =>
  t.field({
    type: PersonPayload('UpdatePersonPayload'),
    description: 'Changes a person (admins only). Fields left out keep their value.',
    args: { input: t.arg({ type: UpdatePersonInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      if (!managesReferenceData(ctx.viewer)) throw forbidden('Only admins manage people.');
      const input = parseInput(updatePersonSchema, args.input);
      await ctx.prisma.$transaction(async (tx) => {
        const current = await tx.person.findUnique({ where: { id: input.id }, select: { version: true, organisationId: true, schoolId: true } });
        if (!current) throw notFound('Person', 'input.id');
        const organisationId = input.organisationId === undefined ? current.organisationId : input.organisationId;
        const schoolId = input.schoolId === undefined ? current.schoolId : input.schoolId;
        if (organisationId && schoolId) {
          const field = input.schoolId ? 'input.schoolId' : 'input.organisationId';
          throw badInput([{ field, rule: 'oneOf', message: 'a person works for a school or a youth work organisation, not both' }]);
        }
        if (current.version !== input.expectedVersion) throw staleVersion('person');
        await checkPerson(tx, input, input.id);
        const columns = toColumns(input);
        const { count } = await tx.person.updateMany({ where: { id: input.id, version: input.expectedVersion }, data: { ...columns, version: { increment: 1 } } });
        if (count === 0) throw staleVersion('person');
        await auditWrite(tx, ctx.viewer.personId, 'UPDATE', 'Person', input.id, Object.keys(columns).sort());
      });
      // A new e-mail or OIDC subject: tokens naming the old one no longer sign this person in.
      if (input.email !== undefined || input.oidcSubject !== undefined) ctx.pubsub.publish('roleChanged', { id: input.id, partnershipId: '' });
      return { personId: input.id };
    },
  }),
);

builder.mutationField('deactivatePerson', (t) =>
  t.field({
    type: PersonPayload('DeactivatePersonPayload'),
    description:
      'Deactivates a person who leaves (admins only): they can no longer sign in; their roles stay listed and what they recorded stays, attributed. ' +
      'Deactivating again changes nothing.',
    args: { input: t.arg({ type: DeactivatePersonInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      if (!managesReferenceData(ctx.viewer)) throw forbidden('Only admins manage people.');
      const { id } = parseInput(z.object({ id: globalId('Person') }), args.input);
      if (id === ctx.viewer.personId) throw badInput([{ field: 'input.id', rule: 'notSelf', message: 'you cannot deactivate yourself (another admin can)' }]);
      await ctx.prisma.$transaction(async (tx) => {
        if (!(await tx.person.findUnique({ where: { id }, select: { id: true } }))) throw notFound('Person', 'input.id');
        const { count } = await tx.person.updateMany({ where: { id, deactivatedAt: null }, data: { deactivatedAt: new Date(), version: { increment: 1 } } });
        if (count > 0) await auditWrite(tx, ctx.viewer.personId, 'UPDATE', 'Person', id, ['deactivatedAt']);
      });
      // Signed out everywhere: cached viewers and open connections of this person refresh.
      ctx.pubsub.publish('roleChanged', { id, partnershipId: '' });
      return { personId: id };
    },
  }),
);
