import { getIntrospectionQuery, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from '../src/builder.ts';
import { MyPartnershipsDocument } from './generated/graphql.ts';
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

const nest = (levels: number) =>
  parse(
    `{ partnerships(first: 2) { edges { node { ${'signals(first: 2) { edges { node { partnership { '.repeat(levels)} name ${'} } } }'.repeat(levels)} } } } }`,
  );

describe('operation limits', () => {
  it('refuses a deeply nested operation before running it, with a coded error', async () => {
    const viewerOnly = await countQueries(t.db, () => t.execute(parse('{ __typename }') as never, {}, { token }));
    let result: Awaited<ReturnType<typeof t.execute>> | undefined;
    const refused = await countQueries(t.db, async () => {
      result = await t.execute(nest(4) as never, {}, { token });
    });
    expect(result!.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'depth', limit: QUERY_LIMITS.depth });
    // Refused while validating: not even the viewer was loaded, no resolver ran.
    expect(viewerOnly.count).toBeGreaterThan(0);
    expect(refused.count, refused.queries.join('\n')).toBe(0);
  });

  it('lets the screens and tools people use through: a full partnership page and introspection', async () => {
    expect((await t.execute(MyPartnershipsDocument, { first: 50 }, { token })).errors).toBeUndefined();
    expect((await t.execute(nest(1) as never, {}, { token })).errors).toBeUndefined();
    const introspection = await t.execute(parse(getIntrospectionQuery({ descriptions: true })) as never, {}, { token: null });
    expect(introspection.errors).toBeUndefined();
  });
});
