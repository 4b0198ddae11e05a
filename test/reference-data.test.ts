/**
 * Issue 14, reference data: admins set up a city through the API (city, school, organisation,
 * people, roles, then a partnership in it), every other role is refused, bad input changes nothing,
 * every write is audited; `admin:create` makes the first admin of an empty database and `token`
 * refuses people who do not exist.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/generated/prisma/enums.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { dataOf, httpGraphql } from './support/clients.ts';
import { createTestDatabase, testDatabaseKind } from './support/database.ts';
import { closeTestApp, type Demo, expectError, expectNoWrites, loadDemo } from './support/fixtures.ts';
import { TEST_JWT_SECRET } from './support/secret.ts';

let t: TestApp;
let demo: Demo;
let url: string;

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  ({ url } = await t.app.start(0, '127.0.0.1'));
});
afterAll(() => closeTestApp(t));

const gql = (query: string, variables: Record<string, unknown>, role: Role | null = 'ADMIN') =>
  httpGraphql<Record<string, any>, Record<string, unknown>>(url, query, variables, role ? demo.tokens[role] : null);

const CREATE_CITY = `mutation($input: CreateCityInput!) { createCity(input: $input) { city { id name cbsCode retentionMonths minCellSize maxPerturbation activityRetentionMonths youthRetentionMonths staffRetentionMonths version } } }`;
const UPDATE_CITY = `mutation($input: UpdateCityInput!) { updateCity(input: $input) { city { id retentionMonths staffRetentionMonths version } } }`;
const CREATE_SCHOOL = `mutation($input: CreateSchoolInput!) { createSchool(input: $input) { school { id brinCode district schoolType enrolment version city { name } } } }`;
const UPDATE_SCHOOL = `mutation($input: UpdateSchoolInput!) { updateSchool(input: $input) { school { id enrolment version } } }`;
const CREATE_ORG = `mutation($input: CreateYouthWorkOrganisationInput!) { createYouthWorkOrganisation(input: $input) { youthWorkOrganisation { id name version } } }`;
const UPDATE_ORG = `mutation($input: UpdateYouthWorkOrganisationInput!) { updateYouthWorkOrganisation(input: $input) { youthWorkOrganisation { id name version } } }`;
const CREATE_PERSON = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id name email version deactivatedAt } } }`;
const UPDATE_PERSON = `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id name email version } } }`;
const DEACTIVATE = `mutation($input: DeactivatePersonInput!) { deactivatePerson(input: $input) { person { id deactivatedAt version } } }`;
const ASSIGN = `mutation($input: AssignRoleInput!) { assignRole(input: $input) { roleAssignment { id role } } }`;
const CREATE_PARTNERSHIP = `mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { partnership { id name city { name } school { brinCode } } } }`;

const audited = (entity: string, entityId: string) =>
  t.db.prisma.auditEvent.findMany({ where: { entity, entityId }, select: { operation: true, actorId: true, fields: true }, orderBy: { at: 'asc' } });
const dbId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1]!;

describe('setting up a city through the API (admins)', () => {
  const ids = {} as Record<'city' | 'school' | 'org' | 'worker' | 'contact', string>;

  it('creates a city, a school, an organisation, people and roles, then a partnership in it', async () => {
    const city = dataOf(await gql(CREATE_CITY, { input: { name: 'Rotterdam', cbsCode: 'GM0599', retentionMonths: 18, minCellSize: 10 } })).createCity.city;
    expect(city).toMatchObject({ name: 'Rotterdam', cbsCode: 'GM0599', retentionMonths: 18, minCellSize: 10, maxPerturbation: 2, activityRetentionMonths: 24, youthRetentionMonths: 24, staffRetentionMonths: 24, version: 1 });
    ids.city = city.id;
    const updated = dataOf(await gql(UPDATE_CITY, { input: { id: city.id, expectedVersion: 1, retentionMonths: 12, staffRetentionMonths: 36 } })).updateCity.city;
    expect(updated).toMatchObject({ retentionMonths: 12, staffRetentionMonths: 36, version: 2 });

    const school = dataOf(await gql(CREATE_SCHOOL, { input: { cityId: city.id, name: 'Maaslyceum', brinCode: '31ab', schoolType: 'VMBO', district: 'Feijenoord', enrolment: 800 } })).createSchool.school;
    expect(school).toMatchObject({ brinCode: '31AB', district: 'Feijenoord', schoolType: 'VMBO', enrolment: 800, version: 1, city: { name: 'Rotterdam' } });
    ids.school = school.id;
    expect(dataOf(await gql(UPDATE_SCHOOL, { input: { id: school.id, expectedVersion: 1, enrolment: 820 } })).updateSchool.school).toMatchObject({ enrolment: 820, version: 2 });

    const org = dataOf(await gql(CREATE_ORG, { input: { cityId: city.id, name: 'Jongerenwerk Rotterdam Zuid' } })).createYouthWorkOrganisation.youthWorkOrganisation;
    ids.org = org.id;
    expect(dataOf(await gql(UPDATE_ORG, { input: { id: org.id, expectedVersion: 1, name: 'JW Rotterdam Zuid' } })).updateYouthWorkOrganisation.youthWorkOrganisation).toMatchObject({ name: 'JW Rotterdam Zuid', version: 2 });

    const worker = dataOf(await gql(CREATE_PERSON, { input: { name: 'Sam Worker', email: 'Sam.Worker@JWZuid.example', organisationId: org.id } })).createPerson.person;
    expect(worker).toMatchObject({ email: 'sam.worker@jwzuid.example', version: 1, deactivatedAt: null });
    ids.worker = worker.id;
    const contact = dataOf(await gql(CREATE_PERSON, { input: { name: 'Kim Contact', email: 'kim@maaslyceum.example', schoolId: school.id } })).createPerson.person;
    ids.contact = contact.id;
    expect(dataOf(await gql(UPDATE_PERSON, { input: { id: contact.id, expectedVersion: 1, name: 'Kim de Contact' } })).updatePerson.person).toMatchObject({ name: 'Kim de Contact', version: 2 });

    const partnership = dataOf(await gql(CREATE_PARTNERSHIP, { input: { schoolId: school.id, youthWorkOrganisationId: org.id, form: 'IN_SCHOOL', startsOn: '2026-09-01', schoolContactId: contact.id } })).createPartnership.partnership;
    expect(partnership).toMatchObject({ name: 'JW Rotterdam Zuid × Maaslyceum', city: { name: 'Rotterdam' }, school: { brinCode: '31AB' } });
    dataOf(await gql(ASSIGN, { input: { personId: worker.id, role: 'YOUTH_WORKER', partnershipId: partnership.id } }));
    dataOf(await gql(ASSIGN, { input: { personId: contact.id, role: 'SCHOOL_CONTACT', partnershipId: partnership.id } }));

    // The new youth worker signs in and sees their partnership.
    const token = await t.tokenFor({ email: 'sam.worker@jwzuid.example' });
    const mine = await httpGraphql<any, unknown>(url, '{ partnerships { edges { node { name } } } }', {}, token);
    expect(dataOf(mine).partnerships.edges.map((e: any) => e.node.name)).toEqual(['JW Rotterdam Zuid × Maaslyceum']);
  });

  it('audits every write, with the admin as actor', async () => {
    const admin = demo.people.ADMIN;
    expect(await audited('City', dbId(ids.city))).toEqual([
      { operation: 'CREATE', actorId: admin, fields: ['cbsCode', 'minCellSize', 'name', 'retentionMonths'] },
      { operation: 'UPDATE', actorId: admin, fields: ['retentionMonths', 'staffRetentionMonths'] },
    ]);
    expect(await audited('School', dbId(ids.school))).toEqual([
      { operation: 'CREATE', actorId: admin, fields: ['brinCode', 'cityId', 'district', 'enrolment', 'name', 'schoolType'] },
      { operation: 'UPDATE', actorId: admin, fields: ['enrolment'] },
    ]);
    expect((await audited('YouthWorkOrganisation', dbId(ids.org))).map((e) => e.operation)).toEqual(['CREATE', 'UPDATE']);
    expect((await audited('Person', dbId(ids.contact))).map((e) => e.operation)).toEqual(['CREATE', 'UPDATE']);
  });

  it('deactivates a person once: their roles stay, a second call changes nothing', async () => {
    const first = dataOf(await gql(DEACTIVATE, { input: { id: ids.worker } })).deactivatePerson.person;
    expect(first.deactivatedAt).not.toBeNull();
    const again = dataOf(await gql(DEACTIVATE, { input: { id: ids.worker } })).deactivatePerson.person;
    expect(again).toEqual(first);
    expect(await t.db.prisma.roleAssignment.count({ where: { personId: dbId(ids.worker) } })).toBe(1);
    expect((await audited('Person', dbId(ids.worker))).map((e) => e.fields)).toEqual([['email', 'name', 'organisationId'], ['deactivatedAt']]);
    expectError(await gql(DEACTIVATE, { input: { id: `${Buffer.from(`Person:${demo.people.ADMIN}`).toString('base64')}` } }), { code: 'BAD_USER_INPUT', field: 'input.id', rule: 'notSelf' });
  });

  it('refuses bad input with a coded error naming field and rule, and changes nothing', async () => {
    const cases: [string, Record<string, unknown>, Parameters<typeof expectError>[1]][] = [
      [CREATE_SCHOOL, { cityId: ids.city, name: 'X', brinCode: '1234', schoolType: 'VMBO' }, { code: 'BAD_USER_INPUT', field: 'input.brinCode', rule: 'format' }],
      [CREATE_SCHOOL, { cityId: ids.city, name: 'X', brinCode: '31AB', schoolType: 'VMBO' }, { code: 'CONFLICT', field: 'input.brinCode', rule: 'unique' }],
      [CREATE_PERSON, { name: 'Twin', email: 'SAM.WORKER@jwzuid.example' }, { code: 'CONFLICT', field: 'input.email', rule: 'unique' }],
      [CREATE_PERSON, { name: 'X', email: 'not-an-email' }, { code: 'BAD_USER_INPUT', field: 'input.email', rule: 'format' }],
      [CREATE_PERSON, { name: 'X', email: 'x@y.example', schoolId: ids.school, organisationId: ids.org }, { code: 'BAD_USER_INPUT', field: 'input.schoolId', rule: 'oneOf' }],
      [CREATE_CITY, { name: 'Delft', cbsCode: 'GM0503', retentionMonths: -1 }, { code: 'BAD_USER_INPUT', field: 'input.retentionMonths', rule: 'min' }],
      [CREATE_CITY, { name: 'Delft', cbsCode: 'GM0503', activityRetentionMonths: 0 }, { code: 'BAD_USER_INPUT', field: 'input.activityRetentionMonths', rule: 'min' }],
      [CREATE_CITY, { name: 'Delft', cbsCode: 'GM0503', youthRetentionMonths: 121 }, { code: 'BAD_USER_INPUT', field: 'input.youthRetentionMonths', rule: 'max' }],
      [UPDATE_CITY, { id: ids.city, expectedVersion: 2, staffRetentionMonths: 0 }, { code: 'BAD_USER_INPUT', field: 'input.staffRetentionMonths', rule: 'min' }],
      [CREATE_CITY, { name: 'rotterdam', cbsCode: 'GM0001' }, { code: 'CONFLICT', field: 'input.name', rule: 'unique' }],
      [CREATE_CITY, { name: 'Delft', cbsCode: '0503' }, { code: 'BAD_USER_INPUT', field: 'input.cbsCode', rule: 'format' }],
      [UPDATE_CITY, { id: ids.city, expectedVersion: 1, retentionMonths: 6 }, { code: 'CONFLICT', field: 'input.expectedVersion' }],
      [UPDATE_SCHOOL, { id: ids.school, expectedVersion: 1, enrolment: 5 }, { code: 'CONFLICT', field: 'input.expectedVersion' }],
      [UPDATE_ORG, { id: ids.org, expectedVersion: 1, name: 'Y' }, { code: 'CONFLICT', field: 'input.expectedVersion' }],
      [UPDATE_PERSON, { id: ids.contact, expectedVersion: 1, name: 'Y' }, { code: 'CONFLICT', field: 'input.expectedVersion' }],
      [CREATE_ORG, { cityId: ids.city, name: 'jw rotterdam zuid' }, { code: 'CONFLICT', field: 'input.name', rule: 'unique' }],
    ];
    const audits = await t.db.prisma.auditEvent.count();
    for (const [query, input, expected] of cases) {
      await expectNoWrites(t.db.prisma, async () => expectError(await gql(query, { input }), expected));
    }
    expect(await t.db.prisma.city.findFirstOrThrow({ where: { name: 'Rotterdam' }, select: { retentionMonths: true } })).toEqual({ retentionMonths: 12 });
    expect(await t.db.prisma.auditEvent.count()).toBe(audits);
  });

  it('refuses every other role (FORBIDDEN) and anonymous callers, writing nothing', async () => {
    const attempts: [string, Record<string, unknown>][] = [
      [CREATE_CITY, { name: 'Delft', cbsCode: 'GM0503' }],
      [UPDATE_CITY, { id: ids.city, expectedVersion: 2, retentionMonths: 1 }],
      [CREATE_SCHOOL, { cityId: ids.city, name: 'X', brinCode: '32CD', schoolType: 'VMBO' }],
      [UPDATE_SCHOOL, { id: ids.school, expectedVersion: 2, enrolment: 1 }],
      [CREATE_ORG, { cityId: ids.city, name: 'Other' }],
      [UPDATE_ORG, { id: ids.org, expectedVersion: 2, name: 'Other' }],
      [CREATE_PERSON, { name: 'X', email: 'x@y.example' }],
      [UPDATE_PERSON, { id: ids.contact, expectedVersion: 2, name: 'X' }],
      [DEACTIVATE, { id: ids.contact }],
    ];
    const roles = (Object.keys(demo.tokens) as Role[]).filter((r) => r !== 'ADMIN');
    expect(roles).toHaveLength(6);
    for (const [query, input] of attempts) {
      for (const role of roles) {
        await expectNoWrites(t.db.prisma, async () => expectError(await gql(query, { input }, role), { code: 'FORBIDDEN' }));
      }
      expectError(await gql(query, { input }, null), { code: 'UNAUTHENTICATED' });
    }
  });
});

describe('admin:create and token (scripts against a fresh database)', () => {
  const run = promisify(execFile);
  const tsx = join('node_modules', '.bin', 'tsx');
  let env: NodeJS.ProcessEnv;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const base = { PATH: process.env.PATH, NODE_ENV: 'production', JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent' };
    if (testDatabaseKind === 'postgres') {
      const database = await createTestDatabase({ seeded: false });
      env = { ...base, DATABASE_URL: (database.config as { url: string }).url };
      cleanup = () => database.drop();
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'admin-create-'));
      env = { ...base, PGLITE_DATA_DIR: join(dir, 'pglite') };
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
  });
  afterAll(() => cleanup?.());

  const script = async (name: string, args: string[]) => {
    try {
      const { stdout, stderr } = await run(tsx, [`scripts/${name}.ts`, ...args], { env, timeout: 90_000 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it('token refuses a demo role on an empty production database', async () => {
    const result = await script('token', ['--role', 'ADMIN']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/no person with e-mail admin@demo\.jongerenwerk\.example in this database/);
  }, 120_000);

  it('admin:create migrates, creates a global admin once, and token then signs for them', async () => {
    const first = await script('admin-create', ['--email', 'First.Admin@Rotterdam.example', '--name', 'First Admin']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/migrations applied: .*_init/);
    expect(first.stdout).toContain('created First Admin <first.admin@rotterdam.example> with a global ADMIN role');
    const again = await script('admin-create', ['--email', 'first.admin@rotterdam.example', '--name', 'First Admin']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('first.admin@rotterdam.example exists already and is an admin; nothing changed');
    const token = await script('token', ['--email', 'first.admin@rotterdam.example']);
    expect(token.code).toBe(0);
    expect(token.stdout.trim()).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    const unknown = await script('token', ['--email', 'nobody@rotterdam.example']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no person with e-mail nobody@rotterdam.example');
  }, 240_000);
});
