/**
 * Plugin demo values: a fresh start (an empty database, SEED_DEMO_DATA on) with the Arnhem plugin
 * enabled seeds its fields' `demo` values into the records of Arnhem, so the API (and GraphiQL)
 * shows them; nothing of a plugin that is not enabled, nothing outside the plugin's cities, and
 * nothing on a start with data already there. A bad demo value stops the boot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS } from '../prisma/seed.ts';
import { type App, buildApp } from '../src/app.ts';
import { signToken } from '../src/auth/token.ts';
import { type Config, loadConfig } from '../src/config.ts';
import type { Database } from '../src/db.ts';
import { createLogger } from '../src/logger.ts';
import { checkPlugins, loadPlugins, type LoadedPlugin } from '../src/plugins/registry.ts';
import { createTestDatabase, type TestDatabaseConfig } from './support/database.ts';
import { TEST_JWT_SECRET } from './support/secret.ts';

let database: TestDatabaseConfig;
let db: Database;
let app: App;
let config: Config;
let plugins: LoadedPlugin[];
let token: string;

async function graphql(query: string, variables: Record<string, unknown> = {}) {
  const response = await app.yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

const demoOf = (target: 'School' | 'Partnership' | 'Signal' | 'Activity', field: string) =>
  plugins[0]!.definition.fields![target]![field]!.demo!;

beforeAll(async () => {
  database = await createTestDatabase({ seeded: false });
  db = await database.open();
  config = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JWT_SECRET: TEST_JWT_SECRET, PLUGINS: 'arnhem', RETENTION_INTERVAL_MINUTES: '0' }),
    database: database.config,
    seedDemoData: true,
  };
  plugins = await loadPlugins(config.plugins);
  app = await buildApp(config, { db, log: createLogger('silent'), plugins });
  const admin = await db.prisma.person.findUniqueOrThrow({ where: { email: DEMO_EMAILS.ADMIN }, select: { id: true } });
  token = await signToken(config.jwt, admin.id);
});

afterAll(async () => {
  await app?.stop();
  await db?.close();
  await database?.drop();
});

describe('plugin demo values on a fresh start', () => {
  it('shows the enabled plugin’s demo values on the records of its city, through the API', async () => {
    const data = await graphql(`{
      schools(first: 50) { nodes { city { name } arnhem { youthWorkerHoursPerWeek } } }
      partnerships(first: 50) { nodes { city { name } arnhem { pilotPhase covenantNumber advisorInvolved } } }
      activities(first: 100) { nodes { partnership { city { name } } arnhem { counsellorPresent } } }
    }`);
    const arnhem = (rows: any[], city: (r: any) => string) => rows.filter((r) => city(r) === 'Arnhem');
    const schools = arnhem(data.schools.nodes, (s) => s.city.name);
    const partnerships = arnhem(data.partnerships.nodes, (p) => p.city.name);
    const activities = arnhem(data.activities.nodes, (a) => a.partnership.city.name);
    expect(schools.length).toBeGreaterThan(0);
    expect(partnerships.length).toBeGreaterThan(0);
    expect(activities.length).toBeGreaterThan(0);
    for (const s of schools) expect(demoOf('School', 'youthWorkerHoursPerWeek')).toContain(s.arnhem.youthWorkerHoursPerWeek);
    for (const p of partnerships) {
      expect(demoOf('Partnership', 'pilotPhase')).toContain(p.arnhem.pilotPhase);
      expect(demoOf('Partnership', 'covenantNumber')).toContain(p.arnhem.covenantNumber);
      expect(demoOf('Partnership', 'advisorInvolved')).toContain(p.arnhem.advisorInvolved);
    }
    for (const a of activities) expect(typeof a.arnhem.counsellorPresent).toBe('boolean');
    // Outside Arnhem the namespace is null, as before.
    for (const s of data.schools.nodes.filter((s: any) => s.city.name !== 'Arnhem')) expect(s.arnhem).toBeNull();
  });

  it('gives the values in turn, so a filter on a demo value finds some records and not all', async () => {
    const count = async (value: boolean) =>
      (await graphql('query ($v: Boolean) { activities(filter: { arnhem: { counsellorPresent: $v } }) { totalCount } }', { v: value })).activities.totalCount;
    const yes = await count(true);
    const no = await count(false);
    expect(yes).toBeGreaterThan(0);
    expect(no).toBeGreaterThan(yes); // demo [false, true, false]: about twice as many
  });

  it('writes every Arnhem record of each target and nothing elsewhere (no other city, no plugin not enabled)', async () => {
    const arnhemId = (await db.prisma.city.findUniqueOrThrow({ where: { name: 'Arnhem' }, select: { id: true } })).id;
    const rows = await db.prisma.$queryRaw<{ target: string; arnhem: number; others: number; foreign: number; total: number }[]>`
      SELECT t.target,
             count(*) FILTER (WHERE t."cityId" = ${arnhemId}::uuid AND t."pilotData" ? 'arnhem')::int AS arnhem,
             count(*) FILTER (WHERE t."cityId" = ${arnhemId}::uuid)::int AS total,
             count(*) FILTER (WHERE t."cityId" <> ${arnhemId}::uuid AND t."pilotData" ? 'arnhem')::int AS others,
             count(*) FILTER (WHERE t."pilotData" ? 'amsterdam')::int AS foreign
      FROM (
        SELECT 'School' AS target, s."cityId", s."pilotData" FROM "School" s
        UNION ALL SELECT 'Partnership', p."cityId", p."pilotData" FROM "Partnership" p
        UNION ALL SELECT 'Signal', p."cityId", sg."pilotData" FROM "Signal" sg JOIN "Partnership" p ON p.id = sg."partnershipId"
        UNION ALL SELECT 'Activity', p."cityId", a."pilotData" FROM "Activity" a JOIN "Partnership" p ON p.id = a."partnershipId"
      ) t
      GROUP BY t.target ORDER BY t.target`;
    expect(rows.map((r) => r.target)).toEqual(['Activity', 'Partnership', 'School', 'Signal']);
    for (const r of rows) {
      expect(r.total, r.target).toBeGreaterThan(0);
      expect(r.arnhem, r.target).toBe(r.total);
      expect(r.others, r.target).toBe(0);
      expect(r.foreign, r.target).toBe(0);
    }
    const handovers = await db.prisma.$queryRaw<{ v: boolean; n: number }[]>`
      SELECT (sg."pilotData" #>> '{arnhem,warmHandover}')::boolean AS v, count(*)::int AS n
      FROM "Signal" sg JOIN "Partnership" p ON p.id = sg."partnershipId" WHERE p."cityId" = ${arnhemId}::uuid GROUP BY 1 ORDER BY 1`;
    expect(handovers.map((h) => h.v)).toEqual([false, true]);
  });

  it('writes no demo values on a start with data already there', async () => {
    const school = await db.prisma.school.findFirstOrThrow({ where: { city: { name: 'Arnhem' } }, select: { id: true } });
    await db.prisma.school.update({ where: { id: school.id }, data: { pilotData: {} } });
    const again = await buildApp(config, { db, log: createLogger('silent'), plugins });
    await again.stop();
    expect((await db.prisma.school.findUniqueOrThrow({ where: { id: school.id } })).pilotData).toEqual({});
  });

  it('refuses a plugin whose demo value breaks its field’s rules, naming plugin, field and value', () => {
    const definition = (demo: unknown[]) => ({
      name: 'rotterdam',
      version: '1.0.0',
      description: 'Test',
      cities: ['Rotterdam'],
      fields: { Partnership: { roomHours: { type: 'float', description: 'Hours.', min: 0, max: 40, demo } } },
    });
    expect(() => checkPlugins([{ folder: 'rotterdam', definition: definition([8, 41]) }])).toThrow(/roomHours.*demo value 2 \(41\) must be at most 40/);
    expect(() => checkPlugins([{ folder: 'rotterdam', definition: definition([null]) }])).toThrow(/demo value 1/);
    expect(() => checkPlugins([{ folder: 'rotterdam', definition: definition([8, 12]) }])).not.toThrow();
  });
});
