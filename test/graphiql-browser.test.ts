/**
 * GraphiQL in a real headless browser (Debian's chromium through playwright-core), with every
 * request that does not go to the server aborted: the page must work on a network without the
 * internet, use the Authorization header typed into it, and show subscription events.
 *
 * Runs once (PGlite project): it is about the page and the wire, not the database. Without a
 * chromium outside CI it is skipped; CI installs one (`.ci/run`), and there it must run.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, httpGraphql } from './support/clients.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { testDatabaseKind } from './support/database.ts';
import { E2ePartnershipsDocument, LogActivityDocument } from './generated/graphql.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const runs = testDatabaseKind === 'pglite' && (existsSync(CHROMIUM) || !!process.env.CI);

let t: TestApp;
let url: string;
let context: BrowserContext;
let profile: string;
/** Every request the page tried to send anywhere but the server. */
const blocked: string[] = [];

beforeAll(async () => {
  if (!runs) return;
  t = await createTestApp();
  ({ url } = await t.app.start(0, '127.0.0.1'));
  const server = new URL(url);
  profile = mkdtempSync(join(tmpdir(), 'graphiql-profile-'));
  // playwright adds --headless and --user-data-dir (the fresh profile) itself.
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await context.route('**/*', (route) => {
    const target = new URL(route.request().url());
    if (target.host === server.host) return route.continue();
    blocked.push(target.href);
    return route.abort('internetdisconnected');
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await t?.close();
});

/** Opens GraphiQL with `query` in the operation editor and `headers` typed into the headers editor. */
async function openGraphiQL(page: Page, query: string, headers: Record<string, string>) {
  await page.goto(`${url}?query=${encodeURIComponent(query)}`);
  await page.locator('.graphiql-query-editor .monaco-editor').waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Headers' }).click();
  await page.locator('.monaco-editor[data-uri$="-request-headers.json"]').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  if (Object.keys(headers).length) await page.keyboard.insertText(JSON.stringify(headers));
  await page.locator('.graphiql-execute-button').click();
}

/** The response editor's text without whitespace (the editor wraps long lines). */
const responseText = async (page: Page) => (await page.locator('.graphiql-response').innerText()).replace(/\s+/g, '');

describe.runIf(runs)('GraphiQL in a browser without the internet', () => {
  it('loads from the server alone and answers a query with the Authorization header typed into it', async () => {
    const token = await t.tokenFor('YOUTH_WORKER');
    const page = await context.newPage();
    try {
      await openGraphiQL(page, '{ me { name email } }', { Authorization: `Bearer ${token}` });
      await expect.poll(() => responseText(page), { timeout: 15_000 }).toContain('aaron.bakkali@amsterdam.jongerenwerk.example');
      expect(await responseText(page)).not.toContain('errors');
      expect(blocked).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('without the header the same query is refused, as for any client', async () => {
    const page = await context.newPage();
    try {
      await openGraphiQL(page, '{ me { name } }', {});
      await expect.poll(() => responseText(page), { timeout: 15_000 }).toContain('UNAUTHENTICATED');
    } finally {
      await page.close();
    }
  });

  it('a subscription started in GraphiQL receives an activity another client logs', async () => {
    const token = await t.tokenFor('YOUTH_WORKER');
    const other = await t.tokenFor('SCHOOL_CONTACT');
    const partnerships = dataOf(await httpGraphql(url, E2ePartnershipsDocument, undefined, other)).partnerships.edges;
    const partnershipId = partnerships.find((e) => e.node.name.includes('Sloterplas'))!.node.id;
    const page = await context.newPage();
    try {
      await openGraphiQL(page, `subscription { activityLogged(partnershipId: "${partnershipId}") { id kind } }`, {
        Authorization: `Bearer ${token}`,
      });
      // The subscription is live once one of the activities logged meanwhile shows up.
      const logged: string[] = [];
      await expect
        .poll(
          async () => {
            const result = await httpGraphql(
              url,
              LogActivityDocument,
              { input: { partnershipId, kind: 'BREAK_CONVERSATION', startsAt: new Date().toISOString(), durationMinutes: 10, participantCount: 3 } },
              other,
            );
            logged.push(dataOf(result).logActivity.activity!.id);
            const shown = await responseText(page);
            return logged.some((id) => shown.includes(id)) || shown;
          },
          { timeout: 20_000, interval: 300 },
        )
        .toBe(true);
      expect(await responseText(page)).toContain('BREAK_CONVERSATION');
      expect(blocked).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
