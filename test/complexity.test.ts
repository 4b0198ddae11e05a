/**
 * The complexity score counts pages: a connection's selection is multiplied by its `first`/`last`
 * (20 when omitted, at most 100), so a small query is cheap and a wide one is refused before it runs.
 */
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from '../src/builder.ts';
import { countQueries, createTestApp, type TestApp } from './support/app.ts';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await createTestApp();
  token = await t.tokenFor('ADMIN');
});
afterAll(async () => {
  await t?.close();
});

/** Partnerships → activities → facilitators, three levels of lists, each page `size` wide. */
const threeLevels = (size: number | string) =>
  parse(`query ThreeLevels${size === '$n' ? '($n: Int)' : ''} { partnerships(first: ${size}) { edges { node { name activities(first: ${size}) { edges { node { id kind startsAt
    partnership { signals(first: ${size}) { edges { node { id status } } } } } } } } } } }`);

describe('complexity counts pages', () => {
  it('lets a three-level query with first: 1 through', async () => {
    const result = await t.execute(threeLevels(1) as never, {}, { token });
    expect(result.errors).toBeUndefined();
    expect((result.data as any).partnerships.edges).toHaveLength(1);
  });

  it('refuses the same query with first: 100 with one coded error, before anything runs', async () => {
    const viewerOnly = await countQueries(t.db, () => t.execute(parse('{ __typename }') as never, {}, { token }));
    let result: Awaited<ReturnType<typeof t.execute>> | undefined;
    const refused = await countQueries(t.db, async () => {
      result = await t.execute(threeLevels(100) as never, {}, { token });
    });
    expect(result!.errors).toHaveLength(1);
    expect(result!.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'complexity', limit: QUERY_LIMITS.complexity });
    expect((result!.errors![0]!.extensions as { value: number }).value).toBeGreaterThan(100 * 100 * 100);
    expect(result!.data ?? null).toBeNull();
    expect(refused.count).toBe(viewerOnly.count);
  });

  it('counts first given in a variable, and an omitted first as the default page', async () => {
    const viaVariable = await t.execute(threeLevels('$n') as never, { n: 100 } as never, { token });
    expect(viaVariable.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'complexity' });
    const small = await t.execute(threeLevels('$n') as never, { n: 2 } as never, { token });
    expect(small.errors).toBeUndefined();
    // Omitted: 20 × 20 × 20 pages of a few fields stays refused, as wide as it can answer.
    const omitted = await t.execute(parse('{ partnerships { edges { node { activities { edges { node { id partnership { signals { edges { node { id } } } } } } } } } } }') as never, {}, { token });
    expect(omitted.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
  });
});
