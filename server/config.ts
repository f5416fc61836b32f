import { z } from 'zod';
import { isCidr } from './system/outbound/address-policy.js';
import type { SmtpSettings } from './system/smtp-mailer.js';

const Port = z.coerce.number().int().min(0).max(65535);

/** Every environment variable the server reads. README's configuration table mirrors this. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: Port.default(3000),
  PUBLIC_ORIGIN: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  DB_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,63}$/, 'letters, digits, _ and - only')
    .default('focalnet'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** The seed of the directory and audit-log signing keys; unset: JWT_SECRET's (as before it existed), so JWT_SECRET can be rotated alone once this is set. */
  SIGNING_KEY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** While renewing the signing keys: the secret in force, whose keys endorse SIGNING_KEY_SECRET's (docs/deployment.md). */
  SIGNING_KEY_PREVIOUS_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  OPAQUE_SERVER_SETUP: z
    .string()
    .regex(/^[A-Za-z0-9_-]{100,400}$/, 'must be a server setup from `npm run cli -- opaque:setup` (base64url)')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_KB: z.coerce.number().int().min(1).max(10_240).default(256),
  EMBEDDED_DB_MAX_RESTARTS: z.coerce.number().int().min(0).max(100).default(5),
  APPROVAL_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
  ATTACHMENT_MAX_MB: z.coerce.number().int().min(1).max(1024).default(50),
  SESSION_MAX_DAYS: z.coerce.number().min(0.01).max(90).default(7),
  /** Per-event socket limits overriding the defaults (realtime/event-limits.ts), events per second per account: `message:send=500,message:fetch=100`. */
  SOCKET_EVENT_LIMITS: z
    .string()
    .regex(
      /^[a-z]+:[a-z]+=\d{1,7}(,[a-z]+:[a-z]+=\d{1,7})*$/,
      'event=perSecond pairs, comma-separated, e.g. message:send=500,message:fetch=100',
    )
    .optional(),
  /** How often each node sends what the outbox holds (e-mails, webhook deliveries). */
  OUTBOX_SWEEP_SECONDS: z.coerce.number().min(0.05).max(3600).default(5),
  /** Networks webhook endpoints may be in although private or local (CIDR list), e.g. `127.0.0.0/8` for tests, a national system on a private line. */
  WEBHOOK_ALLOWED_NETWORKS: z
    .string()
    .refine(
      (value) => value.split(',').every((cidr) => isCidr(cidr.trim())),
      'a comma-separated list of CIDR ranges, e.g. 127.0.0.0/8,fd00::/8',
    )
    .optional(),
  /** Plain http:// endpoints (tests and development only: deliveries would cross the network unencrypted). */
  WEBHOOK_ALLOW_HTTP: z.enum(['true', 'false']).default('false'),
  /** E-mail alerts: off while SMTP_HOST is unset. */
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: Port.optional(),
  SMTP_SECURE: z.enum(['tls', 'starttls', 'none']).default('starttls'),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  SMTP_FROM: z.string().min(3).optional(),
  /** Prometheus metrics on a listener of their own (off while unset); keep it off the public network. */
  METRICS_PORT: Port.optional(),
  METRICS_HOST: z.string().min(1).optional(),
  /** Or, beside or instead of that listener: GET /metrics on the main port with `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  /** `json` (one JSON object per line, for a collector) or `pretty`; default json, pretty only in development on a terminal. */
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  /** How long a stopping node (SIGTERM) may take to let its requests and socket events finish before it exits anyway. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(1).max(300).default(20),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d{1,2}|[0-9a-f.:/, ]+|loopback|linklocal|uniquelocal)$/,
      'true, false, a hop count, or addresses',
    )
    .default('false'),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicOrigin: string | undefined;
  dataDir: string;
  mongodbUri: string | undefined;
  dbName: string;
  jwtSecret: string | undefined;
  /** Seeds the directory and audit-log keys; undefined: JWT_SECRET seeds them. */
  signingKeySecret: string | undefined;
  /** The signing secret in force while renewing the keys to signingKeySecret's (SIGNING_KEY_PREVIOUS_SECRET). */
  signingKeyPreviousSecret: string | undefined;
  /** OPAQUE's long-term server key (RFC 9807 server setup), base64url. */
  opaqueServerSetup: string | undefined;
  redisUrl: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  bodyLimitBytes: number;
  embeddedDbMaxRestarts: number;
  trustProxy: boolean | number | string;
  /** Prometheus exposition: its own listener (port, host; host defaults to HOST) and/or a bearer token for /metrics on the main port. */
  metrics: { port: number | undefined; host: string; token: string | undefined };
  logFormat: 'json' | 'pretty';
  shutdownGraceMs: number;
  /** How long an exchange held for approval waits before it expires. */
  approvalTtlHours: number;
  attachmentMaxMb: number;
  /** How long a session may be renewed after its sign-in; then the person signs in again. */
  sessionMaxAgeMs: number;
  /** Socket events per second per account, by event, where they differ from the defaults. */
  socketEventLimits: Record<string, number>;
  /** How often each node sends what is due in the outbox. */
  outboxSweepMs: number;
  /** Where webhook endpoints may point beyond public https addresses. */
  webhooks: { allowedNetworks: string[]; allowHttp: boolean };
  /** The SMTP server e-mail alerts go through; undefined: no e-mail. */
  smtp: SmtpSettings | undefined;
}

