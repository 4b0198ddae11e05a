import { mkdirSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import type { PrismaPGlite } from 'pglite-prisma-adapter';
import type { Config } from './config.ts';
import { PrismaClient } from './generated/prisma/client.ts';

/** A raw SQL session, used for migrations and locks (not for request handling). */
export interface SqlSession {
  /** Runs a script of several statements. */
  exec(sql: string): Promise<void>;
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export type QueryListener = (event: { query: string; durationMs: number }) => void;

export interface Database {
  kind: 'pglite' | 'postgres';
  prisma: PrismaClient;
  /** Runs `fn` on one dedicated session (advisory locks hold for its lifetime). */
  withSession<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  /** Observes every SQL statement Prisma sends; returns an unsubscribe function. */
  onQuery(listener: QueryListener): () => void;
  /** PostgreSQL only: the connection pool's connections now (metrics). */
  poolStats?(): { total: number; idle: number; waiting: number };
  /** PGlite only: a dump of the whole database, to open copies of it (tests). */
  dump?(): Promise<Blob>;
  close(): Promise<void>;
}

type Adapter = PrismaPg | PrismaPGlite;
type ObservedClient = PrismaClient<'query'>;

/** Prisma with query events (each statement's text and parameters formatted into an event) or without. */
function createPrisma(adapter: Adapter, observed: boolean): ObservedClient {
  return new PrismaClient({ adapter, log: observed ? [{ emit: 'event', level: 'query' }] : [] }) as ObservedClient;
}

function observe(prisma: ObservedClient, observed: boolean) {
  if (!observed) {
    return () => {
      throw new Error('This database was opened without observeQueries: its statements are not observed.');
    };
  }
  const listeners = new Set<QueryListener>();
  prisma.$on('query', (e) => {
    for (const l of listeners) l({ query: e.query, durationMs: Number(e.duration) });
  });
  return (listener: QueryListener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
}

export interface OpenOptions {
  /** PGlite only: start from this dump (`dumpDataDir`) instead of an empty database. */
  pgliteDump?: Blob;
  /**
   * Whether `onQuery` observes the statements (default: yes, for tests, benches and scripts). The
   * server opens its database without: formatting an event per statement that nobody reads is
   * per-request work for nothing.
   */
  observeQueries?: boolean;
}

/** Opens PGlite (embedded, in a data directory or `memory://`) or PostgreSQL. */
export async function openDatabase(config: Config['database'], options: OpenOptions = {}): Promise<Database> {
  const observed = options.observeQueries ?? true;
  if (config.kind === 'pglite') {
    const inMemory = config.dataDir.startsWith('memory://');
    const unlock = inMemory
      ? () => {}
      : await lockDataDir(config.dataDir, () => {
          // Someone removed or took over our lock: writing on would risk the data; stop.
          console.error(`Lost the lock on ${config.dataDir}; stopping to protect the embedded database.`);
          process.exit(1);
        });
    let pglite: PGlite;
    try {
      // Loaded only for the embedded database: its wasm is megabytes a PostgreSQL server never needs.
      const { PGlite } = await import('@electric-sql/pglite');
      pglite = await PGlite.create({ dataDir: config.dataDir, loadDataDir: options.pgliteDump });
    } catch (error) {
      unlock();
      throw error;
    }
    const { PrismaPGlite } = await import('pglite-prisma-adapter');
    const prisma = createPrisma(new PrismaPGlite(pglite), observed);
    const session: SqlSession = {
      exec: async (sql) => {
        await pglite.exec(sql);
      },
      query: async (sql, params) => (await pglite.query(sql, params)).rows as never,
    };
    return {
      kind: 'pglite',
      prisma,
      // PGlite has a single connection, so the session is that connection.
      withSession: (fn) => fn(session),
      onQuery: observe(prisma, observed),
      dump: () => pglite.dumpDataDir('none'),
      close: async () => {
        await prisma.$disconnect();
        await pglite.close();
        unlock();
      },
    };
  }
  await ensureDatabaseExists(config.url);
  const pool = new pg.Pool({ connectionString: config.url, max: 10 });
  const prisma = createPrisma(new PrismaPg(pool), observed);
  return {
    kind: 'postgres',
    prisma,
    withSession: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn({
          // pg runs a parameterless multi-statement string as one simple query.
          exec: async (sql) => {
            await client.query(sql);
          },
          query: async (sql, params) => (await client.query(sql, params)).rows,
        });
      } finally {
        client.release();
      }
    },
    onQuery: observe(prisma, observed),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: async () => {
      await prisma.$disconnect();
      // Sockets still closing after end() may report the server's goodbye; nothing is listening then.
      pool.on('error', () => {});
      await pool.end();
    },
  };
}

export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
}

/**
 * PGlite does not guard its data directory, and two processes writing to one corrupt it. A lock
 * (a `<dir>.lock` folder, kept fresh while we run, taken over when its owner died) makes a second
 * opener (another server, `npm run seed`) fail with a clear message instead.
 */
async function lockDataDir(dataDir: string, onLost: () => void): Promise<() => void> {
  mkdirSync(dataDir, { recursive: true });
  try {
    const release = await lockfile.lock(dataDir, { stale: 15_000, update: 5_000, retries: 0, realpath: false, onCompromised: onLost });
    return () => void release().catch(() => {});
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    throw new DatabaseInUseError(
      `The embedded database in ${dataDir} is in use by another process; stop it first (after a crash the lock expires within 15 s), or set DATABASE_URL to use PostgreSQL.`,
    );
  }
}

/** Creates the PostgreSQL database named in `url` when it does not exist yet, as `prisma migrate` would. */
async function ensureDatabaseExists(url: string) {
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw error; // anything but "database does not exist"
  } finally {
    await probe.end().catch(() => {});
  }
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: target.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42P04') throw error; // created meanwhile by another instance
  } finally {
    await admin.end();
  }
}
