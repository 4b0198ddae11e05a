import { afterAll, beforeAll, expect, it } from 'vitest';
import { bootWithPlugins, type PluginTestApp } from '../../test/support/plugins.ts';

let kit: PluginTestApp;
beforeAll(async () => {
  kit = await bootWithPlugins(['amsterdam']);
}, 120_000);
afterAll(() => kit?.close());

it("the partnership's youth worker gets urgent signals in full, live", async () => {
  const { partnershipId, youthWorker } = await kit.partnershipIn('Amsterdam');
  const report = async (urgency: string) =>
    (await kit.graphql(
      `mutation($input: ReportSignalInput!) { reportSignal(input: $input) { signal { id } } }`,
      { input: { partnershipId, lifeDomain: 'NEIGHBOURHOOD', category: 'SAFETY', summary: 'Groep oudere jongeren wacht leerlingen op', urgency } },
      youthWorker,
    )).data.reportSignal.signal.id as string;
  const feed = kit.subscribe(`subscription { amsterdamUrgentSignals { urgency signal { id access summary } } }`, {}, youthWorker);
  await kit.untilLive(feed, () => report('URGENT'), (d: any) => d.amsterdamUrgentSignals.signal.id);
  const id = await report('HIGH');
  expect(await feed.nextData()).toEqual({
    amsterdamUrgentSignals: { urgency: 'HIGH', signal: { id, access: 'FULL', summary: 'Groep oudere jongeren wacht leerlingen op' } },
  });
});

it('records whether the room was open, and counts it', async () => {
  const { partnershipId, youthWorker } = await kit.partnershipIn('Amsterdam');
  const before = await kit.graphql(`query($p: ID!) { amsterdamRoomUse(partnershipId: $p, from: "2000-01-01", to: "2100-01-01") { activities roomOpen } }`, { p: partnershipId }, youthWorker);
  await kit.graphql(
    `mutation($input: LogActivityInput!) { logActivity(input: $input) { activity { id } } }`,
    { input: { partnershipId, kind: 'BREAK_CONVERSATION', startsAt: new Date().toISOString(), durationMinutes: 20, amsterdam: { roomOpen: true, breakThemes: ['PESTEN'] } } },
    youthWorker,
  );
  const after = await kit.graphql(`query($p: ID!) { amsterdamRoomUse(partnershipId: $p, from: "2000-01-01", to: "2100-01-01") { activities roomOpen } }`, { p: partnershipId }, youthWorker);
  expect(after.data.amsterdamRoomUse).toEqual({
    activities: before.data.amsterdamRoomUse.activities + 1,
    roomOpen: before.data.amsterdamRoomUse.roomOpen + 1,
  });
});
