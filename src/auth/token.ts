import { jwtVerify, SignJWT } from 'jose';
import type { Config } from '../config.ts';

const ALGORITHM = 'HS256';
const key = (secret: string) => new TextEncoder().encode(secret);

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

/** The person and expiry of a valid token, or null for a missing, expired or forged one. */
export async function verifyToken(jwt: Config['jwt'], token: string): Promise<VerifiedToken | null> {
  try {
    const { payload } = await jwtVerify(token, key(jwt.secret), {
      algorithms: [ALGORITHM],
      issuer: jwt.issuer,
    });
    if (typeof payload.sub !== 'string' || typeof payload.exp !== 'number') return null;
    return { personId: payload.sub, expiresAt: payload.exp * 1000 };
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
