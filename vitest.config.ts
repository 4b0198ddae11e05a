import { defineConfig } from 'vitest/config';

// Every suite runs twice: on embedded PGlite and on a real PostgreSQL server
// (TEST_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/postgres; one database per test file).
const shared = {
  include: ['test/**/*.test.ts', 'plugins/**/*.test.ts'],
  testTimeout: 30_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'pglite', env: { TEST_DATABASE: 'pglite' } } },
      { test: { ...shared, name: 'postgres', env: { TEST_DATABASE: 'postgres' } } },
    ],
  },
});
