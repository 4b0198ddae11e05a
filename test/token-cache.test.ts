/** The server's own tokens are checked once and then known until they expire (src/auth/token.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signToken, verifyToken } from '../src/auth/token.ts';

const jwt = (secret: string, ttl = '1h') => ({ secret, issuer: 'jongerenwerk-school-api', ttl });
const SECRET = 'token-cache-secret-token-cache-secret-0123';

afterEach(() => vi.useRealTimers());

describe('verified tokens', () => {
  it('a valid token names its person on every request', async () => {
    const config = jwt(SECRET);
    const token = await signToken(config, 'person-1');
    expect((await verifyToken(config, token))?.personId).toBe('person-1');
    expect((await verifyToken(config, token))?.personId).toBe('person-1');
  });

  it('a token checked before is refused once it has expired', async () => {
    const config = jwt(SECRET, '2s');
    const token = await signToken(config, 'person-2');
    expect(await verifyToken(config, token)).not.toBeNull();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3_000);
    expect(await verifyToken(config, token)).toBeNull();
  });

  it('a token checked under one secret is refused under another', async () => {
    const token = await signToken(jwt(SECRET), 'person-3');
    const config = jwt(SECRET);
    expect(await verifyToken(config, token)).not.toBeNull();
    expect(await verifyToken(jwt('another-secret-another-secret-another-0123'), token)).toBeNull();
  });

  it('a token with a changed payload is refused, also after the genuine one was checked', async () => {
    const config = jwt(SECRET);
    const token = await signToken(config, 'person-4');
    expect(await verifyToken(config, token)).not.toBeNull();
    const [header, , signature] = token.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ sub: 'admin', iss: config.issuer, exp: 9_999_999_999 })).toString('base64url')}.${signature}`;
    expect(await verifyToken(config, forged)).toBeNull();
    expect(await verifyToken(config, forged)).toBeNull();
  });
});
