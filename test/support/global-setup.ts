import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { seedDemoData } from '../../prisma/seed.ts';
import { openDatabase } from '../../src/db.ts';
import { migrate } from '../../src/migrate.ts';
import { ADMIN_URL, databaseUrl } from './database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a dump of the migrated, seeded demo database. PostgreSQL: a template database name. */
    seededTemplate: string;
  }
}

/**
 * Migrates and seeds the demo data once per test run; each test file then starts from a copy
 * (PGlite: a data-directory dump; PostgreSQL: CREATE DATABASE … TEMPLATE), not from a new seed.
 */
export default async function setup(project: TestProject) {
  const kind = project.config.env?.TEST_DATABASE === 'postgres' ? 'postgres' : 'pglite';
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'jw-test-'));
    const db = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    await db.withSession((s) => migrate(s));
    await seedDemoData(db.prisma);
    const dump = await db.dump!();
    await db.close();
    const file = join(dir, 'seeded.tar');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide('seededTemplate', file);
    return () => rmSync(dir, { recursive: true, force: true });
  }
  const name = `jw_template_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const db = await openDatabase({ kind: 'postgres', url: databaseUrl(name) });
  await db.withSession((s) => migrate(s));
  await seedDemoData(db.prisma);
  await db.close();
  project.provide('seededTemplate', name);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
}
