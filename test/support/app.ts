import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type ExecutionResult, print } from 'graphql';
import { DEMO_EMAILS } from '../../prisma/seed.ts';
import { type App, buildApp } from '../../src/app.ts';
import { signToken } from '../../src/auth/token.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db.ts';
import type { Role } from '../../src/generated/prisma/enums.ts';
import { createLogger, type Logger } from '../../src/logger.ts';
import type { LoadedPlugin } from '../../src/plugins/registry.ts';
import { createTestDatabase } from './database.ts';
import { TEST_JWT_SECRET } from './secret.ts';

/** Counts the SQL statements Prisma sends while `fn` runs. */
export async function countQueries(db: Database, fn: () => Promise<unknown>): Promise<{ count: number; queries: string[] }> {
  const queries: string[] = [];
  const off = db.onQuery((e) => queries.push(e.query));
  try {
    await fn();
  } finally {
    off();
  }
  return { count: queries.length, queries };
}

export interface TestApp {
  app: App;
  db: Database;
  config: Config;
  /** A bearer token for the demo person holding `role`, or for a person by email. */
  tokenFor(who: Role | { email: string }): Promise<string>;
  /** Runs a typed operation in-process through `yoga.fetch`. */
  execute<R, V>(
    document: TypedDocumentNode<R, V>,
    variables?: V,
    options?: { token?: string | null },
  ): Promise<ExecutionResult<R> & { status: number }>;
  close(): Promise<void>;
}

/**
 * A database of its own (PGlite or PostgreSQL per TEST_DATABASE), a copy of the migrated demo data
 * (or empty with `seed: false`), with the app built on it. One per test file.
 */
export async function createTestApp(
  options: { seed?: boolean; env?: Record<string, string>; plugins?: readonly LoadedPlugin[]; log?: Logger } = {},
): Promise<TestApp> {
  const database = await createTestDatabase({ seeded: options.seed ?? true });
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JWT_SECRET: TEST_JWT_SECRET, ...options.env }),
    database: database.config,
    seedDemoData: false,
  };
  const db = await database.open();
  const app = await buildApp(config, { db, log: options.log ?? createLogger('silent'), plugins: options.plugins });

  const tokenFor: TestApp['tokenFor'] = async (who) => {
    const email = typeof who === 'string' ? DEMO_EMAILS[who] : who.email;
    const person = await db.prisma.person.findUniqueOrThrow({ where: { email }, select: { id: true } });
    return signToken(config.jwt, person.id);
  };

  return {
    app,
    db,
    config,
    tokenFor,
    async execute(document, variables, { token } = {}) {
      const response = await app.yoga.fetch('http://test/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query: print(document), variables }),
      });
      const body = (await response.json()) as ExecutionResult<any>;
      return { ...body, status: response.status };
    },
    async close() {
      await app.stop();
      await db.close();
      await database.drop();
    },
  };
}
