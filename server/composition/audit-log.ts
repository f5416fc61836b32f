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
}

/** The audit log over one connection: segments, subtree cache, witnesses, the log key. */
export function composeAuditLog(
  connection: Connection,
  options: { clock: Clock; keySecret: string; metrics?: MetricsPort; logger?: Logger },
): ComposedAuditLog {
  const models = [auditLogModel(connection), auditLogNodeModel(connection), auditLogWitnessModel(connection)] as const;
  const [segments, nodes, witnessDocs] = models;
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
  return {
    store,
    audit,
    key,
    witnesses,
    tree,
    deps: (rest) => ({ store, tree, witnesses, key, audit, clock: options.clock, ...rest }),
    async ensureIndexes() {
      for (const model of models) await model.createIndexes();
    },
    migrate: () => migrateLegacyTrail(store, new AuditLegacyRepository(connection), key),
  };
}
