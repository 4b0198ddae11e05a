import type { GraphQLResolveInfo } from 'graphql';
import { hiddenWhen } from '../../auth/need-to-know.ts';
import { canReadSignalContent, knownSignalStatus, signalContentWhere, signalWhere, youthWhere } from '../../auth/policy.ts';
import { builder } from '../../builder.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Context } from '../../context.ts';
import type {
  LegalBasis,
  PartnerSide,
  SignalAudience,
  SignalCategory,
  SignalSubject,
  SignalUrgency,
} from '../../generated/prisma/enums.ts';
import { uuidOrNil } from '../../validation.ts';
import {
  AgeBandEnum,
  FollowUpActionEnum,
  LegalBasisEnum,
  LifeDomainEnum,
  PartnerSideEnum,
  SignalAudienceEnum,
  SignalCategoryEnum,
  SignalStatusEnum,
  SignalSubjectEnum,
  SignalUrgencyEnum,
} from '../enums.ts';
import { PersonRef } from '../person.ts';
import { awaitedQuery, type CursorArgs, cursorPosition, nestedCursorPosition } from '../cursors.ts';
import type { CountedSignals, ListedSignalContent } from '../../privacy/audited-lists.ts';
import { signalListArgs, signalListQuery } from './filters.ts';
import { TRANSITIONS } from './workflow.ts';

const FollowUpRef = builder.prismaObject('SignalFollowUp', {
  description: 'One step taken on a signal: who, when, what, with an optional note.',
  fields: (t) => ({
    id: t.exposeID('id'),
    by: t.relation('by', { nullable: true }),
    at: t.expose('at', { type: 'DateTime' }),
    action: t.expose('action', { type: FollowUpActionEnum }),
    note: t.exposeString('note', { nullable: true, description: 'Cleared when the signal is anonymised after its retention period.' }),
  }),
});

const SignalAccessEnum = builder.enumType('SignalAccess', {
  description: 'How much of a signal you may read (need to know).',
  values: {
    FULL: { description: 'Everything, and every read of the content is audited.' },
    METADATA: {
      description:
        'Only that it exists, its status (a referral reads as IN_PROGRESS), life domain, owner side and audience, and when it was reported (or anonymised); ' +
        'content fields and the follow-up timestamps are null.',
    },
  } as const,
});

type SignalRow = { id: string; partnershipId: string; ownerSide: PartnerSide; sharedWith: SignalAudience; reportedById: string | null };

/**
 * Resolves a content field of a signal: its value when the viewer may read the content (and the
 * read is audited), otherwise null, listed in the response's `extensions.hiddenFields`.
 */
export const signalContentHidden = (signal: SignalRow, ctx: Context) => !canReadSignalContent(ctx.viewer, signal);

function content<T>(field: string, value: (signal: SignalRow & Record<string, unknown>) => T, { audited = true } = {}) {
  const hidden = hiddenWhen('Signal', field, signalContentHidden);
  return (signal: SignalRow, _args: unknown, ctx: Context, info: GraphQLResolveInfo): T | null => {
    if (hidden(signal, ctx)) {
      ctx.hidden.hide(info);
      return null;
    }
    if (audited) ctx.audit.read('Signal', signal.id, field);
    return value(signal as SignalRow & Record<string, unknown>);
  };
}

export const SignalRef = builder.prismaNode('Signal', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uuidOrNil(id), AND: [signalWhere(ctx.viewer)] }),
  description:
    'Something noticed about a young person, a group or a trend. What you may read depends on your role ' +
    '(`access`): content fields are null when you may only know that the signal exists.',
  fields: (t) => ({
    access: t.field({
      type: SignalAccessEnum,
      resolve: (s, _args, ctx) => (canReadSignalContent(ctx.viewer, s) ? 'FULL' : 'METADATA'),
    }),
    partnership: t.relation('partnership'),
    lifeDomain: t.expose('lifeDomain', { type: LifeDomainEnum }),
    status: t.field({
      type: SignalStatusEnum,
      description: 'For those who may only know that the signal exists (METADATA), REFERRED reads as IN_PROGRESS: that it was referred is content, like referredAt.',
      resolve: (s, _args, ctx) => knownSignalStatus(ctx.viewer, s),
    }),
    ownerSide: t.expose('ownerSide', { type: PartnerSideEnum, description: 'The side that reported and owns the signal.' }),
    sharedWith: t.expose('sharedWith', { type: SignalAudienceEnum }),
    allowedTransitions: t.field({
      type: [SignalStatusEnum],
      description: 'The statuses this signal can move to next (from `status` as you see it).',
      resolve: (s, _args, ctx) => [...TRANSITIONS[knownSignalStatus(ctx.viewer, s)]],
    }),
    reportedAt: t.expose('reportedAt', { type: 'DateTime' }),
    // The steps of the follow-up tell how the case went (a referral, how fast): hidden like content from
    // metadata readers (not audited, like `version`); evaluation reads them only as aggregates.
    acknowledgedAt: t.field({ type: 'DateTime', nullable: true, resolve: content('acknowledgedAt', (s) => s.acknowledgedAt as Date | null, { audited: false }) }),
    inProgressAt: t.field({ type: 'DateTime', nullable: true, resolve: content('inProgressAt', (s) => s.inProgressAt as Date | null, { audited: false }) }),
    referredAt: t.field({ type: 'DateTime', nullable: true, resolve: content('referredAt', (s) => s.referredAt as Date | null, { audited: false }) }),
    closedAt: t.field({ type: 'DateTime', nullable: true, resolve: content('closedAt', (s) => s.closedAt as Date | null, { audited: false }) }),
    anonymisedAt: t.expose('anonymisedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When retention cleared the summary, notes and youth link.',
    }),
    // Content: need to know.
    category: t.field({ type: SignalCategoryEnum, nullable: true, resolve: content('category', (s) => s.category as SignalCategory) }),
    subject: t.field({ type: SignalSubjectEnum, nullable: true, resolve: content('subject', (s) => s.subject as SignalSubject) }),
    urgency: t.field({ type: SignalUrgencyEnum, nullable: true, resolve: content('urgency', (s) => s.urgency as SignalUrgency) }),
    summary: t.string({
      nullable: true,
      description: 'Short description, without names (max 500 characters).',
      resolve: content('summary', (s) => s.summary as string | null),
    }),
    legalBasis: t.field({ type: LegalBasisEnum, nullable: true, resolve: content('legalBasis', (s) => s.legalBasis as LegalBasis) }),
    referralDestination: t.string({
      nullable: true,
      description: 'Where the young person was referred to (e.g. buurtteam), once REFERRED.',
      resolve: content('referralDestination', (s) => s.referralDestination as string | null),
    }),
    reportedBy: t.field({
      type: PersonRef,
      nullable: true,
      select: (_args, _ctx, nestedSelection) => ({ reportedBy: nestedSelection(true) }),
      resolve: content('reportedBy', (s) => s.reportedBy as never),
    }),
    followUps: t.field({
      type: [FollowUpRef],
      nullable: true,
      select: (_args, _ctx, nestedSelection) => ({
        followUps: { ...(nestedSelection(true) as object), orderBy: [{ at: 'asc' }, { id: 'asc' }] },
      }),
      resolve: content('followUps', (s) => s.followUps as never),
    }),
    // Version and last change tell how much work is done on a signal: hidden like content (not audited,
    // as they say nothing about the young person).
    version: t.int({
      nullable: true,
      description:
        'Pass as `expectedVersion` when changing the signal. Null for those who may only know that the signal exists: they cannot change it, and how often it changed says how much work is done on it.',
      resolve: content('version', (s) => s.version as number, { audited: false }),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, resolve: content('updatedAt', (s) => s.updatedAt as Date, { audited: false }) }),
  }),
});

