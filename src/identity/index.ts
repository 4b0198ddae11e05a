/**
 * Who a bearer token belongs to: the server's own HS256 tokens (src/auth/token.ts) and, when
 * OIDC_ISSUER is set, the access or ID tokens of a city's OpenID Connect provider.
 */
import { decodeProtectedHeader } from 'jose';
import { verifyToken } from '../auth/token.ts';
import type { Config } from '../config.ts';
import { discoverOidc, type OidcVerifier } from './oidc.ts';
import type { PersonKey } from './person.ts';

export { OidcDiscoveryError } from './oidc.ts';
export { type PersonKey, personIdFor, type SignInResult } from './person.ts';

export interface VerifiedBearer {
  personKey: PersonKey;
  /** When the token stops being valid (ms since epoch). */
  expiresAt: number;
}

export interface Identity {
  /** The person key and expiry of a valid token, or null for a missing, expired, foreign or forged one. */
  verifyBearer(token: string): Promise<VerifiedBearer | null>;
}

/** Builds the token verification of `config`; with OIDC_ISSUER it reads the provider's discovery document first (boot fails when it cannot). */
export async function createIdentity(config: Config): Promise<Identity> {
  const oidc: OidcVerifier | null = config.oidc ? await discoverOidc(config.oidc) : null;
  return {
    async verifyBearer(token) {
      let alg: unknown;
      try {
        alg = decodeProtectedHeader(token).alg;
      } catch {
        return null;
      }
      if (alg === 'HS256') {
        if (!config.localTokens) return null;
        const local = await verifyToken(config.jwt, token);
        return local && { personKey: { id: local.personId }, expiresAt: local.expiresAt };
      }
      return oidc ? oidc.verify(token) : null;
    },
  };
}
