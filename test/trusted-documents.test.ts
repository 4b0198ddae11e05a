/**
 * Trusted documents: the manifest GraphQL Code Generator's client preset writes for the operations
 * under test/operations (`test/generated/persisted-documents.json`, as a frontend's build would),
 * and a server that accepts only those (TRUSTED_DOCUMENTS), over HTTP and graphql-ws.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, wsConnect } from './support/clients.ts';
import { countQueries, createTestApp, type TestApp } from './support/app.ts';
import { E2ePartnershipsDocument, OnActivityLoggedDocument } from './generated/graphql.ts';

const MANIFEST = join(import.meta.dirname, 'generated', 'persisted-documents.json');
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
/** The `sha256:<hex>` codegen embedded in a generated document (`__meta__.hash`). */
const hashOf = (document: unknown) => (document as { __meta__?: { hash?: string } }).__meta__?.hash;

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await createTestApp({ env: { TRUSTED_DOCUMENTS: MANIFEST } });
  token = await t.tokenFor('YOUTH_WORKER');
});
afterAll(async () => {
  await t?.close();
});

const post = async (body: unknown) =>
  (await t.app.yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  })).json() as Promise<any>;

describe('trusted documents only', () => {
  it('runs a document of the manifest by its documentId', async () => {
    const id = hashOf(E2ePartnershipsDocument);
    expect(id, 'codegen embedded the hash').toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(manifest[id!], 'and wrote the document into the manifest').toContain('query E2ePartnerships');
    const result = await post({ documentId: id });
    expect(result.errors).toBeUndefined();
    expect(result.data.partnerships.totalCount).toBeGreaterThan(0);
    const viaExtension = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: id!.slice('sha256:'.length) } } });
    expect(viaExtension.data).toEqual(result.data);
  });

  it('refuses any other document with a coded error, before anything runs', async () => {
    const viewerOnly = await countQueries(t.db, () => post({ documentId: hashOf(E2ePartnershipsDocument) }));
    let refused: any;
    const counted = await countQueries(t.db, async () => {
      refused = await post({ query: '{ partnerships(first: 100) { totalCount } }' });
    });
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'documentId', rule: 'trustedDocument' });
    expect(counted.count).toBeLessThan(viewerOnly.count);
    const unknown = await post({ documentId: 'f'.repeat(64) });
    expect(unknown.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'trustedDocument' });
  });

  it('over graphql-ws too: a manifest document subscribes, another one is refused', async () => {
    const { url } = await t.app.start(0, '127.0.0.1');
    const ws = wsConnect(url, token);
    try {
      const partnershipId = (dataOf(await post({ documentId: hashOf(E2ePartnershipsDocument) })) as any).partnerships.edges[0].node.id;
      const trusted = ws.subscribe(manifest[hashOf(OnActivityLoggedDocument)!]!, { partnershipId });
      const other = ws.subscribe('subscription { activityLogged { id notes } }');
      const refused = await other.take(10_000);
      expect(refused.type === 'error' ? (refused.error as any[])[0]?.extensions : undefined).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'trustedDocument' });
      // The trusted one is still open (nothing arrived, no error): closing it is clean.
      await expect(trusted.take(300)).rejects.toThrow(/no subscription event/);
    } finally {
      await ws.close();
    }
  });
});
