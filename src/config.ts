import { z } from 'zod';
import { devJwtSecret } from './auth/dev-secret.ts';

/** The plugins enabled when PLUGINS is not set: the two example city pilots. */
export const DEFAULT_PLUGINS = ['amsterdam', 'arnhem'] as const;

/** Every environment variable the server reads, validated in one place. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.string().regex(/^\d+$/, 'must be a port number').default('4000').transform(Number).pipe(z.number().max(65535, 'must be at most 65535')),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  PGLITE_DATA_DIR: z.string().default('.data/pglite'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional(),
  REDIS_CHANNEL_PREFIX: z.string().regex(/^[A-Za-z0-9:_.-]{1,64}$/, 'must be 1–64 letters, digits or : _ . -').default('jongerenwerk:'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Where a development setup without JWT_SECRET keeps its random secret (default: beside the data). */
  JWT_SECRET_FILE: z.string().min(1).optional(),
  JWT_ISSUER: z.string().default('jongerenwerk-school-api'),
  JWT_TTL: z.string().regex(/^\d+[smhd]$/, 'must look like 15m, 8h or 30d').default('8h'),
  // Sign-in through a city's OpenID Connect provider (README, "Sign-in through your identity provider").
  OIDC_ISSUER: z.string().url('must be a URL').regex(/^https?:\/\//, 'must be an http:// or https:// URL').optional(),
  OIDC_AUDIENCE: z.string().min(1, 'must not be empty').optional(),
  OIDC_PERSON_CLAIM: z.string().regex(/^[A-Za-z0-9_.:\/-]{1,100}$/, 'must be a claim name such as email or sub').default('email'),
  OIDC_JWKS_COOLDOWN_SECONDS: z.coerce.number().int().min(0).default(30),
  SEED_DEMO_DATA: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GRAPHIQL: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  RETENTION_INTERVAL_MINUTES: z.coerce.number().int().min(0).default(360),
  PLUGINS: z
    .string()
    .regex(/^\s*([a-zA-Z0-9_-]+\s*(,\s*[a-zA-Z0-9_-]+\s*)*)?$/, 'must be plugin folder names separated by commas')
    .optional(),
  // Limits on hostile or careless input (README, "Limits").
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  MAX_TOKENS: z.coerce.number().int().min(100).default(2_000),
  MAX_DEPTH: z.coerce.number().int().min(2).default(15),
  MAX_ALIASES: z.coerce.number().int().min(0).default(30),
  MAX_DIRECTIVES: z.coerce.number().int().min(0).default(50),
  MAX_FRAGMENTS: z.coerce.number().int().min(0).default(50),
  MAX_SELECTIONS: z.coerce.number().int().min(10).default(2_000),
  MAX_SUBSCRIPTIONS_PER_SOCKET: z.coerce.number().int().min(1).default(100),
  MAX_SUBSCRIPTIONS_PER_VIEWER: z.coerce.number().int().min(1).default(500),
  // Live updates (README, "Live updates").
  LIVE_EVENT_RETENTION_MINUTES: z.coerce.number().int().min(1).default(60),
  LIVE_POLL_MS: z.coerce.number().int().min(50).optional(),
  LIVE_MAX_BEHIND: z.coerce.number().int().min(10).default(1_000),
  WS_KEEPALIVE_SECONDS: z.coerce.number().int().min(1).default(12),
  VIEWER_CACHE_SECONDS: z.coerce.number().int().min(0).default(30),
  CORS_ORIGINS: z
    .string()
    .regex(/^\s*(https?:\/\/[^\s,/]+\s*(,\s*https?:\/\/[^\s,/]+\s*)*)?$/, 'must be origins like https://app.example.nl separated by commas')
    .optional(),
  INTROSPECTION: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  METRICS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().regex(/^https?:\/\//, 'must be an http:// or https:// URL').optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().regex(/^https?:\/\//, 'must be an http:// or https:// URL').optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default('jongerenwerk-school-api'),
  RATE_LIMIT_VIEWER_PER_MINUTE: z.coerce.number().int().min(0).optional(),
  RATE_LIMIT_ADDRESS_PER_MINUTE: z.coerce.number().int().min(0).optional(),
  TRUSTED_DOCUMENTS: z.string().min(1).optional(),
  TRUSTED_DOCUMENTS_ONLY: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export type Config = {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  /** PostgreSQL when set; otherwise the embedded PGlite database in `pgliteDataDir`. */
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  redisUrl?: string;
  /** Prefix of this deployment's Redis channels (REDIS_CHANNEL_PREFIX), so deployments sharing a Redis stay apart. */
  redisChannelPrefix: string;
  /** `secretFile`: where the random development secret lives when JWT_SECRET is not set. */
  jwt: { readonly secret: string; secretFile?: string; issuer: string; ttl: string };
  /**
   * Whether the server accepts its own HS256 tokens (`jwt`): always without OIDC; with OIDC only when
   * JWT_SECRET is set, or in development/test on a loopback address (the secret file).
   */
  localTokens: boolean;
  /** Bearer tokens from a city's OpenID Connect provider, when OIDC_ISSUER is set. */
  oidc?: {
    issuer: string;
    audience: string;
    /** The claim that names a Person: `email` (matched case-insensitively), `sub` (Person.oidcSubject), or another claim holding an e-mail address. */
    personClaim: string;
    /** Least time between two fetches of the provider's keys (an unknown `kid` makes one). */
    jwksCooldownMs: number;
  };
  seedDemoData: boolean;
  logLevel: string;
  graphiql: boolean;
  /** Minutes between the server's retention runs (src/retention.ts); 0 = the server does not run it. */
  retentionIntervalMinutes: number;
  /** City plugins to enable: folders under plugins/ (PLUGINS, comma-separated; empty = none). */
  plugins: string[];
  /** Limits on requests and operations, checked before the work they would cause. */
  limits: {
    /** Largest request body (HTTP) or WebSocket message, in bytes. */
    maxBodyBytes: number;
    maxTokens: number;
    maxDepth: number;
    maxAliases: number;
    maxDirectives: number;
    maxFragments: number;
    maxSelections: number;
    /** Subscriptions one graphql-ws connection may hold at once. */
    maxSubscriptionsPerSocket: number;
    /** Subscriptions one person may hold at once on this instance, over all their connections. */
    maxSubscriptionsPerViewer: number;
  };
  /** Live updates: how long events are kept for resuming, and how often the outbox is read without a doorbell. */
  live: { retentionMinutes: number; pollMs: number; maxBehind: number; keepAliveMs: number };
  /** How long a person's roles are reused between requests (0 = read them on every request). */
  viewerCacheMs: number;
  /** Origins allowed to call the API from a browser; `undefined` = any in development, none but the same origin in production. */
  corsOrigins?: string[];
  /** Whether schema introspection is answered (off in production: `schema.graphql` is the contract). */
  introspection: boolean;
  /** Whether `/metrics` serves Prometheus metrics. */
  metrics: boolean;
  /** OpenTelemetry traces over OTLP/HTTP when an endpoint is set (the standard OTEL_* variables). */
  tracing?: { url: string; serviceName: string };
  /** Top-level fields per minute for one person (token) and for one address without a token; 0 = no limit. */
  rateLimits: { viewerPerMinute: number; addressPerMinute: number };
  /** codegen's persisted-documents.json; `only`: nothing else runs. */
  trustedDocuments?: { file: string; only: boolean };
};

/** Where a setup without JWT_SECRET keeps its random secret: beside the embedded database, or in .data/. */
const devSecretFile = (c: { JWT_SECRET_FILE?: string; DATABASE_URL?: string; PGLITE_DATA_DIR: string }) =>
  c.JWT_SECRET_FILE ?? (c.DATABASE_URL ? '.data/jwt-secret' : `${c.PGLITE_DATA_DIR.replace(/[\\/]+$/, '')}.jwt-secret`);

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * The token settings. Without JWT_SECRET the secret is read (or made, the first time) from
 * `secretFile` when first used: at boot for the server, for `npm run token` when it signs.
 */
function jwtConfig(secret: string | undefined, secretFile: string, issuer: string, ttl: string): Config['jwt'] {
  if (secret) return { secret, issuer, ttl };
  let loaded: string | undefined;
  return {
    get secret() {
      return (loaded ??= devJwtSecret(secretFile));
    },
    secretFile,
    issuer,
    ttl,
  };
}

/** The token settings of a server that signs people in only through OIDC: there is no secret to sign with. */
function noLocalTokens(issuer: string, ttl: string): Config['jwt'] {
  return {
    get secret(): string {
      throw new ConfigError('Local tokens are off: OIDC_ISSUER is set and JWT_SECRET is not (sign in through the identity provider, or set JWT_SECRET)');
    },
    issuer,
    ttl,
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the configuration; throws a one-line ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid configuration: ${issue.path.join('.')} ${issue.message}`);
  }
  const c = parsed.data;
  if (c.OIDC_ISSUER && !c.OIDC_AUDIENCE) {
    throw new ConfigError('Invalid configuration: OIDC_AUDIENCE is required when OIDC_ISSUER is set');
  }
  if (c.OIDC_AUDIENCE && !c.OIDC_ISSUER) {
    throw new ConfigError('Invalid configuration: OIDC_AUDIENCE is set but OIDC_ISSUER is not');
  }
  // Without JWT_SECRET the secret is a file on this machine: fine for one developer, never for a
  // server others reach. With OIDC such a server simply accepts no local tokens.
  const devSecretAllowed = c.NODE_ENV !== 'production' && LOOPBACK.has(c.HOST);
  if (!c.OIDC_ISSUER && c.NODE_ENV === 'production' && !c.JWT_SECRET) {
    throw new ConfigError('Invalid configuration: JWT_SECRET is required when NODE_ENV=production (or OIDC_ISSUER, to sign in only through an identity provider)');
  }
  if (!c.OIDC_ISSUER && !c.JWT_SECRET && !LOOPBACK.has(c.HOST)) {
    throw new ConfigError(`Invalid configuration: JWT_SECRET is required when HOST (${c.HOST}) is not a loopback address (or OIDC_ISSUER, to sign in only through an identity provider)`);
  }
  const localTokens = Boolean(c.JWT_SECRET) || devSecretAllowed;
  const tracesUrl = otlpTracesUrl(c.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, c.OTEL_EXPORTER_OTLP_ENDPOINT);
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    database: c.DATABASE_URL
      ? { kind: 'postgres', url: c.DATABASE_URL }
      : { kind: 'pglite', dataDir: c.PGLITE_DATA_DIR },
    redisUrl: c.REDIS_URL,
    redisChannelPrefix: c.REDIS_CHANNEL_PREFIX,
    jwt: localTokens ? jwtConfig(c.JWT_SECRET, devSecretFile(c), c.JWT_ISSUER, c.JWT_TTL) : noLocalTokens(c.JWT_ISSUER, c.JWT_TTL),
    localTokens,
    oidc: c.OIDC_ISSUER
      ? { issuer: c.OIDC_ISSUER, audience: c.OIDC_AUDIENCE!, personClaim: c.OIDC_PERSON_CLAIM, jwksCooldownMs: c.OIDC_JWKS_COOLDOWN_SECONDS * 1000 }
      : undefined,
    // Demo data never lands in an empty production database unless asked for.
    seedDemoData: c.SEED_DEMO_DATA ?? c.NODE_ENV !== 'production',
    logLevel: c.LOG_LEVEL,
    graphiql: c.GRAPHIQL ?? c.NODE_ENV !== 'production',
    retentionIntervalMinutes: c.RETENTION_INTERVAL_MINUTES,
    plugins: c.PLUGINS === undefined ? [...DEFAULT_PLUGINS] : c.PLUGINS.split(',').map((s) => s.trim()).filter(Boolean),
    limits: {
      maxBodyBytes: c.MAX_BODY_BYTES,
      maxTokens: c.MAX_TOKENS,
      maxDepth: c.MAX_DEPTH,
      maxAliases: c.MAX_ALIASES,
      maxDirectives: c.MAX_DIRECTIVES,
      maxFragments: c.MAX_FRAGMENTS,
      maxSelections: c.MAX_SELECTIONS,
      maxSubscriptionsPerSocket: c.MAX_SUBSCRIPTIONS_PER_SOCKET,
      maxSubscriptionsPerViewer: c.MAX_SUBSCRIPTIONS_PER_VIEWER,
    },
    // Tests count each request's SQL: the outbox is read when rung, and polled only now and then.
    live: { retentionMinutes: c.LIVE_EVENT_RETENTION_MINUTES, pollMs: c.LIVE_POLL_MS ?? (c.NODE_ENV === 'test' ? 60_000 : 1_000), maxBehind: c.LIVE_MAX_BEHIND, keepAliveMs: c.WS_KEEPALIVE_SECONDS * 1000 },
    viewerCacheMs: c.VIEWER_CACHE_SECONDS * 1000,
    corsOrigins:
      c.CORS_ORIGINS === undefined ? (c.NODE_ENV === 'production' ? [] : undefined) : c.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    introspection: c.INTROSPECTION ?? c.NODE_ENV !== 'production',
    metrics: c.METRICS,
    tracing: tracesUrl ? { url: tracesUrl, serviceName: c.OTEL_SERVICE_NAME } : undefined,
    // Test suites run thousands of operations a minute with one token: no limits unless asked for.
    rateLimits: {
      viewerPerMinute: c.RATE_LIMIT_VIEWER_PER_MINUTE ?? (c.NODE_ENV === 'test' ? 0 : 600),
      addressPerMinute: c.RATE_LIMIT_ADDRESS_PER_MINUTE ?? (c.NODE_ENV === 'test' ? 0 : 120),
    },
    trustedDocuments: c.TRUSTED_DOCUMENTS ? { file: c.TRUSTED_DOCUMENTS, only: c.TRUSTED_DOCUMENTS_ONLY } : undefined,
  };
}

/** The traces URL: the signal's own endpoint as given, or `/v1/traces` under the general one (as the OTLP spec says). */
function otlpTracesUrl(traces: string | undefined, general: string | undefined): string | undefined {
  if (traces) return traces;
  return general ? `${general.replace(/\/$/, '')}/v1/traces` : undefined;
}
