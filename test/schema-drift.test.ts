// CI's guard against a schema.prisma change without a matching migration (no Prisma schema engine
// needed): apply every committed migration to an empty database and compare its catalogue with what
// Prisma's datamodel for the current prisma/schema.prisma implies. See test/support/schema-catalogue.ts.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/db.ts';
import { migrate } from '../src/migrate.ts';
import { createTestDatabase, type TestDatabaseConfig } from './support/database.ts';
import { getDatamodel } from './support/prisma-datamodel.ts';
import { type Catalogue, diffCatalogues, expectedCatalogue, readCatalogue } from './support/schema-catalogue.ts';

const SCHEMA_FILE = new URL('../prisma/schema.prisma', import.meta.url);

describe('prisma/migrations against prisma/schema.prisma', () => {
  let testDb: TestDatabaseConfig;
  let db: Database;
  let schema: string;
  let migrated: Catalogue;

  beforeAll(async () => {
    schema = readFileSync(SCHEMA_FILE, 'utf8'); // read at test time: an edit without `generate` still counts
    testDb = await createTestDatabase();
    db = await openDatabase(testDb.config);
    migrated = await db.withSession(async (s) => {
      await migrate(s);
      return readCatalogue(s);
    });
  });

  afterAll(async () => {
    await db?.close();
    await testDb?.drop();
  });

  it('applying every migration gives exactly the database schema.prisma describes', () => {
    const differences = diffCatalogues(expectedCatalogue(getDatamodel(schema), schema), migrated);
    if (differences.length > 0) {
      expect.fail(
        `prisma/schema.prisma and prisma/migrations disagree (${differences.length}):\n` +
          differences.map((d) => `  - ${d}`).join('\n') +
          '\nCreate a migration for the schema change (npx prisma migrate dev --name <change>), or fix the schema.',
      );
    }
  });

  // Guards against the check above passing vacuously: each drift adds exactly its own line.
  it('notices a model that has no migration', () => {
    const expected = expectedCatalogue(getDatamodel(schema), schema);
    const edited = `${schema}\nmodel DriftProbe {\n  id Int @id\n}\n`;
    expect(diffCatalogues(expectedCatalogue(getDatamodel(edited), edited), migrated)).toEqual(
      [...diffCatalogues(expected, migrated), 'table "DriftProbe": schema.prisma has it (with its columns), the database does not'].sort(),
    );
  });

  it('notices database changes that schema.prisma does not have', async () => {
    const expected = expectedCatalogue(getDatamodel(schema), schema);
    const table = [...migrated.keys()].find((k) => k.startsWith('table '))!.slice('table "'.length, -1);
    const changed = await db.withSession(async (s) => {
      await s.exec(`BEGIN; ALTER TABLE "${table}" ADD COLUMN "driftProbe" varchar(7) DEFAULT 'x';
                    CREATE INDEX "driftProbe_idx" ON "${table}" ("driftProbe" DESC)`);
      try {
        return await readCatalogue(s);
      } finally {
        await s.exec('ROLLBACK');
      }
    });
    expect(diffCatalogues(expected, changed)).toEqual(
      [
        ...diffCatalogues(expected, migrated),
        `column "${table}"."driftProbe": the database has it (type character varying(7); nullable NULL; default 'x'::character varying), schema.prisma does not`,
        `index "driftProbe_idx": the database has it (kind plain; table ${table}; columns driftProbe DESC; method btree), schema.prisma does not`,
      ].sort(),
    );
  });
});
