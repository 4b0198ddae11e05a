import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, type SqlSession } from '../src/db.ts';
import { type LocalMigration, MigrationError, migrate, readMigrations } from '../src/migrate.ts';
import { createTestDatabase, type TestDatabaseConfig, testDatabaseKind } from './support/database.ts';

// The committed migrations and their checksums, computed here independently of src/migrate.ts.
const MIGRATIONS_DIR = fileURLToPath(new URL('../prisma/migrations/', import.meta.url));
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const committed = readdirSync(MIGRATIONS_DIR)
  .filter((name) => existsSync(join(MIGRATIONS_DIR, name, 'migration.sql')))
  .sort();
const committedChecksum = (name: string) => sha256(readFileSync(join(MIGRATIONS_DIR, name, 'migration.sql')));
const extraMigration = (name: string, sql: string): LocalMigration => ({ name, sql, checksum: sha256(sql) });

const databases: TestDatabaseConfig[] = [];
const handles: Database[] = [];

async function freshDatabase() {
  const testDb = await createTestDatabase();
  databases.push(testDb);
  return { testDb, db: await open(testDb) };
}

async function open(testDb: TestDatabaseConfig) {
  const db = await openDatabase(testDb.config);
  handles.push(db);
  return db;
}

afterAll(async () => {
  for (const db of handles) await db.close();
  for (const testDb of databases) await testDb.drop();
});

type MigrationRow = {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
};

const rowsOf = (s: SqlSession) =>
  s.query<MigrationRow>(`SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name`);

const tableExists = async (s: SqlSession, table: string) =>
  (await s.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [`"${table}"`]))[0]!.t !== null;

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('migrate() should have been refused'),
    (error: unknown) => error as Error,
  );

