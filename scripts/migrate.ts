// Applies pending migrations to the configured database and exits (`npm run migrate`).
import { ConfigError, loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db.ts';
import { migrate } from '../src/migrate.ts';

try {
  const db = await openDatabase(loadConfig().database);
  try {
    const result = await db.withSession((session) => migrate(session));
    console.log(
      result.applied.length ? `applied: ${result.applied.join(', ')}` : `up to date (${result.alreadyApplied.length} migrations)`,
    );
  } finally {
    await db.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
}
