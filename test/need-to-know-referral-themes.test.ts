/**
 * Need to know, two leftovers of the attack review (F9):
 * a. that a signal was referred is content (its `referredAt` and `referralDestination` are hidden
 *    from metadata readers), so a metadata reader sees a REFERRED signal as IN_PROGRESS, in
 *    `status`, `allowedTransitions` and the `status` filter alike;
 * b. the themes of an individual guidance (one young person) are content, like its notes: hidden
 *    from those who do not log activities in the partnership (policy advisors), in the field and
 *    in the `theme` filter. Themes of group activities stay visible.
 * Each with a positive control: the youth worker, who may read the content.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/generated/prisma/enums.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { closeTestApp, type Demo, gid, loadDemo } from './support/fixtures.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const gql = (source: string) => parse(source) as TypedDocumentNode<any, Record<string, unknown>>;

let t: TestApp;
let demo: Demo;
let referred: string;
let guidance: string;
let group: string;
const WINDOW = { reportedAfter: '2021-03-01T00:00:00.000Z', reportedBefore: '2021-04-01T00:00:00.000Z' };
const ACTIVITY_WINDOW = { startsAfter: '2021-03-01T00:00:00.000Z', startsBefore: '2021-04-01T00:00:00.000Z' };

beforeAll(async () => {
  t = await createTestApp({ env: { RETENTION_INTERVAL_MINUTES: '0' } });
  demo = await loadDemo(t);
  const prisma = t.db.prisma;
  const own = demo.partnerships.sloterplas;
  // Youth work's, not shared with the school: the school contact and the policy advisor know it exists.
  const signal = await prisma.signal.create({
    data: {
      partnershipId: own.id, lifeDomain: 'HOME', category: 'OTHER', subject: 'INDIVIDUAL', ownerSide: 'YOUTH_WORK', sharedWith: 'YOUTH_WORK',
      reportedAt: new Date('2021-03-04T09:00:00Z'), status: 'REFERRED', referredAt: new Date('2021-03-05T09:00:00Z'), referralDestination: 'buurtteam',
    },
    select: { id: true },
  });
  referred = gid('Signal', signal.id);
  const activity = (kind: 'INDIVIDUAL_GUIDANCE' | 'BREAK_CONVERSATION', themes: string[]) =>
    prisma.activity.create({ data: { partnershipId: own.id, kind, startsAt: new Date('2021-03-10T10:00:00Z'), durationMinutes: 30, themes }, select: { id: true } });
  guidance = gid('IndividualGuidance', (await activity('INDIVIDUAL_GUIDANCE', ['rouw'])).id);
  group = gid('BreakConversation', (await activity('BREAK_CONVERSATION', ['pesten'])).id);
});
afterAll(() => closeTestApp(t));

const SIGNALS = gql(`query($filter: SignalFilter) { signals(first: 50, filter: $filter) { nodes { id access status allowedTransitions referredAt hiddenFields } } }`);
const signals = async (role: Role, filter: Record<string, unknown> = {}) => {
  const r = await t.execute(SIGNALS, { filter: { ...WINDOW, ...filter } }, { token: demo.tokens[role] });
  expect(r.errors).toBeUndefined();
  return r.data.signals.nodes as { id: string; access: string; status: string; allowedTransitions: string[]; referredAt: string | null; hiddenFields: string[] }[];
};

describe('a. a referral is content: metadata readers see a REFERRED signal as IN_PROGRESS', () => {
  it.each(['SCHOOL_CONTACT', 'POLICY_ADVISOR'] as const)('%s: status, allowedTransitions and the status filter say IN_PROGRESS', async (role) => {
    const [row] = await signals(role);
    expect(row).toMatchObject({ id: referred, access: 'METADATA', status: 'IN_PROGRESS', allowedTransitions: ['REFERRED', 'CLOSED'], referredAt: null });
    expect(row!.hiddenFields).not.toContain('status'); // listing it would say that there is something to hide
    expect((await signals(role, { status: ['REFERRED'] })).map((s) => s.id)).toEqual([]);
    expect((await signals(role, { status: ['IN_PROGRESS'] })).map((s) => s.id)).toEqual([referred]);
    expect((await signals(role, { status: ['NEW', 'IN_PROGRESS'] })).map((s) => s.id)).toEqual([referred]);
    const node = await t.execute(gql(`query($id: ID!) { node(id: $id) { ... on Signal { status } } }`), { id: referred }, { token: demo.tokens[role] });
    expect(node.data.node).toEqual({ status: 'IN_PROGRESS' });
  });

  it('the youth worker (content reader) sees REFERRED, and filters on it', async () => {
    const [row] = await signals('YOUTH_WORKER');
    expect(row).toMatchObject({ id: referred, access: 'FULL', status: 'REFERRED', allowedTransitions: ['IN_PROGRESS', 'CLOSED'] });
    expect((await signals('YOUTH_WORKER', { status: ['REFERRED'] })).map((s) => s.id)).toEqual([referred]);
    expect((await signals('YOUTH_WORKER', { status: ['IN_PROGRESS'] })).map((s) => s.id)).toEqual([]);
  });
});

const ACTIVITIES = gql(`query($filter: ActivityFilter) { activities(first: 50, filter: $filter) { nodes { id themes hiddenFields } } }`);
const activities = async (role: Role, filter: Record<string, unknown> = {}) => {
  const r = await t.execute(ACTIVITIES, { filter: { ...ACTIVITY_WINDOW, ...filter } }, { token: demo.tokens[role] });
  expect(r.errors).toBeUndefined();
  return new Map((r.data.activities.nodes as { id: string; themes: string[]; hiddenFields: string[] }[]).map((a) => [a.id, a]));
};

describe('b. the themes of an individual guidance are content', () => {
  it('a policy advisor gets no themes of an individual guidance (hidden), those of a group activity as before, and no theme filter on them', async () => {
    const rows = await activities('POLICY_ADVISOR');
    expect(rows.get(guidance)).toMatchObject({ themes: [] });
    expect(rows.get(guidance)!.hiddenFields).toContain('themes');
    expect(rows.get(group)).toMatchObject({ themes: ['pesten'] });
    expect(rows.get(group)!.hiddenFields).not.toContain('themes');
    expect([...(await activities('POLICY_ADVISOR', { theme: 'rouw' })).keys()]).toEqual([]);
    expect([...(await activities('POLICY_ADVISOR', { theme: 'pesten' })).keys()]).toEqual([group]);
  });

  it('the youth worker (logs activities in the partnership) sees and filters on them', async () => {
    const rows = await activities('YOUTH_WORKER');
    expect(rows.get(guidance)).toMatchObject({ themes: ['rouw'] });
    expect(rows.get(guidance)!.hiddenFields).not.toContain('themes');
    expect([...(await activities('YOUTH_WORKER', { theme: 'rouw' })).keys()]).toEqual([guidance]);
  });
});
