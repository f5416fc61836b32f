import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { auditLogModel } from '../db/models/audit-log.model.js';
import { auditLogNodeModel } from '../db/models/audit-log-node.model.js';
import { auditLogWitnessModel } from '../db/models/audit-log-witness.model.js';
import { AuditLegacyRepository } from '../db/repositories/audit-legacy.repository.js';
import { AuditLogNodesRepository } from '../db/repositories/audit-log-nodes.repository.js';
import { AuditLogWitnessesRepository } from '../db/repositories/audit-log-witnesses.repository.js';
import { AuditRepository } from '../db/repositories/audit.repository.js';
import type { AuditLogDeps } from '../modules/audit/audit-log-deps.js';
import { createAuditLog, type AuditLog } from '../modules/audit/audit-log.js';
import { logKey, type LogKey } from '../modules/audit/log-key.js';
import { migrateLegacyTrail } from '../modules/audit/migrate-legacy-trail.js';
import { SegmentTree } from '../modules/audit/segment-tree.js';
import { serverKeyGenerationModel } from '../db/models/server-key-generation.model.js';
import { ServerKeyGenerationsRepository } from '../db/repositories/server-key-generations.repository.js';
import { logKeyHistory, serverKeys, type LogKeyHistory } from '../modules/server-keys/server-keys.js';
import { replaceServerKeys, settleServerKeys, type Settled } from '../modules/server-keys/settle-keys.js';
import type { Clock } from '../system/clock.js';
import type { MetricsPort } from '../system/metrics-port.js';

export interface ComposedAuditLog {
  store: AuditRepository;
  audit: AuditLog;
  key: LogKey;
  witnesses: AuditLogWitnessesRepository;
  tree: SegmentTree;
  /** The routes' dependencies, once the people and the alerts are built. */
  deps(rest: Pick<AuditLogDeps, 'users' | 'raiseAlert'>): AuditLogDeps;
  ensureIndexes(): Promise<void>;
  /** Moves the hash chain of earlier versions into the log when the log is empty (before any append). */
  migrate(): Promise<{ migrated: number }>;
  /** The generations of the server's signing keys (the directory key and this log's key). */
  keys: ComposedServerKeys;
}

export interface ComposedServerKeys {
  generations: ServerKeyGenerationsRepository;
  /** At start (after migrate): records, accepts or renews the keys in force; refuses keys no one can trace. */
  settle(): Promise<Settled>;
  /** The configured keys replace leaked ones without their endorsement (CLI, once). */
  replace(reason: string): Promise<Settled>;
  /** The log keys in the order they were in force, with what does not hold. */
  history(): Promise<LogKeyHistory>;
}

/** The audit log over one connection: segments, subtree cache, witnesses, the log key. */
export function composeAuditLog(
  connection: Connection,
  options: {
    clock: Clock;
    keySecret: string;
    /** SIGNING_KEY_PREVIOUS_SECRET: the secret in force, while renewing the keys to keySecret's. */
    previousKeySecret?: string | undefined;
    metrics?: MetricsPort;
    logger?: Logger;
  },
): ComposedAuditLog {
  const models = [
    auditLogModel(connection),
    auditLogNodeModel(connection),
    auditLogWitnessModel(connection),
    serverKeyGenerationModel(connection),
  ] as const;
  const [segments, nodes, witnessDocs, generationDocs] = models;
  const store = new AuditRepository(segments);
  const key = logKey(options.keySecret);
  const subtrees = new AuditLogNodesRepository(nodes);
  // The log stores the 2^8 and 2^16 subtrees it completes, so a proof never finds them cold.
  const audit = createAuditLog(store, options.clock, key, subtrees, {
    metrics: options.metrics,
    logger: options.logger,
  });
  const witnesses = new AuditLogWitnessesRepository(witnessDocs);
  const tree = new SegmentTree(store, subtrees);
  const generations = new ServerKeyGenerationsRepository(generationDocs);
  const settleDeps = { store: generations, clock: options.clock, audit };
  const configured = serverKeys(options.keySecret);
  return {
    store,
    audit,
    key,
    witnesses,
    tree,
    deps: (rest) => ({
      store,
      tree,
      witnesses,
      key,
      keyGenerations: generations,
      audit,
      clock: options.clock,
      ...rest,
    }),
    async ensureIndexes() {
      for (const model of models) await model.createIndexes();
    },
    migrate: () => migrateLegacyTrail(store, new AuditLegacyRepository(connection), key),
    keys: {
      generations,
      async settle() {
        const previous = options.previousKeySecret;
        const settled = await settleServerKeys(
          settleDeps,
          configured,
          previous === undefined ? undefined : serverKeys(previous),
        );
        if (settled.kind === 'renewed')
          options.logger?.warn(
            { generation: settled.generation, auditLogKey: configured.auditLog.publicKey },
            'signing keys renewed: the previous keys endorsed these; SIGNING_KEY_PREVIOUS_SECRET can be removed once every node runs with the new secret',
          );
        else if (previous !== undefined && settled.kind === 'unchanged')
          options.logger?.info(
            { generation: settled.generation },
            'SIGNING_KEY_PREVIOUS_SECRET is set but the configured keys are already in force: it can be removed',
          );
        return settled;
      },
      replace: (reason) => replaceServerKeys(settleDeps, configured, reason),
      history: async () => logKeyHistory(await generations.all(), key.publicKey),
    },
  };
}
