import { ACTIVITY_LOGGERS, activityWhere, actsIn, SIGNAL_HANDLERS, signalWhere } from '../../auth/policy.ts';
import { hiddenWhen } from '../../auth/need-to-know.ts';
import { builder, resolveInterfaceIds } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { registerInterfaceIds, uuidOrNil } from '../../validation.ts';
import { ActivityLocationEnum } from '../enums.ts';
import { PersonRef } from '../person.ts';
import { SignalRef, YouthRef } from '../signal/object.ts';
import { cursorPosition } from '../cursors.ts';
import { aboutOneYoungPerson, activityListArgs, activityListQuery, ActivityKindEnum } from './filters.ts';
import { activityKinds } from './kinds.ts';

const notesHidden = hiddenWhen('Activity', 'notes', (a: { partnershipId: string }, ctx: Context) => !actsIn(ctx.viewer, a.partnershipId, ACTIVITY_LOGGERS));
// The themes of an activity with one young person (individual guidance) are about that young person:
// content, like the notes. Themes of group activities say what youth work talks about: not hidden.
const themesHidden = hiddenWhen(
  'Activity',
  'themes',
  (a: { partnershipId: string; kind: string; youthId: string | null }, ctx: Context) =>
    aboutOneYoungPerson(a) && !actsIn(ctx.viewer, a.partnershipId, ACTIVITY_LOGGERS),
);
const youthHidden = hiddenWhen('IndividualGuidance', 'youth', (a: { partnershipId: string }, ctx: Context) => !actsIn(ctx.viewer, a.partnershipId, SIGNAL_HANDLERS));

const typeNameOfKind = new Map(activityKinds().map((k) => [k.kind, k.typeName]));
/**
 * The object type of a loaded activity. Every read filters on `shownKinds` (activityWhere), so a
 * kind without a type (a disabled plugin's) never gets here; if one does, this says which row,
 * for the log (the client sees the masked INTERNAL_SERVER_ERROR), rather than graphql-js's words.
 */
function typeNameOf(activity: { id: string; kind: string }): string {
  const name = typeNameOfKind.get(activity.kind);
  if (!name) throw new Error(`Activity ${activity.id} has kind ${activity.kind}, which no enabled plugin defines (read without activityWhere?)`);
  return name;
}

// One activity, one record: `Activity:<uuid>` (exports, plugins) and `BreakConversation:<uuid>` (the
// API) name the same activity, in `node`/`nodes` and in every input that takes an activity's ID.
registerInterfaceIds('Activity', () => activityKinds().map((k) => k.typeName));
resolveInterfaceIds('Activity', async (ids, ctx) => {
  const rows = await ctx.prisma.activity.findMany({
    where: { id: { in: ids.map(uuidOrNil) }, AND: [activityWhere(ctx.viewer)] },
    select: { id: true, kind: true },
  });
  return new Map(rows.map((r) => [r.id, typeNameOf(r)]));
});

type Details = Record<string, unknown>;

/**
 * Select mode: a list or node reads the columns its selection asks for (each exposed field adds its
 * own, custom fields say what they read), beside these, which the type itself and its rules need:
 * the kind picks the object type, the partnership decides who may read notes and youth.
 */
export const ACTIVITY_SELECT = { id: true, kind: true, partnershipId: true } as const;
const detail = (a: { details: unknown }, key: string): unknown => {
  const details = a.details;
  return details && typeof details === 'object' && !Array.isArray(details) ? (details as Details)[key] : undefined;
};
/**
 * A stored detail as its field's type, or undefined: a value of another type (a row written to the
 * database by hand, or by an older version) reads as absent rather than failing the list it is in.
 */
const text = (a: { details: unknown }, key: string) => {
  const value = detail(a, key);
  return typeof value === 'string' ? value : undefined;
};
const count = (a: { details: unknown }, key: string) => {
  const value = detail(a, key);
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 2 ** 31 - 1 ? value : undefined;
};
const flag = (a: { details: unknown }, key: string) => {
  const value = detail(a, key);
  return typeof value === 'boolean' ? value : undefined;
};
const texts = (a: { details: unknown }, key: string) => {
  const value = detail(a, key);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
};

