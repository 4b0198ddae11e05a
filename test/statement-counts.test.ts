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
  // Without city plugins: their event handlers run after the response, in the background.
  t = await createTestApp({ plugins: [] });
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
  await new Promise((resolve) => setTimeout(resolve, 50)); // the live hub has read the warm-up's event
  // The live hub reads the outbox after a write, in the background: not the request's statements.
  const { queries } = await countQueries(t.db, run);
  if (process.env.SHOW_STATEMENTS) console.log(queries.join('\n---\n'));
  return queries.filter((q) => !q.includes('FROM "LiveEvent"')).length;
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

  it('logActivity by a youth worker of the partnership (themselves as facilitator)', async () => {
    const q = 'mutation($input: LogActivityInput!) { logActivity(input: $input) { activity { id kind } } }';
    const input = () => ({ input: { partnershipId: gid('Partnership', demo.partnerships.sloterplas.id), kind: 'BREAK_CONVERSATION', startsAt: recent(), durationMinutes: 15, participantCount: 6 } });
    expect(await statements(q, input, demo.tokens.YOUTH_WORKER)).toBe(CURRENT.logActivityFacilitated);
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

// Warm: the viewer's roles come from the viewer cache (0 statements). The live event of a write is
// written by a database trigger in the write's transaction (no statement of its own). logActivity:
// the partnership check (with the city's name, for the city plugins), then, without facilitators,
// attendees or signals, one INSERT … RETURNING the payload's columns; with them, one transaction
// (the activity, its facilitators, Prisma's read of the activity, COMMIT) whose read is the payload.
// A payload that selects relations is re-read instead (one statement more). An activity page with
// its relations is one statement (Prisma's relation joins: the partnership, its school and the
// facilitators with their people as LATERAL joins of the page), and its totalCount one more.
const CURRENT = { typename: 0, node: 1, activities: 2, logActivity: 2, logActivityFacilitated: 5, reportSignal: 5, signal: 2 };
