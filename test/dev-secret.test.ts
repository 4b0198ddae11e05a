/**
 * The development token secret (issue 9, item 8): without JWT_SECRET the server makes a random
 * secret per data directory at first start (mode 0600, beside the data), `npm run token` signs with
 * it, and the constant that used to be in the repository signs nothing valid. Tests use the fixed
 * secret of test/support only.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, chmodSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken, verifyToken } from '../src/auth/token.ts';
import { loadConfig } from '../src/config.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { TEST_JWT_SECRET } from './support/secret.ts';

const OLD_CONSTANT = 'dev-only-secret-change-me-in-production-0123456789';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jwt-secret-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe('development token secret', () => {
  it('is made at first use, random, mode 0600, beside the embedded database', () => {
    const config = loadConfig({ PGLITE_DATA_DIR: join(dir, 'a', 'pglite') });
    const file = join(dir, 'a', 'pglite.jwt-secret');
    expect(config.jwt.secretFile).toBe(file);
    expect(existsSync(file)).toBe(false); // reading the configuration alone makes nothing
    const secret = config.jwt.secret;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(file, 'utf8').trim()).toBe(secret);
    expect(modeOf(file)).toBe(0o600);
  });

  it('is the same on the next start of the same data directory, and another for another one', () => {
    const again = loadConfig({ PGLITE_DATA_DIR: join(dir, 'a', 'pglite') }).jwt.secret;
    expect(again).toBe(readFileSync(join(dir, 'a', 'pglite.jwt-secret'), 'utf8').trim());
    const other = loadConfig({ PGLITE_DATA_DIR: join(dir, 'b', 'pglite/') }).jwt.secret;
    expect(other).not.toBe(again);
    expect(existsSync(join(dir, 'b', 'pglite.jwt-secret'))).toBe(true);
  });

  it('lives in .data/jwt-secret with DATABASE_URL, or where JWT_SECRET_FILE says', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/x' }).jwt.secretFile).toBe('.data/jwt-secret');
    const file = join(dir, 'c', 'secret');
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/x', JWT_SECRET_FILE: file });
    expect(config.jwt.secret).toBe(readFileSync(file, 'utf8').trim());
  });

  it('tightens a secret file others may read', () => {
    const file = join(dir, 'd', 'secret');
    loadConfig({ JWT_SECRET_FILE: file }).jwt.secret;
    chmodSync(file, 0o644);
    loadConfig({ JWT_SECRET_FILE: file }).jwt.secret;
    expect(modeOf(file)).toBe(0o600);
  });

  it('is not used when JWT_SECRET is set', () => {
    const file = join(dir, 'e', 'secret');
    const config = loadConfig({ JWT_SECRET: 's'.repeat(32), JWT_SECRET_FILE: file });
    expect(config.jwt.secret).toBe('s'.repeat(32));
    expect(existsSync(file)).toBe(false);
  });

  it('the constant that was in the repository signs no valid token; the generated secret does (positive control)', async () => {
    const jwt = loadConfig({ JWT_SECRET_FILE: join(dir, 'f', 'secret') }).jwt;
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('00000000-0000-7000-8000-000000000001')
      .setIssuer(jwt.issuer)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(OLD_CONSTANT));
    expect(await verifyToken(jwt, forged)).toBeNull();
    expect(await verifyToken(jwt, await signToken({ ...jwt, secret: TEST_JWT_SECRET }, 'x'))).toBeNull();
    expect(await verifyToken(jwt, await signToken(jwt, '00000000-0000-7000-8000-000000000001'))).toMatchObject({ personId: '00000000-0000-7000-8000-000000000001' });
  });
});

// The script opens the configured database to find the person: the PostgreSQL project's database is
// reachable from another process; the PGlite project's lives in this one.
describe.runIf(process.env.TEST_DATABASE === 'postgres')('npm run token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('signs with the secret of the data directory, which the server of that directory accepts', async () => {
    const file = join(dir, 'token', 'secret');
    const database = t.config.database;
    if (database.kind !== 'postgres') throw new Error('needs the PostgreSQL project');
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'silent', JWT_SECRET_FILE: file, DATABASE_URL: database.url };
    const { stdout } = await promisify(execFile)(join('node_modules', '.bin', 'tsx'), ['scripts/token.ts', '--role', 'ADMIN'], { env, timeout: 60_000 });
    const token = stdout.trim();
    const secret = readFileSync(file, 'utf8').trim();
    expect(modeOf(file)).toBe(0o600);
    const admin = await t.db.prisma.person.findUniqueOrThrow({ where: { email: 'admin@demo.jongerenwerk.example' }, select: { id: true } });
    expect(await verifyToken({ ...t.config.jwt, secret }, token)).toMatchObject({ personId: admin.id });
    // The test app runs with the fixed test secret: a token of another secret is refused there.
    expect(await verifyToken(t.config.jwt, token)).toBeNull();
  }, 90_000);
});
