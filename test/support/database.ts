import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Config } from '../../src/config.ts';

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export const testDatabaseKind = (process.env.TEST_DATABASE ?? 'pglite') as 'pglite' | 'postgres';

export interface TestDatabaseConfig {
  config: Config['database'];
  /** Drops the PostgreSQL database (PGlite in memory needs nothing). */
  drop(): Promise<void>;
}

/** A new, empty database for one test file: in-memory PGlite or a fresh PostgreSQL database. */
export async function createTestDatabase(): Promise<TestDatabaseConfig> {
  if (testDatabaseKind === 'pglite') {
    return { config: { kind: 'pglite', dataDir: 'memory://' }, drop: async () => {} };
  }
  const name = `jw_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    config: { kind: 'postgres', url: url.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
