import { performance } from 'node:perf_hooks';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DecisionEffect, MetricsPort } from '../system/metrics-port.js';
import { NO_METRICS, secondsSince } from '../system/metrics-port.js';

/** The driver commands named in focalnet_db_command_seconds; any other is counted as 'other' (bounded labels). */
const NAMED_COMMANDS = new Set([
  'find',
  'insert',
  'update',
  'delete',
  'aggregate',
  'getMore',
  'count',
  'distinct',
  'findAndModify',
  'createIndexes',
  'ping',
]);

/** HTTP methods named in the request metrics; any other (the parser accepts dozens) is 'other'. */
const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The contract's decision labels: an exchange held for approval is a 'hold'. */
const DECISION_LABEL: Record<DecisionEffect, string> = {
  allow: 'allow',
  conditions: 'conditions',
  approve: 'hold',
  deny: 'deny',
};

/** Live pushes awaiting their acknowledgement, per node; past this many the oldest are forgotten (their recipient went away). */
const MAX_PENDING_LIVE = 10_000;

/** What only the composition root can read: asked at every scrape (cheap). */
export interface ScrapeSources {
  /** Sockets connected to this node. */
  sockets(): number;
  /** Copies waiting in the delivery queue, network-wide. */
  queuedCopies(): Promise<number>;
  /** Only with REDIS_URL: whether the adapter's connections are up. */
  redisUp?: () => boolean;
}

