/**
 * The boot refuses a bad plugin with one line naming the plugin and the problem: bad definitions,
 * names, versions, dependencies, unknown types, bad fields, shadowing, and (building the schema in a
 * fresh module graph each time) schema code that would shadow the core or skip the access rules.
 */
import { describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { field } from '../src/plugins/api.ts';
import { checkPlugins, loadPlugins, PluginError } from '../src/plugins/registry.ts';

const valid = {
  name: 'utrecht',
  version: '1.0.0',
  description: 'A test pilot',
  cities: ['Utrecht'],
};

const refuse = (definition: Record<string, unknown>, folder = (definition.name as string) ?? 'utrecht') => {
  let error: unknown;
  try {
    checkPlugins([{ folder, definition }]);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(PluginError);
  const message = (error as Error).message;
  expect(message).not.toContain('\n');
  return message;
};

describe('definitions that stop the boot', () => {
  it.each([
    ['a missing description', { ...valid, description: undefined }, /^Plugin "utrecht": bad definition at description/],
    ['an unknown option', { ...valid, colour: 'red' }, /^Plugin "utrecht": bad definition at \(root\)/],
    ['no cities', { ...valid, cities: [] }, /^Plugin "utrecht": bad definition at cities/],
    ['a name that is not lowerCamelCase', { ...valid, name: 'Utrecht-Zuid' }, /name "Utrecht-Zuid" must be lowerCamelCase/],
    ['a version that is not MAJOR.MINOR.PATCH', { ...valid, version: 'v1' }, /version "v1" must be MAJOR\.MINOR\.PATCH/],
    ['an API range this server does not meet', { ...valid, requires: { api: '^2.0.0' } }, /requires plugin API \^2\.0\.0, this server has 1\.0\.0/],
    ['a plugin it needs that is not enabled', { ...valid, requires: { plugins: { amsterdam: '^1.0.0' } } }, /requires plugin "amsterdam" \(\^1\.0\.0\), which is not enabled/],
    ['an unknown type', { ...valid, fields: { Teacher: { x: field.int({ description: 'x' }) } } }, /unknown type Teacher for pilot fields/],
    ['an unknown field type', { ...valid, fields: { Activity: { x: { type: 'money', description: 'x' } } } }, /bad definition at fields\.Activity\.x\.type/],
    ['an enum without values', { ...valid, fields: { Activity: { x: { type: 'enum', description: 'x' } } } }, /field Activity\.x: an enum needs `values`/],
    ['an enum value that is not UPPER_SNAKE_CASE', { ...valid, fields: { Activity: { x: field.enum(['groen'], { description: 'x' }) } } }, /enum value "groen" must be UPPER_SNAKE_CASE/],
    ['min greater than max', { ...valid, fields: { School: { x: field.int({ description: 'x', min: 5, max: 1 }) } } }, /field School\.x: `min` is greater than `max`/],
    ['a pattern that is no regular expression', { ...valid, fields: { Signal: { x: field.string({ description: 'x', pattern: '(' }) } } }, /`pattern` "\(" is not a valid regular expression/],
    ['a default that breaks its own rule', { ...valid, fields: { Partnership: { x: field.int({ description: 'x', max: 3, default: 4 }) } } }, /field Partnership\.x: the default 4 must be at most 3/],
    ['a groupable list', { ...valid, fields: { Activity: { x: field.enum(['A', 'B'], { description: 'x', list: true, groupable: true }) } } }, /field Activity\.x: a list cannot be groupable/],
    ['kinds on a field of another type than Activity', { ...valid, fields: { Signal: { x: field.boolean({ description: 'x', kinds: ['CONSULTATION'] }) } } }, /`kinds` only applies to Activity fields/],
    ['an unknown activity kind', { ...valid, fields: { Activity: { x: field.boolean({ description: 'x', kinds: ['FOOTBALL'] }) } } }, /unknown activity kind FOOTBALL/],
    ['an activity kind outside its namespace', { ...valid, activityKinds: { MENTOR_LESSON: { typeName: 'UtrechtMentorLesson', description: 'x' } } }, /activity kind MENTOR_LESSON must be UPPER_SNAKE_CASE and start with UTRECHT_/],
    ['a kind type outside its namespace (it could shadow a core type)', { ...valid, activityKinds: { UTRECHT_LESSON: { typeName: 'Consultation', description: 'x' } } }, /typeName "Consultation" must be PascalCase and start with Utrecht/],
    ['a kind field that shadows an Activity field', { ...valid, activityKinds: { UTRECHT_LESSON: { typeName: 'UtrechtLesson', description: 'x', fields: { notes: field.string({ description: 'x' }) } } } }, /field notes would shadow Activity\.notes/],
    ['a name that is a core field of the types it extends', { ...valid, name: 'status' }, /^Plugin "status": name "status" is a field of the core types/],
    ['a kind type that would clash with generated types', { ...valid, activityKinds: { UTRECHT_X: { typeName: 'UtrechtSignalFilter', description: 'x' } } }, /would clash with the plugin's generated types/],
    ['a filterable string too long for its index', { ...valid, fields: { School: { x: field.string({ description: 'x', max: 2000, filterable: true }) } } }, /a filterable string may be at most 500 characters/],
    ['a date default that is not a date string', { ...valid, fields: { School: { x: field.date({ description: 'x', default: new Date() }) } } }, /the default of a date must be a string/],
    ['a handler of an unknown core event', { ...valid, on: { signalDeleted: () => {} } }, /on\.signalDeleted: unknown core event/],
  ])('%s', (_name, definition, expected) => {
    expect(refuse(definition as Record<string, unknown>)).toMatch(expected);
  });

  it('a name that differs from its folder, and the same plugin enabled twice', () => {
    expect(refuse(valid, 'utrecht2')).toMatch(/^Plugin "utrecht2": name "utrecht" must equal its folder name "utrecht2"/);
    expect(() => checkPlugins([{ folder: 'utrecht', definition: valid }, { folder: 'utrecht', definition: valid }])).toThrow(
      /^Plugin "utrecht": is enabled twice/,
    );
  });

  it('a plugin whose name starts with another enabled plugin\'s name', () => {
    expect(() => checkPlugins([{ folder: 'utrecht', definition: valid }, { folder: 'utrechtZuid', definition: { ...valid, name: 'utrechtZuid' } }])).toThrow(
      /^Plugin "utrechtZuid": name "utrechtZuid" starts with the name of plugin "utrecht"/,
    );
  });

  it('a dependency in the wrong version, and one that is met', () => {
    const needs = (range: string) => [
      { folder: 'utrecht', definition: valid },
      { folder: 'zeist', definition: { ...valid, name: 'zeist', requires: { plugins: { utrecht: range } } } },
    ];
    expect(() => checkPlugins(needs('^2.0.0'))).toThrow(/^Plugin "zeist": requires plugin "utrecht" \^2\.0\.0, but 1\.0\.0 is enabled/);
    expect(checkPlugins(needs('>=1.0.0')).map((p) => p.name)).toEqual(['utrecht', 'zeist']);
  });

  it('a plugin whose code uses a field constructor that does not exist fails naming the plugin and the constructor', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'plugins-'));
    mkdirSync(join(dir, 'zwolle'));
    const api = new URL('../src/plugins/api.ts', import.meta.url).pathname;
    writeFileSync(
      join(dir, 'zwolle', 'index.ts'),
      `import { definePlugin, field } from ${JSON.stringify(api)};\n` +
        `export default definePlugin({ name: 'zwolle', version: '1.0.0', description: 'x', cities: ['Zwolle'],\n` +
        `  fields: { Activity: { visitedAt: field.datetime({ description: 'when' }) } } });\n`,
    );
    const error = await loadPlugins(['zwolle'], dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginError);
    expect((error as Error).message).toMatch(/^Plugin "zwolle": zwolle\/index\.(ts|js) failed to load: field\.datetime does not exist; pilot fields are field\.string, field\.int, .*field\.date, field\.enum$/);
  });

  it('a plugin folder that does not exist, and a PLUGINS setting that is not a list of names', async () => {
    await expect(loadPlugins(['rotterdam'])).rejects.toThrow(/^Plugin "rotterdam": not found \(expected .*plugins\/rotterdam\/index\.ts\)$/);
    expect(() => loadConfig({ PLUGINS: 'amsterdam; rm -rf' })).toThrow(ConfigError);
    expect(loadConfig({ PLUGINS: ' amsterdam , arnhem ' }).plugins).toEqual(['amsterdam', 'arnhem']);
    expect(loadConfig({ PLUGINS: '' }).plugins).toEqual([]);
    expect(loadConfig({}).plugins).toEqual(['amsterdam', 'arnhem']);
  });

  it('two plugins may declare a field of the same name on the same type', () => {
    const same = (name: string) => ({ ...valid, name, cities: ['Amsterdam'], fields: { Activity: { theme: field.string({ description: 'x' }) } } });
    expect(checkPlugins([{ folder: 'alpha', definition: same('alpha') }, { folder: 'beta', definition: same('beta') }])).toHaveLength(2);
  });
});

