import { z } from 'zod';
import { auditWrite } from '../audit.ts';
import { managesReferenceData } from '../auth/policy.ts';
import { builder } from '../builder.ts';
import { forbidden, notFound, staleVersion, taken } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { globalId, parseInput, text } from '../validation.ts';
import { written } from './guards.ts';

// --- youth work organisations (admins) ---

const CreateOrganisationInput = builder.inputType('CreateYouthWorkOrganisationInput', {
  description: 'A new youth work organisation (jongerenwerkorganisatie) in a city.',
  fields: (t) => ({
    cityId: t.id({ required: true, description: 'The city it works in (it stays there).' }),
    name: t.string({ required: true, description: 'Its name (unique).' }),
  }),
});

const UpdateOrganisationInput = builder.inputType('UpdateYouthWorkOrganisationInput', {
  description: 'Changes to a youth work organisation; fields left out keep their value.',
  fields: (t) => ({
    id: t.id({ required: true }),
    expectedVersion: t.int({ required: true, description: 'The `version` you last read; a stale one is a CONFLICT.' }),
    name: t.string({ description: 'Its name (unique).' }),
  }),
});

const createSchema = z.object({ cityId: globalId('City'), name: text(200) });
const updateSchema = z.object({ id: globalId('YouthWorkOrganisation'), expectedVersion: z.number().int().min(1), name: text(200).optional() });

const OrganisationPayload = (name: string) =>
  builder.objectRef<{ organisationId: string }>(name).implement({
    description: 'The organisation as stored.',
    fields: (t) => ({
      youthWorkOrganisation: t.prismaField({
        type: 'YouthWorkOrganisation',
        description: 'The organisation written.',
        resolve: (query, p, _args, ctx) =>
          written('Youth work organisation', ctx.prisma.youthWorkOrganisation.findUnique({ ...query, where: { id: p.organisationId } })),
      }),
    }),
  });

async function checkNameFree(tx: Prisma.TransactionClient, name: string | undefined, id?: string) {
  if (name === undefined) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('YouthWorkOrganisation'))`;
  const other = await tx.youthWorkOrganisation.findFirst({ where: { name: { equals: name, mode: 'insensitive' }, ...(id ? { id: { not: id } } : {}) }, select: { id: true } });
  if (other) throw taken('input.name', 'youth work organisation');
}

builder.mutationField('createYouthWorkOrganisation', (t) =>
  t.field({
    type: OrganisationPayload('CreateYouthWorkOrganisationPayload'),
    description: 'Adds a youth work organisation to a city (admins only).',
    args: { input: t.arg({ type: CreateOrganisationInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      if (!managesReferenceData(ctx.viewer)) throw forbidden('Only admins manage youth work organisations.');
      const input = parseInput(createSchema, args.input);
      const org = await ctx.prisma.$transaction(async (tx) => {
        if (!(await tx.city.findUnique({ where: { id: input.cityId }, select: { id: true } }))) throw notFound('City', 'input.cityId');
        await checkNameFree(tx, input.name);
        const created = await tx.youthWorkOrganisation.create({ data: input, select: { id: true } });
        await auditWrite(tx, ctx.viewer.personId, 'CREATE', 'YouthWorkOrganisation', created.id, ['cityId', 'name']);
        return created;
      });
      return { organisationId: org.id };
    },
  }),
);

builder.mutationField('updateYouthWorkOrganisation', (t) =>
  t.field({
    type: OrganisationPayload('UpdateYouthWorkOrganisationPayload'),
    description: 'Changes a youth work organisation (admins only). Fields left out keep their value.',
    args: { input: t.arg({ type: UpdateOrganisationInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      if (!managesReferenceData(ctx.viewer)) throw forbidden('Only admins manage youth work organisations.');
      const { id, expectedVersion, ...data } = parseInput(updateSchema, args.input);
      await ctx.prisma.$transaction(async (tx) => {
        const current = await tx.youthWorkOrganisation.findUnique({ where: { id }, select: { version: true } });
        if (!current) throw notFound('Youth work organisation', 'input.id');
        if (current.version !== expectedVersion) throw staleVersion('youth work organisation');
        await checkNameFree(tx, data.name, id);
        const { count } = await tx.youthWorkOrganisation.updateMany({ where: { id, version: expectedVersion }, data: { ...data, version: { increment: 1 } } });
        if (count === 0) throw staleVersion('youth work organisation');
        await auditWrite(tx, ctx.viewer.personId, 'UPDATE', 'YouthWorkOrganisation', id, Object.keys(data).sort());
      });
      return { organisationId: id };
    },
  }),
);
