/** The disclosure-policy engine: pure, deterministic, shared by client (preview) and server (enforcement). */
export { compilePolicy, type CompiledPolicy } from './compile-policy.js';
export { evaluate } from './evaluate-policy.js';
export {
  DEFAULT_RULE_ID,
  NO_POLICY_RULE_ID,
  UNPUBLISHED_RULE_ID,
  type Decision,
  type EvaluationInput,
  type Reason,
  type RecipientDecision,
} from './decision.js';
export { EFFECTS_BY_STRICTNESS, effectRank, stricterEffect, strictestEffect } from './combine-effects.js';
export { applyConditionsToLabels, hasConditions, mergeConditions } from './merge-conditions.js';
export { describeDecision } from './describe-decision.js';
export type { DescribeLanguage } from './describe-messages.js';
export { publishedSummary } from './published-summary.js';
export { diffPolicies, type PolicyDiff } from './diff-policies.js';
export { DEFAULT_LEGAL_BASIS, NO_POLICY_LEGAL_BASIS, UNPUBLISHED_LEGAL_BASIS } from './engine-legal-basis.js';
export { redactDecision } from './redact-decision.js';
export { PolicyRefusal, refusalOf } from './policy-refusal.js';
export { withheldDirectoryFields, type DirectoryReader } from './directory-fields.js';
