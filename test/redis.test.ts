/**
 * Several instances: with REDIS_URL, an event published by one instance reaches subscribers of
 * another. Two real servers share one PostgreSQL database and a real Redis (PGlite cannot be shared
 * between instances, so this file runs on the PostgreSQL project).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.ts';
import { openDatabase, type Database } from '../src/db.ts';
import { createLogger } from '../src/logger.ts';
import { LogActivityDocument, OnActivityLoggedDocument } from './generated/graphql.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { dataOf, httpGraphql, untilLive, wsConnect } from './support/clients.ts';
import { testDatabaseKind } from './support/database.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe.skipIf(testDatabaseKind !== 'postgres')('live updates across instances (Redis)', () => {
  let first: TestApp;
  let second: { app: App; db: Database };
  let urls: [string, string];
  let token: string;
  let partnershipId: string;

  beforeAll(async () => {
    // Other runs on the same Redis see these events too, but they carry only IDs their database
    // does not have, so their access check drops them.
    first = await createTestApp({ env: { REDIS_URL } });
    const db = await openDatabase(first.config.database);
    second = { app: await buildApp({ ...first.config }, { db, log: createLogger('silent') }), db };
    urls = [(await first.app.start(0, '127.0.0.1')).url, (await second.app.start(0, '127.0.0.1')).url];
    token = await first.tokenFor('YOUTH_WORKER');
    const assignment = await first.db.prisma.roleAssignment.findFirstOrThrow({
      where: { role: 'YOUTH_WORKER', person: { email: 'aaron.bakkali@amsterdam.jongerenwerk.example' } },
    });
    partnershipId = Buffer.from(`Partnership:${assignment.partnershipId}`).toString('base64');
  });

  afterAll(async () => {
    await second?.app.stop();
    await second?.db.close();
    await first?.close();
  });

  const logOn = async (url: string) =>
    dataOf(
      await httpGraphql(
        url,
        LogActivityDocument,
        { input: { partnershipId, kind: 'BREAK_CONVERSATION', startsAt: new Date().toISOString(), durationMinutes: 10 } },
        token,
      ),
    ).logActivity.activity!.id;

  it('a subscriber on one instance receives an activity logged through another', async () => {
    const connection = wsConnect(urls[0], token);
    try {
      const feed = connection.subscribe(OnActivityLoggedDocument, { partnershipId });
      await untilLive(feed, () => logOn(urls[0]), (d) => d.activityLogged.id);
      const id = await logOn(urls[1]);
      expect((await feed.nextData()).activityLogged.id).toBe(id);
    } finally {
      await connection.close();
    }
  });
});
