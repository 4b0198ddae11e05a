import { z } from 'zod';
import { actsIn, cityWhere, SIGNAL_HANDLERS } from '../auth/policy.ts';
import { builder } from '../builder.ts';
import { forbidden, notFound } from '../errors.ts';
import type { Context } from '../context.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { pilotCityName, pilotFilterFields, pilotFilterRules, pilotWhere } from '../plugins/fields.ts';
import { definePilotFieldsMutation } from './pilot-fields.ts';
import { globalId, parseInput, searchText, uuidOrNil } from '../validation.ts';
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
    version: t.exposeInt('version'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

export const SchoolRef = builder.prismaNode('School', {
  id: { field: 'id' },
  nullable: true,
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