describe('migrate() on a database migrated from scratch', () => {
  let db: Database;
  let firstRun: Awaited<ReturnType<typeof migrate>>;

  beforeAll(async () => {
    ({ db } = await freshDatabase());
    firstRun = await db.withSession((s) => migrate(s));
  });

  it('applies every committed migration once, in order; a second run applies none', async () => {
    expect(committed.length).toBeGreaterThan(0);
    expect(firstRun).toEqual({ applied: committed, alreadyApplied: [] });
    expect(await db.withSession((s) => migrate(s))).toEqual({ applied: [], alreadyApplied: committed });
    const rows = await db.withSession(rowsOf);
    expect(rows.map((r) => r.migration_name)).toEqual(committed);
  });

  it('records each migration the way Prisma Migrate does', async () => {
    const columns = await db.withSession((s) =>
      s.query<{ definition: string }>(`
        SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
               || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
               || COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '') AS definition
        FROM pg_attribute a
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = '"_prisma_migrations"'::regclass AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum`),
    );
    // Prisma's own CREATE TABLE for its bookkeeping, column for column.
    expect(columns.map((c) => c.definition)).toEqual([
      'id character varying(36) NOT NULL',
      'checksum character varying(64) NOT NULL',
      'finished_at timestamp with time zone',
      'migration_name character varying(255) NOT NULL',
      'logs text',
      'rolled_back_at timestamp with time zone',
      'started_at timestamp with time zone NOT NULL DEFAULT now()',
      'applied_steps_count integer NOT NULL DEFAULT 0',
    ]);
    const [primaryKey] = await db.withSession((s) =>
      s.query<{ columns: string }>(`
        SELECT pg_get_indexdef(indexrelid, 1, true) AS columns FROM pg_index
        WHERE indrelid = '"_prisma_migrations"'::regclass AND indisprimary`),
    );
    expect(primaryKey?.columns).toBe('id');

    const rows = await db.withSession(rowsOf);
    expect(rows).toHaveLength(committed.length);
    for (const row of rows) {
      expect(row.checksum).toBe(committedChecksum(row.migration_name));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('refuses to run when an applied migration was edited, and applies nothing', async () => {
    const before = await db.withSession(rowsOf);
    const edited = readMigrations().map((m) => (m.name === committed.at(-1) ? extraMigration(m.name, `${m.sql}\n-- edited\n`) : m));
    const pending = extraMigration('99999999999999_after_edit', 'CREATE TABLE "AfterEdit" (id integer);');

    const error = await failureOf(db.withSession((s) => migrate(s, [...edited, pending])));

    expect(error).toBeInstanceOf(MigrationError);
    expect(error.message).toContain(committed.at(-1));
    expect(error.message).toMatch(/edited/);
    expect(await db.withSession((s) => tableExists(s, 'AfterEdit'))).toBe(false);
    expect(await db.withSession(rowsOf)).toEqual(before);
  });

  // Known bug in src/migrate.ts: checksums are checked migration by migration while applying, so a
  // pending migration that sorts before the edited one is applied before the refusal. Remove
  // `.fails` once migrate() validates the whole history before applying anything.
  it('refuses an edited migration before applying a pending one that sorts earlier', async () => {
    const first = committed[0]!;
    const edited = readMigrations().map((m) => (m.name === first ? extraMigration(m.name, `${m.sql}\n-- edited\n`) : m));
    const earlier = extraMigration('00000000000000_earlier', 'CREATE TABLE "EarlierPending" (id integer);');
    const before = await db.withSession(rowsOf);
    try {
      const error = await failureOf(db.withSession((s) => migrate(s, [earlier, ...edited])));
      expect(error).toBeInstanceOf(MigrationError);
      expect(await db.withSession((s) => tableExists(s, 'EarlierPending'))).toBe(false);
      expect(await db.withSession(rowsOf)).toEqual(before);
    } finally {
      // Leave the shared database as it was for the tests below.
      await db.withSession((s) =>
        s.exec(`DROP TABLE IF EXISTS "EarlierPending"; DELETE FROM "_prisma_migrations" WHERE migration_name = '00000000000000_earlier'`),
      );
    }
  });

  // Known gap in src/migrate.ts: Prisma Migrate accepts a recorded checksum computed with other line
  // endings (a Windows checkout with git autocrlf); migrate() compares raw bytes only. Remove `.fails`
  // once it does the same.
  it('accepts an applied migration checked out with CRLF line endings', async () => {
    const crlf = readMigrations().map((m) => extraMigration(m.name, m.sql.replaceAll('\r\n', '\n').replaceAll('\n', '\r\n')));
    expect(await db.withSession((s) => migrate(s, crlf))).toEqual({ applied: [], alreadyApplied: committed });
  });

  it('rolls a failing migration back completely and names it', async () => {
    const before = await db.withSession(rowsOf);
    const broken = extraMigration(
      '99999999999999_broken',
      `CREATE TABLE "BrokenPartial" (id integer);
       INSERT INTO "BrokenPartial" VALUES (1);
       ALTER TABLE "BrokenPartial" ADD COLUMN oops no_such_type;`,
    );

    const error = await failureOf(db.withSession((s) => migrate(s, [...readMigrations(), broken])));

    expect(error).toBeInstanceOf(MigrationError);
    expect(error.message).toContain('99999999999999_broken');
    expect(error.message).toMatch(/no_such_type/);
    expect(await db.withSession((s) => tableExists(s, 'BrokenPartial'))).toBe(false);
    expect(await db.withSession(rowsOf)).toEqual(before); // no row for it, finished or not
    // Nothing is left half-done: the next start goes through.
    expect(await db.withSession((s) => migrate(s))).toEqual({ applied: [], alreadyApplied: committed });
  });
});

describe('migrate() after an earlier failed attempt', () => {
  it('refuses while a failed migration is recorded, and goes on once it is marked rolled back', async () => {
    const { db } = await freshDatabase();
    const first = committed[0]!;
    await db.withSession(async (s) => {
      await migrate(s, []); // creates only the bookkeeping table
      await s.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, applied_steps_count)
         VALUES ($1, $2, $3, 'syntax error', now(), 0)`,
        ['00000000-0000-4000-8000-000000000001', committedChecksum(first), first],
      );
    });

    const error = await failureOf(db.withSession((s) => migrate(s)));
    expect(error).toBeInstanceOf(MigrationError);
    expect(error.message).toContain(first);
    expect(error.message).toMatch(/failed/);
    expect(await db.withSession((s) => tableExists(s, 'City'))).toBe(false);
    expect((await db.withSession(rowsOf)).map((r) => r.migration_name)).toEqual([first]);

    // What `prisma migrate resolve --rolled-back` does: the failed row no longer counts.
    await db.withSession((s) => s.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now()`));
    expect(await db.withSession((s) => migrate(s))).toEqual({ applied: committed, alreadyApplied: [] });
    const finished = (await db.withSession(rowsOf)).filter((r) => r.finished_at);
    expect(finished.map((r) => r.migration_name)).toEqual(committed);
  });
});

describe('two instances starting at once', () => {
  it.skipIf(testDatabaseKind !== 'postgres')('migrate only once, under the advisory lock', async () => {
    const { testDb, db: a } = await freshDatabase();
    const b = await open(testDb);

    const results = await Promise.all([a.withSession((s) => migrate(s)), b.withSession((s) => migrate(s))]);

    const appliers = results.filter((r) => r.applied.length > 0);
    expect(appliers).toHaveLength(1);
    expect(appliers[0]).toEqual({ applied: committed, alreadyApplied: [] });
    expect(results.find((r) => r !== appliers[0])).toEqual({ applied: [], alreadyApplied: committed });
    const counts = await a.withSession((s) =>
      s.query<{ migration_name: string; n: number }>(
        `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY migration_name ORDER BY migration_name`,
      ),
    );
    expect(counts).toEqual(committed.map((name) => ({ migration_name: name, n: 1 })));
  });
});
