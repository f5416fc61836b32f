import {
  evaluate,
  redactDecision,
  type CompiledPolicy,
  type Decision,
  type Reason,
} from '../../../shared/policy/index.js';
import type { ExchangeKind, Labels, StateCode } from '../../../shared/schemas/labels.js';
import type { ApprovalView } from '../../../shared/schemas/approvals.js';
import type { ApprovalEvents, ApprovalSettledEvent } from './approval-events.js';
import { holdForApproval, type HoldRequest } from './approvals.js';
import type { PoliciesDeps } from './policies-deps.js';

/** One exchange about to be relayed: only its server-readable metadata. */
export interface ExchangeToDecide {
  labels: Labels;
  kind: ExchangeKind;
  fromState: StateCode;
  /** Recipients' states; repeats count once. */
  toStates: readonly StateCode[];
  /** The instant rules' validity windows are checked against (normally the server's now). */
  at: Date;
  /** For the audit entry: the sender, and the messaging module's reference to the exchange. */
  actorId?: string | null;
  exchangeRef?: string | null;
  /** A look-ahead before sending (who would approve): decided, not audited, nothing is relayed. */
  preview?: boolean;
  /** The caller appends the audit entry itself (auditDecision), together with its own. */
  auditLater?: boolean;
}

/** What the messaging and requests modules are given to enforce disclosure policies. */
export interface PolicyEnforcement extends ApprovalEvents {
  decideExchange(input: ExchangeToDecide): Promise<Decision>;
  /** The audit entry of a decision taken with `auditLater`. */
  auditDecision(input: ExchangeToDecide, decision: Decision): Promise<void>;
  /** Files an exchange whose decision is 'approve' for the holding states' national admins (idempotent per exchangeRef). */
  holdForApproval(input: HoldRequest): Promise<ApprovalView>;
  /** The settlement of the exchange's approval once it is final (undefined while pending), for reconciling lost events. */
  settledApproval(exchangeRef: string): Promise<ApprovalSettledEvent | undefined>;
}

const reasonKey = (reason: Reason): string =>
  `${reason.state}@${reason.policyVersion ?? 'none'}/${reason.direction}/${reason.ruleId}`;

/**
 * Metadata only: the effect, who is involved, which policy versions and rules decided, as
 * `viewerState`'s people may read it: other states' unpublished rules appear as
 * "<state>@<version>/<direction>/unpublished", never by their ids.
 */
function auditData(input: ExchangeToDecide, full: Decision, viewerState: StateCode): Record<string, string | string[]> {
  const decision = redactDecision(full, viewerState);
  const versions = new Set<string>();
  const rules = new Set<string>();
  for (const recipient of decision.perRecipient) {
    for (const [state, version] of Object.entries(recipient.policyVersions)) versions.add(`${state}@${version}`);
    for (const reason of recipient.reasons) rules.add(reasonKey(reason));
  }
  return {
    effect: decision.effect,
    kind: input.kind,
    domain: input.labels.domain,
    category: input.labels.category,
    classification: input.labels.classification,
    handling: input.labels.handling,
    at: input.at.toISOString(),
    toStates: decision.perRecipient.map((r) => r.state),
    perRecipient: decision.perRecipient.map((r) => `${r.state}:${r.effect}`),
    policyVersions: [...versions].sort(),
    rules: [...rules],
  };
}

/**
 * Decides an exchange against the policies in force of the sender's and recipients' states
 * (checked against the database on every call, so a version published on any node applies at
 * once), and audits the decision under the sender's state.
 */
export async function decideExchange(deps: PoliciesDeps, input: ExchangeToDecide): Promise<Decision> {
  const states = [...new Set([input.fromState, ...input.toStates])];
  const loaded = await deps.store.current(states);
  const compiled = new Map<StateCode, CompiledPolicy>([...loaded].map(([state, policy]) => [state, policy.compiled]));
  const decision = evaluate(
    { labels: input.labels, kind: input.kind, from: input.fromState, to: input.toStates, at: input.at },
    compiled,
  );
  if (input.preview === true) return decision;
  deps.metrics.policyDecision(decision.effect);
  if (input.auditLater !== true) await auditDecision(deps, input, decision);
  return decision;
}

/** Other states whose own rule restricted the exchange (denied, held or set conditions). */
export function restrictingStates(decision: Decision, fromState: StateCode): StateCode[] {
  const states = new Set<StateCode>();
  for (const recipient of decision.perRecipient)
    for (const reason of recipient.reasons)
      if (reason.state !== fromState && reason.effect !== 'allow' && reason.ruleId !== 'no-policy')
        states.add(reason.state);
  return [...states].sort();
}

/**
 * The decision goes into the sender's state's trail (`policy.decision`) and, when another state's
 * rule restricted it, into that state's trail too (`policy.rule-applied`, redacted for that state),
 * so each state's trail tells its own story. All are appended together: one group commit.
 */
async function auditDecision(deps: PoliciesDeps, input: ExchangeToDecide, decision: Decision): Promise<void> {
  const common = { actorId: input.actorId ?? null, subjectId: input.exchangeRef ?? null };
  await Promise.all([
    deps.audit.append({
      type: 'policy.decision',
      ...common,
      state: input.fromState,
      data: auditData(input, decision, input.fromState),
    }),
    ...restrictingStates(decision, input.fromState).map((state) =>
      deps.audit.append({
        type: 'policy.rule-applied',
        ...common,
        state,
        data: { ...auditData(input, decision, state), fromState: input.fromState },
      }),
    ),
  ]);
}

export function createPolicyEnforcement(deps: PoliciesDeps): PolicyEnforcement {
  return {
    decideExchange: (input) => decideExchange(deps, input),
    auditDecision: (input, decision) => auditDecision(deps, input, decision),
    holdForApproval: (input) => holdForApproval(deps, input),
    onApprovalSettled: (listener) => deps.approvalEvents.onApprovalSettled(listener),
    async settledApproval(exchangeRef) {
      const record = await deps.approvals.findByExchangeRef(exchangeRef);
      if (!record?.finalized || !record.settlement) return undefined;
      const { settlement } = record;
      return {
        approvalId: record.id,
        exchangeRef: record.exchangeRef,
        status: settlement.status,
        fromUserId: record.fromUserId,
        fromState: record.fromState,
        toStates: record.toStates,
        decidedBy: settlement.decidedBy,
        comment: settlement.comment,
        settledAt: settlement.at,
      };
    },
  };
}
