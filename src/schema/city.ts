import { z } from 'zod';
import { actsIn, cityWhere, SIGNAL_HANDLERS } from '../auth/policy.ts';
import { builder, type Types } from '../builder.ts';
import { forbidden, notFound, staleVersion, taken } from '../errors.ts';
import { auditWrite } from '../audit.ts';
import { managesReferenceData } from '../auth/policy.ts';
import { MAX_PERTURBATION } from '../evaluation/disclosure.ts';
import type { Context } from '../context.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { pilotCityName, pilotFilterFields, pilotFilterRules, pilotWhere } from '../plugins/fields.ts';
import { definePilotFieldsMutation } from './pilot-fields.ts';
import { globalId, parseInput, searchText, text, uuidOrNil, withoutNulls } from '../validation.ts';
import { cursorPosition } from './cursors.ts';
import { SchoolTypeEnum } from './enums.ts';
import { written } from './guards.ts';

builder.prismaNode('City', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uuidOrNil(id), AND: [cityWhere(ctx.viewer)] }),
  fields: (t) => ({
    name: t.exposeString('name'),
    cbsCode: t.exposeString('cbsCode'),
    retentionMonths: t.exposeInt('retentionMonths', { description: 'Months after closing that a signal is anonymised (bewaartermijn).' }),
    minCellSize: t.exposeInt('minCellSize', { description: 'Smallest number of records an evaluation figure about young people or signals may rest on; smaller cells are suppressed, and a share only shows when both the records it counts and those it leaves out reach it.' }),
    maxPerturbation: t.exposeInt('maxPerturbation', { description: `Largest change the cell key method makes to an evaluation count (0 turns perturbation off; at most ${MAX_PERTURBATION}).` }),
    activityRetentionMonths: t.exposeInt('activityRetentionMonths', { description: 'Months after an activity that retention clears its notes and location note (bewaartermijn activiteiten).' }),
    youthRetentionMonths: t.exposeInt('youthRetentionMonths', {
      description: 'Months without a linked signal or a new activity after which retention anonymises a youth reference (its code replaced, as `eraseYouth` does).',
    }),
    staffRetentionMonths: t.exposeInt('staffRetentionMonths', {
      description: 'Months after a staff member is deactivated that retention pseudonymises them (as `erasePerson` does).',
    }),
    version: t.exposeInt('version', { description: 'Pass as `expectedVersion` when updating.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

export const SchoolRef = builder.prismaNode('School', {
  id: { field: 'id' },
  nullable: true,
  // Select mode: the columns the selection asks for, beside the city (the pilot namespaces read it).
  select: { id: true, cityId: true },
  findUnique: (id, ctx) => ({ id: uuidOrNil(id), city: cityWhere(ctx.viewer) }),
  fields: (t) => ({
    name: t.exposeString('name'),
    brinCode: t.exposeString('brinCode'),
    city: t.relation('city'),
    district: t.exposeString('district', { nullable: true }),
    schoolType: t.expose('schoolType', { type: SchoolTypeEnum }),
    enrolment: t.exposeInt('enrolment', { nullable: true, description: 'Number of students enrolled.' }),
    version: t.exposeInt('version'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

export const YouthWorkOrganisationRef = builder.prismaNode('YouthWorkOrganisation', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uuidOrNil(id), city: cityWhere(ctx.viewer) }),
  fields: (t) => ({
    name: t.exposeString('name'),
    city: t.relation('city'),
    version: t.exposeInt('version'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryField('cities', (t) =>
  t.prismaField({
    type: ['City'],
    description: 'The cities (gemeenten) you work in.',
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.city.findMany({ ...query, where: cityWhere(ctx.viewer), orderBy: { name: 'asc' } }),
  }),
);

// --- schools ---

const SchoolFilter = builder.inputType('SchoolFilter', {
  description: 'All given conditions must hold.',
  fields: (t) => ({
    cityId: t.id(),
    search: t.string({ description: 'Part of the name, case-insensitive.' }),
    ...pilotFilterFields(t, 'School'),
  }),
});

const schoolFilterSchema = z
  .object({ cityId: globalId('City').nullish(), search: searchText(100).nullish(), ...pilotFilterRules('School') })
  .nullish();

const schoolListWhere = (ctx: Context, rawFilter: unknown): Prisma.SchoolWhereInput => {
  const f = parseInput(schoolFilterSchema, rawFilter, 'filter') ?? {};
  return {
    AND: [
      { city: cityWhere(ctx.viewer) },
      {
        ...(f.cityId ? { cityId: f.cityId } : {}),
        ...(f.search ? { name: { contains: f.search, mode: 'insensitive' as const } } : {}),
      },
      ...pilotWhere('School', f),
    ],
  };
};

builder.queryField('schools', (t) =>
  t.prismaConnection({
    type: 'School',
    cursor: 'id',
    description: 'Schools of the cities you work in, by name.',
    args: { filter: t.arg({ type: SchoolFilter, description: 'Only the items matching every field given (fields left out do not filter).' }) },
    resolve: async (query, _root, args, ctx) => {
      const where = schoolListWhere(ctx, args.filter);
      const position = await cursorPosition(ctx.prisma.school, { city: cityWhere(ctx.viewer) }, where, args);
      return ctx.prisma.school.findMany({ ...query, ...position, where, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
    },
    totalCount: (_c, args, ctx) => ctx.prisma.school.count({ where: schoolListWhere(ctx, args.filter) }),
  }, { name: 'SchoolConnection' }, { name: 'SchoolEdge' }),
);

// --- pilot values of a school, recorded by the people of its partnerships ---

const SchoolPayload = builder.objectRef<{ schoolId: string }>('UpdateSchoolPilotFieldsPayload').implement({
  fields: (t) => ({
    school: t.prismaField({
      type: 'School',
      resolve: (query, p, _args, ctx) =>
        written('School', ctx.prisma.school.findFirst({ ...query, where: { id: p.schoolId, city: cityWhere(ctx.viewer) } })),
    }),
  }),
});

definePilotFieldsMutation({
  target: 'School',
  idField: 'schoolId',
  description:
    'Records city pilot values on a school where you work in an active partnership (youth workers, school contacts, student counsellors; admins).',
  payload: SchoolPayload,
  load: async (ctx, id) => {
    const school = await ctx.prisma.school.findFirst({
      where: { id, city: cityWhere(ctx.viewer) },
      select: { cityId: true, version: true, pilotData: true, partnerships: { where: { status: { not: 'ENDED' } }, select: { id: true } } },
    });
    if (!school) throw notFound('School', 'input.schoolId');
    if (!school.partnerships.some((p) => actsIn(ctx.viewer, p.id, SIGNAL_HANDLERS))) {
      throw forbidden(`You need one of the roles ${SIGNAL_HANDLERS.join(', ')} in an active partnership of this school.`);
    }
    return { ...school, cityName: await pilotCityName(ctx, 'School', `city:${school.cityId}`) };
  },
  write: async (ctx, id, version, pilotData) =>
    (await ctx.prisma.school.updateMany({ where: { id, version }, data: { pilotData, version: { increment: 1 } } })).count,
});

// --- cities (admins) ---

const cityFields = {
  name: text(100).optional(),
  cbsCode: z.string().trim().regex(/^GM\d{4}$/, { message: 'must be a CBS municipality code: GM and 4 digits, e.g. GM0599' }).optional(),
  retentionMonths: z.number().int().min(1).max(120).optional(),
  minCellSize: z.number().int().min(1).max(100).optional(),
  maxPerturbation: z.number().int().min(0).max(MAX_PERTURBATION).optional(),
  activityRetentionMonths: z.number().int().min(1).max(120).optional(),
  youthRetentionMonths: z.number().int().min(1).max(120).optional(),
  staffRetentionMonths: z.number().int().min(1).max(120).optional(),
};
const createCitySchema = z.object({ ...cityFields, name: text(100), cbsCode: cityFields.cbsCode.unwrap() });
const updateCitySchema = z.object({ ...cityFields, id: globalId('City'), expectedVersion: z.number().int().min(1) });

function cityInputFields(t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) {
  return {
    retentionMonths: t.int({ description: 'Months after closing that a signal is anonymised (1–120; default 24).' }),
    minCellSize: t.int({ description: 'Smallest cell an evaluation figure may rest on (1–100; default 5).' }),
    maxPerturbation: t.int({ description: `Largest change the cell key method makes to a count (0–${MAX_PERTURBATION}; default 2; 0 turns it off).` }),
    activityRetentionMonths: t.int({ description: 'Months after an activity that its notes and location note are cleared (1–120; default 24).' }),
    youthRetentionMonths: t.int({ description: 'Months without a linked signal or a new activity after which a youth reference is anonymised (1–120; default 24).' }),
    staffRetentionMonths: t.int({ description: 'Months after deactivation that a staff member is pseudonymised (1–120; default 24).' }),
  };
}

const CreateCityInput = builder.inputType('CreateCityInput', {
  description: 'A new city (gemeente).',
  fields: (t) => ({
    name: t.string({ required: true, description: 'The municipality, e.g. Rotterdam (unique).' }),
    cbsCode: t.string({ required: true, description: 'CBS municipality code, e.g. GM0599 (unique).' }),
    ...cityInputFields(t),
  }),
});

const UpdateCityInput = builder.inputType('UpdateCityInput', {
  description: 'Changes to a city; fields left out keep their value.',
  fields: (t) => ({
    id: t.id({ required: true }),
    expectedVersion: t.int({ required: true, description: 'The `version` you last read; a stale one is a CONFLICT.' }),
    name: t.string({ description: 'The municipality (unique).' }),
    cbsCode: t.string({ description: 'CBS municipality code (unique).' }),
    ...cityInputFields(t),
  }),
});

const CityPayload = (name: string) =>
  builder.objectRef<{ cityId: string }>(name).implement({
    description: 'The city as stored.',
    fields: (t) => ({
      city: t.prismaField({
        type: 'City',
        description: 'The city written.',
        resolve: (query, p, _args, ctx) => written('City', ctx.prisma.city.findUnique({ ...query, where: { id: p.cityId } })),
      }),
    }),
  });

/** CONFLICT naming the field when another city has this name or CBS code. */
async function checkCityUnique(tx: Prisma.TransactionClient, input: { name?: string; cbsCode?: string }, id?: string) {
  for (const field of ['name', 'cbsCode'] as const) {
    const value = input[field];
    if (value === undefined) continue;
    const other = await tx.city.findFirst({ where: { [field]: { equals: value, mode: 'insensitive' }, ...(id ? { id: { not: id } } : {}) }, select: { id: true } });
    if (other) throw taken(`input.${field}`, 'city');
  }
}

builder.mutationField('createCity', (t) =>
  t.field({
    type: CityPayload('CreateCityPayload'),
    description: 'Adds a city with its retention and disclosure settings (admins only).',
    args: { input: t.arg({ type: CreateCityInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      if (!managesReferenceData(ctx.viewer)) throw forbidden('Only admins manage cities.');
      const input = parseInput(createCitySchema, withoutNulls(args.input));
      const city = await ctx.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('City'))`;
        await checkCityUnique(tx, input);
        const created = await tx.city.create({ data: input, select: { id: true } });
        await auditWrite(tx, ctx.viewer.personId, 'CREATE', 'City', created.id, Object.keys(input).sort());
        return created;
      });
      return { cityId: city.id };
    },
  }),
);

builder.mutationField('updateCity', (t) =>
  t.field({
    type: CityPayload('UpdateCityPayload'),
    description: 'Changes a city (admins only). Fields left out keep their value.',
    args: { input: t.arg({ type: UpdateCityInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      if (!managesReferenceData(ctx.viewer)) throw forbidden('Only admins manage cities.');
      const { id, expectedVersion, ...data } = parseInput(updateCitySchema, withoutNulls(args.input));
      await ctx.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('City'))`;
        const current = await tx.city.findUnique({ where: { id }, select: { version: true } });
        if (!current) throw notFound('City', 'input.id');
        if (current.version !== expectedVersion) throw staleVersion('city');
        await checkCityUnique(tx, data, id);
        const { count } = await tx.city.updateMany({ where: { id, version: expectedVersion }, data: { ...data, version: { increment: 1 } } });
        if (count === 0) throw staleVersion('city');
        await auditWrite(tx, ctx.viewer.personId, 'UPDATE', 'City', id, Object.keys(data).sort());
      });
      return { cityId: id };
    },
  }),
);
