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
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
