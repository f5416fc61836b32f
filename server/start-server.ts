import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { AuditRepository } from './db/repositories/audit.repository.js';
import type { AccountsDeps } from './modules/accounts/accounts-deps.js';
import { openDatabase, type Database } from './db/database.js';
import { composeModules } from './compose-modules.js';
import { createAuthenticator } from './http/authenticate.js';
import { createApp } from './http/create-app.js';
import { createRateLimits } from './http/rate-limits.js';
import { authRoutes } from './http/routes/auth.routes.js';
import { invitationRoutes } from './http/routes/invitations.routes.js';
import { meRoutes } from './http/routes/me.routes.js';
import type { RouteContext } from './http/routes/route-context.js';
import { userRoutes } from './http/routes/users.routes.js';
import { passwordResetRoutes } from './http/routes/password-reset.routes.js';
import { directoryRoutes } from './http/routes/directory.routes.js';
import { snapshotSigner } from './modules/directory/snapshot-signer.js';
import { announceBootstrap } from './modules/accounts/announce-bootstrap.js';
import { policyRoutes } from './http/routes/policies.routes.js';
import { approvalRoutes } from './http/routes/approvals.routes.js';
import type { PoliciesDeps } from './modules/policies/policies-deps.js';
import type { MessagingDeps } from './modules/messaging/messaging-deps.js';
import { APPROVAL_SWEEP_INTERVAL_MS, sweepApprovals } from './modules/policies/sweep-approvals.js';
import { resolveJwtSecret } from './jwt-secret.js';
import { resolveOpaqueServerSetup } from './opaque-server-setup.js';
import { createGateway, socketRevocations, type Gateway } from './realtime/gateway.js';
import { createPusher } from './realtime/push.js';
import { ADMINS_ROOM, responsibleAdminsRoom, stateAdminsRoom, userRoom } from './realtime/socket-auth.js';
import { livenessEvents } from './realtime/liveness.events.js';
import { messagingEvents } from './realtime/messaging.events.js';
import { messageRoutes } from './http/routes/messages.routes.js';
import { attachmentRoutes } from './http/routes/attachments.routes.js';
import { sweepMessages } from './modules/messaging/sweep-messages.js';
import { reconcileHeldMessages } from './modules/messaging/reconcile-held-messages.js';
import { startPeriodic } from './system/periodic.js';
import { attachRedisAdapter, type RedisLink } from './realtime/redis-adapter.js';
import { ActorCache } from './modules/accounts/actor-cache.js';
import { livenessRoutes } from './http/routes/liveness.routes.js';
import { systemClock, type Clock } from './system/clock.js';
import { databaseReadiness } from './system/readiness.js';
import { requestRoutes } from './http/routes/requests.routes.js';
import type { RequestsDeps } from './modules/requests/requests-deps.js';
import { REQUEST_SWEEP_INTERVAL_MS, sweepRequests } from './modules/requests/sweep-requests.js';
import { CONSENSUS_SWEEP_INTERVAL_MS, sweepProposals } from './modules/consensus/settle-proposals.js';
import { consensusRoutes } from './http/routes/consensus.routes.js';
import { reviewRoutes } from './http/routes/review.routes.js';
import type { ConsensusDeps } from './modules/consensus/consensus-deps.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const VERSION = '0.1.0';

export interface StartOptions {
  logger: Logger;
  clock?: Clock;
  /** Called when the server cannot keep running (the embedded database keeps dying). */
  onFatal?: (reason: string) => void;
  clientDir?: string;
  /** Print the first network admin's invitation link when none exists (default true). */
  announceBootstrap?: boolean;
}

export interface RunningServer {
  url: string;
  http: HttpServer;
  io: Gateway;
  database: Database;
  accounts: AccountsDeps;
  auditEntries: AuditRepository;
  /** Disclosure policies, their enforcement and the approvals queue (messaging builds on these). */
  policies: PoliciesDeps;
  messaging: MessagingDeps;
  /** Information-exchange request cases (metadata), their deadlines and statistics. */
  requests: RequestsDeps;
  /** Network-wide decisions by consensus (proposals, positions, the sweep). */
  consensus: ConsensusDeps;
  /** Stops accepting, closes sockets, the database and the embedded database. Idempotent. */
  close(): Promise<void>;
}

