import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';

try {
  const app = await buildApp(loadConfig());
  await app.start();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void app.stop().then(() => process.exit(0));
    });
  }
} catch (error) {
  // Bad configuration, an unreachable database or a refused migration: one line, no stack.
  const message = error instanceof ConfigError ? error.message : `Cannot start: ${(error as Error).message}`;
  console.error(message);
  if (process.env.LOG_LEVEL === 'debug') console.error(error);
  process.exit(1);
}
