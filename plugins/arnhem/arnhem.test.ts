import { afterAll, beforeAll, expect, it } from 'vitest';
import { gid } from '../../test/support/fixtures.ts';
import { bootWithPlugins, type PluginTestApp } from '../../test/support/plugins.ts';

let kit: PluginTestApp;
beforeAll(async () => {
  kit = await bootWithPlugins(['arnhem']);
}, 120_000);
afterAll(() => kit?.close());

const LOG = `mutation($input: LogActivityInput!) { logActivity(input: $input) {
  activity { id ... on ArnhemMentorLesson { yearGroup topic mentorPresent arnhem { counsellorPresent } } } } }`;

it('logs a co-taught mentor lesson, and the municipal advisor hears of it live', async () => {
  const { partnershipId, youthWorker } = await kit.partnershipIn('Arnhem');
  const advisor = { email: 'marloes.dijkstra@arnhem.gemeente.example' };
  const log = async (details: Record<string, unknown>) =>
    kit.graphql(LOG, { input: { partnershipId, kind: 'ARNHEM_MENTOR_LESSON', startsAt: new Date().toISOString(), durationMinutes: 50, arnhemMentorLesson: details, arnhem: { counsellorPresent: true } } }, youthWorker);
  const feed = kit.subscribe(`subscription { arnhemMentorLessons { topic activity { id } } }`, {}, advisor);
  await kit.untilLive(feed, async () => (await log({ yearGroup: 1, topic: 'MIDDELEN' })).data.logActivity.activity.id, (d: any) => d.arnhemMentorLessons.activity.id);

  const lesson = (await log({ yearGroup: 2, topic: 'GROEPSDRUK' })).data.logActivity.activity;
  expect(lesson).toMatchObject({ yearGroup: 2, topic: 'GROEPSDRUK', mentorPresent: true, arnhem: { counsellorPresent: true } });
  expect(await feed.nextData()).toEqual({ arnhemMentorLessons: { topic: 'GROEPSDRUK', activity: { id: lesson.id } } });

  const bad = await log({ yearGroup: 7, topic: 'GROEPSDRUK' });
  expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.arnhemMentorLesson.yearGroup', rule: 'max' });
});

it('starts a new partnership in phase START', async () => {
  const presik = await kit.db.prisma.partnership.findFirstOrThrow({ where: { school: { name: { contains: 'Presik' } } } });
  const created = await kit.graphql(
    `mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { partnership { arnhem { pilotPhase covenantNumber } } } }`,
    { input: { schoolId: gid('School', presik.schoolId), youthWorkOrganisationId: gid('YouthWorkOrganisation', presik.youthWorkOrganisationId), form: 'IN_SCHOOL', startsOn: '2027-08-01', arnhem: { covenantNumber: 'ARN-2027-001' } } },
    'ADMIN',
  );
  expect(created.data.createPartnership.partnership.arnhem).toEqual({ pilotPhase: 'START', covenantNumber: 'ARN-2027-001' });
});
