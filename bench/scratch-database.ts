/**
 * A PostgreSQL database of a bench's own (`<prefix>_<pid>` on BENCH_POSTGRES_URL's server), created
 * at start and dropped by `drop()`; `admin` runs SQL on the server's maintenance database.
 */
import pg from 'pg';

export const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export async function admin(sql: string) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  await c.query(sql).finally(() => c.end());
}

export async function scratchDatabase(prefix: string) {
  const name = `${prefix}_${process.pid}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  await admin(`CREATE DATABASE "${name}"`);
  return { name, url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
