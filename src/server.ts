import { type App, buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { assertPortFree, PortInUseError } from './port-check.ts';

let app: App | undefined;
let stopping = false;

// A signal while migrating or seeding waits for that to finish: the embedded database is never cut
// off mid-write.
async function shutdown() {
  if (stopping) return;
  stopping = true;
  if (!app) return;
  await app.stop();
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown());

try {
  const config = loadConfig();
  await assertPortFree(config.port, config.host);
  void config.jwt.secret; // without JWT_SECRET: made (or read) now, at start, not at the first request
  app = await buildApp(config);
  if (stopping) {
    await app.stop();
    process.exit(0);
  }
  await app.start();
} catch (error) {
  // Bad configuration, an unreachable database or a refused migration: one line, no stack.
  const message = error instanceof ConfigError || error instanceof PortInUseError ? error.message : `Cannot start: ${firstLine(error)}`;
  console.error(message);
  if (process.env.LOG_LEVEL === 'debug') console.error(error);
  process.exit(1);
}

function firstLine(error: unknown) {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').map((l) => l.trim()).find(Boolean) ?? 'unknown error';
}
