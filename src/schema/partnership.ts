import { z } from 'zod';
import { canSeePeopleOf, partnershipWhere, SIGNAL_HANDLERS } from '../auth/policy.ts';
import { hiddenWhen } from '../auth/need-to-know.ts';
import { builder, type Types } from '../builder.ts';
import type { Context } from '../context.ts';
import { badInput, forbidden, notFound, staleVersion } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { FundingType, PartnershipForm, PartnershipStatus } from '../generated/prisma/enums.ts';
import { freeText, globalId, parseInput, searchText, text, uuidOrNil } from '../validation.ts';
import { activityListArgs, activityListQuery } from './activity/filters.ts';
import { FundingTypeEnum, PartnershipFormEnum, PartnershipStatusEnum } from './enums.ts';
import { defineOrder } from './ordering.ts';
import { pilotCityName, pilotFilterFields, pilotFilterRules, pilotInputFields, pilotInputRules, pilotValuesToStore, pilotWhere } from '../plugins/fields.ts';
import { requireRoleIn, written } from './guards.ts';
import { definePilotFieldsMutation } from './pilot-fields.ts';
import { ActivityConnection, ActivityRef } from './activity/object.ts';
import { awaitedQuery, type CursorArgs, cursorPosition, nestedCursorPosition } from './cursors.ts';
import { PersonRef } from './person.ts';
import { listedSignalContent, SignalConnection } from './signal/object.ts';
import { signalListArgs, signalListQuery } from './signal/filters.ts';
import type { CountedSignals } from '../privacy/audited-lists.ts';


const Funding = builder.objectRef<{ fundingType: FundingType; fundingSource: string | null; fundedUntil: Date | null }>('PartnershipFunding').implement({
  description: 'How the collaboration is funded (structurele financiering is a precondition).',
  fields: (t) => ({
    type: t.expose('fundingType', { type: FundingTypeEnum }),
    source: t.exposeString('fundingSource', { nullable: true, description: 'Who funds it, e.g. the municipality.' }),
    until: t.expose('fundedUntil', { type: 'Date', nullable: true }),
  }),
});

const Facilities = builder.objectRef<{ hasRoom: boolean; roomLocation: string | null }>('PartnershipFacilities').implement({
  description: 'What the school makes available (facilitering).',
  fields: (t) => ({
    hasRoom: t.exposeBoolean('hasRoom', { description: 'Whether youth work has a room in the school.' }),
    roomLocation: t.exposeString('roomLocation', { nullable: true, description: 'Where that room is.' }),
  }),
});

const schoolContactHidden = hiddenWhen('Partnership', 'schoolContact', (p: { id: string; cityId: string }, ctx: Context) => !canSeePeopleOf(ctx.viewer, p));

