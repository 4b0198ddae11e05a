import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';
import type { Config } from '../config.ts';
import type { PersonKey } from './person.ts';

/** The algorithms a city's provider may sign with (Entra ID and Keycloak use RS256; ES256 is the compact one). */
export const OIDC_ALGORITHMS = ['RS256', 'ES256'];

export class OidcDiscoveryError extends Error {
  override name = 'OidcDiscoveryError';
}

export interface OidcVerifier {
  /** The provider's issuer, as its discovery document states it. */
  issuer: string;
  /** The person and expiry of a valid token from the provider, or null (expired, other issuer or audience, bad signature, unknown key). */
  verify(token: string): Promise<{ personKey: PersonKey; expiresAt: number } | null>;
}

/**
 * Reads the provider's discovery document (`<issuer>/.well-known/openid-configuration`) once, at
 * boot, and verifies tokens against its `jwks_uri` through jose's remote key set: the keys are
 * fetched when first needed and again when a token names a `kid` the set does not hold (a rotated
 * key), at most once per `jwksCooldownMs`.
 */
export async function discoverOidc(oidc: NonNullable<Config['oidc']>): Promise<OidcVerifier> {
  const url = `${oidc.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let document: { issuer?: unknown; jwks_uri?: unknown };
  try {
    const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    document = (await response.json()) as typeof document;
  } catch (error) {
    throw new OidcDiscoveryError(`OIDC_ISSUER: the discovery document ${url} could not be read (${(error as Error).message})`);
  }
  // OpenID Connect Discovery §4.3: the document's issuer must be the one asked for.
  if (document.issuer !== oidc.issuer) {
    throw new OidcDiscoveryError(`OIDC_ISSUER is ${oidc.issuer} but its discovery document names issuer ${String(document.issuer)}: set OIDC_ISSUER to exactly that`);
  }
  if (typeof document.jwks_uri !== 'string') throw new OidcDiscoveryError(`OIDC_ISSUER: the discovery document ${url} has no jwks_uri`);
  const keys = createRemoteJWKSet(new URL(document.jwks_uri), { cooldownDuration: oidc.jwksCooldownMs, timeoutDuration: 5_000 });
  const issuer = document.issuer;

  return {
    issuer,
    async verify(token) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, { issuer, audience: oidc.audience, algorithms: OIDC_ALGORITHMS, requiredClaims: ['exp'] }));
      } catch (error) {
        if (error instanceof errors.JOSEError) return null;
        throw error;
      }
      const value = payload[oidc.personClaim];
      if (typeof value !== 'string' || !value) return null;
      const personKey: PersonKey = oidc.personClaim === 'sub' ? { claim: 'sub', value } : { email: value.toLowerCase() };
      return { personKey, expiresAt: payload.exp! * 1000 };
    },
  };
}
