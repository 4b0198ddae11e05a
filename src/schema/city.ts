import { cityWhere } from '../auth/policy.ts';
import { builder } from '../builder.ts';
import { uuidOrNil } from '../validation.ts';
import { SchoolTypeEnum } from './enums.ts';

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

builder.prismaNode('School', {
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

builder.prismaNode('YouthWorkOrganisation', {
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