/** A configuration problem, reported to the operator as one line naming the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; throws ConfigError naming every bad variable. Blank values count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration — ${problems.join('; ')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.JWT_SECRET) {
    throw new ConfigError(
      'invalid configuration — JWT_SECRET: required when NODE_ENV=production (at least 32 random characters)',
    );
  }
  if (e.NODE_ENV === 'production' && !e.OPAQUE_SERVER_SETUP) {
    throw new ConfigError(
      'invalid configuration — OPAQUE_SERVER_SETUP: required when NODE_ENV=production (make one with `npm run cli -- opaque:setup`)',
    );
  }
  if (e.SMTP_HOST && !e.SMTP_FROM) {
    throw new ConfigError(
      'invalid configuration — SMTP_FROM: required with SMTP_HOST (the sender, e.g. alerts@focalnet.example)',
    );
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicOrigin: e.PUBLIC_ORIGIN,
    dataDir: e.DATA_DIR,
    mongodbUri: e.MONGODB_URI,
    dbName: e.DB_NAME,
    jwtSecret: e.JWT_SECRET,
    signingKeySecret: e.SIGNING_KEY_SECRET,
    signingKeyPreviousSecret: e.SIGNING_KEY_PREVIOUS_SECRET,
    opaqueServerSetup: e.OPAQUE_SERVER_SETUP,
    redisUrl: e.REDIS_URL,
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_KB * 1024,
    embeddedDbMaxRestarts: e.EMBEDDED_DB_MAX_RESTARTS,
    approvalTtlHours: e.APPROVAL_TTL_HOURS,
    attachmentMaxMb: e.ATTACHMENT_MAX_MB,
    socketEventLimits: Object.fromEntries(
      (e.SOCKET_EVENT_LIMITS?.split(',') ?? [])
        .map((pair) => pair.split('='))
        .map(([event, perSecond]) => [event, Number(perSecond)]),
    ),
    sessionMaxAgeMs: Math.round(e.SESSION_MAX_DAYS * 86_400_000),
    outboxSweepMs: Math.round(e.OUTBOX_SWEEP_SECONDS * 1000),
    webhooks: {
      allowedNetworks: e.WEBHOOK_ALLOWED_NETWORKS?.split(',').map((cidr) => cidr.trim()) ?? [],
      allowHttp: e.WEBHOOK_ALLOW_HTTP === 'true',
    },
    smtp:
      e.SMTP_HOST && e.SMTP_FROM
        ? {
            host: e.SMTP_HOST,
            port: e.SMTP_PORT ?? (e.SMTP_SECURE === 'tls' ? 465 : 587),
            security: e.SMTP_SECURE,
            user: e.SMTP_USER,
            password: e.SMTP_PASSWORD,
            from: e.SMTP_FROM,
          }
        : undefined,
    metrics: { port: e.METRICS_PORT, host: e.METRICS_HOST ?? e.HOST, token: e.METRICS_TOKEN },
    logFormat: e.LOG_FORMAT ?? (e.NODE_ENV === 'development' && process.stdout.isTTY ? 'pretty' : 'json'),
    shutdownGraceMs: Math.round(e.SHUTDOWN_GRACE_SECONDS * 1000),
    trustProxy:
      e.TRUST_PROXY === 'true'
        ? true
        : e.TRUST_PROXY === 'false'
          ? false
          : /^\d+$/.test(e.TRUST_PROXY)
            ? Number(e.TRUST_PROXY)
            : e.TRUST_PROXY,
  };
}
