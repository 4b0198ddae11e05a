/**
 * What "metadata" of a signal means (issue 9, item 7), the same in the API, the README's Privacy
 * section and the data register. The list below is the definition; the API is read field by field
 * from the live schema, so a field added to `Signal` later is hidden from metadata readers unless it
 * is added here (and to the README and the register) on purpose.
 */
import { readFileSync } from 'node:fs';
import { type ExecutionResult, parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIENCES } from '../src/privacy/data-register.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { type Demo, gid, loadDemo } from './support/fixtures.ts';

/** What a metadata reader gets of a signal. */
const METADATA = ['id', 'access', 'hiddenFields', 'partnership', 'status', 'allowedTransitions', 'lifeDomain', 'ownerSide', 'sharedWith', 'reportedAt', 'createdAt', 'anonymisedAt'];
/** Named in the README and the register as hidden from metadata readers (the question of the issue). */
const PROGRESS = ['acknowledgedAt', 'inProgressAt', 'referredAt', 'closedAt'];

let t: TestApp;
let demo: Demo;
let signalId: string;
let selection: string;
let fieldNames: string[];

type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };
const named = (type: TypeRef): TypeRef => (type.ofType ? named(type.ofType) : type);
const doc = (source: string) => parse(source) as TypedDocumentNode<any, any>;

async function fieldsOf(type: string): Promise<{ name: string; type: TypeRef }[]> {
  const result = await t.execute(
    doc(`query ($name: String!) { __type(name: $name) { fields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }`),
    { name: type },
    { token: demo.tokens.ADMIN },
  );
  return result.data.__type.fields;
}

/** Every field of Signal: leaves as they are, node types by `id`, other objects (plugin namespaces) with their leaves. */
async function signalSelection() {
  const parts: string[] = [];
  for (const field of await fieldsOf('Signal')) {
    const type = named(field.type);
    if (type.kind !== 'OBJECT') {
      parts.push(field.name);
      continue;
    }
    const inner = await fieldsOf(type.name!);
    const isNode = inner.some((f) => f.name === 'id');
    const leaves = inner.filter((f) => named(f.type).kind !== 'OBJECT').map((f) => f.name);
    parts.push(`${field.name} { ${isNode ? 'id' : leaves.join(' ')} }`);
  }
  return parts;
}

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  const prisma = t.db.prisma;
  const youth = await prisma.youth.findFirstOrThrow({ where: { schoolId: demo.partnerships.sloterplas.schoolId }, select: { id: true } });
  const at = (day: number) => new Date(Date.UTC(2021, 2, day, 10));
  // Youth work's own signal (not shared), with every field filled in, so a null means hidden.
  const signal = await prisma.signal.create({
    data: {
      partnershipId: demo.partnerships.sloterplas.id,
      lifeDomain: 'HOME',
      category: 'HOME_SITUATION',
      subject: 'INDIVIDUAL',
      urgency: 'HIGH',
      summary: 'metadata test',
      youthId: youth.id,
      reportedById: demo.people.YOUTH_WORKER,
      ownerSide: 'YOUTH_WORK',
      sharedWith: 'YOUTH_WORK',
      legalBasis: 'CONSENT',
      status: 'CLOSED',
      referralDestination: 'buurtteam',
      reportedAt: at(1),
      acknowledgedAt: at(2),
      inProgressAt: at(3),
      referredAt: at(4),
      closedAt: at(5),
      anonymisedAt: at(6),
      followUps: { create: { byId: demo.people.YOUTH_WORKER, action: 'REFERRED', note: 'naar het buurtteam' } },
    },
    select: { id: true },
  });
  signalId = gid('Signal', signal.id);
  const parts = await signalSelection();
  fieldNames = parts.map((p) => p.split(' ')[0]!);
  selection = parts.join('\n');
});
afterAll(async () => {
  await t?.close();
});

const read = async (token: string) => {
  const result = (await t.execute(doc(`query ($id: ID!) { node(id: $id) { ... on Signal { ${selection} } } }`), { id: signalId }, { token })) as ExecutionResult<any>;
  expect(result.errors).toBeUndefined();
  const hidden = ((result.extensions?.hiddenFields as { paths: (string | number)[][] } | undefined)?.paths ?? []).map((p) => p.join('.'));
  return { signal: result.data.node as Record<string, unknown>, hidden };
};