export const PartnershipRef = builder.prismaNode('Partnership', {
  id: { field: 'id' },
  nullable: true,
  // Select mode: the columns the selection asks for, beside the city (the school contact's rule and
  // the pilot namespaces read it).
  select: { id: true, cityId: true },
  findUnique: (id, ctx) => ({ id: uuidOrNil(id), AND: [partnershipWhere(ctx.viewer)] }),
  fields: (t) => ({
    name: t.exposeString('name'),
    school: t.relation('school'),
    youthWorkOrganisation: t.relation('youthWorkOrganisation'),
    city: t.relation('city'),
    form: t.expose('form', { type: PartnershipFormEnum }),
    status: t.expose('status', { type: PartnershipStatusEnum }),
    startsOn: t.expose('startsOn', { type: 'Date' }),
    endsOn: t.expose('endsOn', { type: 'Date', nullable: true }),
    goals: t.exposeStringList('goals'),
    rolesAndResponsibilities: t.exposeString('rolesAndResponsibilities', {
      nullable: true,
      description: 'The agreed roles and responsibilities of youth work and the school.',
    }),
    funding: t.field({ type: Funding, select: { fundingType: true, fundingSource: true, fundedUntil: true }, resolve: (p) => p }),
    facilities: t.field({ type: Facilities, select: { hasRoom: true, roomLocation: true }, resolve: (p) => p }),
    schoolContact: t.field({
      type: PersonRef,
      nullable: true,
      description: "The school's fixed contact person for youth work (vast aanspreekpunt).",
      select: (_args, _ctx, nestedSelection) => ({ cityId: true, schoolContact: nestedSelection(true) }),
      resolve: (p, _args, ctx, info) => {
        if (!schoolContactHidden(p, ctx)) return p.schoolContact;
        ctx.hidden.hide(info); // whether or not there is one: hidden says nothing about it
        return null;
      },
    }),
    consultationEveryWeeks: t.exposeInt('consultationEveryWeeks', {
      nullable: true,
      description: 'Agreed consultation rhythm (overleg): every N weeks.',
    }),
    openSignalCount: t.int({
      description: 'Signals not yet closed, among those you may see.',
      resolve: (p, _args, ctx) => ctx.loaders.openSignalCount.load(p.id),
    }),
    signals: t.relatedConnection('signals', {
      cursor: 'id',
      totalCount: true,
      args: signalListArgs(t),
      description: "This partnership's signals that you may see.",
      extensions: {
        listedSignalContent,
        countedSignals: ((partnership: { id: string }, args, viewer) => ({
          AND: [signalListQuery(viewer, { ...args.filter, partnershipId: null }, args.orderBy).where, { partnershipId: partnership.id }],
        })) satisfies CountedSignals,
      },
      query: (args, ctx) => awaitedQuery((async () => {
        const { where, scope, orderBy } = signalListQuery(ctx.viewer, { ...args.filter, partnershipId: null }, args.orderBy);
        const inScope = (id: string) => ({ partnership: { signals: { some: { AND: [{ id }, scope] } } } });
        // Connection args are there at run time, though not in this type.
        return { ...(await nestedCursorPosition(ctx.prisma.signal, where, inScope, args as CursorArgs)), orderBy };
      })()),
    }, SignalConnection),
    activities: t.relatedConnection('activities', {
      cursor: 'id',
      totalCount: true,
      args: activityListArgs(t),
      description: "This partnership's activities that you may see.",
      type: ActivityRef,
      query: (args, ctx) => awaitedQuery((async () => {
        const { where, scope, orderBy } = activityListQuery(ctx.viewer, { ...args.filter, partnershipId: null }, args.orderBy);
        const inScope = (id: string) => ({ partnership: { activities: { some: { AND: [{ id }, scope] } } } });
        return { ...(await nestedCursorPosition(ctx.prisma.activity, where, inScope, args as CursorArgs)), orderBy };
      })()),
    }, ActivityConnection),
    version: t.exposeInt('version', { description: 'Pass as `expectedVersion` when updating.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

// --- list ---

const PartnershipConnection = builder.connectionObject(
  { type: PartnershipRef, name: 'PartnershipConnection' },
  { name: 'PartnershipEdge' },
);

const PartnershipFilter = builder.inputType('PartnershipFilter', {
  fields: (t) => ({
    cityId: t.id(),
    schoolId: t.id(),
    youthWorkOrganisationId: t.id(),
    form: t.field({ type: PartnershipFormEnum }),
    status: t.field({ type: [PartnershipStatusEnum], description: 'Any of these statuses.' }),
    search: t.string({ description: 'Part of the name, case-insensitive.' }),
    ...pilotFilterFields(t, 'Partnership'),
  }),
});

const PartnershipOrder = defineOrder(
  'PartnershipOrder',
  { NAME: 'name', STARTS_ON: 'startsOn', CREATED_AT: 'createdAt' },
  { field: 'NAME', direction: 'ASC' },
);

const partnershipFilterSchema = z
  .object({
    cityId: globalId('City').nullish(),
    schoolId: globalId('School').nullish(),
    youthWorkOrganisationId: globalId('YouthWorkOrganisation').nullish(),
    form: z.enum(PartnershipForm).nullish(),
    status: z.array(z.enum(PartnershipStatus)).max(10).nullish(),
    search: searchText(100).nullish(),
    ...pilotFilterRules('Partnership'),
  })
  .nullish();

function partnershipListQuery(
  viewer: Parameters<typeof partnershipWhere>[0],
  rawFilter: unknown,
  order?: Parameters<typeof PartnershipOrder.orderBy>[0],
) {
  const f = parseInput(partnershipFilterSchema, rawFilter, 'filter') ?? {};
  const where: Prisma.PartnershipWhereInput = {
    AND: [
      partnershipWhere(viewer),
      {
        ...(f.cityId ? { cityId: f.cityId } : {}),
        ...(f.schoolId ? { schoolId: f.schoolId } : {}),
        ...(f.youthWorkOrganisationId ? { youthWorkOrganisationId: f.youthWorkOrganisationId } : {}),
        ...(f.form ? { form: f.form } : {}),
        ...(f.status?.length ? { status: { in: f.status } } : {}),
        ...(f.search ? { name: { contains: f.search, mode: 'insensitive' as const } } : {}),
      },
      ...pilotWhere('Partnership', f),
    ],
  };
  return { where, orderBy: PartnershipOrder.orderBy(order) as Prisma.PartnershipOrderByWithRelationInput[] };
}

builder.queryField('partnerships', (t) =>
  t.prismaConnection({
    type: 'Partnership',
    cursor: 'id',
    description: 'Partnerships you may see (your own, or those of your city).',
    args: { filter: t.arg({ type: PartnershipFilter, description: 'Only the items matching every field given (fields left out do not filter).' }), orderBy: t.arg({ type: PartnershipOrder.Input, description: 'The order of the list (the default is stated on the list); ties are broken by ID, so pages are stable.' }) },
    resolve: async (query, _root, args, ctx) => {
      const list = partnershipListQuery(ctx.viewer, args.filter, args.orderBy);
      const position = await cursorPosition(ctx.prisma.partnership, partnershipWhere(ctx.viewer), list.where, args);
      return ctx.prisma.partnership.findMany({ ...query, ...position, ...list });
    },
    totalCount: (_c, args, ctx) =>
      ctx.prisma.partnership.count({ where: partnershipListQuery(ctx.viewer, args.filter).where }),
  }, PartnershipConnection),
);

// --- writes (admins) ---

const FundingInput = builder.inputType('PartnershipFundingInput', {
  fields: (t) => ({
    type: t.field({ type: FundingTypeEnum, required: true }),
    source: t.string(),
    until: t.field({ type: 'Date' }),
  }),
});

const FacilitiesInput = builder.inputType('PartnershipFacilitiesInput', {
  fields: (t) => ({
    hasRoom: t.boolean({ required: true }),
    roomLocation: t.string(),
  }),
});

const editableFields = {
  name: text(200).optional(),
  form: z.enum(PartnershipForm).optional(),
  status: z.enum(PartnershipStatus).optional(),
  startsOn: z.date().optional(),
  endsOn: z.date().nullish(),
  goals: z.array(text(500)).max(20).optional(),
  rolesAndResponsibilities: freeText(5000).nullish(),
  funding: z
    .object({ type: z.enum(FundingType), source: text(200).nullish(), until: z.date().nullish() })
    .optional(),
  facilities: z.object({ hasRoom: z.boolean(), roomLocation: text(200).nullish() }).optional(),
  schoolContactId: globalId('Person').nullish(),
  consultationEveryWeeks: z.number().int().min(1).max(52).nullish(),
  ...pilotInputRules('Partnership'),
};

const checkPeriod = (v: { startsOn?: Date; endsOn?: Date | null }, ctx: z.RefinementCtx) => {
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) {
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'must not be before startsOn', params: { rule: 'after' } });
  }
};

const createPartnershipSchema = z
  .object({
    ...editableFields,
    schoolId: globalId('School'),
    youthWorkOrganisationId: globalId('YouthWorkOrganisation'),
    form: z.enum(PartnershipForm),
    startsOn: z.date(),
  })
  .superRefine(checkPeriod);

const updatePartnershipSchema = z
  .object({ ...editableFields, id: globalId('Partnership'), expectedVersion: z.number().int().min(1) })
  .superRefine(checkPeriod);

/** The fields create and update share. */
function partnershipFields(t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) {
  return {
    name: t.string({ description: 'Defaults to "<organisation> × <school>".' }),
    status: t.field({ type: PartnershipStatusEnum }),
    endsOn: t.field({ type: 'Date' }),
    goals: t.stringList(),
    rolesAndResponsibilities: t.string(),
    funding: t.field({ type: FundingInput }),
    facilities: t.field({ type: FacilitiesInput }),
    schoolContactId: t.id({ description: 'A person of the school: its fixed contact person for youth work.' }),
    consultationEveryWeeks: t.int({ description: 'Consultation rhythm: every N weeks (1–52).' }),
    ...pilotInputFields(t, 'Partnership'),
  };
}

const CreatePartnershipInput = builder.inputType('CreatePartnershipInput', {
  fields: (t) => ({
    schoolId: t.id({ required: true }),
    youthWorkOrganisationId: t.id({ required: true }),
    form: t.field({ type: PartnershipFormEnum, required: true }),
    startsOn: t.field({ type: 'Date', required: true }),
    ...partnershipFields(t),
  }),
});

const UpdatePartnershipInput = builder.inputType('UpdatePartnershipInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    expectedVersion: t.int({ required: true, description: 'The `version` you last read; a stale one is a CONFLICT.' }),
    form: t.field({ type: PartnershipFormEnum }),
    startsOn: t.field({ type: 'Date' }),
    ...partnershipFields(t),
  }),
});