/**
 * Longest a node trusts an account it read, should a change ever go unheard (see ActorCache).
 * Changes reach the cache by invalidation (this node at once, others through Redis, bypassed
 * while Redis is away), so this is only a backstop; each re-read costs a database round trip
 * per signed-in user, which on the embedded database was the directory benchmark's p99 (5 s:
 * p99 ≈ 0.4–0.8 s at 200 req/s; 60 s: ≈ 19 ms).
 */
const ACTOR_CACHE_MAX_AGE_MS = 30_000;

/** The other nodes (Redis adapter only) drop their copy of a changed account; with Redis down the caches are bypassed anyway. */
function tellOtherNodes(io: Gateway, userId: string, logger: Logger): void {
  try {
    io.serverSideEmit('actor:forget', userId);
  } catch (error) {
    logger.warn({ err: error }, 'could not tell other nodes about an account change');
  }
}

/** Composition root shared by main.ts and the tests: config in, a listening server out. */
export async function startServer(config: Config, options: StartOptions): Promise<RunningServer> {
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  const jwtSecret = resolveJwtSecret(config);
  const opaqueServerSetup = await resolveOpaqueServerSetup(config);
  const database = await openDatabase(config, { logger, onFatal: options.onFatal ?? ((reason) => logger.fatal(reason)) });

  // The gateway exists only once the HTTP server does; revocations and pushes reach it late-bound.
  const late: { io?: Gateway; redis?: RedisLink } = {};
  const pusher = createPusher({ logger });
  let url = '';
  const modules = composeModules(database.connection, {
    clock,
    jwtSecret,
    opaqueServerSetup,
    logger,
    publicOrigin: () => config.publicOrigin ?? url,
    revocations: {
      revokeUser: (userId) => late.io && socketRevocations(late.io).revokeUser(userId),
      revokeSession: (sessionId) => late.io && socketRevocations(late.io).revokeSession(sessionId),
    },
    livenessNotifier: { prompt: (userId, prompt) => pusher.push(userRoom(userId), 'liveness:prompt', prompt) },
    messageNotifier: {
      deliver: (userId, message) => pusher.push(userRoom(userId), 'message:new', message),
      status: (userId, event) => pusher.push(userRoom(userId), 'message:status', event),
    },
    requestNotifier: {
      updated: (userId, request) => pusher.push(userRoom(userId), 'request:updated', request),
      reminder: (userId, event) => pusher.push(userRoom(userId), 'request:reminder', event),
      overdue: (userId, event) => pusher.push(userRoom(userId), 'request:overdue', event),
    },
    consensusNotifier: { updated: (proposal) => pusher.push(ADMINS_ROOM, 'consensus:updated', proposal) },
    approvalNotifier: { updated: (state, event) => pusher.push(stateAdminsRoom(state), 'approval:updated', event) },
    peopleNotifier: { updated: (person) => pusher.push(responsibleAdminsRoom(person), 'people:updated', { id: person.id, status: person.status }) },
    approvalTtlHours: config.approvalTtlHours,
    sessionMaxAgeMs: config.sessionMaxAgeMs,
    attachmentMaxMb: config.attachmentMaxMb,
  });
  await modules.prepare();

  // Every request and socket event re-checks the account; this cache spares the database read.
  const actors = new ActorCache(modules.accounts.actors, {
    maxAgeMs: ACTOR_CACHE_MAX_AGE_MS,
    maxEntries: 50_000,
    trusted: () => !config.redisUrl || (late.redis?.isReady() ?? false),
  });
  modules.accounts.users.onChange((userId) => {
    actors.forget(userId);
    if (late.io && late.redis) tellOtherNodes(late.io, userId, logger);
  });

  const routeContext = (router: RouteContext['router'], registry: RouteContext['registry']): RouteContext => ({
    router,
    registry,
    accounts: modules.accounts,
    directory: modules.directory,
    liveness: modules.liveness,
    messaging: modules.messaging,
    snapshots,
    auditEntries: modules.auditEntries,
    policies: modules.policies,
    authn: createAuthenticator(jwtSecret, actors, clock),
    requests: modules.requests,
    consensus: modules.consensus,
    limits,
  });
  // With Redis, every node counts failed sign-ins and token guesses together.
  const limits = createRateLimits({ redis: () => late.redis?.commands });
  const snapshots = snapshotSigner(jwtSecret);
  const app = createApp({
    logger,
    version: VERSION,
    readiness: databaseReadiness(database),
    bodyLimitBytes: config.bodyLimitBytes,
    clientDir: options.clientDir ?? path.join(repoRoot, 'client', 'dist'),
    trustProxy: config.trustProxy,
    modules: [authRoutes, invitationRoutes, passwordResetRoutes, userRoutes, meRoutes, directoryRoutes, livenessRoutes, messageRoutes, attachmentRoutes, policyRoutes, approvalRoutes, requestRoutes, consensusRoutes, reviewRoutes].map((mount) => (router, registry) => mount(routeContext(router, registry))),
  });
  const http = createServer(app);
  const gateway = createGateway(http, {
    logger,
    clock,
    tokens: modules.accounts.tokens,
    users: actors,
    modules: [livenessEvents(modules.liveness), messagingEvents(modules.messaging)],
    allowedOrigins: (host) => [
      ...(config.publicOrigin ? [config.publicOrigin] : []),
      ...(host ? [`http://${host}`, `https://${host}`] : []),
    ],
    maxPacketBytes: 1_000_000,
  });

  // Before listening, so no socket joins a room this node alone would know about.
  gateway.on('actor:forget', (userId) => actors.forget(userId));
  const redis = config.redisUrl ? await attachRedisAdapter(gateway, config.redisUrl, logger, () => actors.clear()) : undefined;
  if (redis) late.redis = redis;
  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(config.port, config.host, () => resolve());
    });
  } catch (error) {
    await redis?.close();
    await database.close();
    throw error;
  }
  const { port } = http.address() as AddressInfo;
  late.io = gateway;
  pusher.attach(gateway, () => redis?.isReady() ?? false);
  url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  if (options.announceBootstrap !== false) await announceBootstrap(modules.accounts, logger);
  // Background sweeps on every node; runs never overlap and never keep the process alive.
  const sweepers = [
    startPeriodic(() => sweepApprovals(modules.policies), APPROVAL_SWEEP_INTERVAL_MS, (error) => logger.error({ err: error }, 'approval sweep failed')),
    startPeriodic(() => sweepRequests(modules.requests), REQUEST_SWEEP_INTERVAL_MS, (error) => logger.error({ err: error }, 'request sweep failed')),
    startPeriodic(() => sweepProposals(modules.consensus), CONSENSUS_SWEEP_INTERVAL_MS, (error) => logger.error({ err: error }, 'consensus sweep failed')),
    startPeriodic(async () => {
      await sweepMessages(modules.messaging);
      await reconcileHeldMessages(modules.messaging);
      await modules.housekeeping();
    }, 60_000, (error) => logger.error({ err: error }, 'sweep failed')),
  ];

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      // io.close() also closes the HTTP server; drop idle keep-alive connections so it can finish.
      const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
      await gateway.close();
      http.closeIdleConnections();
      await httpClosed;
      await Promise.all(sweepers.map((sweeper) => sweeper.stop()));
      await redis?.close();
      await database.close();
      logger.info('server stopped');
    })();
    return closing;
  };
  return { url, http, io: gateway, database, accounts: modules.accounts, auditEntries: modules.auditEntries, policies: modules.policies, messaging: modules.messaging, requests: modules.requests, consensus: modules.consensus, close };
}
