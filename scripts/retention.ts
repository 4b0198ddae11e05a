// Runs the retention job once on the configured database and prints what it did (`npm run retention`):
// closed signals past their city's retention period are anonymised (see src/retention.ts).
// The embedded PGlite database cannot be opened while the server runs on it; the server runs
// retention itself (RETENTION_INTERVAL_MINUTES), or stop it first.
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db.ts';
import { migrate } from '../src/migrate.ts';
import { formatRetentionReport, runRetention } from '../src/retention.ts';

try {
  // ConfigError and DatabaseInUseError carry a one-line message of their own.
  const db = await openDatabase(loadConfig().database);
  try {
    await db.withSession((session) => migrate(session));
    const report = await runRetention(db.prisma);
    for (const line of formatRetentionReport(report)) console.log(line);
  } finally {
    await db.close();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
