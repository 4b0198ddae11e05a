import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import type { Config } from '../../src/config.ts';
import { type Database, openDatabase } from '../../src/db.ts';

export const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export const testDatabaseKind = (process.env.TEST_DATABASE ?? 'pglite') as 'pglite' | 'postgres';

export function databaseUrl(name: string) {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface TestDatabaseConfig {
  config: Config['database'];
  /** Opens the database (for a seeded one, a copy of the run's seeded template). */
  open(): Promise<Database>;
  /** Drops the PostgreSQL database (PGlite in memory needs nothing). */
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own for one test file: in-memory PGlite or a new PostgreSQL database. Empty,
 * or with `seeded`, a copy of the migrated demo database made once per run (global-setup.ts).
 */
export async function createTestDatabase(options: { seeded?: boolean } = {}): Promise<TestDatabaseConfig> {
  if (testDatabaseKind === 'pglite') {
    const config = { kind: 'pglite', dataDir: 'memory://' } as const;
    const dump = options.seeded ? new Blob([readFileSync(inject('seededTemplate'))]) : undefined;
    return { config, open: () => openDatabase(config, { pgliteDump: dump }), drop: async () => {} };
  }
  const name = `jw_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const template = options.seeded ? ` TEMPLATE "${inject('seededTemplate')}"` : '';
  await admin((c) => c.query(`CREATE DATABASE "${name}"${template}`));
  const config = { kind: 'postgres', url: databaseUrl(name) } as const;
  return {
    config,
    open: () => openDatabase(config),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}
