import { z } from 'zod';
import { auditWrite } from '../audit.ts';
import { managesReferenceData } from '../auth/policy.ts';
import { builder, type Types } from '../builder.ts';
import { forbidden, notFound, staleVersion, taken } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { SchoolType } from '../generated/prisma/enums.ts';
import { pilotInputFields, pilotInputRules, pilotValuesToStore } from '../plugins/fields.ts';
import { freeText, globalId, parseInput, text } from '../validation.ts';
import { SchoolTypeEnum } from './enums.ts';
import { written } from './guards.ts';

// --- schools (admins) ---

/** A BRIN code as DUO registers it: 2 digits and 2 letters (e.g. 27QX); stored in capitals. */
const brinCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{2}[A-Z]{2}$/, { message: 'must be a BRIN code: 2 digits and 2 letters, e.g. 27QX' });

const schoolFields = {
  name: text(200).optional(),
  brinCode: brinCode.optional(),
  district: freeText(100).nullish(),
  schoolType: z.enum(SchoolType).optional(),
  enrolment: z.number().int().min(0).max(100_000).nullish(),
  ...pilotInputRules('School'),
};
const createSchoolSchema = z.object({ ...schoolFields, cityId: globalId('City'), name: text(200), brinCode, schoolType: z.enum(SchoolType) });
const updateSchoolSchema = z.object({ ...schoolFields, id: globalId('School'), expectedVersion: z.number().int().min(1) });

function schoolInputFields(t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) {
  return {
    district: t.string({ description: 'The district (stadsdeel, wijk) the school is in; empty clears it.' }),
    enrolment: t.int({ description: 'Number of students enrolled (0–100000); null clears it.' }),
    ...pilotInputFields(t, 'School'),
  };
}

const CreateSchoolInput = builder.inputType('CreateSchoolInput', {
  description: 'A new school in a city.',
  fields: (t) => ({
    cityId: t.id({ required: true, description: 'The city the school is in (it stays there).' }),
    name: t.string({ required: true }),
    brinCode: t.string({ required: true, description: 'BRIN code (DUO): 2 digits and 2 letters, e.g. 27QX (unique).' }),
    schoolType: t.field({ type: SchoolTypeEnum, required: true }),
    ...schoolInputFields(t),
  }),
});

const UpdateSchoolInput = builder.inputType('UpdateSchoolInput', {
  description: 'Changes to a school; fields left out keep their value.',
  fields: (t) => ({
    id: t.id({ required: true }),
    expectedVersion: t.int({ required: true, description: 'The `version` you last read; a stale one is a CONFLICT.' }),
    name: t.string(),
    brinCode: t.string({ description: 'BRIN code (DUO): 2 digits and 2 letters (unique).' }),
    schoolType: t.field({ type: SchoolTypeEnum }),
    ...schoolInputFields(t),
  }),
});

const SchoolWritePayload = (name: string) =>
  builder.objectRef<{ schoolId: string }>(name).implement({
    description: 'The school as stored.',
    fields: (t) => ({
      school: t.prismaField({
        type: 'School',
        description: 'The school written.',
        resolve: (query, p, _args, ctx) => written('School', ctx.prisma.school.findUnique({ ...query, where: { id: p.schoolId } })),
      }),
    }),
  });

type SchoolInput = z.output<z.ZodObject<typeof schoolFields>>;

function toColumns(input: SchoolInput): Prisma.SchoolUncheckedUpdateInput {
  const data: Prisma.SchoolUncheckedUpdateInput = {};
  if (input.name !== undefined) data.name = input.name;
  if (input.brinCode !== undefined) data.brinCode = input.brinCode;
  if (input.district !== undefined) data.district = input.district;
  if (input.schoolType !== undefined) data.schoolType = input.schoolType;
  if (input.enrolment !== undefined) data.enrolment = input.enrolment;
  return data;
}

async function checkBrinFree(tx: Prisma.TransactionClient, brin: string | undefined, id?: string) {
  if (brin === undefined) return;
  const other = await tx.school.findFirst({ where: { brinCode: brin, ...(id ? { id: { not: id } } : {}) }, select: { id: true } });
  if (other) throw taken('input.brinCode', 'school');
}

builder.mutationField('createSchool', (t) =>
  t.field({
    type: SchoolWritePayload('CreateSchoolPayload'),
    description: "Adds a school to a city, with the pilot fields of the city's plugins (admins only).",
    args: { input: t.arg({ type: CreateSchoolInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      if (!managesReferenceData(ctx.viewer)) throw forbidden('Only admins manage schools.');
      const input = parseInput(createSchoolSchema, args.input);
      const school = await ctx.prisma.$transaction(async (tx) => {
        const city = await tx.city.findUnique({ where: { id: input.cityId }, select: { name: true } });
        if (!city) throw notFound('City', 'input.cityId');
        const pilotData = pilotValuesToStore('School', input, { cityName: city.name });
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('School'))`;
        await checkBrinFree(tx, input.brinCode);
        const columns = toColumns(input) as Prisma.SchoolUncheckedCreateInput;
        const created = await tx.school.create({ data: { ...columns, cityId: input.cityId, pilotData }, select: { id: true } });
        await auditWrite(tx, ctx.viewer.personId, 'CREATE', 'School', created.id, [...Object.keys(columns), 'cityId'].sort());
        return created;
      });
      return { schoolId: school.id };
    },
  }),
);

builder.mutationField('updateSchool', (t) =>
  t.field({
    type: SchoolWritePayload('UpdateSchoolPayload'),
    description: 'Changes a school (admins only). Fields left out keep their value.',
    args: { input: t.arg({ type: UpdateSchoolInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      if (!managesReferenceData(ctx.viewer)) throw forbidden('Only admins manage schools.');
      const input = parseInput(updateSchoolSchema, args.input);
      await ctx.prisma.$transaction(async (tx) => {
        const current = await tx.school.findUnique({ where: { id: input.id }, select: { version: true, pilotData: true, city: { select: { name: true } } } });
        if (!current) throw notFound('School', 'input.id');
        const pilotData = pilotValuesToStore('School', input, { cityName: current.city.name, current: current.pilotData });
        if (current.version !== input.expectedVersion) throw staleVersion('school');
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('School'))`;
        await checkBrinFree(tx, input.brinCode, input.id);
        const columns = toColumns(input);
        const { count } = await tx.school.updateMany({
          where: { id: input.id, version: input.expectedVersion },
          data: { ...columns, pilotData, version: { increment: 1 } },
        });
        if (count === 0) throw staleVersion('school');
        await auditWrite(tx, ctx.viewer.personId, 'UPDATE', 'School', input.id, Object.keys(columns).sort());
      });
      return { schoolId: input.id };
    },
  }),
);
