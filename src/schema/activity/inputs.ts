import { z } from 'zod';
import { signalWhere } from '../../auth/policy.ts';
import { type Types, builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import type { InputIssue } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { ActivityLocation } from '../../generated/prisma/enums.ts';
import { freeText, globalId, text } from '../../validation.ts';
import { ActivityLocationEnum } from '../enums.ts';
import { declaredInput, pilotInputFields, pilotInputRules } from '../../plugins/fields.ts';
import { activityKinds } from './kinds.ts';

/** Kind-specific details, one input per kind, named by the kind's `inputField`. */
const DetailsInputs = {
  informationSession: builder.inputType('InformationSessionDetailsInput', {
    fields: (t) => ({ topic: t.string(), audience: t.string({ description: 'e.g. "leerjaar 2", "ouders".' }) }),
  }),
  homeworkHelp: builder.inputType('HomeworkHelpDetailsInput', {
    fields: (t) => ({ attendeeCount: t.int(), subjects: t.stringList() }),
  }),
  breakConversation: builder.inputType('BreakConversationDetailsInput', {
    fields: (t) => ({ youngPeopleSpokenTo: t.int() }),
  }),
  individualGuidance: builder.inputType('IndividualGuidanceDetailsInput', {
    fields: (t) => ({ youthId: t.id({ description: 'The young person guided (a Youth ID).' }) }),
  }),
  consultation: builder.inputType('ConsultationDetailsInput', {
    fields: (t) => ({
      planned: t.boolean({ description: 'Part of the agreed rhythm (true) or ad hoc (false).' }),
      attendeeIds: t.idList({ description: 'People who attended (with a role in the partnership).' }),
      signalIds: t.idList({ description: 'Signals of this partnership that were discussed.' }),
    }),
  }),
};

/** Details inputs of the plugins' kinds (`<TypeName>DetailsInput`), from their declared fields. */
const PluginDetailsInputs = Object.fromEntries(
  activityKinds()
    .filter((k) => k.plugin)
    .map((k) => {
      const { loaded, fields } = k.plugin!;
      const scope = k.typeName.slice(loaded.typePrefix.length);
      const ref = declaredInput(`${k.typeName}DetailsInput`, `Details of a ${k.kind} activity (city plugin ${loaded.name}).`, loaded, scope, Object.entries(fields));
      return [k.inputField, ref];
    }),
);

/** The input fields that describe an activity, shared by logActivity and updateActivity. */
export function activityInputFields(t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) {
  return {
    participantCount: t.int({ description: 'Number of young people taking part (0–10000).' }),
    location: t.field({ type: ActivityLocationEnum }),
    locationNote: t.string(),
    facilitatorIds: t.idList({ description: 'People who ran it; defaults to you.' }),
    themes: t.stringList({ description: 'Up to 20 themes, e.g. pesten, online veiligheid.' }),
    notes: t.string({ description: 'Max 2000 characters; no names of young people.' }),
    informationSession: t.field({ type: DetailsInputs.informationSession }),
    homeworkHelp: t.field({ type: DetailsInputs.homeworkHelp }),
    breakConversation: t.field({ type: DetailsInputs.breakConversation }),
    individualGuidance: t.field({ type: DetailsInputs.individualGuidance }),
    consultation: t.field({ type: DetailsInputs.consultation }),
    ...Object.fromEntries(Object.entries(PluginDetailsInputs).map(([name, ref]) => [name, t.field({ type: ref })])),
    ...pilotInputFields(t, 'Activity'),
  };
}

const MAX_DAYS_AHEAD = 31;

/** Validation of the fields above (zod), shared by logActivity and updateActivity. */
export const activityFieldRules = {
  startsAt: z
    .date()
    .refine((d) => d.getTime() <= Date.now() + MAX_DAYS_AHEAD * 86_400_000, {
      message: `must not be more than ${MAX_DAYS_AHEAD} days ahead`,
      params: { rule: 'max' },
    })
    .refine((d) => d.getUTCFullYear() >= 2000, { message: 'must not be before 2000', params: { rule: 'min' } }),
  durationMinutes: z.number().int().min(1).max(1440),
  participantCount: z.number().int().min(0).max(10_000).nullish(),
  location: z.enum(ActivityLocation).nullish(),
  locationNote: text(200).nullish(),
  facilitatorIds: z.array(globalId('Person')).min(1).max(20).nullish(),
  themes: z.array(text(60)).max(20).nullish(),
  notes: freeText(2000).nullish(),
  ...Object.fromEntries(activityKinds().map((k) => [k.inputField, k.details.nullish()])),
  ...pilotInputRules('Activity'),
};

/** An issue for every kind-specific details input given for another kind than `kind`. */
export function kindMismatches(input: Record<string, unknown>, kind: string): InputIssue[] {
  return activityKinds()
    .filter((k) => k.kind !== kind && input[k.inputField] != null)
    .map((k) => ({
      field: `input.${k.inputField}`,
      rule: 'kindMismatch',
      message: `only applies to ${k.kind} activities, not ${kind}`,
    }));
}

export interface SplitDetails {
  /** What is stored in `details` (empty values left out). */
  details: Prisma.InputJsonObject;
  youthId?: string | null;
  attendeeIds?: string[] | null;
  signalIds?: string[] | null;
}

/** Separates the references (stored as relations) from the details stored as JSON. */
export function splitDetails(raw: Record<string, unknown>): SplitDetails {
  const { youthId, attendeeIds, signalIds, ...rest } = raw as Omit<SplitDetails, 'details'> & Record<string, unknown>;
  const details = Object.fromEntries(Object.entries(rest).filter(([, v]) => v != null)) as Prisma.InputJsonObject;
  return { details, youthId, attendeeIds, signalIds };
}

/**
 * Checks that the people, signals and youth an activity refers to belong to its partnership, one
 * query each. Issues point at positions in the input as given (before de-duplication).
 */
export async function checkActivityReferences(
  ctx: Context,
  partnership: { id: string; schoolId: string },
  refs: { facilitatorIds?: string[] | null; attendeeIds?: string[] | null; signalIds?: string[] | null; youthId?: string | null },
): Promise<InputIssue[]> {
  const issues: InputIssue[] = [];
  const people = [...new Set([...(refs.facilitatorIds ?? []), ...(refs.attendeeIds ?? [])])];
  if (people.length) {
    const members = new Set(
      (
        await ctx.prisma.person.findMany({
          where: {
            id: { in: people },
            roleAssignments: { some: { partnershipId: partnership.id } },
          },
          select: { id: true },
        })
      ).map((p) => p.id),
    );
    const notMember = { rule: 'memberOfPartnership', message: 'must be a person with a role in this partnership' };
    (refs.facilitatorIds ?? []).forEach((id, i) => {
      if (!members.has(id)) issues.push({ field: `input.facilitatorIds.${i}`, ...notMember });
    });
    (refs.attendeeIds ?? []).forEach((id, i) => {
      if (!members.has(id)) issues.push({ field: `input.consultation.attendeeIds.${i}`, ...notMember });
    });
  }
  if (refs.signalIds?.length) {
    const found = new Set(
      (
        await ctx.prisma.signal.findMany({
          where: { id: { in: [...new Set(refs.signalIds)] }, partnershipId: partnership.id, AND: [signalWhere(ctx.viewer)] },
          select: { id: true },
        })
      ).map((s) => s.id),
    );
    refs.signalIds.forEach((id, i) => {
      if (!found.has(id)) {
        issues.push({ field: `input.consultation.signalIds.${i}`, rule: 'signalOfPartnership', message: 'must be a signal of this partnership that you may see' });
      }
    });
  }
  if (refs.youthId) {
    const youth = await ctx.prisma.youth.findUnique({ where: { id: refs.youthId }, select: { schoolId: true } });
    if (youth?.schoolId !== partnership.schoolId) {
      issues.push({ field: 'input.individualGuidance.youthId', rule: 'youthOfSchool', message: "must be a youth of the partnership's school" });
    }
  }
  return issues;
}