type EditableInput = z.output<z.ZodObject<typeof editableFields>>;

function toColumns(input: EditableInput): Prisma.PartnershipUncheckedUpdateInput {
  const data: Prisma.PartnershipUncheckedUpdateInput = {};
  if (input.name !== undefined) data.name = input.name;
  if (input.form !== undefined) data.form = input.form;
  if (input.status !== undefined) data.status = input.status;
  if (input.startsOn !== undefined) data.startsOn = input.startsOn;
  if (input.endsOn !== undefined) data.endsOn = input.endsOn;
  if (input.goals !== undefined) data.goals = input.goals;
  if (input.rolesAndResponsibilities !== undefined) data.rolesAndResponsibilities = input.rolesAndResponsibilities;
  if (input.funding) {
    data.fundingType = input.funding.type;
    data.fundingSource = input.funding.source ?? null;
    data.fundedUntil = input.funding.until ?? null;
  }
  if (input.facilities) {
    data.hasRoom = input.facilities.hasRoom;
    data.roomLocation = input.facilities.hasRoom ? (input.facilities.roomLocation ?? null) : null;
  }
  if (input.schoolContactId !== undefined) data.schoolContactId = input.schoolContactId;
  if (input.consultationEveryWeeks !== undefined) data.consultationEveryWeeks = input.consultationEveryWeeks;
  return data;
}

