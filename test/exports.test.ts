/**
 * Streaming exports (`GET /exports/<name>.csv|.ndjson`): columns, row counts against independent SQL,
 * CSV escaping, authorization before the first byte, scoping, no personal data, and streaming:
 * batches are queried as the client reads, and no more once it has gone.
 */
import http from 'node:http';
import { parse } from 'csv-parse/sync';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../src/generated/prisma/client.ts';
import { csvField, csvLine } from '../src/exports/csv.ts';
import { activitiesExport, countMatches, type ExportScope, readBatch } from '../src/exports/definitions.ts';
import { defaultPluginColumns, providePluginColumns } from '../src/exports/plugin-columns.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { gid, loadDemo, type Demo } from './support/fixtures.ts';

let t: TestApp;
let demo: Demo;
let arnhemAdvisor: string;

const ACTIVITY_COLUMNS = [
  'id',
  'partnershipId',
  'schoolId',
  'cityId',
  'youthWorkOrganisationId',
  'partnershipForm',
  'kind',
  'startsAt',
  'durationMinutes',
  'location',
  'participantCount',
  'planned',
  // Names and Amsterdam dates, for a spreadsheet.
  'cityName',
  'schoolName',
  'partnershipName',
  'youthWorkOrganisationName',
  'startsOnLocal',
  'startsAtLocal',
  // The groupable fields of the default city plugins (src/exports/plugin-columns.ts).
  'amsterdam.roomOpen',
  'arnhem.counsellorPresent',
];
const SIGNAL_COLUMNS = [
  'id',
  'partnershipId',
  'schoolId',
  'cityId',
  'lifeDomain',
  'category',
  'subject',
  'urgency',
  'ownerSide',
  'status',
  'reportedAt',
  'acknowledgedAt',
  'inProgressAt',
  'referredAt',
  'closedAt',
  'firstFollowUpAt',
  'followUpCount',
  'cityName',
  'schoolName',
  'partnershipName',
  'reportedOnLocal',
  // No plugin columns: a signal's plugin values are content.
];
/** The batch queries of the exports (the viewer lookup and anything else do not match). */
const BATCH_QUERY = /FROM "(Activity|Signal)" [as] JOIN "Partnership"/;

