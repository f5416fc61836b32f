import { createServer, type Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { AuditRepository } from './db/repositories/audit.repository.js';
import type { AuditLogDeps } from './modules/audit/audit-log-deps.js';
import { openDatabase, type Database } from './db/database.js';
import { composeModules } from './composition/modules.js';
import type { DutyRoster } from './modules/directory/duty-roster.js';
import { createActorCache } from './composition/actors.js';
import { alertChannelsFrom } from './composition/alert-channels.js';
import type { Alerts, AlertChannelFactory } from './composition/alerts.js';
import { createHttpApp } from './composition/http-app.js';
import { listen, listeningUrl } from './composition/listen.js';
import { pushNotifiers } from './composition/notifiers.js';
import { createRealtime } from './composition/realtime.js';
import { shutdownInOrder } from './composition/shutdown.js';
import { startSweepers } from './composition/sweepers.js';
import { resolveJwtSecret, resolveSigningSecret } from './jwt-secret.js';
import { resolveOpaqueServerSetup } from './opaque-server-setup.js';
import type { AccountsDeps } from './modules/accounts/accounts-deps.js';
import { announceBootstrap } from './modules/accounts/announce-bootstrap.js';
import type { ConsensusDeps } from './modules/consensus/consensus-deps.js';
import type { MessagingDeps } from './modules/messaging/messaging-deps.js';
import type { PoliciesDeps } from './modules/policies/policies-deps.js';
import type { DualControlDeps } from './modules/dual-control/dual-control-deps.js';
import type { RequestsDeps } from './modules/requests/requests-deps.js';
import type { EventsDeps } from './modules/events/events-deps.js';
import type { LivenessDeps } from './modules/liveness/liveness-deps.js';
import type { TrainingDeps } from './modules/training/training-deps.js';
import type { TravelDocumentsDeps } from './modules/travel-documents/travel-documents-deps.js';
import { createEventLimiter } from './realtime/event-limits.js';
import { serveEvents, socketRevocations, type Gateway } from './realtime/gateway.js';
import { livenessEvents } from './realtime/liveness.events.js';
import { messagingEvents } from './realtime/messaging.events.js';
import { systemClock, type Clock } from './system/clock.js';
import { userRoom } from './realtime/socket-auth.js';
import { createMetrics, disabledMetrics, type ServerMetrics } from './observability/metrics.js';
import { startMetricsListener, type MetricsListener } from './observability/metrics-listener.js';
import { createDraining, type Draining } from './system/draining.js';
import { createInFlight } from './system/in-flight.js';

export const VERSION = '0.1.0';

export interface StartOptions {
  logger: Logger;
  clock?: Clock;
  /** Called when the server cannot keep running (the embedded database keeps dying). */
  onFatal?: (reason: string) => void;
  clientDir?: string;
  /** Print the first network admin's invitation link when none exists (default true). */
  announceBootstrap?: boolean;
  /** Channels alerts also take, beside those the configuration turns on (tests record alerts here). */
  alertChannels?: readonly AlertChannelFactory[];
  /** Called once when the node starts stopping (SIGTERM, close()): readiness is 503 from then on. */
  onDraining?: () => void;
}

export interface RunningServer {
  url: string;
  http: HttpServer;
  io: Gateway;
  database: Database;
  accounts: AccountsDeps;
  auditEntries: AuditRepository;
  /** The audit log's key, heads, proofs and witnesses. */
  auditLog: AuditLogDeps;
  /** Disclosure policies, their enforcement and the approvals queue (messaging builds on these). */
  policies: PoliciesDeps;
  messaging: MessagingDeps;
  /** Information-exchange request cases (metadata), their deadlines and statistics. */
  requests: RequestsDeps;
  /** Network-wide decisions by consensus (proposals, positions, the sweep). */
  consensus: ConsensusDeps;
  /** The outbox and the channels alerts leave the app by (e-mail, webhooks). */
  alerts: Alerts;
  /** Who stands in for whom right now (away with a deputy). */
  dutyRoster: DutyRoster;
  /** Liveness checks and their schedules (the schedule sweep). */
  liveness: LivenessDeps;
  events: EventsDeps;
  /** Centres of Excellence and training requests. */
  training: TrainingDeps;
  /** Lost and stolen travel documents (the change log's compaction is a housekeeping step). */
  travelDocuments: TravelDocumentsDeps;
  /** Actions that take two people (the expiry sweep). */
  dualControl: DualControlDeps;
  /** This node's metrics (a no-op while METRICS_PORT and METRICS_TOKEN are unset). */
  metrics: ServerMetrics;
  /** The metrics listener's URL (METRICS_PORT; the real port when 0), undefined while it is off. */
  metricsUrl: string | undefined;
  /** True from the moment close() was called: readiness answers 503, socket events are refused as retryable. */
  readonly draining: Draining;
  /** Drains (see shutdown.ts), then closes sockets, the database and the embedded database. Idempotent. */
  close(): Promise<void>;
}

/**
 * The composition root, shared by main.ts and the tests: config in, a listening server out.
 * Each part is built once, after everything it needs, and handed what it needs.
 */
export async function startServer(config: Config, options: StartOptions): Promise<RunningServer> {
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  const jwtSecret = resolveJwtSecret(config);
  const signingSecret = resolveSigningSecret(config, jwtSecret);
  const opaqueServerSetup = await resolveOpaqueServerSetup(config);
  const metricsOn = config.metrics.port !== undefined || config.metrics.token !== undefined;
  const metrics = metricsOn ? createMetrics({ version: VERSION, roomOf: userRoom }) : disabledMetrics();
  const database = await openDatabase(config, {
    logger,
    onFatal: options.onFatal ?? ((reason) => logger.fatal(reason)),
    ...(metricsOn ? { metrics } : {}),
  });
  // The HTTP server exists from here (its handlers are added below, it listens last), so its address is known to whoever asks later.
  const http = createServer();

  // Sockets first, unattached: revocations and pushes reach the real socket server from the start.
  const realtime = await createRealtime(config, logger, metrics).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  const { io, redis } = realtime;
  let metricsListener: MetricsListener | undefined;
  const draining = createDraining(() => {
    metrics.setDraining(true);
    options.onDraining?.();
  });
  const inFlight = createInFlight();
  try {
    const eventLimits = createEventLimiter(config.socketEventLimits, redis?.commands);
    const modules = composeModules(database.connection, {
      clock,
      jwtSecret,
      signingSecret,
      previousSigningSecret: config.signingKeyPreviousSecret,
      opaqueServerSetup,
      logger,
      publicOrigin: () => config.publicOrigin ?? listeningUrl(http, config.host),
      revocations: socketRevocations(io),
      ...pushNotifiers(realtime.pusher),
      approvalTtlHours: config.approvalTtlHours,
      sessionMaxAgeMs: config.sessionMaxAgeMs,
      attachmentMaxMb: config.attachmentMaxMb,
      alertChannels: [...alertChannelsFrom(config), ...(options.alertChannels ?? [])],
      metrics,
    });
    await modules.prepare();
    const actors = createActorCache(config, modules.accounts, realtime, logger);

    http.on(
      'request',
      createHttpApp({
        config,
        logger,
        clock,
        version: VERSION,
        jwtSecret,
        signingSecret,
        database,
        modules,
        actors,
        redis,
        clientDir: options.clientDir,
        metrics,
        draining,
      }),
    );
    serveEvents(io, {
      logger,
      clock,
      tokens: modules.accounts.tokens,
      users: actors,
      limits: eventLimits,
      draining,
      inFlight,
      modules: [livenessEvents(modules.liveness), messagingEvents(modules.messaging)],
    });
    // After express's handler, so socket.io answers its own path and passes every other request on.
    io.attach(http);
    await listen(http, config);
    metrics.readFrom({
      sockets: () => io.of('/').sockets.size,
      queuedCopies: () => modules.messaging.deliveries.queuedCount(),
      ...(redis ? { redisUp: () => redis.isReady() } : {}),
    });
    const metricsPort = config.metrics.port;
    if (metricsPort !== undefined)
      metricsListener = await startMetricsListener(metrics, { host: config.metrics.host, port: metricsPort }, logger);

    const url = listeningUrl(http, config.host);
    if (options.announceBootstrap !== false) await announceBootstrap(modules.accounts, logger);
    const sweepers = startSweepers(modules, logger, { outboxSweepMs: config.outboxSweepMs }, metrics);
    const stop = shutdownInOrder({ http, io, sweepers, redis, database, logger, draining, inFlight });
    return {
      url,
      http,
      io,
      database,
      accounts: modules.accounts,
      auditEntries: modules.auditEntries,
      auditLog: modules.auditLog,
      policies: modules.policies,
      messaging: modules.messaging,
      requests: modules.requests,
      consensus: modules.consensus,
      alerts: modules.alerts,
      dutyRoster: modules.dutyRoster,
      liveness: modules.liveness,
      events: modules.events,
      training: modules.training,
      travelDocuments: modules.travelDocuments,
      dualControl: modules.dualControl,
      metrics,
      metricsUrl: metricsListener?.url,
      draining,
      // The metrics listener last: a stopping node stays observable (focalnet_draining) until the end.
      close: async () => {
        await stop();
        await metricsListener?.close();
      },
    };
  } catch (error) {
    // A start that fails half-way lets go of what it opened, in the same order as a stop.
    await shutdownInOrder({ http, io, redis, database, logger })();
    await metricsListener?.close();
    throw error;
  }
}
