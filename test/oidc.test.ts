/**
 * Sign-in through a city's OpenID Connect provider: a real provider (oidc-provider) on a localhost
 * port, the API reading its discovery document and JWKS over HTTP, tokens from its token endpoint.
 */
import { SignJWT, importJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS } from '../prisma/seed.ts';
import { loadConfig } from '../src/config.ts';
import { createIdentity } from '../src/identity/index.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { httpGraphql, wsConnect } from './support/clients.ts';
import { newSigningKeys, startProvider, type TestProvider } from './support/oidc-provider.ts';

const AUDIENCE = 'https://api.jongerenwerk.test';
const ME = '{ me { id email } }';

let provider: TestProvider;
let t: TestApp;
let url: string;

async function me(token: string) {
  return httpGraphql<{ me: { id: string; email: string } }, never>(url, ME, undefined, token);
}

function expectUnauthenticated(result: Awaited<ReturnType<typeof me>>, message?: RegExp) {
  expect(result.status).toBe(401);
  expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  if (message) expect(result.errors?.[0]?.message).toMatch(message);
  expect(result.data ?? null).toBeNull();
}

beforeAll(async () => {
  provider = await startProvider({ keys: await newSigningKeys('first'), defaultAudience: AUDIENCE });
  t = await createTestApp({ env: { OIDC_ISSUER: provider.issuer, OIDC_AUDIENCE: AUDIENCE, OIDC_JWKS_COOLDOWN_SECONDS: '0' } });
  ({ url } = await t.app.start(0, '127.0.0.1'));
});
afterAll(async () => {
  await t?.close();
  await provider?.close();
});

describe('OIDC sign-in over HTTP', () => {
  it.each(['RS256', 'ES256'] as const)('accepts a %s access token from the provider and signs in the person with that e-mail', async (alg) => {
    const token = await provider.issue({ email: DEMO_EMAILS.YOUTH_WORKER, alg });
    const result = await me(token);
    expect(result.errors).toBeUndefined();
    expect(result.data?.me.email).toBe(DEMO_EMAILS.YOUTH_WORKER);
  });

  it('matches the e-mail case-insensitively', async () => {
    const result = await me(await provider.issue({ email: DEMO_EMAILS.MENTOR.toUpperCase() }));
    expect(result.data?.me.email).toBe(DEMO_EMAILS.MENTOR);
  });

  it('still accepts the server\'s own HS256 tokens (JWT_SECRET is set)', async () => {
    const result = await me(await t.tokenFor('ADMIN'));
    expect(result.data?.me.email).toBe(DEMO_EMAILS.ADMIN);
  });

  it('refuses an expired token', async () => {
    const token = await provider.issue({ email: DEMO_EMAILS.YOUTH_WORKER, ttl: 1 });
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expectUnauthenticated(await me(token), /valid bearer token/);
  });

  it('refuses a token for another audience', async () => {
    const token = await provider.issue({ email: DEMO_EMAILS.YOUTH_WORKER, audience: 'https://another-api.test' });
    expectUnauthenticated(await me(token), /valid bearer token/);
  });

  it('refuses a token from another issuer, even one signed with the same keys', async () => {
    const other = await startProvider({ keys: provider.keys, defaultAudience: AUDIENCE });
    try {
      expectUnauthenticated(await me(await other.issue({ email: DEMO_EMAILS.YOUTH_WORKER })), /valid bearer token/);
    } finally {
      await other.close();
    }
  });

  it('refuses a token signed with a key the provider does not publish, under its kid or another', async () => {
    for (const kid of [provider.keys[0]!.kid, 'not-published']) {
      const [stranger] = await newSigningKeys('stranger');
      const token = await new SignJWT({ email: DEMO_EMAILS.YOUTH_WORKER })
        .setProtectedHeader({ alg: 'RS256', kid })
        .setIssuer(provider.issuer)
        .setAudience(AUDIENCE)
        .setSubject('city-portal')
        .setExpirationTime('5m')
        .sign(await importJWK(stranger!, 'RS256'));
      expectUnauthenticated(await me(token), /valid bearer token/);
    }
  });

  it('refuses a token whose e-mail belongs to no person, saying so', async () => {
    expectUnauthenticated(
      await me(await provider.issue({ email: 'Nobody@Rotterdam.example' })),
      /^Signed in as nobody@rotterdam\.example, but no active person has that e-mail address/,
    );
  });

  it('takes the e-mail literally: % and _ match no one else', async () => {
    const [user, domain] = DEMO_EMAILS.YOUTH_WORKER.split('@') as [string, string];
    for (const email of ['%', `${user.slice(0, -1)}_@${domain}`, `${user}@%`]) {
      expectUnauthenticated(await me(await provider.issue({ email })), /no active person has that e-mail address/);
    }
  });

  it('refuses a deactivated person, saying so, and signs them in again once reactivated', async () => {
    const email = DEMO_EMAILS.STUDENT_COUNSELLOR;
    await t.db.prisma.person.update({ where: { email }, data: { deactivatedAt: new Date() } });
    try {
      expectUnauthenticated(await me(await provider.issue({ email })), new RegExp(`^Signed in as ${email.replace(/\./g, '\\.')}, but that person is deactivated`));
      // The server's own token of that person is refused too.
      expectUnauthenticated(await me(await t.tokenFor({ email })), /deactivated/);
    } finally {
      await t.db.prisma.person.update({ where: { email }, data: { deactivatedAt: null } });
    }
    expect((await me(await provider.issue({ email }))).data?.me.email).toBe(email);
  });

  it('accepts tokens signed with a rotated key without a restart of the API (the key set refetches on an unknown kid)', async () => {
    const before = await provider.issue({ email: DEMO_EMAILS.YOUTH_WORKER, alg: 'ES256' });
    expect((await me(before)).data?.me.email).toBe(DEMO_EMAILS.YOUTH_WORKER);
    const { port } = provider;
    await provider.close();
    provider = await startProvider({ port, keys: await newSigningKeys('second'), defaultAudience: AUDIENCE });
    for (const alg of ['ES256', 'RS256'] as const) {
      const token = await provider.issue({ email: DEMO_EMAILS.YOUTH_WORKER, alg });
      expect((await me(token)).data?.me.email).toBe(DEMO_EMAILS.YOUTH_WORKER);
    }
    // The retired key is gone from the provider's JWKS: a token it signed no longer verifies.
    expectUnauthenticated(await me(before), /valid bearer token/);
  });
});