/** A field reads as hidden: null (or, for a namespace of plugin values, every value null) and listed as hidden. */
function isHidden(signal: Record<string, unknown>, hidden: string[], field: string) {
  const value = signal[field];
  if (value === null) return hidden.includes(`node.${field}`);
  if (typeof value === 'object' && !Array.isArray(value)) {
    const leaves = Object.entries(value as Record<string, unknown>);
    return leaves.length > 0 && leaves.every(([k, v]) => v === null && hidden.includes(`node.${field}.${k}`));
  }
  return false;
}

describe('signal metadata', () => {
  it.each(['SCHOOL_CONTACT', 'POLICY_ADVISOR'] as const)('%s (a metadata reader) gets exactly the metadata; every other field is hidden', async (role) => {
    const { signal, hidden } = await read(demo.tokens[role]);
    expect(signal.access).toBe('METADATA');
    for (const field of fieldNames) {
      if (METADATA.includes(field)) {
        expect(signal[field], `${field} is metadata`).not.toBeNull();
        expect(hidden.filter((p) => p.startsWith(`node.${field}`)), `${field} is metadata`).toEqual([]);
      } else {
        expect(isHidden(signal, hidden, field), `${field} is not metadata: hidden from ${role}`).toBe(true);
      }
    }
    for (const field of PROGRESS) expect(isHidden(signal, hidden, field), field).toBe(true);
  });

  it('the youth worker (who may read the content) gets every field (positive control)', async () => {
    const { signal, hidden } = await read(demo.tokens.YOUTH_WORKER);
    expect(signal.access).toBe('FULL');
    expect(hidden).toEqual([]);
    for (const field of [...METADATA, ...PROGRESS, 'summary', 'category', 'youth', 'followUps']) expect(signal[field], field).not.toBeNull();
  });

  it('reading the follow-up timestamps in full is not an audited content read; the summary is', async () => {
    const prisma = t.db.prisma;
    const id = signalId;
    const rawId = (await prisma.signal.findFirstOrThrow({ where: { summary: 'metadata test' }, select: { id: true } })).id;
    const events = () => prisma.auditEvent.findMany({ where: { entityId: rawId, operation: 'READ' }, select: { fields: true } });
    const before = (await events()).length;
    await t.execute(doc(`query ($id: ID!) { node(id: $id) { ... on Signal { ${PROGRESS.join(' ')} } } }`), { id }, { token: demo.tokens.YOUTH_WORKER });
    expect((await events()).length).toBe(before);
    await t.execute(doc(`query ($id: ID!) { node(id: $id) { ... on Signal { summary } } }`), { id }, { token: demo.tokens.YOUTH_WORKER });
    expect((await events()).length).toBe(before + 1);
  });

  it('the README and the data register name the same metadata, and the follow-up timestamps as hidden', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const privacy = readme.slice(readme.indexOf('## Privacy'));
    const definition = privacy.slice(privacy.indexOf("A signal's **metadata**"));
    const [metadataPart, hiddenPart] = definition.split('Everything\nelse is hidden');
    expect(hiddenPart, 'README: the metadata paragraph').toBeDefined();
    for (const field of METADATA.filter((f) => f !== 'access' && f !== 'hiddenFields')) expect(metadataPart, `README names ${field} as metadata`).toContain(`\`${field}\``);
    for (const field of PROGRESS) expect(hiddenPart!.split('\n\n')[0], `README names ${field} as hidden`).toContain(`\`${field}\``);
    const note = AUDIENCES.signalMetadata.note!;
    for (const field of ['sharedWith', 'reportedAt', 'createdAt', 'anonymisedAt']) expect(note, `register names ${field}`).toContain(`\`${field}\``);
    for (const words of ['status', 'life domain', 'owner side', 'exists']) expect(note).toContain(words);
    expect(AUDIENCES.signalProgress.roles).toEqual(AUDIENCES.signalContent.roles);
  });
});