export const ActivityRef = builder.prismaInterface('Activity', {
  name: 'Activity',
  interfaces: [builder.nodeInterfaceRef()],
  description: 'Something youth work does in or with the school. One concrete type per kind.',
  select: ACTIVITY_SELECT,
  resolveType: (activity) => typeNameOf(activity),
  fields: (t) => ({
    kind: t.field({ type: ActivityKindEnum, resolve: (a) => a.kind as never }),
    partnership: t.relation('partnership'),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    durationMinutes: t.exposeInt('durationMinutes'),
    participantCount: t.exposeInt('participantCount', { nullable: true, description: 'Number of young people taking part.' }),
    facilitators: t.field({
      type: [PersonRef],
      description: 'The people who ran the activity.',
      select: (_args, _ctx, nestedSelection) => ({
        facilitators: { select: { person: nestedSelection(true) }, orderBy: { personId: 'asc' } },
      }),
      resolve: (a) => a.facilitators.map((f) => f.person),
    }),
    location: t.expose('location', { type: ActivityLocationEnum, nullable: true }),
    locationNote: t.exposeString('locationNote', { nullable: true, description: 'Which room, centre or platform.' }),
    themes: t.stringList({
      select: { themes: true, youthId: true },
      description:
        'Themes discussed, e.g. pesten, online veiligheid. Of an individual guidance (one young person) visible to those who log activities in the partnership only (empty for others, listed in hiddenFields).',
      resolve: (a, _args, ctx, info) => {
        if (!themesHidden(a, ctx)) return a.themes;
        ctx.hidden.hide(info);
        return [];
      },
    }),
    notes: t.string({
      nullable: true,
      description: 'Free text; visible to those who log activities in the partnership (null for others).',
      select: { notes: true },
      resolve: (a, _args, ctx, info) => {
        if (!notesHidden(a, ctx)) return a.notes;
        ctx.hidden.hide(info); // whether or not there are any: hidden says nothing about them
        return null;
      },
    }),
    loggedBy: t.relation('loggedBy', { nullable: true }),
    version: t.exposeInt('version'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

/** The one connection type for every list of activities. */
export const ActivityConnection = builder.connectionObject({ type: ActivityRef, name: 'ActivityConnection' }, { name: 'ActivityEdge' });

/** One node type per kind; node lookups only find activities of that kind that you may see. (Plugins add theirs.) */
export function activityNode(kind: string, typeName: string, description: string) {
  return builder.prismaNode('Activity', {
    variant: typeName,
    id: { field: 'id' },
    nullable: true,
    description,
    interfaces: [ActivityRef],
    select: ACTIVITY_SELECT,
    findUnique: (id, ctx) => ({ id: uuidOrNil(id), kind, AND: [activityWhere(ctx.viewer)] }),
    fields: () => ({}),
  });
}

const defs = Object.fromEntries(activityKinds().map((k) => [k.kind, k]));
const InformationSession = activityNode('INFORMATION_SESSION', 'InformationSession', defs.INFORMATION_SESSION!.description);
const HomeworkHelp = activityNode('HOMEWORK_HELP', 'HomeworkHelp', defs.HOMEWORK_HELP!.description);
const BreakConversation = activityNode('BREAK_CONVERSATION', 'BreakConversation', defs.BREAK_CONVERSATION!.description);
const IndividualGuidance = activityNode('INDIVIDUAL_GUIDANCE', 'IndividualGuidance', defs.INDIVIDUAL_GUIDANCE!.description);
const Consultation = activityNode('CONSULTATION', 'Consultation', defs.CONSULTATION!.description);

builder.prismaObjectFields(InformationSession, (t) => ({
  topic: t.string({ nullable: true, select: { details: true }, resolve: (a) => text(a, 'topic') ?? null }),
  audience: t.string({
    nullable: true,
    description: 'Who it was for, e.g. "leerjaar 2", "ouders".',
    select: { details: true },
    resolve: (a) => text(a, 'audience') ?? null,
  }),
}));

builder.prismaObjectFields(HomeworkHelp, (t) => ({
  attendeeCount: t.int({
    nullable: true,
    description: 'Young people who attended.',
    select: { details: true, participantCount: true },
    resolve: (a) => count(a, 'attendeeCount') ?? a.participantCount ?? null,
  }),
  subjects: t.stringList({ select: { details: true }, resolve: (a) => texts(a, 'subjects') ?? [] }),
}));

builder.prismaObjectFields(BreakConversation, (t) => ({
  youngPeopleSpokenTo: t.int({
    nullable: true,
    description: 'Number of young people spoken to.',
    select: { details: true, participantCount: true },
    resolve: (a) => count(a, 'youngPeopleSpokenTo') ?? a.participantCount ?? null,
  }),
}));

builder.prismaObjectFields(IndividualGuidance, (t) => ({
  youth: t.field({
    type: YouthRef,
    nullable: true,
    description: 'The young person guided (pseudonymous); visible to those who handle signals in the partnership.',
    select: (_args, _ctx, nestedSelection) => ({ partnershipId: true, youth: nestedSelection(true) }),
    resolve: (a, _args, ctx, info) => {
      if (!youthHidden(a, ctx)) return a.youth;
      ctx.hidden.hide(info); // whether or not there is one: hidden says nothing about it
      return null;
    },
  }),
}));

builder.prismaObjectFields(Consultation, (t) => ({
  planned: t.boolean({
    nullable: true,
    description: 'Planned in the agreed rhythm (true) or ad hoc (false).',
    select: { details: true },
    resolve: (a) => flag(a, 'planned') ?? null,
  }),
  attendees: t.field({
    type: [PersonRef],
    select: (_args, _ctx, nestedSelection) => ({
      attendees: { select: { person: nestedSelection(true) }, orderBy: { personId: 'asc' } },
    }),
    resolve: (a) => a.attendees.map((x) => x.person),
  }),
  signalsDiscussed: t.field({
    type: [SignalRef],
    description: 'Signals discussed, among those you may see.',
    // Which signals were discussed is metadata (the list has no filter or order on content).
    extensions: { listedSignalContent: () => [] },
    select: (_args, ctx, nestedSelection) => ({
      signalsDiscussed: { where: { signal: signalWhere(ctx.viewer) }, select: { signal: nestedSelection(true) }, orderBy: { signalId: 'asc' } },
    }),
    resolve: (a) => a.signalsDiscussed.map((x) => x.signal),
  }),
}));

builder.queryField('activities', (t) =>
  t.prismaConnection({
    type: ActivityRef,
    cursor: 'id',
    description: 'Activities you may see, latest first unless `orderBy` says otherwise.',
    args: activityListArgs(t),
    resolve: async (query, _root, args, ctx) => {
      const { where, scope, orderBy } = activityListQuery(ctx.viewer, args.filter, args.orderBy);
      const position = await cursorPosition(ctx.prisma.activity, scope, where, args);
      return ctx.prisma.activity.findMany({ ...query, ...position, where, orderBy });
    },
    totalCount: (_c, args, ctx) => ctx.prisma.activity.count({ where: activityListQuery(ctx.viewer, args.filter).where }),
  }, ActivityConnection),
);
