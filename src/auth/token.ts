import { createSecretKey, type KeyObject } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { Config } from '../config.ts';

const ALGORITHM = 'HS256';
/** The HS256 key of a secret, made once (jose would otherwise import the raw bytes on every verify). */
const keys = new Map<string, KeyObject>();
const key = (secret: string) => {
  let made = keys.get(secret);
  if (!made) keys.set(secret, (made = createSecretKey(Buffer.from(secret, 'utf8'))));
  return made;
};

/** Signs a bearer token whose subject is the person's ID. */
export async function signToken(jwt: Config['jwt'], personId: string): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: ALGORITHM })
    .setSubject(personId)
    .setIssuer(jwt.issuer)
    .setIssuedAt()
    .setExpirationTime(jwt.ttl)
    .sign(key(jwt.secret));
}

export interface VerifiedToken {
  personId: string;
  /** When the token stops being valid (ms since epoch). */
  expiresAt: number;
}

/**
 * Tokens whose signature and claims were checked, per JWT configuration, until they expire: a client
 * sends the same token with every request, and checking an HMAC through WebCrypto was a third of the
 * CPU of a small request. Only valid tokens are kept (a forged one is checked again each time), at
 * most VERIFIED_MAX of them (the oldest go first).
 */
const verified = new WeakMap<Config['jwt'], { secret: string; issuer: string; tokens: Map<string, VerifiedToken> }>();
const VERIFIED_MAX = 10_000;

/** The person and expiry of a valid token, or null for a missing, expired or forged one. */
export async function verifyToken(jwt: Config['jwt'], token: string): Promise<VerifiedToken | null> {
  let known = verified.get(jwt);
  // Checked under this secret and issuer only.
  if (known && (known.secret !== jwt.secret || known.issuer !== jwt.issuer)) known = undefined;
  const hit = known?.tokens.get(token);
  if (hit) {
    if (Date.now() < hit.expiresAt) return hit;
    known!.tokens.delete(token);
    return null;
  }
  try {
    const { payload } = await jwtVerify(token, key(jwt.secret), {
      algorithms: [ALGORITHM],
      issuer: jwt.issuer,
    });
    if (typeof payload.sub !== 'string' || typeof payload.exp !== 'number') return null;
    const result = { personId: payload.sub, expiresAt: payload.exp * 1000 };
    if (!known) verified.set(jwt, (known = { secret: jwt.secret, issuer: jwt.issuer, tokens: new Map() }));
    if (known.tokens.size >= VERIFIED_MAX) known.tokens.delete(known.tokens.keys().next().value!);
    known.tokens.set(token, result);
    return result;
  } catch {
    return null;
  }
}

/** Extracts the token from an `Authorization: Bearer …` value. */
export function bearerToken(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1] ?? null;
}

/**
 * The `Authorization` value a graphql-ws client sent in its `connection_init` payload, in any of the
 * shapes clients use: `{ authorization: "Bearer …" }` (any case of the key), `{ headers: {
 * Authorization: "Bearer …" } }`, or a bare token as `authorization`, `token` or `authToken`.
 */
export function authorizationFromConnectionParams(params: Readonly<Record<string, unknown>> | undefined | null): string | undefined {
  if (!params || typeof params !== 'object') return undefined;
  const pick = (from: unknown, keys: string[]): unknown => {
    if (!from || typeof from !== 'object') return undefined;
    const entries = Object.entries(from as Record<string, unknown>);
    for (const key of keys) {
      const found = entries.find(([k]) => k.toLowerCase() === key.toLowerCase());
      if (found && typeof found[1] === 'string') return found[1];
    }
    return undefined;
  };
  const value = pick(params, ['authorization', 'token', 'authToken', 'accessToken']) ?? pick(params.headers, ['authorization']);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return /^bearer\s/i.test(trimmed) ? trimmed : `Bearer ${trimmed}`;
}

/** Why a graphql-ws connection was refused (the 4403 close reason; at most 123 bytes). */
export const WS_SIGN_IN_HINT = 'Forbidden: send connectionParams { authorization: "Bearer <token>" } with a valid token';

/** The 4403 close reason: why a valid token named no one who may sign in, or the hint (cut to the 123 bytes a close frame allows). */
export function wsRefusal(signInProblem: string | undefined): string {
  if (!signInProblem) return WS_SIGN_IN_HINT;
  let reason = `Forbidden: ${signInProblem}`;
  while (Buffer.byteLength(reason) > 123) reason = `${reason.slice(0, -2)}…`;
  return reason;
}
