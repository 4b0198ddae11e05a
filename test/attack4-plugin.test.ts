/**
 * Attack review 4 (F4): what a city plugin's resolver reads through its scoped database. The cell key
 * method rests on record keys nobody sees (src/evaluation/disclosure.ts); a plugin's read-only,
 * access-ruled Prisma returned every column, `recordKey` included. Now it omits them from rows and
 * refuses them in select, where, orderBy and aggregates (src/plugins/scoped-prisma.ts).
 * Its own file: one set of plugins per process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin } from '../src/plugins/api.ts';
import { checkPlugins } from '../src/plugins/registry.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { loadDemo, type Demo } from './support/fixtures.ts';
import { parse } from 'graphql';

describe('a plugin reading signals and youth for a youth worker', () => {
  const probe = definePlugin({
    name: 'keyprobe',
    version: '1.0.0',
    description: 'Returns what its scoped database gives it.',
    cities: ['Amsterdam'],
    schema(api) {
      api.builder.queryField('keyprobeRows', (t) =>
        t.string({
          description: 'The rows as the plugin reads them.',
          resolve: async (_r, _a, ctx: any) => {
            const attempt = async (f: () => Promise<unknown>) => {
              try {
                return await f();
              } catch (error) {
                return `refused: ${(error as Error).message.slice(0, 160)}`;
              }
            };
            return JSON.stringify({
              signals: await attempt(() => ctx.prisma.signal.findMany({ take: 2 })),
              signalKeys: await attempt(() => ctx.prisma.signal.findMany({ take: 2, select: { id: true, recordKey: true } })),
              youth: await attempt(() => ctx.prisma.youth.findMany({ take: 2, select: { id: true, recordKey: true } })),
              sum: await attempt(() => ctx.prisma.signal.aggregate({ _sum: { recordKey: true } })),
            });
          },
        }),
      );
    },
  });
  let t: TestApp;
  let demo: Demo;
  beforeAll(async () => {
    t = await createTestApp({ plugins: checkPlugins([{ folder: probe.name, definition: probe }]) });
    demo = await loadDemo(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('F4: the record keys of the cell key method stay out of a plugin’s reach', async () => {
    for (const token of [demo.tokens.YOUTH_WORKER, demo.tokens.MENTOR]) {
      const r = await t.execute(parse('{ keyprobeRows }') as never, {} as never, { token });
      const text = JSON.stringify(r);
      console.log('F4', token === demo.tokens.MENTOR ? 'mentor' : 'youth worker', (text.match(/recordKey\\":\d+/g) ?? []).length, 'record keys');
      expect(text, 'the plugin read something at all').toContain('keyprobeRows');
      expect(text).not.toContain('recordKey');
      const rows = JSON.parse((r as { data: { keyprobeRows: string } }).data.keyprobeRows);
      // Rows without a select still come (without the key); naming the key is refused.
      expect(Array.isArray(rows.signals) && rows.signals.length > 0 && typeof rows.signals[0].id === 'string').toBe(true);
      for (const read of [rows.signalKeys, rows.youth, rows.sum]) expect(read).toMatch(/^refused: /);
    }
  });
});
