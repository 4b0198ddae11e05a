import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// Every suite runs twice: on embedded PGlite and on a real PostgreSQL server
// (TEST_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/postgres; one database per test file).
const shared = {
  include: ['test/**/*.test.ts', 'plugins/**/*.test.ts'],
  testTimeout: 30_000,
  hookTimeout: 120_000,
  globalSetup: ['test/support/global-setup.ts'],
};

export default defineConfig({
  // graphql 16 ships CJS and ESM builds without an exports map: Node loads the CJS one for the
  // server's dependencies, so tests must too, or graphql sees two realms.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    projects: [
      { extends: true, test: { ...shared, name: 'pglite', env: { TEST_DATABASE: 'pglite' } } },
      { extends: true, test: { ...shared, name: 'postgres', env: { TEST_DATABASE: 'postgres' } } },
    ],
  },
});