describe('OIDC sign-in over graphql-ws', () => {
  it('accepts the provider\'s token in connectionParams and subscribes as that person', async () => {
    for (const alg of ['RS256', 'ES256'] as const) {
      const ws = wsConnect(url, await provider.issue({ email: DEMO_EMAILS.YOUTH_WORKER.toUpperCase(), alg }));
      try {
        const feed = ws.subscribe<{ me: { email: string } }, never>(ME);
        expect((await feed.nextData()).me.email).toBe(DEMO_EMAILS.YOUTH_WORKER);
      } finally {
        await ws.close();
      }
    }
  });

  it.each([
    ['an unknown person', () => provider.issue({ email: 'nobody@rotterdam.example' }), /^Forbidden: Signed in as nobody@rotterdam\.example, but no active person/],
    ['a token for another audience', () => provider.issue({ email: DEMO_EMAILS.YOUTH_WORKER, audience: 'https://another-api.test' }), /^Forbidden: send connectionParams/],
  ])('refuses %s with 4403 and a reason', async (_name, token, reason) => {
    const ws = wsConnect(url, await token());
    try {
      const feed = ws.subscribe(ME);
      expect((await feed.take()).type).toBe('error');
      expect(ws.closeCodes).toEqual([4403]);
      expect(ws.closeReasons[0]).toMatch(reason);
    } finally {
      await ws.close();
    }
  });
});

