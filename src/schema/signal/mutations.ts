import { z } from 'zod';
import { auditWrite } from '../../audit.ts';
import { SIGNAL_HANDLERS, SIGNAL_REPORTERS, sideIn, signalContentWhere, signalWhere, youthWhere } from '../../auth/policy.ts';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { appError, badInput, ErrorCode, notFound, staleVersion } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import {
  AgeBand,
  FollowUpAction,
  LegalBasis,
  LifeDomain,
  PartnerSide,
  SignalAudience,
  SignalCategory,
  SignalStatus,
  SignalSubject,
  SignalUrgency,
} from '../../generated/prisma/enums.ts';
import { pilotCityName, pilotInputFields, pilotInputRules, pilotValuesToStore } from '../../plugins/fields.ts';
import { definePilotFieldsMutation } from '../pilot-fields.ts';
import { globalId, parseInput, text } from '../../validation.ts';
import {
  AgeBandEnum,
  FollowUpActionEnum,
  LegalBasisEnum,
  PartnerSideEnum,
  SignalAudienceEnum,
  LifeDomainEnum,
  SignalCategoryEnum,
  SignalStatusEnum,
  SignalSubjectEnum,
  SignalUrgencyEnum,
} from '../enums.ts';
import { requireRoleIn, written } from '../guards.ts';
import { canTransition, REACHED_AT } from './workflow.ts';

const SignalPayload = (name: string) =>
  builder.objectRef<{ signalId: string }>(name).implement({
    fields: (t) => ({
      signal: t.prismaField({
        type: 'Signal',
        resolve: (query, p, _args, ctx) =>
          written('Signal', ctx.prisma.signal.findFirst({ ...query, where: { id: p.signalId, AND: [signalWhere(ctx.viewer)] } })),
      }),
    }),
  });

/** Loads a signal the viewer may handle (see and follow up), or throws NOT_FOUND / FORBIDDEN. */
async function requireHandledSignal(ctx: Context, signalId: string) {
  const signal = await ctx.prisma.signal.findFirst({
    where: { id: signalId, AND: [signalContentWhere(ctx.viewer)] },
    select: {
      id: true,
      partnershipId: true,
      status: true,
      version: true,
      reportedAt: true,
      ownerSide: true,
      sharedWith: true,
      acknowledgedAt: true,
      inProgressAt: true,
      referredAt: true,
      closedAt: true,
    },
  });
  if (!signal) throw notFound('Signal', 'input.signalId');
  await requireRoleIn(ctx, signal.partnershipId, SIGNAL_HANDLERS, 'input.signalId');
  return signal;
}

// --- reportSignal ---

const ReportSignalInput = builder.inputType('ReportSignalInput', {
  description:
    'The signal belongs to your side of the partnership (youth work or school). It is shared with the other side only ' +
    'when `sharedWith` says so, on a legal basis.',
  fields: (t) => ({
    partnershipId: t.id({ required: true }),
    lifeDomain: t.field({ type: LifeDomainEnum, required: true }),
    category: t.field({ type: SignalCategoryEnum, required: true }),
    summary: t.string({ required: true, description: 'Short description without names (1–500 characters).' }),
    subject: t.field({ type: SignalSubjectEnum, defaultValue: 'INDIVIDUAL' }),
    urgency: t.field({ type: SignalUrgencyEnum, defaultValue: 'MEDIUM' }),
    youthId: t.id({ description: 'The young person (pseudonymous reference); only for INDIVIDUAL signals.' }),
    sharedWith: t.field({ type: SignalAudienceEnum, description: 'Who may read the content; defaults to your own side.' }),
    legalBasis: t.field({ type: LegalBasisEnum, description: 'Required (not NONE) when sharing with the other side.' }),
    ownerSide: t.field({ type: PartnerSideEnum, description: 'Only for admins, who are on neither side.' }),
    ...pilotInputFields(t, 'Signal'),
  }),
});

const reportSignalSchema = z
  .object({
    partnershipId: globalId('Partnership'),
    lifeDomain: z.enum(LifeDomain),
    category: z.enum(SignalCategory),
    summary: text(500),
    subject: z.enum(SignalSubject).default('INDIVIDUAL'),
    urgency: z.enum(SignalUrgency).default('MEDIUM'),
    youthId: globalId('Youth').nullish(),
    sharedWith: z.enum(SignalAudience).nullish(),
    legalBasis: z.enum(LegalBasis).default('NONE'),
    ownerSide: z.enum(PartnerSide).nullish(),
    ...pilotInputRules('Signal'),
  })
  .superRefine((v, ctx) => {
    if (v.subject !== 'INDIVIDUAL' && v.youthId) {
      ctx.addIssue({ code: 'custom', path: ['youthId'], message: `must be empty for a ${v.subject} signal`, params: { rule: 'forbidden' } });
    }
  });

