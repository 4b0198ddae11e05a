import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlSession } from './db.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../prisma/migrations/', import.meta.url));

// The same advisory lock key Prisma Migrate uses, so the server and `prisma migrate` never overlap.
const MIGRATION_LOCK_KEY = 72707369;

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
}

/** The committed migrations, in the order Prisma applies them (by folder name). */
export function readMigrations(dir = MIGRATIONS_DIR): LocalMigration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    });
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Like Prisma Migrate: the same script checked out with other line endings (git autocrlf) is no edit. */
function matchesChecksum(m: LocalMigration, recorded: string) {
  if (m.checksum === recorded) return true;
  const lf = m.sql.replaceAll('\r\n', '\n');
  return sha256(lf) === recorded || sha256(lf.replaceAll('\n', '\r\n')) === recorded;
}

// Prisma Migrate's own bookkeeping table, column for column.
const CREATE_BOOKKEEPING = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

/**
 * Applies pending migrations under an advisory lock, recording them in `_prisma_migrations` the way
 * `prisma migrate deploy` does. Refuses to go on when an applied migration was edited or a previous
 * attempt failed.
 */
export async function migrate(session: SqlSession, migrations = readMigrations()): Promise<MigrateResult> {
  await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    await session.exec(CREATE_BOOKKEEPING);
    const rows = await session.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"
       WHERE rolled_back_at IS NULL ORDER BY started_at`,
    );
    const byName = new Map(rows.map((r) => [r.migration_name, r]));
    for (const row of rows) {
      if (!row.finished_at) {
        throw new MigrationError(
          `Migration ${row.migration_name} failed earlier and was not rolled back; fix the database, then mark it with \`prisma migrate resolve\`.`,
        );
      }
    }
    const result: MigrateResult = { applied: [], alreadyApplied: [] };
    // Check the whole recorded history before applying anything.
    const pending: LocalMigration[] = [];
    for (const m of migrations) {
      const row = byName.get(m.name);
      if (!row) {
        pending.push(m);
        continue;
      }
      if (!matchesChecksum(m, row.checksum)) {
        throw new MigrationError(
          `Migration ${m.name} was edited after it was applied (checksum ${m.checksum.slice(0, 12)}… ≠ recorded ${row.checksum.slice(0, 12)}…); add a new migration instead.`,
        );
      }
      result.alreadyApplied.push(m.name);
    }
    for (const m of pending) {
      const id = randomUUID();
      await session.exec('BEGIN');
      try {
        await session.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), 0)`,
          [id, m.checksum, m.name],
        );
        await session.exec(m.sql);
        await session.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        await session.exec('COMMIT');
      } catch (error) {
        await session.exec('ROLLBACK');
        throw new MigrationError(`Migration ${m.name} failed: ${(error as Error).message}`);
      }
      result.applied.push(m.name);
    }
    return result;
  } finally {
    await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
  }
}
