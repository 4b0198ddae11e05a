/**
 * The plugin test kit: boots the real app with the chosen plugins on a fresh database (a copy of
 * the demo data, or empty), listening on a port, so a plugin's own tests are a few lines:
 *
 * ```ts
 * const kit = await bootWithPlugins(['rotterdam']);
 * const result = await kit.graphql('{ activities(first: 1) { nodes { rotterdam { parentsPresent } } } }', {}, 'YOUTH_WORKER');
 * const feed = kit.subscribe('subscription { rotterdamAlerts { signal { id } } }', {}, 'POLICY_ADVISOR');
 * await kit.close();
 * ```
 *
 * One set of plugins per test file: the schema is built once per module graph (vitest gives each
 * test file its own).
 */
import type { ExecutionResult } from 'graphql';
import type { Role } from '../../src/generated/prisma/enums.ts';
import { loadPlugins, PLUGINS_DIR } from '../../src/plugins/registry.ts';
import { createTestApp, type TestApp } from './app.ts';
import { type Feed, httpGraphql, wsConnect, type WsConnection } from './clients.ts';
import { type Demo, loadDemo } from './fixtures.ts';

/** Who runs an operation: a demo role, a person by email, or nobody (no token). */
export type As = Role | { email: string } | null;

export interface PluginTestApp extends TestApp {
  /** The GraphQL endpoint of the listening server. */
  url: string;
  /** The seeded demo rows (partnerships by school, people and tokens by role, city IDs). */
  demo: Demo;
  /** Runs an operation over real HTTP. */
  graphql<R = any>(query: string, variables?: Record<string, unknown>, as?: As): Promise<ExecutionResult<R> & { status: number }>;
  /** Subscribes over graphql-ws (a connection per call, closed with the kit). */
  subscribe<R = any>(query: string, variables?: Record<string, unknown>, as?: As): Feed<R>;
  close(): Promise<void>;
}

export async function bootWithPlugins(
  names: readonly string[],
  options: { seed?: boolean; dir?: string; env?: Record<string, string> } = {},
): Promise<PluginTestApp> {
  const plugins = await loadPlugins(names, options.dir ?? PLUGINS_DIR);
  const app = await createTestApp({ seed: options.seed ?? true, env: options.env, plugins });
  const { url } = await app.app.start(0, '127.0.0.1');
  const demo = options.seed === false ? (undefined as unknown as Demo) : await loadDemo(app);
  const token = async (as: As = null) => (as === null ? null : app.tokenFor(as));
  const sockets: WsConnection[] = [];
  const pending: Promise<unknown>[] = [];
  return {
    ...app,
    url,
    demo,
    graphql: async (query, variables, as) => httpGraphql(url, query, variables, await token(as)),
    subscribe<R>(query: string, variables?: Record<string, unknown>, as?: As): Feed<R> {
      // graphql-ws needs the token when it connects: connect once it is signed.
      let feed: Feed<R> | undefined;
      const ready = token(as).then((t) => {
        const socket = wsConnect(url, t);
        sockets.push(socket);
        feed = socket.subscribe<R, Record<string, unknown>>(query, variables);
      });
      pending.push(ready);
      return {
        take: async (ms) => (await ready, feed!.take(ms)),
        nextData: async (ms) => (await ready, feed!.nextData(ms)),
        close: async () => (await ready, feed!.close()),
      };
    },
    async close() {
      await Promise.allSettled(pending);
      for (const socket of sockets) await socket.close();
      await app.close();
    },
  };
}
