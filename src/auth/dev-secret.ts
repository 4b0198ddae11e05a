import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The token secret of a development setup without JWT_SECRET: random, made at first start and kept
 * in `file` (mode 0600, beside the data) so that `npm run token` and restarts use the same one.
 * Another data directory gets another secret; nothing in the repository signs a valid token.
 */
export function devJwtSecret(file: string): string {
  const existing = read(file);
  if (existing) return existing;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  try {
    // `wx`: of two processes starting at once, one writes and the other reads what it wrote.
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = read(file);
  if (!secret) throw new Error(`${file} holds no token secret (at least 32 characters): delete it to make a new one, or set JWT_SECRET`);
  return secret;
}

function read(file: string): string | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (text.length < 32) return null;
  // Someone else may have loosened it: a secret readable by others is not one.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return text;
}
