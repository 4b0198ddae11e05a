import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('runs with no environment at all: embedded PGlite, port 4000 on loopback only, GraphiQL on', () => {
    const config = loadConfig({});
    expect(config.host).toBe('127.0.0.1');
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '.data/pglite' });
    expect(config.port).toBe(4000);
    expect(config.graphiql).toBe(true);
    expect(config.seedDemoData).toBe(true);
  });

  it('switches to PostgreSQL with DATABASE_URL and to Redis pub/sub with REDIS_URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/x', REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/x' });
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres/],
    [{ REDIS_URL: 'http://x' }, /REDIS_URL/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET must be at least 32/],
    [{ NODE_ENV: 'production' }, /JWT_SECRET is required/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ PORT: '' }, /PORT/],
    [{ HOST: '0.0.0.0' }, /JWT_SECRET is required when HOST \(0\.0\.0\.0\) is not a loopback/],
  ])('refuses %o with a one-line message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('listens beyond loopback only with a secret of its own', () => {
    expect(loadConfig({ HOST: '0.0.0.0', JWT_SECRET: 's'.repeat(32) }).host).toBe('0.0.0.0');
  });

  it('turns GraphiQL and demo data off in production unless asked for', () => {
    const secret = 'x'.repeat(32);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret })).toMatchObject({ graphiql: false, seedDemoData: false });
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, GRAPHIQL: 'true', SEED_DEMO_DATA: 'true' })).toMatchObject({
      graphiql: true,
      seedDemoData: true,
    });
    expect(loadConfig({ SEED_DEMO_DATA: 'false' }).seedDemoData).toBe(false);
  });
});
