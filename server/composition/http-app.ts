import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import type { Logger } from 'pino';
import type { Modules } from './modules.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { createAuthenticator } from '../http/authenticate.js';
import { createApp } from '../http/create-app.js';
import { createRateLimits } from '../http/rate-limits.js';
import { approvalRoutes } from '../http/routes/approvals.routes.js';
import { dualControlRoutes } from '../http/routes/dual-control.routes.js';
import { attachmentRoutes } from '../http/routes/attachments.routes.js';
import { authRoutes } from '../http/routes/auth.routes.js';
import { consensusRoutes } from '../http/routes/consensus.routes.js';
import { documentRoutes } from '../http/routes/documents.routes.js';
import { directoryRoutes } from '../http/routes/directory.routes.js';
import { dutyRosterRoutes } from '../http/routes/duty-roster.routes.js';
import { invitationRoutes } from '../http/routes/invitations.routes.js';
import { livenessRoutes } from '../http/routes/liveness.routes.js';
import { livenessScheduleRoutes } from '../http/routes/liveness-schedules.routes.js';
import { meRoutes } from '../http/routes/me.routes.js';
import { notificationRoutes } from '../http/routes/notifications.routes.js';
import { messageRoutes } from '../http/routes/messages.routes.js';
import { passwordResetRoutes } from '../http/routes/password-reset.routes.js';
import { policyRoutes } from '../http/routes/policies.routes.js';
import { requestRoutes } from '../http/routes/requests.routes.js';
import { reviewRoutes } from '../http/routes/review.routes.js';
import { auditLogRoutes } from '../http/routes/audit-log.routes.js';
import type { RouteContext } from '../http/routes/route-context.js';
import { trainingRoutes } from '../http/routes/training.routes.js';
import { userRoutes } from '../http/routes/users.routes.js';
import { webhookRoutes } from '../http/routes/webhooks.routes.js';
import { eventRoutes } from '../http/routes/events.routes.js';
import { circularRoutes } from '../http/routes/circulars.routes.js';
import { libraryRoutes } from '../http/routes/library.routes.js';
import { travelDocumentRoutes } from '../http/routes/travel-documents.routes.js';
import type { ActorSource } from '../modules/accounts/actor-cache.js';
import { webhooksOf } from './webhook-channel.js';
import { snapshotSigner } from '../modules/directory/snapshot-signer.js';
import type { Clock } from '../system/clock.js';
import type { Draining } from '../system/draining.js';
import { databaseReadiness } from '../system/readiness.js';
import type { RedisLink } from '../system/redis-link.js';
import { notificationsDeps } from './email-alerts.js';
import type { ServerMetrics } from '../observability/metrics.js';

/**
 * A circular to 1,000 recipients is about 400 KB of JSON (a 112-byte sealed key and an id per
 * recipient, the addressing repeated inside the body): its route alone takes up to 1 MiB.
 */
const CIRCULAR_BODY_LIMIT_BYTES = 1024 * 1024;

/** 1,000 listings a call, each up to 2,000 + 2,400 base64url characters of ciphertext and its tag and ids. */
const TRAVEL_DOCUMENTS_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Every module's routes, mounted under /api in this order. */
const ROUTES = [
  authRoutes,
  invitationRoutes,
  passwordResetRoutes,
  userRoutes,
  meRoutes,
  directoryRoutes,
  dutyRosterRoutes,
  livenessRoutes,
  livenessScheduleRoutes,
  messageRoutes,
  attachmentRoutes,
  policyRoutes,
  approvalRoutes,
  requestRoutes,
  consensusRoutes,
  documentRoutes,
  reviewRoutes,
  auditLogRoutes,
  webhookRoutes,
  notificationRoutes,
  eventRoutes,
  trainingRoutes,
  circularRoutes,
  libraryRoutes,
  travelDocumentRoutes,
  dualControlRoutes,
];

export interface HttpAppDeps {
  config: Config;
  logger: Logger;
  clock: Clock;
  version: string;
  jwtSecret: string;
  /** Seeds the directory signing key (SIGNING_KEY_SECRET, or the JWT secret). */
  signingSecret: string;
  database: Database;
  modules: Modules;
  actors: ActorSource;
  redis: RedisLink | undefined;
  clientDir: string | undefined;
  metrics: ServerMetrics;
  /** Readiness answers 503 while the node is stopping. */
  draining: Draining;
}

/** The express app: system routes, every module's routes over the composed modules, the web client. */
export function createHttpApp(deps: HttpAppDeps): Express {
  const { config, modules } = deps;
  const context: Omit<RouteContext, 'router' | 'registry'> = {
    accounts: modules.accounts,
    directory: modules.directory,
    liveness: modules.liveness,
    messaging: modules.messaging,
    snapshots: snapshotSigner(deps.signingSecret),
    auditEntries: modules.auditEntries,
    auditLog: modules.auditLog,
    policies: modules.policies,
    authn: createAuthenticator(deps.jwtSecret, deps.actors, deps.clock),
    requests: modules.requests,
    consensus: modules.consensus,
    events: modules.events,
    training: modules.training,
    documents: modules.documents,
    library: modules.library,
    travelDocuments: modules.travelDocuments,
    dualControl: modules.dualControl,
    notifications: notificationsDeps(
      {
        connection: deps.database.connection,
        outbox: modules.alerts.outbox,
        users: modules.accounts.users,
        clock: deps.clock,
        audit: modules.accounts.audit,
        logger: deps.logger,
        publicOrigin: () => modules.accounts.publicOrigin,
      },
      config.smtp,
    ),
    limits: createRateLimits({ redis: deps.redis?.commands, logger: deps.logger }),
    circulars: modules.circulars,
  };
  const webhooks = webhooksOf(modules.alerts);
  if (webhooks) context.webhooks = webhooks;
  return createApp({
    logger: deps.logger,
    version: deps.version,
    readiness: databaseReadiness(deps.database, deps.draining),
    bodyLimitBytes: config.bodyLimitBytes,
    largeBodies: [
      { path: '/api/circulars', limitBytes: Math.max(config.bodyLimitBytes, CIRCULAR_BODY_LIMIT_BYTES) },
      { path: '/api/travel-documents', limitBytes: Math.max(config.bodyLimitBytes, TRAVEL_DOCUMENTS_BODY_LIMIT_BYTES) },
    ],
    clientDir: deps.clientDir ?? path.join(repoRoot, 'client', 'dist'),
    trustProxy: config.trustProxy,
    ...(deps.metrics.enabled
      ? {
          metrics: deps.metrics,
          metricsEndpoint: { token: config.metrics.token, scrape: () => deps.metrics.scrape() },
        }
      : {}),
    modules: ROUTES.map((mount) => (router, registry) => mount({ ...context, router, registry })),
  });
}
