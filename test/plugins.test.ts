/**
 * City plugins with the two example plugins enabled (the default): pilot fields of every type
 * through the API, each validation rule, filters and their indexes, city scoping, a plugin's
 * activity kind, plugin events over graphql-ws, stored values their definition no longer accepts,
 * and a plugin query that stays within the access rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLUGINS, RESERVED_PLUGIN_NAMES } from '../src/plugins/registry.ts';
import { TimeoutError, untilLive } from './support/clients.ts';
import { countQueries } from './support/app.ts';
import { expectError, expectNoWrites, gid } from './support/fixtures.ts';
import { bootWithPlugins, type PluginTestApp } from './support/plugins.ts';

let kit: PluginTestApp;
let ams: string; // Sloterplas (Amsterdam) partnership, global ID
let arn: string; // Presik (Arnhem) partnership, global ID
let arnhemYouthWorker: { email: string };
let arnhemAdvisor: { email: string };

const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

beforeAll(async () => {
  kit = await bootWithPlugins(DEFAULT_PLUGINS);
  ams = gid('Partnership', kit.demo.partnerships.sloterplas.id);
  arn = gid('Partnership', kit.demo.partnerships.presik.id);
  const prisma = kit.db.prisma;
  const worker = await prisma.person.findFirstOrThrow({
    where: { roleAssignments: { some: { role: 'YOUTH_WORKER', partnershipId: kit.demo.partnerships.presik.id } } },
    select: { email: true },
  });
  arnhemYouthWorker = { email: worker.email! };
  arnhemAdvisor = { email: 'marloes.dijkstra@arnhem.gemeente.example' };
}, 120_000);

afterAll(() => kit?.close());

const ACTIVITY_FIELDS = `
  id kind version
  amsterdam { roomOpen breakThemes }
  arnhem { counsellorPresent }
  ... on ArnhemMentorLesson { yearGroup topic mentorPresent }`;

const logActivity = (input: Record<string, unknown>, as: Parameters<PluginTestApp['graphql']>[2] = 'YOUTH_WORKER') =>
  kit.graphql(`mutation($input: LogActivityInput!) { logActivity(input: $input) { activity { ${ACTIVITY_FIELDS} } } }`, { input }, as);

const breakConversation = (amsterdam?: Record<string, unknown>) =>
  logActivity({ partnershipId: ams, kind: 'BREAK_CONVERSATION', startsAt: hourAgo(), durationMinutes: 20, ...(amsterdam && { amsterdam }) });

const pilotOf = async (table: 'activity' | 'signal' | 'partnership' | 'school', id: string) =>
  ((await (kit.db.prisma[table] as any).findUniqueOrThrow({ where: { id }, select: { pilotData: true } })).pilotData) as Record<string, any>;

const rawId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1]!;

describe('pilot fields: every type round-trips through the API and is stored under the plugin', () => {
  it('int, float and string on a partnership (recorded by its youth worker)', async () => {
    const version = (await kit.db.prisma.partnership.findUniqueOrThrow({ where: { id: kit.demo.partnerships.sloterplas.id } })).version;
    const result = await kit.graphql(
      `mutation($input: UpdatePartnershipPilotFieldsInput!) { updatePartnershipPilotFields(input: $input) {
         partnership { version amsterdam { pilotCohort roomHoursPerWeek buurtteam } arnhem { pilotPhase } } } }`,
      { input: { partnershipId: ams, expectedVersion: version, amsterdam: { pilotCohort: 2021, roomHoursPerWeek: 12.5, buurtteam: '  Buurtteam Nieuw-West Oost ' } } },
      'YOUTH_WORKER',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.updatePartnershipPilotFields.partnership).toEqual({
      version: version + 1,
      amsterdam: { pilotCohort: 2021, roomHoursPerWeek: 12.5, buurtteam: 'Buurtteam Nieuw-West Oost' },
      arnhem: null,
    });
    expect((await pilotOf('partnership', kit.demo.partnerships.sloterplas.id)).amsterdam).toEqual({
      pilotCohort: 2021,
      roomHoursPerWeek: 12.5,
      buurtteam: 'Buurtteam Nieuw-West Oost',
    });
  });

  it('enum on a school', async () => {
    const school = await kit.db.prisma.school.findUniqueOrThrow({ where: { id: kit.demo.partnerships.sloterplas.schoolId } });
    const result = await kit.graphql(
      `mutation($input: UpdateSchoolPilotFieldsInput!) { updateSchoolPilotFields(input: $input) { school { amsterdam { stadsdeel } arnhem { youthWorkerHoursPerWeek } } } }`,
      { input: { schoolId: gid('School', school.id), expectedVersion: school.version, amsterdam: { stadsdeel: 'NIEUW_WEST' } } },
      'SCHOOL_CONTACT',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.updateSchoolPilotFields.school).toEqual({ amsterdam: { stadsdeel: 'NIEUW_WEST' }, arnhem: null });
  });

  it('enum and date on a signal, read back by someone who may read its content', async () => {
    const result = await kit.graphql(
      `mutation($input: ReportSignalInput!) { reportSignal(input: $input) { signal { id amsterdam { warmHandover handoverOn } arnhem { warmHandover } } } }`,
      { input: { partnershipId: ams, lifeDomain: 'HOME', category: 'HOME_SITUATION', summary: 'Zorgen over thuissituatie', amsterdam: { warmHandover: 'BUURTTEAM', handoverOn: '2026-11-02' } } },
      'YOUTH_WORKER',
    );
    expect(result.errors).toBeUndefined();
    const signal = result.data.reportSignal.signal;
    expect(signal).toMatchObject({ amsterdam: { warmHandover: 'BUURTTEAM', handoverOn: '2026-11-02' }, arnhem: null });
    expect((await pilotOf('signal', rawId(signal.id))).amsterdam).toEqual({ warmHandover: 'BUURTTEAM', handoverOn: '2026-11-02' });
    // Pilot values of a signal are content: reading them is audited, and hidden from metadata readers.
    const events = await kit.db.prisma.auditEvent.count({ where: { entityId: rawId(signal.id), operation: 'READ', fields: { has: 'amsterdam' } } });
    expect(events).toBeGreaterThan(0);
  });

  it('boolean and a list of enums on an activity; fields of other kinds stay empty', async () => {
    const result = await breakConversation({ roomOpen: true, breakThemes: ['PESTEN', 'GROEPSDRUK'] });
    expect(result.errors).toBeUndefined();
    const activity = result.data.logActivity.activity;
    expect(activity).toMatchObject({ kind: 'BREAK_CONVERSATION', amsterdam: { roomOpen: true, breakThemes: ['PESTEN', 'GROEPSDRUK'] }, arnhem: null });
    expect(await pilotOf('activity', rawId(activity.id))).toEqual({ amsterdam: { roomOpen: true, breakThemes: ['PESTEN', 'GROEPSDRUK'] } });
  });

  it('updates keep what is left out, clear what is null, and keep other plugins\' values', async () => {
    const { id, version } = (await breakConversation({ roomOpen: true, breakThemes: ['PESTEN'] })).data.logActivity.activity;
    // A value of another (say, a disabled) plugin in the same record must survive.
    await kit.db.prisma.activity.update({ where: { id: rawId(id) }, data: { pilotData: { amsterdam: { roomOpen: true, breakThemes: ['PESTEN'] }, utrecht: { x: 1 } }, version: { increment: 1 } } });
    const result = await kit.graphql(
      `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { activity { ${ACTIVITY_FIELDS} } } }`,
      { input: { activityId: id, expectedVersion: version + 1, amsterdam: { breakThemes: null } } },
      'YOUTH_WORKER',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.updateActivity.activity.amsterdam).toEqual({ roomOpen: true, breakThemes: null });
    expect(await pilotOf('activity', rawId(id))).toEqual({ amsterdam: { roomOpen: true }, utrecht: { x: 1 } });
  });
});

describe('pilot fields: each rule is checked on write, names the field and writes nothing', () => {
  const cases: [string, () => Promise<any>, { field: string; rule: string }][] = [
    ['min', () => kit.graphql(`mutation($input: UpdatePartnershipPilotFieldsInput!) { updatePartnershipPilotFields(input: $input) { partnership { id } } }`, { input: { partnershipId: ams, expectedVersion: 1, amsterdam: { pilotCohort: 2010 } } }, 'YOUTH_WORKER'), { field: 'input.amsterdam.pilotCohort', rule: 'min' }],
    ['max', () => kit.graphql(`mutation($input: UpdatePartnershipPilotFieldsInput!) { updatePartnershipPilotFields(input: $input) { partnership { id } } }`, { input: { partnershipId: ams, expectedVersion: 1, amsterdam: { roomHoursPerWeek: 61 } } }, 'YOUTH_WORKER'), { field: 'input.amsterdam.roomHoursPerWeek', rule: 'max' }],
    ['minLength', () => kit.graphql(`mutation($input: UpdatePartnershipPilotFieldsInput!) { updatePartnershipPilotFields(input: $input) { partnership { id } } }`, { input: { partnershipId: ams, expectedVersion: 1, amsterdam: { buurtteam: 'ab' } } }, 'YOUTH_WORKER'), { field: 'input.amsterdam.buurtteam', rule: 'minLength' }],
    ['pattern', () => kit.graphql(`mutation($input: UpdatePartnershipPilotFieldsInput!) { updatePartnershipPilotFields(input: $input) { partnership { id } } }`, { input: { partnershipId: arn, expectedVersion: 1, arnhem: { covenantNumber: 'ARN-25-1' } } }, arnhemYouthWorker), { field: 'input.arnhem.covenantNumber', rule: 'pattern' }],
    ['maxItems', () => breakConversation({ breakThemes: ['PESTEN', 'GROEPSDRUK', 'WEERBAARHEID', 'THUISSITUATIE', 'VRIJE_TIJD', 'SCHOOLVERZUIM'] }), { field: 'input.amsterdam.breakThemes', rule: 'maxItems' }],
    ['required (a plugin kind\'s field)', () => logActivity({ partnershipId: arn, kind: 'ARNHEM_MENTOR_LESSON', startsAt: hourAgo(), durationMinutes: 50, arnhemMentorLesson: { yearGroup: 2 } }, arnhemYouthWorker), { field: 'input.arnhemMentorLesson.topic', rule: 'required' }],
    ['kindMismatch', () => logActivity({ partnershipId: ams, kind: 'INFORMATION_SESSION', startsAt: hourAgo(), durationMinutes: 45, amsterdam: { roomOpen: true } }), { field: 'input.amsterdam.roomOpen', rule: 'kindMismatch' }],
    ['cityScope (values of another city\'s plugin)', () => logActivity({ partnershipId: arn, kind: 'BREAK_CONVERSATION', startsAt: hourAgo(), durationMinutes: 20, amsterdam: { roomOpen: true } }, arnhemYouthWorker), { field: 'input.amsterdam', rule: 'cityScope' }],
    ['cityScope (another city\'s activity kind)', () => logActivity({ partnershipId: ams, kind: 'ARNHEM_MENTOR_LESSON', startsAt: hourAgo(), durationMinutes: 50, arnhemMentorLesson: { yearGroup: 2, topic: 'MIDDELEN' } }), { field: 'input.kind', rule: 'cityScope' }],
  ];
  it.each(cases)('%s', async (_name, run, expected) => {
    await expectNoWrites(kit.db.prisma, async () => expectError(await run(), { code: 'BAD_USER_INPUT', ...expected }));
  });

  it('allowed values and types are checked by GraphQL itself, with the same code', async () => {
    for (const amsterdam of [{ breakThemes: ['NOT_A_THEME'] }, { roomOpen: 'yes' }]) {
      const result = await expectNoWrites(kit.db.prisma, () => breakConversation(amsterdam));
      expectError(result, { coercion: 'amsterdam' });
    }
    const date = await kit.graphql(
      `mutation($input: ReportSignalInput!) { reportSignal(input: $input) { signal { id } } }`,
      { input: { partnershipId: ams, lifeDomain: 'HOME', category: 'OTHER', summary: 'x', amsterdam: { handoverOn: '2026-13-45' } } },
      'YOUTH_WORKER',
    );
    expectError(date, { coercion: 'handoverOn' });
  });

  it('a required field cannot be cleared, and an update of a stale version is a CONFLICT', async () => {
    const created = await logActivity(
      { partnershipId: arn, kind: 'ARNHEM_MENTOR_LESSON', startsAt: hourAgo(), durationMinutes: 50, arnhemMentorLesson: { yearGroup: 3, topic: 'GROEPSDRUK' } },
      arnhemYouthWorker,
    );
    const { id, version } = created.data.logActivity.activity;
    const update = (input: Record<string, unknown>) =>
      kit.graphql(`mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { activity { id } } }`, { input: { activityId: id, ...input } }, arnhemYouthWorker);
    expectError(await update({ expectedVersion: version, arnhemMentorLesson: { yearGroup: 3, topic: null } }), { code: 'BAD_USER_INPUT', field: 'input.arnhemMentorLesson.topic', rule: 'required' });
    expectError(await update({ expectedVersion: version + 5, arnhem: { counsellorPresent: true } }), { code: 'CONFLICT', field: 'input.expectedVersion' });
  });
});

describe('filters on pilot fields', () => {
  it('filter activities, signals, partnerships and schools by plugin values', async () => {
    const open = (await breakConversation({ roomOpen: true, breakThemes: ['ONLINE_VEILIGHEID'] })).data.logActivity.activity.id;
    const closed = (await breakConversation({ roomOpen: false, breakThemes: ['TOEKOMST_EN_WERK'] })).data.logActivity.activity.id;

    const byRoom = await kit.graphql(`{ activities(first: 100, filter: { amsterdam: { roomOpen: true } }) { totalCount edges { node { id amsterdam { roomOpen } } } } }`, {}, 'YOUTH_WORKER');
    const ids = byRoom.data.activities.edges.map((e: any) => e.node).map((n: { id: string }) => n.id);
    expect(ids).toContain(open);
    expect(ids).not.toContain(closed);
    expect(byRoom.data.activities.edges.map((e: any) => e.node).every((n: any) => n.amsterdam.roomOpen === true)).toBe(true);
    const [{ count }] = (await kit.db.prisma.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM "Activity" WHERE "pilotData" #>> '{amsterdam,roomOpen}' = 'true' AND "partnershipId" = ${kit.demo.partnerships.sloterplas.id}::uuid`) as [{ count: bigint }];
    expect(byRoom.data.activities.totalCount).toBe(Number(count));

    const byTheme = await kit.graphql(`{ activities(first: 100, filter: { amsterdam: { breakThemes: TOEKOMST_EN_WERK } }) { edges { node { id } } } }`, {}, 'YOUTH_WORKER');
    expect(byTheme.data.activities.edges.map((e: any) => e.node).map((n: { id: string }) => n.id)).toContain(closed);
    expect(byTheme.data.activities.edges.map((e: any) => e.node).map((n: { id: string }) => n.id)).not.toContain(open);

    const signals = await kit.graphql(`{ signals(first: 50, filter: { amsterdam: { warmHandover: BUURTTEAM } }) { edges { node { amsterdam { warmHandover } } } } }`, {}, 'YOUTH_WORKER');
    expect(signals.errors).toBeUndefined();
    expect(signals.data.signals.edges.map((e: any) => e.node).every((n: any) => n.amsterdam.warmHandover === 'BUURTTEAM')).toBe(true);

    const partnerships = await kit.graphql(`{ partnerships(first: 10, filter: { amsterdam: { pilotCohort: 2021 } }) { edges { node { id } } } }`, {}, 'ADMIN');
    expect(partnerships.data.partnerships.edges.map((e: any) => e.node).map((n: { id: string }) => n.id)).toEqual([ams]);
    const schools = await kit.graphql(`{ schools(first: 10, filter: { amsterdam: { stadsdeel: NIEUW_WEST } }) { edges { node { id name } } } }`, {}, 'ADMIN');
    expect(schools.data.schools.edges.map((e: any) => e.node)).toEqual([expect.objectContaining({ id: gid('School', kit.demo.partnerships.sloterplas.schoolId) })]);
  });

  it('a filter value breaking the field\'s rule is refused, naming the filter field', async () => {
    const result = await kit.graphql(`{ partnerships(first: 1, filter: { amsterdam: { pilotCohort: 1999 } }) { edges { node { id } } } }`, {}, 'ADMIN');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.amsterdam.pilotCohort', rule: 'min' });
  });

  it('filterable fields have an index on the expression the filter uses', async () => {
    const indexes = await kit.db.prisma.$queryRaw<{ indexname: string; indexdef: string }[]>`
      SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'pilot\\_%' ORDER BY indexname`;
    // Names end in a short hash of what the index is (unique after PostgreSQL's 63-character cut).
    const byName = new Map(indexes.map((i) => [i.indexname.replace(/_[0-9a-f]{8}$/, ''), i.indexdef]));
    for (const name of ['pilot_Activity_amsterdam_roomOpen', 'pilot_Activity_amsterdam_breakThemes', 'pilot_Signal_arnhem_warmHandover', 'pilot_School_amsterdam_stadsdeel']) {
      expect(byName.has(name), name).toBe(true);
    }
    expect(byName.get('pilot_Activity_amsterdam_breakThemes')).toMatch(/USING gin/);
    // The planner picks it for the SQL shape Prisma sends for a JSON path filter (with sequential scans off:
    // the demo table is small enough that a scan would win otherwise).
    const plan = await kit.db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      return tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN SELECT id FROM "Activity" WHERE ("pilotData"#>ARRAY['amsterdam', 'roomOpen']::text[])::jsonb::jsonb = 'true'::jsonb`,
      );
    });
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('pilot_Activity_amsterdam_roomOpen');
  });
});

describe('groupable fields in the evaluation figures', () => {
  it('an analyst groups activities by a plugin field; the figures equal an independent count', async () => {
    const result = await kit.graphql(
      `query($p: [ID!]) { evaluation(from: "2025-08-01", to: "2027-07-31", bucket: SCHOOL_YEAR, groupBy: [AMSTERDAM_ROOM_OPEN], filter: { partnershipIds: $p }) {
         activities { group { dimension value } count } } }`,
      { p: [ams] },
      'ANALYST',
    );
    expect(result.errors).toBeUndefined();
    const open = result.data.evaluation.activities
      .filter((row: any) => row.group[0].dimension === 'AMSTERDAM_ROOM_OPEN' && row.group[0].value === 'true')
      .reduce((n: number, row: any) => n + row.count, 0);
    const [{ count }] = (await kit.db.prisma.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM "Activity" WHERE "pilotData" #>> '{amsterdam,roomOpen}' = 'true'
         AND "partnershipId" = ${kit.demo.partnerships.sloterplas.id}::uuid AND "startsAt" >= '2025-07-31' AND "startsAt" < '2027-08-02'`) as [{ count: bigint }];
    expect(open).toBe(Number(count));
    expect(open).toBeGreaterThan(0);
  });
});

describe('names a plugin may not take', () => {
  it("RESERVED_PLUGIN_NAMES holds every field of the core's extended types, inputs and filters", () => {
    const schema = kit.app.schema;
    const pluginKinds = new Set(['ArnhemMentorLesson']);
    const types = [
      'Partnership', 'School', 'Signal', 'Activity', 'ActivityFilter', 'SignalFilter', 'PartnershipFilter', 'SchoolFilter', 'LogActivityInput',
      'UpdateActivityInput', 'ReportSignalInput', 'CreatePartnershipInput', 'UpdatePartnershipInput', 'UpdatePartnershipPilotFieldsInput',
      'UpdateSchoolPilotFieldsInput', 'UpdateSignalPilotFieldsInput',
      ...schema.getPossibleTypes(schema.getType('Activity') as never).map((t) => t.name).filter((name) => !pluginKinds.has(name)),
    ];
    const pluginOwned = new Set(['amsterdam', 'arnhem', 'arnhemMentorLesson']);
    const missing = types.flatMap((name) =>
      Object.keys((schema.getType(name) as unknown as { getFields(): Record<string, unknown> }).getFields()).filter(
        (field) => !pluginOwned.has(field) && !RESERVED_PLUGIN_NAMES.has(field),
      ),
    );
    expect(missing).toEqual([]);
  });
});

describe('statement counts', () => {
  it('reading plugin namespaces costs the same statements for 10 or 100 records (one city lookup for all)', async () => {
    const lists = {
      activities: (n: number) => `{ activities(first: ${n}) { edges { node { id amsterdam { roomOpen breakThemes } arnhem { counsellorPresent } } } } }`,
      signals: (n: number) => `{ signals(first: ${n}) { edges { node { id amsterdam { warmHandover } arnhem { warmHandover } } } } }`,
    };
    await kit.graphql('{ __typename }', {}, 'ADMIN'); // warm: the viewer's roles are then cached
    for (const [name, query] of Object.entries(lists)) {
      const small = await countQueries(kit.db, () => kit.graphql(query(10), {}, 'ADMIN'));
      const large = await countQueries(kit.db, () => kit.graphql(query(100), {}, 'ADMIN'));
      expect(large.count, name).toBe(small.count);
      expect(large.queries.filter((q) => q.includes('"City"')), name).toHaveLength(1);
    }
  });
});

describe('city scoping', () => {
  it("a plugin's namespace is null on other cities' records, an object on its own", async () => {
    const result = await kit.graphql(
      `query($ams: ID!, $arn: ID!) { a: node(id: $ams) { ... on Partnership { amsterdam { pilotCohort } arnhem { pilotPhase } } }
                                     b: node(id: $arn) { ... on Partnership { amsterdam { pilotCohort } arnhem { pilotPhase } } } }`,
      { ams, arn },
      'ADMIN',
    );
    expect(result.data.a.arnhem).toBeNull();
    expect(result.data.a.amsterdam).not.toBeNull();
    expect(result.data.b.amsterdam).toBeNull();
    expect(result.data.b.arnhem).toEqual({ pilotPhase: null });
  });

  it('defaults apply when a record is created in the plugin\'s city only', async () => {
    const result = await kit.graphql(
      `mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { partnership { arnhem { pilotPhase } amsterdam { pilotCohort } } } }`,
      {
        input: {
          schoolId: gid('School', kit.demo.partnerships.presik.schoolId),
          youthWorkOrganisationId: gid('YouthWorkOrganisation', kit.demo.partnerships.presik.youthWorkOrganisationId),
          form: 'WITH_SCHOOL',
          startsOn: '2027-01-01',
        },
      },
      'ADMIN',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.createPartnership.partnership).toEqual({ arnhem: { pilotPhase: 'START' }, amsterdam: null });
  });
});

describe("a plugin's activity kind", () => {
  it('is an ActivityKind value and a type implementing Activity, logged, listed, read and corrected end to end', async () => {
    const logged = await logActivity(
      { partnershipId: arn, kind: 'ARNHEM_MENTOR_LESSON', startsAt: hourAgo(), durationMinutes: 50, participantCount: 26, arnhemMentorLesson: { yearGroup: 2, topic: 'ONLINE_GEDRAG' }, arnhem: { counsellorPresent: true } },
      arnhemYouthWorker,
    );
    expect(logged.errors).toBeUndefined();
    const activity = logged.data.logActivity.activity;
    expect(activity).toMatchObject({ kind: 'ARNHEM_MENTOR_LESSON', yearGroup: 2, topic: 'ONLINE_GEDRAG', mentorPresent: true, arnhem: { counsellorPresent: true }, amsterdam: null });

    const listed = await kit.graphql(
      `{ activities(first: 100, filter: { kind: [ARNHEM_MENTOR_LESSON] }) { edges { node { __typename id } } } }`,
      {},
      arnhemYouthWorker,
    );
    expect(listed.data.activities.edges.map((e: any) => e.node)).toContainEqual({ __typename: 'ArnhemMentorLesson', id: activity.id });

    const corrected = await kit.graphql(
      `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { activity { ${ACTIVITY_FIELDS} } } }`,
      { input: { activityId: activity.id, expectedVersion: activity.version, arnhemMentorLesson: { yearGroup: 3, topic: 'TOEKOMST', mentorPresent: false } } },
      arnhemYouthWorker,
    );
    expect(corrected.data.updateActivity.activity).toMatchObject({ yearGroup: 3, topic: 'TOEKOMST', mentorPresent: false, version: activity.version + 1 });
    const node = await kit.graphql(`query($id: ID!) { node(id: $id) { __typename ... on ArnhemMentorLesson { topic } } }`, { id: activity.id }, arnhemYouthWorker);
    expect(node.data.node).toEqual({ __typename: 'ArnhemMentorLesson', topic: 'TOEKOMST' });
  });
});

describe('plugin events over graphql-ws', () => {
  const URGENT = `subscription { amsterdamUrgentSignals { urgency signal { id access summary status } } }`;
  const report = async (urgency: string) => {
    const result = await kit.graphql(
      `mutation($input: ReportSignalInput!) { reportSignal(input: $input) { signal { id } } }`,
      { input: { partnershipId: ams, lifeDomain: 'SCHOOL', category: 'SAFETY', summary: 'Dreiging na schooltijd', urgency } },
      'YOUTH_WORKER',
    );
    return result.data.reportSignal.signal.id as string;
  };

  it("Amsterdam's urgent feed reaches those who may read the signal, only for urgent signals; not metadata readers, not Arnhem", async () => {
    const team = kit.subscribe(URGENT, {}, 'YOUTH_WORKER');
    const coordinator = kit.subscribe(URGENT, {}, 'POLICY_ADVISOR');
    const other = kit.subscribe(URGENT, {}, arnhemAdvisor);
    await untilLive(team, () => report('URGENT'), (d: any) => d.amsterdamUrgentSignals.signal.id);
    await report('LOW');
    const high = await report('HIGH');
    const event = (await team.nextData()) as any;
    // The first event after LOW is the HIGH one: LOW was never published.
    expect(event.amsterdamUrgentSignals).toEqual({ urgency: 'HIGH', signal: { id: high, access: 'FULL', summary: 'Dreiging na schooltijd', status: 'NEW' } });
    // Urgency is signal content: a policy advisor (metadata only) must not learn it from the feed.
    await expect(coordinator.take(1_000)).rejects.toBeInstanceOf(TimeoutError);
    await expect(other.take(500)).rejects.toBeInstanceOf(TimeoutError);
  });

  it("Arnhem's mentor lesson feed carries the topic to the partnership's people only", async () => {
    const lessons = `subscription { arnhemMentorLessons { topic activity { id kind } } }`;
    const team = kit.subscribe(lessons, {}, arnhemYouthWorker);
    const outsider = kit.subscribe(lessons, {}, 'YOUTH_WORKER');
    const log = async () =>
      (await logActivity({ partnershipId: arn, kind: 'ARNHEM_MENTOR_LESSON', startsAt: hourAgo(), durationMinutes: 50, arnhemMentorLesson: { yearGroup: 1, topic: 'WEERBAARHEID' } }, arnhemYouthWorker))
        .data.logActivity.activity.id as string;
    await untilLive(team, log, (d: any) => d.arnhemMentorLessons.activity.id);
    const id = await log();
    expect(await team.nextData()).toEqual({ arnhemMentorLessons: { topic: 'WEERBAARHEID', activity: { id, kind: 'ARNHEM_MENTOR_LESSON' } } });
    await expect(outsider.take(1_000)).rejects.toBeInstanceOf(TimeoutError);
  });
});

describe('stored values a definition no longer accepts', () => {
  it('read as null, are reported in extensions.invalidPilotValues, and are kept', async () => {
    const id = kit.demo.partnerships.sloterplas.id;
    const before = await pilotOf('partnership', id);
    await kit.db.prisma.partnership.update({ where: { id }, data: { pilotData: { ...before, amsterdam: { ...before.amsterdam, pilotCohort: 2040, roomHoursPerWeek: 'veel' } } } });
    const result = await kit.graphql(`query($id: ID!) { node(id: $id) { ... on Partnership { amsterdam { pilotCohort roomHoursPerWeek buurtteam } } } }`, { id: ams }, 'ADMIN');
    expect(result.errors).toBeUndefined();
    expect(result.data.node.amsterdam).toEqual({ pilotCohort: null, roomHoursPerWeek: null, buurtteam: 'Buurtteam Nieuw-West Oost' });
    expect(result.extensions?.invalidPilotValues).toMatchObject({
      code: 'INVALID_PILOT_VALUE',
      values: [
        { path: ['node', 'amsterdam', 'pilotCohort'], rule: 'max' },
        { path: ['node', 'amsterdam', 'roomHoursPerWeek'], rule: 'type' },
      ],
    });
    expect((await pilotOf('partnership', id)).amsterdam).toMatchObject({ pilotCohort: 2040, roomHoursPerWeek: 'veel' });
  });
});

describe('plugin queries and the access rules', () => {
  it("amsterdamRoomUse counts only activities the viewer may see (the plugin's database is scoped)", async () => {
    const query = `query($p: ID!) { amsterdamRoomUse(partnershipId: $p, from: "2000-01-01", to: "2100-01-01") { activities roomOpen } }`;
    const own = await kit.graphql(query, { p: ams }, 'YOUTH_WORKER');
    const [{ all, open }] = (await kit.db.prisma.$queryRaw<{ all: bigint; open: bigint }[]>`
      SELECT count(*) AS all, count(*) FILTER (WHERE "pilotData" #>> '{amsterdam,roomOpen}' = 'true') AS open FROM "Activity"
       WHERE "partnershipId" = ${kit.demo.partnerships.sloterplas.id}::uuid AND kind IN ('BREAK_CONVERSATION', 'INDIVIDUAL_GUIDANCE')`) as [{ all: bigint; open: bigint }];
    expect(own.data.amsterdamRoomUse).toEqual({ activities: Number(all), roomOpen: Number(open) });
    expect(Number(open)).toBeGreaterThan(0);
    const foreign = await kit.graphql(query, { p: ams }, arnhemYouthWorker);
    expect(foreign.data.amsterdamRoomUse).toEqual({ activities: 0, roomOpen: 0 });
  });

  it("a signal's pilot values are hidden from those who may only know it exists", async () => {
    const result = await kit.graphql(`{ signals(first: 50, filter: { partnershipId: "${ams}" }) { edges { node { access amsterdam { warmHandover } } } } }`, {}, 'POLICY_ADVISOR');
    expect(result.data.signals.edges.length).toBeGreaterThan(0);
    for (const node of result.data.signals.edges.map((e: any) => e.node)) expect(node).toEqual({ access: 'METADATA', amsterdam: null });
    expect(result.extensions?.hiddenFields).toBeDefined();
  });
});
