import type { ExchangeKind, Labels, StateCode } from '../schemas/labels.js';
import type { LegalBasis, PolicyConditions, PolicyDirection, PolicyEffect } from '../schemas/policy.js';

/** Rule id in a reason when no rule of the policy matched and its default effect applied. */
export const DEFAULT_RULE_ID = 'default';
/** Rule id in a reason when the state has no policy in the set given to the engine. */
export const NO_POLICY_RULE_ID = 'no-policy';
/** Rule id in a reason redacted for a viewer who may not read the rule (see redactDecision). */
export const UNPUBLISHED_RULE_ID = 'unpublished';

/** Why a recipient got its effect: one rule (or default, or missing policy) of one state's policy. */
export interface Reason {
  /** The state whose policy this is. */
  readonly state: StateCode;
  /** Version of that policy; null when the state has no policy. */
  readonly policyVersion: number | null;
  /** The rule's id, or 'default', or 'no-policy'. */
  readonly ruleId: string;
  readonly direction: PolicyDirection;
  readonly effect: PolicyEffect;
  readonly legalBasis: LegalBasis;
  /**
   * Whether other states may read this reason: a rule marked `published`, a policy's default
   * (its default effect is public) or a missing policy. An unpublished rule is shown to other
   * states only as redacted (redactDecision).
   */
  readonly published: boolean;
}

export interface RecipientDecision {
  readonly state: StateCode;
  readonly effect: PolicyEffect;
  /** Merged conditions of this recipient; empty unless the effect is 'conditions' or 'approve'. */
  readonly conditions: PolicyConditions;
  /** The reasons that decided, sender's outbound first, then strictest first, then by rule id. */
  readonly reasons: readonly Reason[];
  /** Versions of every policy applied (sender's and recipient's), by state. */
  readonly policyVersions: Readonly<Record<StateCode, number>>;
}

export interface Decision {
  /** The strictest effect over all recipients. */
  readonly effect: PolicyEffect;
  /** One entry per distinct recipient state, in order of first appearance. */
  readonly perRecipient: readonly RecipientDecision[];
  /** Conditions merged over all recipients. */
  readonly conditions: PolicyConditions;
}

export interface EvaluationInput {
  readonly labels: Labels;
  readonly kind: ExchangeKind;
  /** The sender's state. */
  readonly from: StateCode;
  /** The recipients' states; repeats are evaluated once. */
  readonly to: readonly StateCode[];
  /** The instant the validity windows are checked against (the engine never reads a clock). */
  readonly at: Date;
}