describe('OIDC_PERSON_CLAIM=sub', () => {
  let bySub: TestApp;
  let subUrl: string;
  beforeAll(async () => {
    bySub = await createTestApp({ env: { OIDC_ISSUER: provider.issuer, OIDC_AUDIENCE: AUDIENCE, OIDC_PERSON_CLAIM: 'sub', OIDC_JWKS_COOLDOWN_SECONDS: '0' } });
    ({ url: subUrl } = await bySub.app.start(0, '127.0.0.1'));
  });
  afterAll(async () => {
    await bySub?.close();
  });

  it('signs in the person whose oidcSubject is the token\'s sub, and says so when none has it', async () => {
    const token = await provider.issue({ email: DEMO_EMAILS.ADMIN });
    const before = await httpGraphql<{ me: { email: string } }, never>(subUrl, ME, undefined, token);
    expect(before.errors?.[0]?.message).toMatch(/^Signed in with OIDC subject "city-portal", but no active person has that subject \(Person\.oidcSubject\)/);
    await bySub.db.prisma.person.update({ where: { email: DEMO_EMAILS.ANALYST }, data: { oidcSubject: 'city-portal' } });
    const after = await httpGraphql<{ me: { email: string } }, never>(subUrl, ME, undefined, token);
    expect(after.data?.me.email).toBe(DEMO_EMAILS.ANALYST);
  });

  it('an admin sets a person\'s subject through createPerson/updatePerson (unique, validated, admins only); that person then signs in', async () => {
    const admin = await bySub.tokenFor('ADMIN');
    const gql = (query: string, variables: Record<string, unknown>, token = admin) => httpGraphql<any, any>(subUrl, query, variables, token);
    const CREATE = 'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { person { id email oidcSubject version } } }';
    const UPDATE = 'mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id oidcSubject version } } }';
    const analyst = await bySub.db.prisma.person.findUniqueOrThrow({ where: { email: DEMO_EMAILS.ANALYST }, select: { id: true, version: true } });
    const analystId = Buffer.from(`Person:${analyst.id}`).toString('base64');
    const input = { name: 'Noor Portaal', email: 'noor@rotterdam.example', oidcSubject: 'city-portal' };

    // The analyst has it (previous test): a CONFLICT naming the field; bad values name field and rule.
    const taken = await gql(CREATE, { input });
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.oidcSubject', rule: 'unique' });
    for (const bad of ['', 'city portal', 'x'.repeat(256), 'städtisch']) {
      const result = await gql(CREATE, { input: { ...input, oidcSubject: bad } });
      expect(result.errors?.[0]?.extensions, JSON.stringify(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.oidcSubject' });
    }
    // Nobody but an admin sets it.
    for (const role of ['POLICY_ADVISOR', 'YOUTH_WORKER', 'ANALYST'] as const) {
      const result = await gql(UPDATE, { input: { id: analystId, expectedVersion: analyst.version, oidcSubject: null } }, await bySub.tokenFor(role));
      expect(result.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
    }
    expect(await bySub.db.prisma.person.count({ where: { oidcSubject: 'city-portal' } })).toBe(1);

    const cleared = await gql(UPDATE, { input: { id: analystId, expectedVersion: analyst.version, oidcSubject: null } });
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data.updatePerson.person).toMatchObject({ oidcSubject: null, version: analyst.version + 1 });
    const created = await gql(CREATE, { input });
    expect(created.errors).toBeUndefined();
    expect(created.data.createPerson.person).toMatchObject({ email: 'noor@rotterdam.example', oidcSubject: 'city-portal' });

    const signedIn = await httpGraphql<{ me: { id: string; email: string } }, never>(subUrl, ME, undefined, await provider.issue({ email: DEMO_EMAILS.ADMIN }));
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data?.me).toEqual({ id: created.data.createPerson.person.id, email: 'noor@rotterdam.example' });
    const audit = await bySub.db.prisma.auditEvent.findMany({ where: { entity: 'Person', entityId: analyst.id, operation: 'UPDATE' } });
    expect(audit.map((e) => e.fields)).toContainEqual(['oidcSubject']);
  });
});

describe('OIDC settings', () => {
  it('requires OIDC_AUDIENCE with OIDC_ISSUER, and a URL', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.rotterdam.example' })).toThrow(/OIDC_AUDIENCE is required when OIDC_ISSUER is set/);
    expect(() => loadConfig({ OIDC_ISSUER: 'login.rotterdam.example', OIDC_AUDIENCE: AUDIENCE })).toThrow(/OIDC_ISSUER must be/);
  });

  it('in production with OIDC and no JWT_SECRET, accepts no local tokens (and cannot sign one)', () => {
    const config = loadConfig({ NODE_ENV: 'production', OIDC_ISSUER: 'https://login.rotterdam.example', OIDC_AUDIENCE: AUDIENCE });
    expect(config.localTokens).toBe(false);
    expect(() => config.jwt.secret).toThrow(/Local tokens are off/);
    expect(loadConfig({ NODE_ENV: 'production', OIDC_ISSUER: 'https://login.rotterdam.example', OIDC_AUDIENCE: AUDIENCE, JWT_SECRET: 's'.repeat(32) }).localTokens).toBe(true);
  });

  it('fails at boot with a one-line message when the discovery document names another issuer', async () => {
    // What buildApp awaits before it serves anything.
    await expect(createIdentity(loadConfig({ NODE_ENV: 'test', OIDC_ISSUER: `${provider.issuer}/`, OIDC_AUDIENCE: AUDIENCE }))).rejects.toThrow(
      /OIDC_ISSUER is http:\/\/127\.0\.0\.1:\d+\/ but its discovery document names issuer http:\/\/127\.0\.0\.1:\d+: set OIDC_ISSUER to exactly that/,
    );
  });
});
