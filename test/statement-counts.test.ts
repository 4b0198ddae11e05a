/**
 * SQL statements per request of the screens `npm run bench:baseline` measures (as an admin, warm),
 * and of a few key operations. These are the CURRENT numbers (issue 13): tighten them as the hot
 * path improves; a rise is a regression.
 */
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countQueries, createTestApp, type TestApp } from './support/app.ts';
import { closeTestApp, type Demo, gid, loadDemo } from './support/fixtures.ts';

let t: TestApp;
let demo: Demo;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  admin = demo.tokens.ADMIN;
});
afterAll(() => closeTestApp(t));

const recent = () => new Date(Date.now() - 3600_000).toISOString();

/** Runs `query` once to warm up, then counts the statements of a second run (which must succeed). */
async function statements(query: string, variables: () => Record<string, unknown>, token: string) {
  const run = async () => {
    const result = await t.execute(parse(query) as never, variables() as never, { token });
    expect(result.errors).toBeUndefined();
  };
  await run();
  return (await countQueries(t.db, run)).count;
}

describe('SQL statements per request', () => {
  it('{ __typename } with a token', async () => {
    expect(await statements('{ __typename }', () => ({}), admin)).toBe(CURRENT.typename);
  });

  it('a partnership by node(id), 6 fields', async () => {
    const q = 'query($id: ID!) { node(id: $id) { ... on Partnership { id name form status goals version } } }';
    expect(await statements(q, () => ({ id: gid('Partnership', demo.partnerships.sloterplas.id) }), admin)).toBe(CURRENT.node);
  });

  it('activities(first: 100) with partnership, school, facilitators, totalCount', async () => {
    const q = '{ activities(first: 100) { totalCount edges { node { id kind startsAt durationMinutes partnership { name school { name } } facilitators { name } } } } }';
    expect(await statements(q, () => ({}), admin)).toBe(CURRENT.activities);
  });

  it('logActivity (break conversation)', async () => {
    const q = 'mutation($input: LogActivityInput!) { logActivity(input: $input) { activity { id kind } } }';
    const input = () => ({ input: { partnershipId: gid('Partnership', demo.partnerships.sloterplas.id), kind: 'BREAK_CONVERSATION', startsAt: recent(), durationMinutes: 15, participantCount: 6 } });
    expect(await statements(q, input, admin)).toBe(CURRENT.logActivity);
  });

  it('reportSignal', async () => {
    const q = 'mutation($input: ReportSignalInput!) { reportSignal(input: $input) { signal { id status } } }';
    const input = () => ({ input: { partnershipId: gid('Partnership', demo.partnerships.sloterplas.id), lifeDomain: 'ONLINE', category: 'ONLINE_BEHAVIOUR', summary: 'Filmpje gaat rond.' } });
    expect(await statements(q, input, demo.tokens.YOUTH_WORKER)).toBe(CURRENT.reportSignal);
  });

  it('node(signal) with content', async () => {
    const signal = await t.db.prisma.signal.findFirstOrThrow({ where: { partnershipId: demo.partnerships.sloterplas.id }, select: { id: true } });
    const q = 'query($id: ID!) { node(id: $id) { ... on Signal { id status summary } } }';
    expect(await statements(q, () => ({ id: gid('Signal', signal.id) }), admin)).toBe(CURRENT.signal);
  });
});

const CURRENT = { typename: 2, node: 3, activities: 8, logActivity: 10, reportSignal: 11, signal: 4 };