builder.mutationField('reportSignal', (t) =>
  t.field({
    type: SignalPayload('ReportSignalPayload'),
    description: 'Reports a signal in one of your partnerships.',
    args: { input: t.arg({ type: ReportSignalInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(reportSignalSchema, args.input);
      const partnership = await requireRoleIn(ctx, input.partnershipId, SIGNAL_REPORTERS, 'input.partnershipId');
      const ownerSide = sideIn(ctx.viewer, partnership.id) ?? input.ownerSide;
      if (!ownerSide) throw badInput([{ field: 'input.ownerSide', rule: 'required', message: 'is required when you are on neither side' }]);
      if (input.ownerSide && input.ownerSide !== ownerSide) {
        throw badInput([{ field: 'input.ownerSide', rule: 'ownSide', message: 'must be your own side of the partnership' }]);
      }
      const sharedWith = input.sharedWith ?? ownerSide;
      if (sharedWith !== ownerSide && input.legalBasis === 'NONE') {
        throw badInput([{ field: 'input.legalBasis', rule: 'required', message: 'a legal basis is needed to share with the other side' }]);
      }
      if (input.youthId) {
        // Only a youth reference the reporter may see: linking one is not a way to read it.
        const youth = await ctx.prisma.youth.findFirst({ where: { id: input.youthId, AND: [youthWhere(ctx.viewer)] }, select: { schoolId: true } });
        if (!youth || youth.schoolId !== partnership.schoolId) throw notFound('Youth', 'input.youthId');
      }
      const cityName = await pilotCityName(ctx, 'Signal', `partnership:${partnership.id}`);
      const pilotData = pilotValuesToStore('Signal', input, { cityName });
      const data = {
          pilotData,
          partnershipId: input.partnershipId,
          lifeDomain: input.lifeDomain,
          category: input.category,
          subject: input.subject,
          urgency: input.urgency,
          summary: input.summary,
          youthId: input.youthId ?? null,
          reportedById: ctx.viewer.personId,
          ownerSide,
          sharedWith,
          legalBasis: sharedWith === ownerSide ? ('NONE' as const) : input.legalBasis,
      };
      const signal = await ctx.prisma.$transaction(async (tx) => {
        const created = await tx.signal.create({ data, select: { id: true, partnershipId: true } });
        await auditWrite(tx, ctx.viewer.personId, 'CREATE', 'Signal', created.id, Object.keys(data).sort());
        return created;
      });
      ctx.pubsub.publish('signalReported', { id: signal.id, partnershipId: signal.partnershipId });
      return { signalId: signal.id };
    },
  }),
);

// --- changeSignalStatus ---

const ChangeSignalStatusInput = builder.inputType('ChangeSignalStatusInput', {
  fields: (t) => ({
    signalId: t.id({ required: true }),
    status: t.field({ type: SignalStatusEnum, required: true }),
    expectedVersion: t.int({ required: true, description: 'The `version` you last read; a stale one is a CONFLICT.' }),
    referralDestination: t.string({ description: 'Required when the status becomes REFERRED (e.g. buurtteam).' }),
  }),
});

const changeSignalStatusSchema = z
  .object({
    signalId: globalId('Signal'),
    status: z.enum(SignalStatus),
    expectedVersion: z.number().int().min(1),
    referralDestination: text(200).nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'REFERRED' && !v.referralDestination) {
      ctx.addIssue({ code: 'custom', path: ['referralDestination'], message: 'is required when referring', params: { rule: 'required' } });
    }
    if (v.status !== 'REFERRED' && v.referralDestination) {
      ctx.addIssue({ code: 'custom', path: ['referralDestination'], message: 'is only allowed when referring', params: { rule: 'forbidden' } });
    }
  });

builder.mutationField('changeSignalStatus', (t) =>
  t.field({
    type: SignalPayload('ChangeSignalStatusPayload'),
    description: 'Moves a signal along its workflow (NEW → ACKNOWLEDGED → IN_PROGRESS → REFERRED → CLOSED).',
    args: { input: t.arg({ type: ChangeSignalStatusInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(changeSignalStatusSchema, args.input);
      const signal = await requireHandledSignal(ctx, input.signalId);
      if (signal.version !== input.expectedVersion) throw staleVersion('signal');
      if (!canTransition(signal.status, input.status)) {
        throw appError(ErrorCode.INVALID_TRANSITION, `A ${signal.status} signal cannot become ${input.status}.`, {
          field: 'input.status',
          rule: 'transition',
          from: signal.status,
          to: input.status,
        });
      }
      const data: Prisma.SignalUpdateManyMutationInput = { status: input.status, version: { increment: 1 } };
      // Each step's timestamp records the first time it was reached (a referral can go back to IN_PROGRESS).
      if (input.status !== 'NEW' && signal[REACHED_AT[input.status]] === null) data[REACHED_AT[input.status]] = new Date();
      if (input.status === 'REFERRED') data.referralDestination = input.referralDestination;
      await ctx.prisma.$transaction(async (tx) => {
        // The version in the WHERE makes a concurrent change lose cleanly instead of overwriting.
        const { count } = await tx.signal.updateMany({ where: { id: signal.id, version: input.expectedVersion }, data });
        if (count === 0) throw staleVersion('signal');
        await auditWrite(tx, ctx.viewer.personId, 'UPDATE', 'Signal', signal.id, Object.keys(data).filter((k) => k !== 'version').sort());
      });
      ctx.pubsub.publish('signalChanged', { id: signal.id, partnershipId: signal.partnershipId });
      return { signalId: signal.id };
    },
  }),
);


// --- addSignalFollowUp ---

const AddSignalFollowUpInput = builder.inputType('AddSignalFollowUpInput', {
  fields: (t) => ({
    signalId: t.id({ required: true }),
    action: t.field({ type: FollowUpActionEnum, required: true }),
    note: t.string({ description: 'What was done, without names (max 1000 characters).' }),
    at: t.field({ type: 'DateTime', description: 'When it happened; defaults to now; not in the future.' }),
  }),
});

const addFollowUpSchema = z.object({
  signalId: globalId('Signal'),
  action: z.enum(FollowUpAction),
  note: text(1000).nullish(),
  at: z
    .date()
    .nullish()
    .refine((d) => !d || d.getTime() <= Date.now() + 60_000, { message: 'must not be in the future', params: { rule: 'notFuture' } }),
});

builder.mutationField('addSignalFollowUp', (t) =>
  t.field({
    type: SignalPayload('AddSignalFollowUpPayload'),
    description: 'Records a follow-up step on a signal.',
    args: { input: t.arg({ type: AddSignalFollowUpInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(addFollowUpSchema, args.input);
      const signal = await requireHandledSignal(ctx, input.signalId);
      if (signal.status === 'CLOSED') {
        throw badInput([{ field: 'input.signalId', rule: 'open', message: 'the signal is closed' }]);
      }
      if (input.at && input.at < signal.reportedAt) {
        throw badInput([{ field: 'input.at', rule: 'afterReported', message: 'must not be before the signal was reported' }]);
      }
      await ctx.prisma.$transaction(async (tx) => {
        // Re-checked in the write: a signal closed meanwhile takes no more follow-ups.
        const { count } = await tx.signal.updateMany({ where: { id: signal.id, status: { not: 'CLOSED' } }, data: { version: { increment: 1 } } });
        if (count === 0) throw badInput([{ field: 'input.signalId', rule: 'open', message: 'the signal is closed' }]);
        await tx.signalFollowUp.create({
          data: { signalId: signal.id, byId: ctx.viewer.personId, action: input.action, note: input.note ?? null, at: input.at ?? new Date() },
        });
        await auditWrite(tx, ctx.viewer.personId, 'UPDATE', 'Signal', signal.id, ['followUps']);
      });
      ctx.pubsub.publish('signalChanged', { id: signal.id, partnershipId: signal.partnershipId });
      return { signalId: signal.id };
    },
  }),
);

// --- registerYouth ---

const RegisterYouthInput = builder.inputType('RegisterYouthInput', {
  description: 'A pseudonymous reference: no name, birth date or citizen number is ever asked.',
  fields: (t) => ({
    partnershipId: t.id({ required: true, description: "The youth is registered at this partnership's school." }),
    yearGroup: t.int({ description: 'School year (leerjaar), 1–6.' }),
    ageBand: t.field({ type: AgeBandEnum }),
  }),
});

const registerYouthSchema = z.object({
  partnershipId: globalId('Partnership'),
  yearGroup: z.number().int().min(1).max(6).nullish(),
  ageBand: z.enum(AgeBand).nullish(),
});

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
function randomYouthCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]);
  return `${chars.slice(0, 2).join('')}-${chars.slice(2, 6).join('')}-${chars.slice(6).join('')}`;
}

const RegisterYouthPayload = builder.objectRef<{ youthId: string }>('RegisterYouthPayload').implement({
  fields: (t) => ({
    youth: t.prismaField({
      type: 'Youth',
      resolve: (query, p, _args, ctx) =>
        written('Youth', ctx.prisma.youth.findFirst({ ...query, where: { id: p.youthId, AND: [youthWhere(ctx.viewer)] } })),
    }),
  }),
});

builder.mutationField('registerYouth', (t) =>
  t.field({
    type: RegisterYouthPayload,
    description: 'Creates a pseudonymous youth reference with a random code, to link signals and guidance to.',
    args: { input: t.arg({ type: RegisterYouthInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(registerYouthSchema, args.input);
      const partnership = await requireRoleIn(ctx, input.partnershipId, SIGNAL_HANDLERS, 'input.partnershipId');
      const youth = await ctx.prisma.$transaction(async (tx) => {
        const created = await tx.youth.create({
          data: {
            code: randomYouthCode(),
            schoolId: partnership.schoolId,
            yearGroup: input.yearGroup ?? null,
            ageBand: input.ageBand ?? null,
            registeredById: ctx.viewer.personId,
          },
          select: { id: true },
        });
        await auditWrite(tx, ctx.viewer.personId, 'CREATE', 'Youth', created.id, ['ageBand', 'code', 'schoolId', 'yearGroup']);
        return created;
      });
      return { youthId: youth.id };
    },
  }),
);

// --- shareSignal ---

const ShareSignalInput = builder.inputType('ShareSignalInput', {
  description: 'Widens who may read a signal, on a legal basis. Audited. Narrowing is not possible: what was read was read.',
  fields: (t) => ({
    signalId: t.id({ required: true }),
    sharedWith: t.field({ type: SignalAudienceEnum, required: true, description: 'The new, wider audience (usually BOTH).' }),
    legalBasis: t.field({ type: LegalBasisEnum, required: true, description: 'CONSENT or LEGAL_DUTY.' }),
    expectedVersion: t.int({ required: true, description: 'The `version` you last read; a stale one is a CONFLICT.' }),
  }),
});

const shareSignalSchema = z.object({
  signalId: globalId('Signal'),
  sharedWith: z.enum(SignalAudience),
  legalBasis: z.enum(LegalBasis).refine((b) => b !== 'NONE', { message: 'must be CONSENT or LEGAL_DUTY', params: { rule: 'legalBasis' } }),
  expectedVersion: z.number().int().min(1),
});

const reaches = (audience: SignalAudience): PartnerSide[] => (audience === 'BOTH' ? ['YOUTH_WORK', 'SCHOOL'] : [audience]);

builder.mutationField('shareSignal', (t) =>
  t.field({
    type: SignalPayload('ShareSignalPayload'),
    description: "Shares a signal's content with (also) the other side of the partnership, on a legal basis.",
    args: { input: t.arg({ type: ShareSignalInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(shareSignalSchema, args.input);
      const signal = await requireHandledSignal(ctx, input.signalId);
      const readers = (audience: SignalAudience) => new Set([signal.ownerSide, ...reaches(audience)]);
      const before = readers(signal.sharedWith);
      const after = readers(input.sharedWith);
      if (![...before].every((side) => after.has(side)) || after.size === before.size) {
        throw badInput([{ field: 'input.sharedWith', rule: 'widen', message: 'must reach a side that cannot read the signal yet' }]);
      }
      await ctx.prisma.$transaction(async (tx) => {
        const { count } = await tx.signal.updateMany({
          where: { id: signal.id, version: input.expectedVersion },
          data: { sharedWith: input.sharedWith, legalBasis: input.legalBasis, version: { increment: 1 } },
        });
        if (count === 0) throw staleVersion('signal');
        await auditWrite(tx, ctx.viewer.personId, 'SHARE', 'Signal', signal.id, ['legalBasis', 'sharedWith']);
      });
      ctx.pubsub.publish('signalChanged', { id: signal.id, partnershipId: signal.partnershipId });
      return { signalId: signal.id };
    },
  }),
);

// --- updateSignalPilotFields ---

definePilotFieldsMutation({
  target: 'Signal',
  idField: 'signalId',
  description: 'Records city pilot values on a signal you handle (audited like every change to a signal).',
  payload: SignalPayload('UpdateSignalPilotFieldsPayload'),
  load: async (ctx, id) => {
    const signal = await requireHandledSignal(ctx, id);
    const { pilotData } = await ctx.prisma.signal.findUniqueOrThrow({ where: { id }, select: { pilotData: true } });
    return { pilotData, version: signal.version, partnershipId: signal.partnershipId, cityName: await pilotCityName(ctx, 'Signal', `partnership:${signal.partnershipId}`) };
  },
  write: (ctx, id, version, pilotData) =>
    ctx.prisma.$transaction(async (tx) => {
      const { count } = await tx.signal.updateMany({ where: { id, version }, data: { pilotData, version: { increment: 1 } } });
      if (count > 0) await auditWrite(tx, ctx.viewer.personId, 'UPDATE', 'Signal', id, ['pilotData']);
      return count;
    }),
  after: (ctx, id, { partnershipId }) => ctx.pubsub.publish('signalChanged', { id, partnershipId }),
});