async function checkSchoolContact(tx: Prisma.TransactionClient, personId: string | null | undefined, schoolId: string) {
  if (!personId) return;
  const person = await tx.person.findUnique({ where: { id: personId }, select: { schoolId: true } });
  if (!person) throw notFound('Person', 'input.schoolContactId');
  if (person.schoolId !== schoolId) {
    throw badInput([{ field: 'input.schoolContactId', rule: 'sameSchool', message: "must be a person of the partnership's school" }]);
  }
}

const PartnershipPayload = (name: string) =>
  builder.objectRef<{ partnershipId: string }>(name).implement({
    fields: (t) => ({
      partnership: t.prismaField({
        type: 'Partnership',
        resolve: (query, p, _args, ctx) =>
          written('Partnership', ctx.prisma.partnership.findFirst({ ...query, where: { id: p.partnershipId, AND: [partnershipWhere(ctx.viewer)] } })),
      }),
    }),
  });

builder.mutationField('createPartnership', (t) =>
  t.field({
    type: PartnershipPayload('CreatePartnershipPayload'),
    description: 'Starts a partnership between a youth work organisation and a school (admins only).',
    args: { input: t.arg({ type: CreatePartnershipInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      if (!ctx.viewer.isAdmin) throw forbidden('Only admins manage partnerships.');
      const input = parseInput(createPartnershipSchema, args.input);
      const partnership = await ctx.prisma.$transaction(async (tx) => {
        const school = await tx.school.findUnique({ where: { id: input.schoolId }, select: { cityId: true, name: true } });
        if (!school) throw notFound('School', 'input.schoolId');
        const org = await tx.youthWorkOrganisation.findUnique({ where: { id: input.youthWorkOrganisationId }, select: { name: true, cityId: true } });
        if (!org) throw notFound('Youth work organisation', 'input.youthWorkOrganisationId');
        if (org.cityId !== school.cityId) {
          throw badInput([{ field: 'input.youthWorkOrganisationId', rule: 'sameCity', message: "must work in the school's city" }]);
        }
        await checkSchoolContact(tx, input.schoolContactId, input.schoolId);
        // Inside the transaction, read with `tx` (PGlite has one connection: ctx.prisma would wait for it).
        const { name: cityName } = await tx.city.findUniqueOrThrow({ where: { id: school.cityId }, select: { name: true } });
        return tx.partnership.create({
          data: {
            ...(toColumns(input) as Prisma.PartnershipUncheckedCreateInput),
            pilotData: pilotValuesToStore('Partnership', input, { cityName }),
            name: input.name ?? `${org.name} × ${school.name}`,
            schoolId: input.schoolId,
            youthWorkOrganisationId: input.youthWorkOrganisationId,
            cityId: school.cityId,
            form: input.form,
            startsOn: input.startsOn,
          },
          select: { id: true },
        });
      });
      return { partnershipId: partnership.id };
    },
  }),
);

builder.mutationField('updatePartnership', (t) =>
  t.field({
    type: PartnershipPayload('UpdatePartnershipPayload'),
    description: 'Changes a partnership (admins only). Fields left out keep their value.',
    args: { input: t.arg({ type: UpdatePartnershipInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      if (!ctx.viewer.isAdmin) throw forbidden('Only admins manage partnerships.');
      const input = parseInput(updatePartnershipSchema, args.input);
      await ctx.prisma.$transaction(async (tx) => {
        const current = await tx.partnership.findUnique({
          where: { id: input.id },
          select: { schoolId: true, cityId: true, startsOn: true, endsOn: true, pilotData: true, version: true },
        });
        if (!current) throw notFound('Partnership', 'input.id');
        const startsOn = input.startsOn ?? current.startsOn;
        const endsOn = input.endsOn === undefined ? current.endsOn : input.endsOn;
        if (endsOn && endsOn < startsOn) {
          throw badInput([{ field: 'input.endsOn', rule: 'after', message: 'must not be before startsOn' }]);
        }
        await checkSchoolContact(tx, input.schoolContactId, current.schoolId);
        const { name: cityName } = await tx.city.findUniqueOrThrow({ where: { id: current.cityId }, select: { name: true } });
        const pilotData = pilotValuesToStore('Partnership', input, { cityName, current: current.pilotData });
        if (current.version !== input.expectedVersion) throw staleVersion('partnership');
        const { count } = await tx.partnership.updateMany({
          where: { id: input.id, version: input.expectedVersion },
          data: { ...toColumns(input), pilotData, version: { increment: 1 } },
        });
        if (count === 0) throw staleVersion('partnership');
      });
      return { partnershipId: input.id };
    },
  }),
);

// --- pilot values, recorded by the partnership's people ---

definePilotFieldsMutation({
  target: 'Partnership',
  idField: 'partnershipId',
  description: 'Records city pilot values on one of your partnerships (youth workers, school contacts, student counsellors; admins).',
  payload: PartnershipPayload('UpdatePartnershipPilotFieldsPayload'),
  load: async (ctx, id) => {
    const partnership = await requireRoleIn(ctx, id, SIGNAL_HANDLERS, 'input.partnershipId');
    const { pilotData, version } = await ctx.prisma.partnership.findUniqueOrThrow({ where: { id }, select: { pilotData: true, version: true } });
    return { pilotData, version, cityName: await pilotCityName(ctx, 'Partnership', `city:${partnership.cityId}`) };
  },
  write: async (ctx, id, version, pilotData) =>
    (await ctx.prisma.partnership.updateMany({ where: { id, version }, data: { pilotData, version: { increment: 1 } } })).count,
});
