import { decodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { fromZodError } from './errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

const interfaceMembers = new Map<string, () => readonly string[]>();

/**
 * An interface whose global IDs (`Activity:<uuid>`, as exports and plugins may write them) stand for
 * the same records as its object types' (`BreakConversation:<uuid>`): wherever one is expected, the
 * other is accepted too.
 */
export function registerInterfaceIds(name: string, members: () => readonly string[]) {
  interfaceMembers.set(name, members);
}

function acceptedTypenames(typenames: readonly string[]): Set<string> {
  const accepted = new Set(typenames);
  for (const [name, members] of interfaceMembers) {
    const all = members();
    if (accepted.has(name)) all.forEach((m) => accepted.add(m));
    else if (all.some((m) => accepted.has(m))) accepted.add(name);
  }
  return accepted;
}

/** The database ID inside a global ID of one of `typenames`, or null when it is not one. */
export function decodeId(globalId: string, typenames: readonly string[]): string | null {
  try {
    const { typename, id } = decodeGlobalID(globalId);
    return acceptedTypenames(typenames).has(typename) && UUID.test(id) ? id : null;
  } catch {
    return null;
  }
}

/** Whether `id` is a UUID (the form of every database ID). */
export const isUuid = (id: string) => UUID.test(id);

/** A UUID for lookups that can never match when `id` is malformed (keeps the database from erroring). */
export const uuidOrNil = (id: string) => (UUID.test(id) ? id : NIL_UUID);

const globalIdOf = (typenames: readonly string[]) =>
  z.string().transform((value, ctx) => {
    const id = decodeId(value, typenames);
    if (id) return id;
    ctx.addIssue({
      code: 'custom',
      message: `must be the ID of a ${typenames.join(' or ')}`,
      params: { rule: 'globalId' },
    });
    return z.NEVER;
  });
const globalIds = new Map<string, ReturnType<typeof globalIdOf>>();

/** A zod schema for a global ID of the given type(s); parses to the database ID. Made once per set of types (resolvers ask per request). */
export const globalId = (...typenames: string[]) => {
  const key = typenames.join(',');
  let schema = globalIds.get(key);
  if (!schema) globalIds.set(key, (schema = globalIdOf(typenames)));
  return schema;
};

// PostgreSQL cannot store NUL in text; refuse it as bad input rather than fail in the database.
const withoutNul = (s: z.ZodString) =>
  s.refine((v) => !v.includes('\0'), { message: 'must not contain NUL characters', params: { rule: 'format' } });

/** Trimmed text with a length limit; empty strings count as missing. */
export const text = (max: number) =>
  withoutNul(z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`));

/** Trimmed free text that may be empty (stored as null), with a length limit. */
export const freeText = (max: number) =>
  withoutNul(z.string().trim().max(max, `must be at most ${max} characters`)).transform((v) => v || null);

/** A search or filter string. */
export const searchText = (max: number) => withoutNul(z.string().max(max, `must be at most ${max} characters`));

/** Parses a mutation input or filter; throws one coded BAD_USER_INPUT error naming each field and rule. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, root = 'input'): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw fromZodError(result.error, root);
  return result.data;
}

/** Drops `null` (GraphQL's "not given") so zod's `.optional()` applies. */
export const nullToUndefined = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

/** An input without its `null` fields ("not given" in GraphQL), for updates where null cannot clear. */
export const withoutNulls = (value: object): Record<string, unknown> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
