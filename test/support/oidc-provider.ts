/**
 * A real OpenID Connect provider (panva's certified `oidc-provider`) on a localhost port, issuing
 * access tokens the way a city's provider does for an API: JWT access tokens (RFC 9068) for a
 * resource server (resource indicators), signed with the provider's own keys and verifiable only
 * through its discovery document and JWKS.
 *
 * The provider has no user accounts here (the client-credentials grant): `issue` says which e-mail
 * the token carries, as the provider would put the signed-in employee's e-mail in it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider from 'oidc-provider';

export type SigningKey = JWK & { kid: string; alg: 'RS256' | 'ES256' };

/** A fresh RSA (RS256) and EC P-256 (ES256) key pair with new key IDs: what a provider rotates to. */
export async function newSigningKeys(label: string): Promise<SigningKey[]> {
  return Promise.all(
    (['RS256', 'ES256'] as const).map(async (alg) => {
      const { privateKey } = await generateKeyPair(alg, { extractable: true });
      return { ...(await exportJWK(privateKey)), kid: `${label}-${alg.toLowerCase()}`, alg, use: 'sig' };
    }),
  );
}

export interface TokenRequest {
  /** The `email` claim. */
  email?: string;
  alg?: 'RS256' | 'ES256';
  /** The resource (audience) asked for; the provider's default resource otherwise. */
  audience?: string;
  /** Seconds until it expires. */
  ttl?: number;
}

export interface TestProvider {
  issuer: string;
  port: number;
  keys: SigningKey[];
  /** An access token from the token endpoint (client-credentials grant), over HTTP. */
  issue(request?: TokenRequest): Promise<string>;
  close(): Promise<void>;
}

const CLIENT = { client_id: 'city-portal', client_secret: 'city-portal-secret-for-the-test-only' };

/** Starts a provider on `port` (0 = any free one) with `keys`; its issuer is `http://127.0.0.1:<port>`. */
export async function startProvider(options: { keys: SigningKey[]; port?: number; defaultAudience: string }): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;
  let next: Required<Omit<TokenRequest, 'email' | 'audience'>> & { email?: string } = { alg: 'RS256', ttl: 300 };

  const provider = new Provider(issuer, {
    clients: [{ ...CLIENT, grant_types: ['client_credentials'], redirect_uris: [], response_types: [], scope: 'api' }],
    jwks: { keys: options.keys },
    scopes: ['openid', 'api'],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => options.defaultAudience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => ({
          scope: 'api',
          audience: resource,
          accessTokenFormat: 'jwt',
          accessTokenTTL: next.ttl,
          jwt: { sign: { alg: next.alg } },
        }),
      },
    },
    ttl: { ClientCredentials: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? 300 },
    extraTokenClaims: () => (next.email ? { email: next.email } : {}),
  });
  server.on('request', provider.callback());

  return {
    issuer,
    port,
    keys: options.keys,
    async issue(request = {}) {
      next = { alg: request.alg ?? 'RS256', ttl: request.ttl ?? 300, email: request.email };
      const body = new URLSearchParams({ grant_type: 'client_credentials', scope: 'api', ...(request.audience ? { resource: request.audience } : {}) });
      const response = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${btoa(`${CLIENT.client_id}:${CLIENT.client_secret}`)}` },
        body,
      });
      const json = (await response.json()) as { access_token?: string };
      if (!response.ok || !json.access_token) throw new Error(`token endpoint: HTTP ${response.status} ${JSON.stringify(json)}`);
      return json.access_token;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
