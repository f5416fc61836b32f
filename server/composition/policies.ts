import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { approvalDecisionModel } from '../db/models/approval-decision.model.js';
import { approvalRequestModel } from '../db/models/approval-request.model.js';
import { approvalSettlementModel } from '../db/models/approval-settlement.model.js';
import { policyAwaitingVersionModel } from '../db/models/policy-awaiting-version.model.js';
import { policyCosignExpiryModel } from '../db/models/policy-cosign-expiry.model.js';
import { policyInForceModel } from '../db/models/policy-in-force.model.js';
import { policySigningChangeModel, policySigningRequestModel } from '../db/models/policy-signing.model.js';
import { policyVersionModel } from '../db/models/policy-version.model.js';
import { ApprovalsRepository } from '../db/repositories/approvals.repository.js';
import { PoliciesRepository } from '../db/repositories/policies.repository.js';
import { PolicyCosignRepository } from '../db/repositories/policy-cosign.repository.js';
import type { AuditLog } from '../modules/audit/audit-log.js';
import { createApprovalEventBus } from '../modules/policies/approval-events.js';
import type { ApprovalNotifier, PoliciesDeps, PolicyCosignNotifier } from '../modules/policies/policies-deps.js';
import { createPolicyStore } from '../modules/policies/policy-store.js';
import type { Clock } from '../system/clock.js';
import { NO_METRICS, type MetricsPort } from '../system/metrics-port.js';

const HOUR_MS = 3_600_000;
/** Also APPROVAL_TTL_HOURS' default in config.ts; used where no config is at hand (the CLI). */
export const DEFAULT_APPROVAL_TTL_HOURS = 72;
/** How long a policy version waits for its second signature: a week, so an admin away for days can still sign. */
export const COSIGNATURE_TTL_DAYS = 7;

/** The policies module over one database connection: signed versions, enforcement, approvals. */
export function composePolicies(
  connection: Connection,
  options: {
    audit: AuditLog;
    clock: Clock;
    approvalTtlHours: number;
    logger: Logger;
    onPublished?: (state: string) => void;
    approvalNotifier?: ApprovalNotifier | undefined;
    cosignNotifier?: PolicyCosignNotifier | undefined;
    isMemberState: (code: string) => Promise<boolean>;
    requireKnownDomains: PoliciesDeps['requireKnownDomains'];
    metrics?: MetricsPort;
  },
): { deps: PoliciesDeps; ensureIndexes(): Promise<void> } {
  const models = [
    policyVersionModel(connection),
    policyInForceModel(connection),
    approvalRequestModel(connection),
    approvalDecisionModel(connection),
    approvalSettlementModel(connection),
    policyAwaitingVersionModel(connection),
    policyCosignExpiryModel(connection),
    policySigningChangeModel(connection),
    policySigningRequestModel(connection),
  ] as const;
  const [versions, inForce, requests, decisions, settlements, awaiting, expiries, signingChanges, signingRequests] =
    models;
  const policies = new PoliciesRepository(versions, inForce);
  const deps: PoliciesDeps = {
    policies,
    cosign: new PolicyCosignRepository(awaiting, expiries, signingChanges, signingRequests),
    cosignNotifier: options.cosignNotifier ?? { awaiting: () => undefined },
    cosignTtlMs: COSIGNATURE_TTL_DAYS * 24 * HOUR_MS,
    store: createPolicyStore(policies),
    approvals: new ApprovalsRepository(requests, decisions, settlements),
    approvalEvents: createApprovalEventBus((error, event) =>
      options.logger.error({ err: error, approvalId: event.approvalId }, 'approval-settled listener failed'),
    ),
    approvalNotifier: options.approvalNotifier ?? { updated: () => undefined },
    audit: options.audit,
    clock: options.clock,
    approvalTtlMs: options.approvalTtlHours * HOUR_MS,
    onPublished: options.onPublished ?? (() => undefined),
    isMemberState: options.isMemberState,
    requireKnownDomains: options.requireKnownDomains,
    metrics: options.metrics ?? NO_METRICS,
  };
  return {
    deps,
    async ensureIndexes() {
      for (const model of models) await model.createIndexes();
    },
  };
}