/** The metrics of one server instance (a registry of its own: the tests run several in one process). */
export interface ServerMetrics extends MetricsPort {
  enabled: boolean;
  /** 1 while the node is stopping (SIGTERM received): the topology's shutdown path sets it. */
  setDraining(draining: boolean): void;
  /** Wraps a periodic sweep so each run's duration is recorded under its name. */
  timedSweep<T>(name: string, run: () => Promise<T>): () => Promise<T>;
  /** Registers the scrape-time gauges; once, when the parts they read exist. */
  readFrom(sources: ScrapeSources): void;
  /** The Prometheus text exposition. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

/** Metrics off: every report is dropped, nothing is collected. */
export function disabledMetrics(): ServerMetrics {
  return {
    ...NO_METRICS,
    enabled: false,
    setDraining: () => undefined,
    timedSweep: (_name, run) => run,
    readFrom: () => undefined,
    scrape: () => Promise.reject(new Error('metrics are off')),
  };
}

/**
 * Every metric of the deployment contract (docs/operations.md, "Metrics"), on a registry of its own.
 * `roomOf`: the socket room a user's live pushes go to (realtime's naming, handed in by the composition).
 */
export function createMetrics(options: { version: string; roomOf: (userId: string) => string }): ServerMetrics {
  const userRoom = options.roomOf;
  const registers = [new Registry()];
  const [register] = registers as [Registry];
  collectDefaultMetrics({ register, prefix: 'focalnet_' });
  const common = { registers };

  new Gauge({ ...common, name: 'focalnet_build_info', help: 'Build information (value 1)', labelNames: ['version'] })
    .labels(options.version)
    .set(1);
  const exchanges = new Counter({
    ...common,
    name: 'focalnet_exchanges_total',
    help: 'Exchanges (messages, requests) the policy check let through, held for approval, or refused',
    labelNames: ['domain', 'outcome'],
  });
  const decisions = new Counter({
    ...common,
    name: 'focalnet_policy_decisions_total',
    help: 'Policy decisions taken (previews excluded)',
    labelNames: ['decision'],
  });
  const relayAck = new Histogram({
    ...common,
    name: 'focalnet_relay_ack_seconds',
    help: 'message:send handled on the socket until its acknowledgement',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  const liveDelivery = new Histogram({
    ...common,
    name: 'focalnet_live_delivery_seconds',
    help: "Live push of a stored message until the recipient's socket acknowledged it",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  });
  const backlogDrains = new Counter({
    ...common,
    name: 'focalnet_backlog_drains_total',
    help: 'Backlog pages clients fetched (catch-up after reconnect)',
  });
  const backlogCopies = new Counter({
    ...common,
    name: 'focalnet_backlog_drained_copies_total',
    help: 'Copies handed out in backlog pages',
  });
  const auditAppends = new Counter({
    ...common,
    name: 'focalnet_audit_appends_total',
    help: 'Audit entries appended by this node',
  });
  const auditSegments = new Counter({
    ...common,
    name: 'focalnet_audit_segments_total',
    help: 'Audit group commits (segments) written by this node',
  });
  const dbCommands = new Histogram({
    ...common,
    name: 'focalnet_db_command_seconds',
    help: 'Database driver command latency',
    labelNames: ['command'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
  });
  const embeddedRestarts = new Counter({
    ...common,
    name: 'focalnet_embedded_db_restarts_total',
    help: 'Restarts of the embedded FerretDB by this node',
  });
  const sweeps = new Histogram({
    ...common,
    name: 'focalnet_sweep_seconds',
    help: 'Duration of each periodic sweep run',
    labelNames: ['sweep'],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60],
  });
  const httpRequests = new Counter({
    ...common,
    name: 'focalnet_http_requests_total',
    help: 'HTTP requests answered',
    labelNames: ['method', 'status_class'],
  });
  const httpSeconds = new Histogram({
    ...common,
    name: 'focalnet_http_request_seconds',
    help: 'HTTP request duration until the answer was sent',
    labelNames: ['method'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  const draining = new Gauge({ ...common, name: 'focalnet_draining', help: '1 while the node is stopping' });
  draining.set(0);

  // Keyed by the recipient's room and the message id, in memory only: never a label.
  const pendingLive = new Map<string, number>();
  const liveKey = (room: string, messageId: string): string => `${room}\n${messageId}`;
  let sourcesRead = false;

  return {
    enabled: true,
    policyDecision: (effect) => decisions.inc({ decision: DECISION_LABEL[effect] }),
    exchange: (domain, outcome) => exchanges.inc({ domain, outcome }),
    relayAcked: (seconds) => relayAck.observe(seconds),
    livePushed(room, messageId) {
      if (pendingLive.size >= MAX_PENDING_LIVE) pendingLive.delete(pendingLive.keys().next().value as string);
      pendingLive.set(liveKey(room, messageId), performance.now());
    },
    acknowledged(recipientId, messageIds) {
      for (const id of messageIds) {
        const key = liveKey(userRoom(recipientId), id);
        const pushedAt = pendingLive.get(key);
        if (pushedAt === undefined) continue;
        pendingLive.delete(key);
        liveDelivery.observe(secondsSince(pushedAt));
      }
    },
    backlogPage(recipientId, messageIds) {
      backlogDrains.inc();
      backlogCopies.inc(messageIds.length);
      for (const id of messageIds) pendingLive.delete(liveKey(userRoom(recipientId), id));
    },
    auditSegment(entries) {
      auditSegments.inc();
      auditAppends.inc(entries);
    },
    dbCommand: (name, seconds) => dbCommands.observe({ command: NAMED_COMMANDS.has(name) ? name : 'other' }, seconds),
    embeddedDbRestarted: () => embeddedRestarts.inc(),
    httpRequest(method, status, seconds) {
      const label = HTTP_METHODS.has(method) ? method : 'other';
      httpRequests.inc({ method: label, status_class: `${Math.floor(status / 100)}xx` });
      httpSeconds.observe({ method: label }, seconds);
    },
    setDraining: (on) => draining.set(on ? 1 : 0),
    timedSweep: (name, run) => async () => {
      const stop = sweeps.startTimer({ sweep: name });
      try {
        return await run();
      } finally {
        stop();
      }
    },
    readFrom(sources) {
      if (sourcesRead) throw new Error('metrics: scrape sources are registered once');
      sourcesRead = true;
      new Gauge({
        ...common,
        name: 'focalnet_sockets',
        help: 'Sockets connected to this node',
        collect() {
          this.set(sources.sockets());
        },
      });
      new Gauge({
        ...common,
        name: 'focalnet_queued_copies',
        help: 'Copies waiting in the delivery queue (network-wide)',
        async collect() {
          // With the database away the scrape still answers (the other metrics say why): the last count stays.
          const count = await sources.queuedCopies().catch(() => undefined);
          if (count !== undefined) this.set(count);
        },
      });
      const { redisUp } = sources;
      if (redisUp)
        new Gauge({
          ...common,
          name: 'focalnet_redis_adapter_up',
          help: "1 while the Redis adapter's connections are up",
          collect() {
            this.set(redisUp() ? 1 : 0);
          },
        });
    },
    async scrape() {
      return { contentType: register.contentType, body: await register.metrics() };
    },
  };
}
