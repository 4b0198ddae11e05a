/**
 * Helpers shared by test/mutations.test.ts and test/authorization.test.ts: global IDs, the seeded
 * demo partnerships and people, row counts for "writes nothing", and error assertions.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { ExecutionResult, GraphQLFormattedError } from 'graphql';
import { expect } from 'vitest';
import { DEMO_EMAILS } from '../../prisma/seed.ts';
import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import type { Role } from '../../src/generated/prisma/enums.ts';
import type { TestApp } from './app.ts';

/** A global ID the way the API encodes it. */
export const gid = (typename: string, id: string) => encodeGlobalID(typename, id);

/** Well-formed UUIDs that no seeded or created row has (the seed uses UUIDv7 with a real timestamp). */
export const MISSING_UUID = '00000000-0000-7000-8000-000000000001';
export const missingGid = (typename: string) => gid(typename, MISSING_UUID);

/** The tables a mutation can write; each is counted for "writes nothing". */
const WRITABLE_TABLES = [
  'Activity',
  'ActivityFacilitator',
  'ActivityAttendee',
  'ActivitySignal',
  'Signal',
  'SignalFollowUp',
  'Youth',
  'Partnership',
  'School',
  'RoleAssignment',
  'Person',
] as const;
/** Tables with a `version` and `updatedAt`: an UPDATE changes their sum or maximum. */
const VERSIONED_TABLES = ['Activity', 'Signal', 'Partnership', 'School', 'Youth'] as const;

/**
 * Everything a mutation could write, in one statement (one connection, one snapshot): row counts of
 * every table mutations touch, plus the sum of versions and the latest `updatedAt` of the versioned
 * tables, so an UPDATE shows up too.
 */
export async function writeSnapshot(prisma: PrismaClient): Promise<Record<string, string | null>> {
  const columns = [
    ...WRITABLE_TABLES.map((table) => `(SELECT count(*) FROM "${table}")::text AS "${table}.rows"`),
    ...VERSIONED_TABLES.flatMap((table) => [
      `(SELECT sum(version) FROM "${table}")::text AS "${table}.versions"`,
      `(SELECT max("updatedAt") FROM "${table}")::text AS "${table}.updatedAt"`,
    ]),
  ];
  const [row] = await prisma.$queryRawUnsafe<Record<string, string | null>[]>(`SELECT ${columns.join(', ')}`);
  return row!;
}

export type Expected =
  | { code: 'BAD_USER_INPUT'; field: string; rule: string }
  | { code: 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'INVALID_TRANSITION' | 'UNAUTHENTICATED'; field?: string; rule?: string }
  /** Rejected by GraphQL variable coercion, before any resolver: HTTP 400 and a message naming the path. */
  | { coercion: string };

/** The one error of a rejected operation. */
export function onlyError(result: ExecutionResult<unknown>): GraphQLFormattedError {
  expect(result.errors, JSON.stringify(result.data)).toHaveLength(1);
  return result.errors![0]!;
}

/** Asserts a result is the expected coded error (or a variable-coercion error) with no data. */
export function expectError(result: ExecutionResult<unknown> & { status: number }, expected: Expected) {
  const error = onlyError(result);
  const data = result.data as Record<string, unknown> | null | undefined;
  for (const value of Object.values(data ?? {})) expect(value).toBeNull();
  if ('coercion' in expected) {
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(error.message).toMatch(/^Variable "\$input" got invalid value/);
    expect(error.message).toContain(expected.coercion);
    // GraphQL's own coercion errors get the same code as ours, naming the field path.
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.field).toMatch(/^input(\.|$)/);
    expect(['required', 'enum', 'type']).toContain(error.extensions?.rule);
    return error;
  }
  expect(error.extensions, error.message).toMatchObject({ code: expected.code });
  if (expected.field !== undefined) expect(error.extensions?.field, error.message).toBe(expected.field);
  if (expected.rule !== undefined) expect(error.extensions?.rule, error.message).toBe(expected.rule);
  if (expected.code === 'BAD_USER_INPUT') {
    // The first issue is repeated in field/rule; issues lists all of them.
    expect(error.extensions?.issues).toEqual(expect.arrayContaining([expect.objectContaining({ field: expected.field, rule: expected.rule })]));
  }
  return error;
}

/** Runs `fn` and asserts that nothing in the database changed. */
export async function expectNoWrites<T>(prisma: PrismaClient, fn: () => Promise<T>): Promise<T> {
  const before = await writeSnapshot(prisma);
  const result = await fn();
  expect(await writeSnapshot(prisma)).toEqual(before);
  return result;
}

/** The seeded rows the tests refer to by meaning rather than by ID. */
export async function loadDemo(t: TestApp) {
  const prisma = t.db.prisma;
  const partnershipBySchool = async (school: string) =>
    prisma.partnership.findFirstOrThrow({ where: { school: { name: { contains: school } } }, select: { id: true, cityId: true, schoolId: true, youthWorkOrganisationId: true, startsOn: true, version: true } });
  const [sloterplas, gaasperpoort, noorderlicht, presik, rijnoever] = await Promise.all(
    ['Sloterplas', 'Gaasperpoort', 'Noorderlicht', 'Presik', 'Rijnoever'].map(partnershipBySchool),
  );
  const people = Object.fromEntries(
    await Promise.all(
      (Object.entries(DEMO_EMAILS) as [Role, string][]).map(async ([role, email]) => [
        role,
        (await prisma.person.findUniqueOrThrow({ where: { email }, select: { id: true } })).id,
      ]),
    ),
  ) as Record<Role, string>;
  const tokens = Object.fromEntries(
    await Promise.all((Object.keys(DEMO_EMAILS) as Role[]).map(async (role) => [role, await t.tokenFor(role)])),
  ) as Record<Role, string>;
  const cities = Object.fromEntries((await prisma.city.findMany({ select: { id: true, name: true } })).map((c) => [c.name, c.id])) as Record<string, string>;
  return {
    partnerships: { sloterplas: sloterplas!, gaasperpoort: gaasperpoort!, noorderlicht: noorderlicht!, presik: presik!, rijnoever: rijnoever! },
    people,
    tokens,
    cities,
  };
}
export type Demo = Awaited<ReturnType<typeof loadDemo>>;

/** Closes the app and drops its database (src/db.ts keeps closing pool sockets quiet). */
export async function closeTestApp(t: TestApp | undefined) {
  await t?.close();
}

/**
 * The evaluation figures (activities, reach, signals) by period and group: a test that must leave
 * the figures unchanged compares this before and after.
 */
export const EVALUATION_FIGURES = `query ($from: Date!, $to: Date!, $groupBy: [EvaluationDimension!]) {
  evaluation(from: $from, to: $to, groupBy: $groupBy) {
    activities { period { start } group { value } count participants hours }
    reach { period { start } group { value } youngPeople enrolmentShare suppressed }
    signals { period { start } group { value } count followedUpWithinShare medianHoursToClose suppressed }
  }
}`;
