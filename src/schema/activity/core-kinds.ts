import { z } from 'zod';
import type { PilotField } from '../../plugins/define.ts';
import type { LoadedPlugin } from '../../plugins/registry.ts';
import { globalId, text } from '../../validation.ts';

/**
 * The activity kinds of the core. Each kind is one GraphQL type implementing `Activity`, one
 * `ActivityKind` value, and an optional details input on `LogActivityInput` (named `inputField`).
 * Kind-specific values live in the activity's `details` JSON, validated by `details`.
 */
export interface ActivityKindDefinition {
  kind: string;
  typeName: string;
  description: string;
  inputField: string;
  /** Validates and normalises the kind's details input into what is stored. */
  details: z.ZodType<Record<string, unknown>>;
  /** For a plugin's kind: the plugin and the kind's declared fields (read back from `details`). */
  plugin?: { loaded: LoadedPlugin; fields: Record<string, PilotField> };
}

export const CORE_ACTIVITY_KINDS = [
  {
    kind: 'INFORMATION_SESSION',
    typeName: 'InformationSession',
    description: 'Information session (voorlichting) given by youth workers at school, e.g. on online safety.',
    inputField: 'informationSession',
    details: z.object({ topic: text(200).nullish(), audience: text(200).nullish() }),
  },
  {
    kind: 'HOMEWORK_HELP',
    typeName: 'HomeworkHelp',
    description: 'Homework help (huiswerkbegeleiding), often in a community or youth centre.',
    inputField: 'homeworkHelp',
    details: z.object({
      attendeeCount: z.number().int().min(0).max(1000).nullish(),
      subjects: z.array(text(60)).max(20).nullish(),
    }),
  },
  {
    kind: 'BREAK_CONVERSATION',
    typeName: 'BreakConversation',
    description: 'Conversations with students during breaks (pauzegesprekken), in the schoolyard or the youth work room.',
    inputField: 'breakConversation',
    details: z.object({ youngPeopleSpokenTo: z.number().int().min(0).max(1000).nullish() }),
  },
  {
    kind: 'INDIVIDUAL_GUIDANCE',
    typeName: 'IndividualGuidance',
    description: 'Individual guidance (individuele begeleiding) of one young person.',
    inputField: 'individualGuidance',
    details: z.object({ youthId: globalId('Youth').nullish() }),
  },
  {
    kind: 'CONSULTATION',
    typeName: 'Consultation',
    description: 'Consultation meeting (overleg) of youth work and school, where signals are shared.',
    inputField: 'consultation',
    details: z.object({
      planned: z.boolean().nullish(),
      attendeeIds: z.array(globalId('Person')).max(50).nullish(),
      signalIds: z.array(globalId('Signal')).max(100).nullish(),
    }),
  },
] as const satisfies readonly ActivityKindDefinition[];

export type CoreActivityKind = (typeof CORE_ACTIVITY_KINDS)[number]['kind'];
