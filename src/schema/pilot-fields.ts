/**
 * `update<Type>PilotFields`: one mutation per record type that carries city plugin fields outside
 * the core's own create and update inputs. Each checks who may write (its `load`), validates the
 * values against the plugins' definitions before anything else, and writes them under the version
 * the caller read (a stale one is a CONFLICT).
 */
import { z } from 'zod';
import type { ObjectRef } from '@pothos/core';
import { builder, type Types } from '../builder.ts';
import type { Context } from '../context.ts';
import { staleVersion } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { PilotTarget } from '../plugins/define.ts';
import { pilotInputFields, pilotInputRules, pilotValuesToStore } from '../plugins/fields.ts';
import { globalId, parseInput } from '../validation.ts';

export interface PilotFieldsMutation<IdField extends string, Loaded extends LoadedRecord = LoadedRecord> {
  target: Exclude<PilotTarget, 'Activity'>;
  /** The input field with the record's global ID, e.g. `signalId`. */
  idField: IdField;
  description: string;
  /** What the payload returns, given `{ [idField]: id }`. */
  payload: ObjectRef<Types, Record<string, string>>;
  /**
   * Loads the record the viewer may write (or throws NOT_FOUND / FORBIDDEN), with what the write
   * needs: its version, stored values and the city's name (to know which plugins apply).
   */
  load(ctx: Context, id: string): Promise<Loaded>;
  /** Writes the values if the version is still `expectedVersion`; returns the rows changed (0: stale). */
  write(ctx: Context, id: string, expectedVersion: number, pilotData: Prisma.InputJsonObject): Promise<number>;
  /** After the commit (e.g. a live event), with what `load` returned. */
  after?(ctx: Context, id: string, loaded: Loaded): void;
}

/** What every `load` returns: its version, stored values and the city's name (which plugins apply). */
interface LoadedRecord {
  version: number;
  pilotData: unknown;
  cityName: string;
}

export function definePilotFieldsMutation<IdField extends string, Loaded extends LoadedRecord>(m: PilotFieldsMutation<IdField, Loaded>) {
  const what = m.target.toLowerCase();
  const Input = builder.inputType(`Update${m.target}PilotFieldsInput`, {
    description: `Sets a ${what}'s values of city plugin fields. Left out: unchanged; null: cleared.`,
    fields: (t) => ({
      [m.idField]: t.id({ required: true }),
      expectedVersion: t.int({ required: true, description: 'The `version` you last read; a stale one is a CONFLICT.' }),
      ...pilotInputFields(t, m.target),
    }),
  });
  const schema = z.object({
    [m.idField]: globalId(m.target),
    expectedVersion: z.number().int().min(1),
    ...pilotInputRules(m.target),
  });
  builder.mutationField(`update${m.target}PilotFields`, (t) =>
    t.field({
      type: m.payload,
      description: m.description,
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_root, args, ctx) => {
        const input = parseInput(schema, args.input) as Record<string, unknown> & { expectedVersion: number };
        const id = input[m.idField] as string;
        const current = await m.load(ctx, id);
        const pilotData = pilotValuesToStore(m.target, input, { cityName: current.cityName, current: current.pilotData });
        if (current.version !== input.expectedVersion) throw staleVersion(what);
        if ((await m.write(ctx, id, input.expectedVersion, pilotData)) === 0) throw staleVersion(what);
        m.after?.(ctx, id, current);
        return { [m.idField]: id } as Record<string, string>;
      },
    }),
  );
}
