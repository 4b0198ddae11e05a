/**
 * A count or a page boundary computed under a content filter tells that content about every signal
 * it counts: each counted signal is audited like a returned row (attack review F4), on the top-level
 * list and on nested ones. A count without content (metadata only) audits nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/app.ts';
import { dataOf, httpGraphql } from './support/clients.ts';
import { closeTestApp, gid } from './support/fixtures.ts';

let t: TestApp;
let url: string;
let token: string;
let partnershipId: string;
let youthId: string;

beforeAll(async () => {
  t = await createTestApp();
  url = (await t.app.start(0, '127.0.0.1')).url;
  token = await t.tokenFor('YOUTH_WORKER');
  const assignment = await t.db.prisma.roleAssignment.findFirstOrThrow({ where: { role: 'YOUTH_WORKER', person: { email: 'aaron.bakkali@amsterdam.jongerenwerk.example' } } });
  partnershipId = assignment.partnershipId!;
  const withYouth = await t.db.prisma.signal.findFirstOrThrow({ where: { partnershipId, youthId: { not: null }, ownerSide: 'YOUTH_WORK' }, select: { youthId: true } });
  youthId = withYouth.youthId!;
});
afterAll(() => closeTestApp(t));

const reads = () => t.db.prisma.auditEvent.count({ where: { operation: 'READ', entity: 'Signal' } });

async function auditedBy(query: string) {
  const before = await reads();
  const result = await httpGraphql<Record<string, unknown>, unknown>(url, query, {}, token);
  dataOf(result);
  const events = await t.db.prisma.auditEvent.findMany({ where: { operation: 'READ', entity: 'Signal' }, orderBy: { at: 'desc' }, take: (await reads()) - before });
  return { data: result.data as any, events };
}

describe('counts under a content filter are audited', () => {
  it('top-level signals: totalCount with a category filter audits each counted signal; without one, nothing', async () => {
    const filtered = await auditedBy('{ signals(first: 0, filter: { category: [ATTENDANCE] }) { totalCount } }');
    expect(filtered.data.signals.totalCount).toBeGreaterThan(0);
    expect(new Set(filtered.events.map((e) => e.entityId)).size).toBe(filtered.data.signals.totalCount);
    expect(filtered.events.every((e) => e.fields.includes('category'))).toBe(true);
    const plain = await auditedBy('{ signals(first: 0) { totalCount } }');
    expect(plain.data.signals.totalCount).toBeGreaterThan(0);
    expect(plain.events).toHaveLength(0);
  });

  it('pageInfo under a content filter audits the signals it looks past', async () => {
    const page = await auditedBy('{ signals(first: 1, filter: { category: [ATTENDANCE] }) { pageInfo { hasNextPage } } }');
    expect(page.data.signals.pageInfo.hasNextPage).toBe(true);
    expect(new Set(page.events.map((e) => e.entityId)).size).toBeGreaterThan(1);
  });

  it('Partnership.signals and Youth.signals: totalCount is audited the same way', async () => {
    const nested = await auditedBy(`{ node(id: "${gid('Partnership', partnershipId)}") { ... on Partnership { signals(first: 0, filter: { category: [ATTENDANCE] }) { totalCount } } } }`);
    expect(nested.data.node.signals.totalCount).toBeGreaterThan(0);
    expect(new Set(nested.events.map((e) => e.entityId)).size).toBe(nested.data.node.signals.totalCount);
    const youth = await auditedBy(`{ node(id: "${gid('Youth', youthId)}") { ... on Youth { signals(first: 0) { totalCount } } } }`);
    expect(youth.data.node.signals.totalCount).toBeGreaterThan(0);
    expect(new Set(youth.events.map((e) => e.entityId)).size).toBe(youth.data.node.signals.totalCount);
    expect(youth.events.every((e) => e.fields.includes('youth'))).toBe(true);
  });
});
