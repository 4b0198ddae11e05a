import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'schema-contract-'));
const run = (script: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', script), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });

describe('the contract of a deployment', () => {
  it('schema:print prints the schema of the configured plugin set, not always the default one', () => {
    const core = join(tmp, 'core.graphql');
    const result = run('print-schema.ts', ['--out', core], { PLUGINS: '' });
    expect(result.status, result.stderr).toBe(0);
    const coreSdl = readFileSync(core, 'utf8');
    const defaultSdl = readFileSync(join(root, 'schema.graphql'), 'utf8');
    expect(defaultSdl).toMatch(/^type AmsterdamActivityFields \{/m);
    expect(coreSdl).not.toMatch(/^type (Amsterdam|Arnhem)\w+ \{|^  (amsterdam|arnhem):/m);
    expect(coreSdl).toMatch(/type Signal implements Node/);
  });

  it('an unknown plugin in PLUGINS fails with a line naming it, and writes nothing', () => {
    const out = join(tmp, 'unknown.graphql');
    const result = run('print-schema.ts', ['--out', out], { PLUGINS: 'rotterdam-does-not-exist' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/rotterdam-does-not-exist/);
  });
});

describe('breaking changes against the last release', () => {
  it('the committed schema keeps every promise of the released contract', () => {
    const result = run('schema-breaking.ts', []);
    expect(result.status, result.stderr).toBe(0);
  });

  it('a removed field or a newly required argument fails, naming each change', () => {
    const released = readFileSync(join(root, 'docs/schema-released.graphql'), 'utf8');
    const broken = released
      .replace(/(type Partnership implements Node \{[^}]*?)\n  name: String!/, '$1')
      .replace('node(id: ID!): Node', 'node(id: ID!, why: String!): Node');
    expect(broken).not.toBe(released);
    const file = join(tmp, 'broken.graphql');
    writeFileSync(file, broken);
    const result = run('schema-breaking.ts', ['--schema', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/FIELD_REMOVED: Partnership\.name was removed/);
    expect(result.stderr).toMatch(/REQUIRED_ARG_ADDED: A required arg why on Query\.node was added/);
  });
});