function get(path: string, token?: string | null, init: RequestInit = {}) {
  return t.app.yoga.fetch(`http://test${path}`, {
    ...init,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

async function csv(path: string, token: string) {
  const response = await get(path, token);
  const text = await response.text();
  expect(response.status, text).toBe(200);
  const [header, ...rows] = parse(text, { relax_column_count: false }) as string[][];
  return { response, text, header: header!, rows, records: rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) };
}

/** Counts batch queries from now on, also those that run after a response was returned. */
function batchCounter() {
  const queries: string[] = [];
  const off = t.db.onQuery((e) => {
    if (BATCH_QUERY.test(e.query)) queries.push(e.query);
  });
  return { get count() { return queries.length; }, queries, off };
}

const count = async (sql: Prisma.Sql) => Number((await t.db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (${sql}) x`)[0]!.n);
const amsterdamDay = (date: string, days = 0) =>
  Prisma.sql`((${date}::date + ${days}::int)::timestamp AT TIME ZONE 'Europe/Amsterdam' AT TIME ZONE 'UTC')`;

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  arnhemAdvisor = await t.tokenFor({ email: 'marloes.dijkstra@arnhem.gemeente.example' });
});
afterAll(async () => {
  await t?.close();
});

describe('columns and rows', () => {
  it('exports every activity as CSV with the documented header and a dated file name', async () => {
    const { response, header, rows } = await csv('/exports/activities.csv', demo.tokens.ADMIN);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="activities_start_end_\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(header).toEqual(ACTIVITY_COLUMNS);
    expect(rows).toHaveLength(await t.db.prisma.activity.count());
  });

  it('writes the same values the database holds, with global IDs', async () => {
    const { records } = await csv('/exports/activities.csv', demo.tokens.ANALYST);
    const consultation = await t.db.prisma.activity.findFirstOrThrow({
      where: { kind: 'CONSULTATION' },
      include: { partnership: { include: { school: true, city: true, youthWorkOrganisation: true } } },
      orderBy: { id: 'asc' },
    });
    const row = records.find((r) => r.id === gid('Activity', consultation.id));
    // Amsterdam wall-clock time by Intl, independent of the SQL.
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' }).format(consultation.startsAt);
    expect(row).toEqual({
      id: gid('Activity', consultation.id),
      partnershipId: gid('Partnership', consultation.partnershipId),
      schoolId: gid('School', consultation.partnership.schoolId),
      cityId: gid('City', consultation.partnership.cityId),
      youthWorkOrganisationId: gid('YouthWorkOrganisation', consultation.partnership.youthWorkOrganisationId),
      partnershipForm: consultation.partnership.form,
      kind: 'CONSULTATION',
      startsAt: consultation.startsAt.toISOString(),
      durationMinutes: String(consultation.durationMinutes),
      location: consultation.location ?? '',
      participantCount: consultation.participantCount === null ? '' : String(consultation.participantCount),
      planned: String((consultation.details as { planned?: boolean }).planned ?? ''),
      cityName: consultation.partnership.city.name,
      schoolName: consultation.partnership.school.name,
      partnershipName: consultation.partnership.name,
      youthWorkOrganisationName: consultation.partnership.youthWorkOrganisation.name,
      startsOnLocal: local.slice(0, 10),
      startsAtLocal: local,
      'amsterdam.roomOpen': '',
      'arnhem.counsellorPresent': '',
    });
  });

  it('exports signal metadata with follow-up timing equal to the follow-ups in the database', async () => {
    const { header, records } = await csv('/exports/signals.csv', demo.tokens.ADMIN);
    expect(header).toEqual(SIGNAL_COLUMNS);
    expect(records).toHaveLength(await t.db.prisma.signal.count());
    const followed = await t.db.prisma.signal.findFirstOrThrow({
      where: { followUps: { some: {} } },
      include: { followUps: { orderBy: { at: 'asc' } } },
    });
    const row = records.find((r) => r.id === gid('Signal', followed.id))!;
    expect(row.followUpCount).toBe(String(followed.followUps.length));
    expect(row.firstFollowUpAt).toBe(followed.followUps[0]!.at.toISOString());
    expect(row.status).toBe(followed.status);
    expect(row.reportedAt).toBe(followed.reportedAt.toISOString());
    const none = records.find((r) => r.followUpCount === '0');
    if (none) expect(none.firstFollowUpAt).toBe('');
  });

  it('orders rows by ID, so every row comes exactly once across batches', async () => {
    const { records } = await csv('/exports/signals.csv', demo.tokens.ADMIN);
    const ids = await t.db.prisma.signal.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
    expect(records.map((r) => r.id)).toEqual(ids.map((s) => gid('Signal', s.id)));
  });

  it('counts equal independent SQL counts for the same filter', async () => {
    const from = '2026-09-01';
    const to = '2026-10-31';
    const cases: [string, Prisma.Sql][] = [
      [
        `/exports/activities.csv?from=${from}&to=${to}&kind=CONSULTATION&kind=HOMEWORK_HELP`,
        Prisma.sql`SELECT 1 FROM "Activity" WHERE kind IN ('CONSULTATION', 'HOMEWORK_HELP')
                   AND "startsAt" >= ${amsterdamDay(from)} AND "startsAt" < ${amsterdamDay(to, 1)}`,
      ],
      [
        `/exports/activities.csv?partnershipId=${gid('Partnership', demo.partnerships.sloterplas.id)}&partnershipId=${gid('Partnership', demo.partnerships.presik.id)}`,
        Prisma.sql`SELECT 1 FROM "Activity" WHERE "partnershipId" IN (${demo.partnerships.sloterplas.id}::uuid, ${demo.partnerships.presik.id}::uuid)`,
      ],
      [
        `/exports/signals.csv?cityId=${gid('City', demo.cities.Arnhem!)}&from=${from}`,
        Prisma.sql`SELECT 1 FROM "Signal" s JOIN "Partnership" p ON p.id = s."partnershipId"
                   WHERE p."cityId" = ${demo.cities.Arnhem!}::uuid AND s."reportedAt" >= ${amsterdamDay(from)}`,
      ],
      [
        `/exports/signals.csv?schoolId=${gid('School', demo.partnerships.gaasperpoort.schoolId)}&to=${to}`,
        Prisma.sql`SELECT 1 FROM "Signal" s JOIN "Partnership" p ON p.id = s."partnershipId"
                   WHERE p."schoolId" = ${demo.partnerships.gaasperpoort.schoolId}::uuid AND s."reportedAt" < ${amsterdamDay(to, 1)}`,
      ],
    ];
    for (const [path, sql] of cases) {
      const expected = await count(sql);
      expect(expected, path).toBeGreaterThan(0);
      expect((await csv(path, demo.tokens.ADMIN)).rows, path).toHaveLength(expected);
    }
  });

  it('reads from and to as whole days in Amsterdam, across the DST changes', async () => {
    const partnershipId = demo.partnerships.rijnoever.id;
    // Local midnight is 23:00 UTC in winter and 22:00 UTC in summer.
    const instants = {
      '2026-03-28T22:59:00Z': '2026-03-28', // 23:59 CET
      '2026-03-28T23:00:00Z': '2026-03-29', // 00:00 CET; the clocks go forward at 02:00
      '2026-03-29T21:59:00Z': '2026-03-29', // 23:59 CEST
      '2026-10-24T22:00:00Z': '2026-10-25', // 00:00 CEST; the clocks go back at 03:00
      '2026-10-25T22:59:00Z': '2026-10-25', // 23:59 CET
      '2026-10-25T23:00:00Z': '2026-10-26',
    };
    const created = await Promise.all(
      Object.keys(instants).map((at) =>
        t.db.prisma.activity.create({ data: { partnershipId, kind: 'INFORMATION_SESSION', startsAt: new Date(at), durationMinutes: 60, details: { marker: 'dst' } }, select: { id: true, startsAt: true } }),
      ),
    );
    const ours = new Map(created.map((a) => [gid('Activity', a.id), instants[a.startsAt.toISOString().replace('.000', '') as keyof typeof instants]]));
    for (const day of ['2026-03-28', '2026-03-29', '2026-10-25', '2026-10-26']) {
      const { records } = await csv(`/exports/activities.csv?partnershipId=${gid('Partnership', partnershipId)}&from=${day}&to=${day}`, demo.tokens.ADMIN);
      const found = records.filter((r) => ours.has(r.id!)).map((r) => ours.get(r.id!));
      expect(found, day).toEqual(Object.values(instants).filter((d) => d === day));
    }
    await t.db.prisma.activity.deleteMany({ where: { id: { in: created.map((a) => a.id) } } });
  });

  it('streams NDJSON: one JSON object per line with the CSV columns as keys and typed values', async () => {
    const response = await get('/exports/activities.ndjson?kind=CONSULTATION', demo.tokens.ANALYST);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(response.headers.get('content-disposition')).toMatch(/filename="activities_start_end_CONSULTATION_\d{4}-\d{2}-\d{2}\.ndjson"/);
    const text = await response.text();
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(await t.db.prisma.activity.count({ where: { kind: 'CONSULTATION' } }));
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(ACTIVITY_COLUMNS);
      expect(line.kind).toBe('CONSULTATION');
      expect(typeof line.durationMinutes).toBe('number');
      expect(Number.isNaN(Date.parse(line.startsAt as string))).toBe(false);
    }
    expect(lines.some((l) => typeof l.planned === 'boolean')).toBe(true);
  });

  it('an empty result is a header only (CSV) or an empty body (NDJSON)', async () => {
    const empty = await csv('/exports/signals.csv?from=2099-01-01', demo.tokens.ADMIN);
    expect(empty.header).toEqual(SIGNAL_COLUMNS);
    expect(empty.rows).toEqual([]);
    const ndjson = await get('/exports/signals.ndjson?from=2099-01-01', demo.tokens.ADMIN);
    expect(ndjson.status).toBe(200);
    expect(await ndjson.text()).toBe('');
  });
});

describe('CSV', () => {
  it('quotes fields with commas, quotes and line breaks and defuses formulas (RFC 4180, OWASP)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvField('+31 6')).toBe("'+31 6");
    expect(csvField('-1+1')).toBe("'-1+1");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    expect(csvField(false)).toBe('false');
    expect(csvField(new Date('2026-11-30T12:00:00Z'))).toBe('2026-11-30T12:00:00.000Z');
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });

  describe('with plugin columns', () => {
    afterEach(() => providePluginColumns(defaultPluginColumns));

    it('adds plugin fields from pilotData as columns, escaped so a CSV parser reads them back', async () => {
      const tricky = 'Line one, "quoted"\nline two';
      const formula = '=HYPERLINK("http://evil.example","click")';
      const activity = await t.db.prisma.activity.findFirstOrThrow({ where: { partnershipId: demo.partnerships.presik.id }, orderBy: { id: 'asc' } });
      await t.db.prisma.activity.update({ where: { id: activity.id }, data: { pilotData: { arnhem: { note: tricky, score: formula, level: 3 } } } });
      providePluginColumns((target) =>
        target === 'Activity'
          ? [
              { header: 'arnhem.note', jsonPath: ['arnhem', 'note'] },
              { header: 'arnhem.score', jsonPath: ['arnhem', 'score'] },
              { header: 'arnhem.level', jsonPath: ['arnhem', 'level'] },
            ]
          : [],
      );
      const { header, records } = await csv(`/exports/activities.csv?partnershipId=${gid('Partnership', demo.partnerships.presik.id)}`, demo.tokens.ADMIN);
      expect(header).toEqual([...ACTIVITY_COLUMNS.filter((c) => !c.includes('.')), 'arnhem.note', 'arnhem.score', 'arnhem.level']);
      const row = records.find((r) => r.id === gid('Activity', activity.id))!;
      expect(row['arnhem.note']).toBe(tricky);
      expect(row['arnhem.score']).toBe(`'${formula}`);
      expect(row['arnhem.level']).toBe('3');
      expect(records.filter((r) => r.id !== row.id).every((r) => r['arnhem.note'] === '')).toBe(true);

      const signals = await csv('/exports/signals.csv?from=2099-01-01', demo.tokens.ADMIN);
      expect(signals.header).toEqual(SIGNAL_COLUMNS);
      const ndjson = await get(`/exports/activities.ndjson?partnershipId=${gid('Partnership', demo.partnerships.presik.id)}`, demo.tokens.ADMIN);
      const line = (await ndjson.text()).trimEnd().split('\n').map((l) => JSON.parse(l)).find((l) => l.id === row.id);
      expect(line).toMatchObject({ 'arnhem.note': tricky, 'arnhem.score': formula, 'arnhem.level': 3 });
    });
  });
});

