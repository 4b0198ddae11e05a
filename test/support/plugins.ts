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
import { type Feed, httpGraphql, untilLive, wsConnect, type WsConnection } from './clients.ts';
import { type Demo, gid, loadDemo } from './fixtures.ts';

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
  /** Waits until a feed is live by causing probe events (see clients.ts), without sleeping. */
  untilLive: typeof untilLive;
  /**
   * An active partnership in the city and one of its youth workers: a demo one, or (for a city the
   * demo data lacks) a new city, school, organisation, partnership and youth worker.
   */
  partnershipIn(city: string): Promise<{ partnershipId: string; youthWorker: { email: string } }>;
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
    untilLive,
    async partnershipIn(cityName) {
      const prisma = app.db.prisma;
      const found = await prisma.roleAssignment.findFirst({
        where: { role: 'YOUTH_WORKER', partnership: { status: 'ACTIVE', city: { name: cityName } } },
        select: { partnershipId: true, person: { select: { email: true } } },
        orderBy: { createdAt: 'asc' },
      });
      if (found) return { partnershipId: gid('Partnership', found.partnershipId!), youthWorker: { email: found.person.email } };
      const slug = cityName.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      const city = await prisma.city.create({ data: { name: cityName, cbsCode: `GM9${String(Date.now() % 1000).padStart(3, '0')}` } });
      const school = await prisma.school.create({ data: { name: `Testcollege ${cityName}`, brinCode: `T${String(Date.now() % 1000).padStart(3, '0')}`, cityId: city.id, schoolType: 'VMBO', enrolment: 800 } });
      const org = await prisma.youthWorkOrganisation.create({ data: { name: `Jongerenwerk ${cityName} (test)`, cityId: city.id } });
      const partnership = await prisma.partnership.create({
        data: { name: `${org.name} × ${school.name}`, schoolId: school.id, youthWorkOrganisationId: org.id, cityId: city.id, form: 'IN_SCHOOL', startsOn: new Date('2025-08-01'), goals: [] },
      });
      const person = await prisma.person.create({ data: { name: 'Test Jongerenwerker', email: `jongerenwerker@${slug}.test.example`, organisationId: org.id } });
      await prisma.roleAssignment.create({ data: { personId: person.id, role: 'YOUTH_WORKER', scope: 'PARTNERSHIP', partnershipId: partnership.id } });
      return { partnershipId: gid('Partnership', partnership.id), youthWorker: { email: person.email } };
    },
    async close() {
      await Promise.allSettled(pending);
      for (const socket of sockets) await socket.close();
      await app.close();
    },
  };
}