/** Filtering or sorting a list of signals on content reads that content of every signal it returns. */
export const listedSignalContent: ListedSignalContent = (args, viewer) => signalListQuery(viewer, args.filter, args.orderBy).contentFields;

/** The one connection type for every list of signals. */
export const SignalConnection = builder.connectionObject({ type: SignalRef, name: 'SignalConnection' }, { name: 'SignalEdge' });

export const YouthRef = builder.prismaNode('Youth', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uuidOrNil(id), AND: [youthWhere(ctx.viewer)] }),
  description: 'A pseudonymous reference to a young person: a random code, never a name or birth date.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Random code; not derived from any identity.' }),
    school: t.relation('school'),
    yearGroup: t.exposeInt('yearGroup', { nullable: true, description: 'School year (leerjaar), 1–6.' }),
    ageBand: t.expose('ageBand', { type: AgeBandEnum, nullable: true }),
    signals: t.relatedConnection('signals', {
      cursor: 'id',
      totalCount: true,
      args: signalListArgs(t),
      description: "This young person's signals whose content you may read (the link to a youth is content).",
      // Listing a young person's signals links each of them to the young person.
      extensions: {
        listedSignalContent: ((args, viewer) => ['youth', ...signalListQuery(viewer, args.filter, args.orderBy).contentFields]) satisfies ListedSignalContent,
        countedSignals: ((youth: { id: string }, args, viewer) => ({
          AND: [signalListQuery(viewer, { ...args.filter, youthId: null }, args.orderBy).where, signalContentWhere(viewer), { youthId: youth.id }],
        })) satisfies CountedSignals,
      },
      query: (args, ctx) => awaitedQuery((async () => {
        const { where, scope, orderBy } = signalListQuery(ctx.viewer, { ...args.filter, youthId: null }, args.orderBy);
        const content = signalContentWhere(ctx.viewer);
        const list: Prisma.SignalWhereInput = { AND: [where, content] };
        const inScope = (id: string) => ({ youth: { signals: { some: { AND: [{ id }, scope, content] } } } });
        // Connection args are there at run time, though not in this type.
        return { ...(await nestedCursorPosition(ctx.prisma.signal, list, inScope, args as CursorArgs)), orderBy };
      })()),
    }, SignalConnection),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.queryField('signals', (t) =>
  t.prismaConnection({
    type: 'Signal',
    cursor: 'id',
    description: 'Signals you may see, newest first unless `orderBy` says otherwise.',
    args: signalListArgs(t),
    extensions: { listedSignalContent, countedSignals: ((_root: unknown, args, viewer) => signalListQuery(viewer, args.filter, args.orderBy).where) satisfies CountedSignals },
    resolve: async (query, _root, args, ctx) => {
      const { where, scope, orderBy } = signalListQuery(ctx.viewer, args.filter, args.orderBy);
      const position = await cursorPosition(ctx.prisma.signal, scope, where, args);
      return ctx.prisma.signal.findMany({ ...query, ...position, where, orderBy });
    },
    totalCount: (_c, args, ctx) => ctx.prisma.signal.count({ where: signalListQuery(ctx.viewer, args.filter, args.orderBy).where }),
  }, SignalConnection),
);

// Defined apart from the Signal type so the two types' definitions do not refer to each other.
builder.prismaObjectField(SignalRef, 'youth', (t) =>
  t.field({
    type: YouthRef,
    nullable: true,
    description: 'The young person concerned (pseudonymous); none for group and trend signals.',
    select: (_args, _ctx, nestedSelection) => ({ youth: nestedSelection(true) }),
    resolve: content('youth', (s) => s.youth as never),
  }),
);