describe('authorization, before the first byte', () => {
  async function expectRefused(response: Response, status: number, extensions: Record<string, unknown>) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-disposition')).toBeNull();
    const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]!.message).toEqual(expect.any(String));
    expect(body.errors[0]!.extensions).toMatchObject(extensions);
    expect(body.errors[0]!.extensions).not.toHaveProperty('http');
  }

  it('refuses a request without a valid token with 401 and reads no rows', async () => {
    const batches = batchCounter();
    try {
      await expectRefused(await get('/exports/activities.csv'), 401, { code: 'UNAUTHENTICATED' });
      await expectRefused(await get('/exports/signals.ndjson', 'not-a-token'), 401, { code: 'UNAUTHENTICATED' });
      expect(batches.count).toBe(0);
    } finally {
      batches.off();
    }
  });

  it('refuses roles that work with signals and activities (need to know) with 403', async () => {
    const batches = batchCounter();
    try {
      for (const role of ['YOUTH_WORKER', 'SCHOOL_CONTACT', 'STUDENT_COUNSELLOR', 'MENTOR'] as const) {
        await expectRefused(await get('/exports/signals.csv', demo.tokens[role]), 403, { code: 'FORBIDDEN' });
        await expectRefused(await get('/exports/activities.ndjson', demo.tokens[role]), 403, { code: 'FORBIDDEN' });
      }
      expect(batches.count).toBe(0);
    } finally {
      batches.off();
    }
  });

  it('refuses bad parameters with 400 naming the parameter and the rule', async () => {
    const cases: [string, string, string][] = [
      ['/exports/activities.csv?from=2026-13-01', 'from', 'format'],
      ['/exports/activities.csv?to=yesterday', 'to', 'format'],
      ['/exports/activities.csv?from=2026-09-01&from=2026-10-01', 'from', 'maxLength'],
      ['/exports/activities.csv?from=2026-10-01&to=2026-09-01', 'to', 'range'],
      ['/exports/activities.csv?cityId=Amsterdam', 'cityId', 'globalId'],
      [`/exports/activities.csv?schoolId=${gid('City', demo.cities.Arnhem!)}`, 'schoolId', 'globalId'],
      ['/exports/activities.csv?kind=PICNIC', 'kind', 'enum'],
      ['/exports/signals.csv?kind=CONSULTATION', 'kind', 'unknown'],
      ['/exports/signals.ndjson?summary=x', 'summary', 'unknown'],
      [`/exports/signals.csv?${Array.from({ length: 101 }, () => `partnershipId=${gid('Partnership', demo.partnerships.presik.id)}`).join('&')}`, 'partnershipId', 'maxLength'],
    ];
    const batches = batchCounter();
    try {
      for (const [path, field, rule] of cases) {
        await expectRefused(await get(path, path.startsWith('/exports/signals') ? demo.tokens.ADMIN : demo.tokens.ANALYST), 400, { code: 'BAD_USER_INPUT', field, rule });
      }
      expect(batches.count).toBe(0);
    } finally {
      batches.off();
    }
  });

  it('answers an unknown export with 404 and anything but GET with 405', async () => {
    await expectRefused(await get('/exports/people.csv', demo.tokens.ADMIN), 404, { code: 'NOT_FOUND' });
    await expectRefused(await get('/exports/activities.xlsx', demo.tokens.ADMIN), 404, { code: 'NOT_FOUND' });
    await expectRefused(await get('/exports/activities.csv', demo.tokens.ADMIN, { method: 'POST' }), 405, { code: 'BAD_USER_INPUT', field: 'method' });
  });
});

