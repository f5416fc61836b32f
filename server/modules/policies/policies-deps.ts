import type { ApprovalStore, PolicyVersionStore } from './ports.js';
import type { Clock } from '../../system/clock.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { ApprovalUpdatedEvent } from '../../../shared/schemas/approvals.js';
import type { ApprovalEventBus } from './approval-events.js';
import type { PolicyStore } from './policy-store.js';
import type { PolicyCosignStore } from './cosign-ports.js';
import type { MetricsPort } from '../../system/metrics-port.js';

/** Tells a state's national admins that their approvals queue changed (best effort: the list is the truth). */
export interface ApprovalNotifier {
  updated(state: string, event: ApprovalUpdatedEvent): void;
}

/** Tells a state's national admins that a policy version waits for a second signature (best effort). */
export interface PolicyCosignNotifier {
  awaiting(state: string, notice: { id: string; version: number; signedBy: string; expiresAt: Date }): void;
}

/** What the policy and approval use cases are given; they know nothing of HTTP or sockets. */
export interface PoliciesDeps {
  policies: PolicyVersionStore;
  /** Versions waiting for a second signature, and each state's rule on how many it needs. */
  cosign: PolicyCosignStore;
  cosignNotifier: PolicyCosignNotifier;
  /** How long a version (or a request to need one signature again) waits for the second admin, in milliseconds. */
  cosignTtlMs: number;
  store: PolicyStore;
  approvals: ApprovalStore;
  approvalEvents: ApprovalEventBus;
  approvalNotifier: ApprovalNotifier;
  audit: AuditLog;
  clock: Clock;
  /** How long a held exchange waits for its approvals, in milliseconds. */
  approvalTtlMs: number;
  /** Called once a new version of `state`'s policy is in force (the directory reloads its field visibility). */
  onPublished: (state: string) => void;
  /** Member states are seeded and admitted by consensus, so membership is read, not a fixed list. */
  isMemberState(code: string): Promise<boolean>;
  /** Domains too: a rule may name only the network's domains (a new one comes by consensus). */
  requireKnownDomains(codes: readonly string[], path: Array<string | number>): Promise<void>;
  /** Counts each decision taken (by effect only). */
  metrics: Pick<MetricsPort, 'policyDecision'>;
}
