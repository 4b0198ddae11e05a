import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
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
  close(): Promise<void>;
}

type Adapter = PrismaPg | PrismaPGlite;
type ObservedClient = PrismaClient<'query'>;

function createPrisma(adapter: Adapter): ObservedClient {
  return new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
}

function observe(prisma: ObservedClient) {
  const listeners = new Set<QueryListener>();
  prisma.$on('query', (e) => {
    for (const l of listeners) l({ query: e.query, durationMs: Number(e.duration) });
  });
  return (listener: QueryListener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
}

/** Opens PGlite (embedded, in a data directory or `memory://`) or PostgreSQL. */
export async function openDatabase(config: Config['database']): Promise<Database> {
  if (config.kind === 'pglite') {
    if (!config.dataDir.startsWith('memory://')) mkdirSync(config.dataDir, { recursive: true });
    const pglite = await PGlite.create(config.dataDir);
    const prisma = createPrisma(new PrismaPGlite(pglite));
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
      onQuery: observe(prisma),
      close: async () => {
        await prisma.$disconnect();
        await pglite.close();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: config.url, max: 10 });
  const prisma = createPrisma(new PrismaPg(pool));
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
    onQuery: observe(prisma),
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