/** Builds the schema with one plugin in a fresh module graph (the schema is built once per graph). */
async function buildWith(schema: (api: any) => void) {
  vi.resetModules();
  const registry = await import('../src/plugins/registry.ts');
  const { buildSchema } = await import('../src/schema.ts');
  return buildSchema(registry.checkPlugins([{ folder: 'utrecht', definition: { ...valid, schema } }]));
}

describe("schema code that stops the boot", () => {
  it.each([
    ['a query outside its namespace', (api: any) => api.builder.queryField('signalsOfUtrecht', (t: any) => t.int({ resolve: () => 1 })), /^Plugin "utrecht": field Query\.signalsOfUtrecht must start with "utrecht"/],
    ['a field on a core type outside its namespace', (api: any) => api.builder.prismaObjectField('Signal', 'status2', (t: any) => t.int({ resolve: () => 1 })), /field Signal\.status2 must start with "utrecht"/],
    ['a type outside its namespace (it could shadow a core type)', (api: any) => api.builder.objectRef('Signal').implement({ fields: () => ({}) }), /type Signal must start with "Utrecht"/],
    ['exposing a column of a core type without a resolver', (api: any) => api.builder.prismaObjectField('Signal', 'utrechtSummary', (t: any) => t.exposeString('summary')), /t\.exposeString on a core type would skip the access rules/],
    ['exposing a relation of a core type', (api: any) => api.builder.prismaObjectField('Partnership', 'utrechtSignals', (t: any) => t.relation('signals')), /t\.relation on a core type would skip the access rules/],
    ['a builder method that is not for plugins', (api: any) => api.builder.globalConnectionField('utrechtCount', (t: any) => t.int({ resolve: () => 1 })), /builder\.globalConnectionField is not available to plugins/],
    ['the raw builder through a field builder', (api: any) => api.builder.queryField('utrechtX', (t: any) => { t.builder.queryField('signals2', (t2: any) => t2.int({ resolve: () => 1 })); return t.int({ resolve: () => 1 }); }), /field Query\.signals2 must start with "utrecht"/],
    ['select on a core type (it would load past the access rules)', (api: any) => api.builder.prismaObjectField('Signal', 'utrechtX', (t: any) => t.string({ select: { summary: true }, resolve: () => 'x' })), /\{ select \}\) on a core type/],
    ['a subscription to an event it did not declare', (api: any) => api.subscription('utrechtAlerts', { event: 'alert', description: 'x' }), /subscription utrechtAlerts: unknown event "alert"/],
    ['a field clashing with one of its own', (api: any) => {
      api.builder.queryField('utrechtCount', (t: any) => t.int({ resolve: () => 1 }));
      api.builder.queryField('utrechtCount', (t: any) => t.int({ resolve: () => 2 }));
    }, /^Plugin "utrecht": .*utrechtCount/],
  ])('%s', async (_name, schema, expected) => {
    await expect(buildWith(schema)).rejects.toThrow(expected);
  });
});