describe('scoping and privacy', () => {
  it("an Arnhem policy advisor's export holds every Arnhem row and no Amsterdam row", async () => {
    const arnhem = gid('City', demo.cities.Arnhem!);
    for (const [name, table] of [['activities', 'Activity']] as const) {
      const { records } = await csv(`/exports/${name}.csv`, arnhemAdvisor);
      expect(records.length).toBeGreaterThan(0);
      expect(new Set(records.map((r) => r.cityId))).toEqual(new Set([arnhem]));
      const expected = await count(
        Prisma.sql`SELECT 1 FROM ${Prisma.raw(`"${table}"`)} x JOIN "Partnership" p ON p.id = x."partnershipId" WHERE p."cityId" = ${demo.cities.Arnhem!}::uuid`,
      );
      expect(records).toHaveLength(expected);
    }
    // Asking for Amsterdam does not widen the scope: nothing.
    const asked = await csv(`/exports/activities.csv?cityId=${gid('City', demo.cities.Amsterdam!)}`, arnhemAdvisor);
    expect(asked.rows).toEqual([]);
  });

  it('a city analyst sees their city only; a global analyst sees all cities', async () => {
    const amsterdamAnalyst = await t.tokenFor({ email: 'sanne.visser@amsterdam.gemeente.example' });
    const city = await csv('/exports/activities.csv', amsterdamAnalyst);
    expect(new Set(city.records.map((r) => r.cityId))).toEqual(new Set([gid('City', demo.cities.Amsterdam!)]));
    const all = await csv('/exports/activities.csv', demo.tokens.ANALYST);
    expect(new Set(all.records.map((r) => r.cityId)).size).toBe(2);
  });

  it('holds no names, e-mail addresses, youth codes or free text, in any format', async () => {
    const youth = await t.db.prisma.youth.findMany({ select: { code: true } });
    const people = await t.db.prisma.person.findMany({ select: { name: true, email: true } });
    const texts = await t.db.prisma.$queryRaw<{ text: string }[]>`
      SELECT summary AS text FROM "Signal" WHERE summary IS NOT NULL
      UNION SELECT note FROM "SignalFollowUp" WHERE note IS NOT NULL
      UNION SELECT notes FROM "Activity" WHERE notes IS NOT NULL
      UNION SELECT "referralDestination" FROM "Signal" WHERE "referralDestination" IS NOT NULL
      UNION SELECT unnest(themes) FROM "Activity"`;
    expect(youth.length).toBeGreaterThan(0);
    expect(texts.length).toBeGreaterThan(0);
    const forbidden = [...youth.map((y) => y.code), ...people.flatMap((p) => [p.name, p.email]), ...texts.map((x) => x.text)];
    for (const path of ['/exports/activities.csv', '/exports/activities.ndjson', '/exports/signals.csv', '/exports/signals.ndjson']) {
      const body = await (await get(path, demo.tokens.ADMIN)).text();
      const leaked = forbidden.filter((value) => body.includes(value));
      expect(leaked, path).toEqual([]);
      expect(body, path).not.toContain('@');
    }
  });
});

