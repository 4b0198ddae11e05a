import { signalWhere, youthWhere } from '../../auth/policy.ts';
import { builder } from '../../builder.ts';
import { uuidOrNil } from '../../validation.ts';
import {
  AgeBandEnum,
  FollowUpActionEnum,
  LifeDomainEnum,
  SignalCategoryEnum,
  SignalStatusEnum,
  SignalSubjectEnum,
  SignalUrgencyEnum,
} from '../enums.ts';
import { signalListArgs, signalListQuery } from './filters.ts';
import { TRANSITIONS } from './workflow.ts';

builder.prismaObject('SignalFollowUp', {
  description: 'One step taken on a signal: who, when, what, with an optional note.',
  fields: (t) => ({
    id: t.exposeID('id'),
    by: t.relation('by', { nullable: true }),
    at: t.expose('at', { type: 'DateTime' }),
    action: t.expose('action', { type: FollowUpActionEnum }),
    note: t.exposeString('note', { nullable: true }),
  }),
});

export const SignalRef = builder.prismaNode('Signal', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uuidOrNil(id), AND: [signalWhere(ctx.viewer)] }),
  fields: (t) => ({
    partnership: t.relation('partnership'),
    lifeDomain: t.expose('lifeDomain', { type: LifeDomainEnum }),
    category: t.expose('category', { type: SignalCategoryEnum }),
    subject: t.expose('subject', { type: SignalSubjectEnum }),
    urgency: t.expose('urgency', { type: SignalUrgencyEnum }),
    summary: t.exposeString('summary', { nullable: true, description: 'Short description, without names (max 500 characters).' }),
    youth: t.relation('youth', { nullable: true, description: 'The young person concerned (pseudonymous); none for group and trend signals.' }),
    reportedBy: t.relation('reportedBy', { nullable: true }),
    status: t.expose('status', { type: SignalStatusEnum }),
    allowedTransitions: t.field({
      type: [SignalStatusEnum],
      description: 'The statuses this signal can move to next.',
      resolve: (s) => [...TRANSITIONS[s.status]],
    }),
    referralDestination: t.exposeString('referralDestination', {
      nullable: true,
      description: 'Where the young person was referred to (e.g. buurtteam), once REFERRED.',
    }),
    reportedAt: t.expose('reportedAt', { type: 'DateTime' }),
    acknowledgedAt: t.expose('acknowledgedAt', { type: 'DateTime', nullable: true }),
    inProgressAt: t.expose('inProgressAt', { type: 'DateTime', nullable: true }),
    referredAt: t.expose('referredAt', { type: 'DateTime', nullable: true }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    followUps: t.relation('followUps', { query: { orderBy: [{ at: 'asc' }, { id: 'asc' }] } }),
    version: t.exposeInt('version', { description: 'Pass as `expectedVersion` when changing the signal.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

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
      query: (args, ctx) => signalListQuery(ctx.viewer, { ...args.filter, youthId: null }, args.orderBy),
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
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.signal.findMany({ ...query, ...signalListQuery(ctx.viewer, args.filter, args.orderBy) }),
    totalCount: (_c, args, ctx) => ctx.prisma.signal.count({ where: signalListQuery(ctx.viewer, args.filter).where }),
  }, SignalConnection),
);