describe('streaming', () => {
  const EXTRA = 12_000;
  let total: number;

  beforeAll(async () => {
    // Enough activities for a dozen batches of 1000.
    await t.db.prisma.$executeRaw`
      INSERT INTO "Activity" (id, "partnershipId", kind, "startsAt", "durationMinutes", themes, "updatedAt")
      SELECT gen_random_uuid(), ${demo.partnerships.sloterplas.id}::uuid, 'BREAK_CONVERSATION',
             timestamp '2026-01-05 10:00' + (i % 200) * interval '1 day', 15, '{}', now()
      FROM generate_series(1, ${EXTRA}) i`;
    total = await t.db.prisma.activity.count();
  });

  const batchesFor = (rows: number) => Math.floor(rows / 1000) + 1;

  it('both batch plans walk the same rows in ID order as one SQL query', async () => {
    const scope: ExportScope = {
      filter: { from: '2026-02-01', cityId: [], schoolId: [], partnershipId: [demo.partnerships.sloterplas.id, demo.partnerships.presik.id], kind: ['BREAK_CONVERSATION', 'CONSULTATION'] },
      cityIds: [demo.cities.Amsterdam!, demo.cities.Arnhem!],
    };
    const expected = await t.db.prisma.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM "Activity" WHERE "partnershipId" IN (${demo.partnerships.sloterplas.id}::uuid, ${demo.partnerships.presik.id}::uuid)
        AND kind IN ('BREAK_CONVERSATION', 'CONSULTATION') AND "startsAt" >= ${amsterdamDay('2026-02-01')} ORDER BY id`;
    expect(expected.length).toBeGreaterThan(2000);
    const matches = await countMatches(t.db.prisma, activitiesExport, scope);
    expect(matches).toEqual({ rows: expected.length, first: expected[0]!.id, last: expected.at(-1)!.id });
    for (const [plan, bounds] of [['ordered', undefined], ['ordered', matches!], ['filtered', undefined], ['filtered', matches!]] as const) {
      const ids: string[] = [];
      for (let after: string | null = null; ; ) {
        const rows: { id: string }[] = await readBatch(t.db.prisma, activitiesExport, scope, after, 700, plan, bounds);
        ids.push(...rows.map((r) => r.id));
        if (rows.length < 700) break;
        after = rows.at(-1)!.id;
      }
      expect(ids, `${plan} ${bounds ? 'within bounds' : ''}`).toEqual(expected.map((r) => r.id));
    }
  });

  it('a filtered export with few matches counts them, then reads one batch per chunk', async () => {
    const batches = batchCounter();
    try {
      const response = await get(`/exports/activities.csv?partnershipId=${gid('Partnership', demo.partnerships.sloterplas.id)}`, demo.tokens.ANALYST);
      const { length } = parse(await response.text(), { columns: true }) as unknown[];
      expect(length).toBe(await t.db.prisma.activity.count({ where: { partnershipId: demo.partnerships.sloterplas.id } }));
      expect(batches.count).toBe(1 + batchesFor(length));
      expect(batches.queries[0]).toMatch(/count\(\*\)/);
      // Found by the filter's indexes, not by walking the ID index past the other partnerships.
      expect(batches.queries.slice(1).every((q) => q.includes('OFFSET 0'))).toBe(true);
    } finally {
      batches.off();
    }
  });

  it('sends the first rows before it has queried the last batch, then queries one batch per chunk', async () => {
    const batches = batchCounter();
    try {
      const response = await get('/exports/activities.csv', demo.tokens.ANALYST);
      const reader = response.body!.getReader();
      const first = await reader.read();
      expect(first.done).toBe(false);
      expect(new TextDecoder().decode(first.value).split('\r\n')[0]).toBe(ACTIVITY_COLUMNS.join(','));
      // The client has bytes, and most of the file has not even been read from the database; while
      // the client does not read on, the server does not query on (backpressure).
      expect(batches.count).toBeLessThanOrEqual(2);
      await new Promise((r) => setTimeout(r, 300));
      expect(batches.count).toBeLessThanOrEqual(2);
      expect(batchesFor(total)).toBeGreaterThan(10);
      let lines = new TextDecoder().decode(first.value).split('\r\n').length - 2;
      const decoder = new TextDecoder();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        lines += decoder.decode(chunk.value, { stream: true }).split('\r\n').length - 1;
      }
      expect(lines).toBe(total);
      expect(batches.count).toBe(batchesFor(total));
      expect(batches.queries.some((q) => /count\(\*\)|OFFSET 0/.test(q))).toBe(false);
    } finally {
      batches.off();
    }
  });

  it('stops querying when the client cancels the body', async () => {
    const batches = batchCounter();
    try {
      const response = await get('/exports/activities.ndjson', demo.tokens.ANALYST);
      const reader = response.body!.getReader();
      await reader.read();
      await reader.read();
      await reader.cancel();
      const seen = batches.count;
      await new Promise((r) => setTimeout(r, 200));
      expect(batches.count).toBe(seen);
      expect(seen).toBeLessThanOrEqual(4);
    } finally {
      batches.off();
    }
  });

  describe('over real HTTP', () => {
    let url: string;
    beforeAll(async () => {
      // The kernel buffers a few MB of a socket the client has stopped reading: enough rows that
      // this is a small part of the file.
      await t.db.prisma.$executeRaw`
        INSERT INTO "Activity" (id, "partnershipId", kind, "startsAt", "durationMinutes", themes, "updatedAt")
        SELECT gen_random_uuid(), ${demo.partnerships.presik.id}::uuid, 'HOMEWORK_HELP',
               timestamp '2026-01-05 15:00' + (i % 200) * interval '1 day', 60, '{}', now()
        FROM generate_series(1, 50000) i`;
      total = await t.db.prisma.activity.count();
      const { port } = await t.app.start(0, '127.0.0.1');
      url = `http://127.0.0.1:${port}`;
    });

    it('downloads the whole file with fetch, the same rows as in-process', async () => {
      const response = await fetch(`${url}/exports/activities.csv?kind=BREAK_CONVERSATION`, { headers: { authorization: `Bearer ${demo.tokens.ANALYST}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toMatch(/filename="activities_start_end_BREAK_CONVERSATION_\d{4}-\d{2}-\d{2}\.csv"/);
      const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
      expect(rows).toHaveLength(await t.db.prisma.activity.count({ where: { kind: 'BREAK_CONVERSATION' } }));
      expect(rows.every((r) => r.kind === 'BREAK_CONVERSATION')).toBe(true);
    });

    it('refuses over HTTP with a JSON error and no body bytes of the export', async () => {
      const response = await fetch(`${url}/exports/signals.csv`, { headers: { authorization: `Bearer ${demo.tokens.MENTOR}` } });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    });

    it('stops querying when the client disconnects mid-download', async () => {
      const batches = batchCounter();
      try {
        // A plain node:http client that hangs up as soon as the first bytes of the body arrive.
        await new Promise<void>((resolve, reject) => {
          const request = http.get(`${url}/exports/activities.csv`, { headers: { authorization: `Bearer ${demo.tokens.ANALYST}` } }, (response) => {
            expect(response.statusCode).toBe(200);
            response.once('data', () => {
              request.destroy();
              resolve();
            });
          });
          request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
        });
        // Let the server notice the closed socket, then prove nothing more is queried.
        await new Promise((r) => setTimeout(r, 300));
        const seen = batches.count;
        await new Promise((r) => setTimeout(r, 300));
        expect(batches.count).toBe(seen);
        expect(seen).toBeLessThan(batchesFor(total) / 2);
      } finally {
        batches.off();
      }
    });
  });
});

describe('city plugin columns and monitor scores', () => {
  it("exports the default plugins' groupable fields; a value its definition no longer accepts is empty", async () => {
    const [open, invalid] = await t.db.prisma.activity.findMany({ where: { partnershipId: demo.partnerships.sloterplas.id, kind: 'BREAK_CONVERSATION' }, orderBy: { id: 'asc' }, take: 2 });
    await t.db.prisma.activity.update({ where: { id: open!.id }, data: { pilotData: { amsterdam: { roomOpen: true } } } });
    await t.db.prisma.activity.update({ where: { id: invalid!.id }, data: { pilotData: { amsterdam: { roomOpen: 'ja' } } } });
    const { records } = await csv(`/exports/activities.csv?partnershipId=${gid('Partnership', demo.partnerships.sloterplas.id)}`, demo.tokens.ANALYST);
    expect(records.find((r) => r.id === gid('Activity', open!.id))!['amsterdam.roomOpen']).toBe('true');
    expect(records.find((r) => r.id === gid('Activity', invalid!.id))!['amsterdam.roomOpen']).toBe('');
  });

  it('exports monitor scores, one row per assessment with a score per element, and never comments or action plans', async () => {
    const amsterdam = await csv(`/exports/monitor-scores.csv?cityId=${gid('City', demo.cities.Amsterdam!)}`, demo.tokens.ANALYST);
    expect(amsterdam.header).toEqual([
      'id', 'partnershipId', 'schoolId', 'cityId', 'partnershipForm', 'round', 'assessedOn',
      'score.PARTNERSHIP', 'score.ALIGNMENT', 'score.VISIBILITY', 'score.ACCESSIBILITY',
      'score.STRUCTURAL_FUNDING', 'score.MANAGEMENT_SUPPORT', 'score.FACILITATION',
      'cityName', 'schoolName', 'partnershipName',
    ]);
    const assessments = await t.db.prisma.partnershipAssessment.findMany({ where: { partnership: { cityId: demo.cities.Amsterdam! } }, include: { scores: true } });
    expect(assessments.length).toBeGreaterThan(0);
    expect(amsterdam.records).toHaveLength(assessments.length);
    for (const a of assessments) {
      const row = amsterdam.records.find((r) => r.id === gid('PartnershipAssessment', a.id))!;
      expect(row.round).toBe(String(a.round));
      expect(row.assessedOn).toBe(a.assessedOn.toISOString().slice(0, 10));
      for (const s of a.scores) expect(row[`score.${s.element}`]).toBe(String(s.score));
    }
    const texts = assessments.flatMap((a) => [a.actionPlan, ...a.scores.map((s) => s.comment)]).filter((x): x is string => !!x && x.length > 8);
    for (const text of texts) expect(amsterdam.text).not.toContain(text);
    const arnhem = await csv('/exports/monitor-scores.csv', arnhemAdvisor);
    const arnhemCount = await t.db.prisma.partnershipAssessment.count({ where: { partnership: { city: { name: 'Arnhem' } } } });
    expect(arnhem.rows).toHaveLength(arnhemCount);
    expect((await get('/exports/monitor-scores.csv', demo.tokens.YOUTH_WORKER)).status).toBe(403);
  });
});


describe('codebook', () => {
  it('describes every column of every export, with types and enum values from the schema', async () => {
    const response = await get('/exports/codebook.csv', null);
    const text = await response.text();
    expect(response.status, text).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/filename="codebook_\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = parse(text, { columns: true }) as Record<'export' | 'column' | 'type' | 'meaning' | 'values', string>[];
    const columnsOf = (name: string) => rows.filter((r) => r.export === name).map((r) => r.column);
    // The headers the files really have.
    expect(columnsOf('activities')).toEqual((await csv('/exports/activities.csv?from=2099-01-01', demo.tokens.ADMIN)).header);
    expect(columnsOf('signals')).toEqual((await csv('/exports/signals.csv?from=2099-01-01', demo.tokens.ADMIN)).header);
    expect(rows.filter((r) => !r.meaning).map((r) => `${r.export}.${r.column}`)).toEqual([]);
    const kind = rows.find((r) => r.export === 'activities' && r.column === 'kind')!;
    expect(kind.type).toMatch(/^enum /);
    expect(kind.values).toContain('CONSULTATION');
    expect(rows.find((r) => r.export === 'signals' && r.column === 'category')!.values).toContain('ATTENDANCE');
    expect(rows.find((r) => r.export === 'evaluation-signals' && r.column === 'count')!.meaning).toMatch(/cell key/);
  });
});
