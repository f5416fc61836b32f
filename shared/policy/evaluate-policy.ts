import type { StateCode } from '../schemas/labels.js';
import type { PolicyConditions, PolicyDirection, PolicyEffect } from '../schemas/policy.js';
import { stricterEffect } from './combine-effects.js';
import type { CompiledPolicy, CompiledRule, RuleBuckets } from './compile-policy.js';
import {
  NO_POLICY_RULE_ID,
  type Decision,
  type EvaluationInput,
  type Reason,
  type RecipientDecision,
} from './decision.js';
import { NO_POLICY_LEGAL_BASIS } from './engine-legal-basis.js';
import { bucketOfLabels, kindBit } from './label-index.js';
import { mergeConditions } from './merge-conditions.js';

/** What one policy (one direction) says about one exchange. */
interface PolicyVerdict {
  readonly effect: PolicyEffect;
  /** Matching rules, strictest first then by id; empty when the fallback applied. */
  readonly matches: readonly CompiledRule[];
  /** The default or no-policy reason, used when nothing matched. */
  readonly fallback: Reason;
}

/** Everything about an exchange that is the same for every recipient. */
interface Probe {
  readonly domain: string;
  readonly bucket: number;
  readonly kindBit: number;
  readonly at: number;
}

function matchBucket(buckets: RuleBuckets, probe: Probe, counterpart: StateCode): CompiledRule[] {
  const matches: CompiledRule[] = [];
  for (const rule of (buckets.byDomain.get(probe.domain) ?? buckets.anyDomain)[probe.bucket] ?? []) {
    if (
      (rule.kindMask & probe.kindBit) !== 0 &&
      probe.at >= rule.validFrom &&
      probe.at < rule.validUntil &&
      (rule.counterparts === null || rule.counterparts.has(counterpart) !== rule.exceptCounterparts)
    ) {
      matches.push(rule);
    }
  }
  return matches;
}

function verdictOf(
  policies: ReadonlyMap<StateCode, CompiledPolicy>,
  state: StateCode,
  direction: PolicyDirection,
  counterpart: StateCode,
  probe: Probe,
): PolicyVerdict {
  const policy = policies.get(state);
  if (policy === undefined) {
    const fallback: Reason = {
      state,
      policyVersion: null,
      ruleId: NO_POLICY_RULE_ID,
      direction,
      effect: 'allow',
      legalBasis: NO_POLICY_LEGAL_BASIS,
      published: true,
    };
    return { effect: 'allow', matches: [], fallback };
  }
  // A policy filed under another state's key would silently apply the wrong law.
  if (policy.state !== state) throw new RangeError(`policy engine: policy of ${policy.state} given for ${state}`);
  const matches = matchBucket(direction === 'outbound' ? policy.outbound : policy.inbound, probe, counterpart);
  const first = matches[0];
  return {
    effect: first === undefined ? policy.defaultEffect : first.effect,
    matches,
    fallback: policy.defaultReasons[direction],
  };
}

/**
 * The reasons that decided `effect`: rules with that effect, plus — when the exchange is held
 * for approval — the 'conditions' rules, whose conditions still bind once it is released.
 */
function decidingReasons(verdict: PolicyVerdict, effect: PolicyEffect, into: Reason[]): void {
  if (verdict.matches.length === 0) {
    if (verdict.fallback.effect === effect) into.push(verdict.fallback);
    return;
  }
  for (const rule of verdict.matches) {
    if (rule.effect === effect || (effect === 'approve' && rule.effect === 'conditions')) into.push(rule.reason);
  }
}

function conditionsOf(verdicts: readonly PolicyVerdict[], effect: PolicyEffect): PolicyConditions {
  if (effect === 'deny') return {};
  const list: PolicyConditions[] = [];
  for (const verdict of verdicts) {
    for (const rule of verdict.matches) if (rule.conditions !== undefined) list.push(rule.conditions);
  }
  return mergeConditions(list);
}

function evaluateRecipient(
  input: EvaluationInput,
  to: StateCode,
  probe: Probe,
  policies: ReadonlyMap<StateCode, CompiledPolicy>,
): RecipientDecision {
  const outbound = verdictOf(policies, input.from, 'outbound', to, probe);
  const inbound = verdictOf(policies, to, 'inbound', input.from, probe);
  const effect = stricterEffect(outbound.effect, inbound.effect);
  const reasons: Reason[] = [];
  decidingReasons(outbound, effect, reasons);
  decidingReasons(inbound, effect, reasons);
  const versions: [StateCode, number][] = [];
  for (const state of input.from === to ? [to] : [input.from, to]) {
    const policy = policies.get(state);
    if (policy !== undefined) versions.push([state, policy.version]);
  }
  return {
    state: to,
    effect,
    conditions: conditionsOf([outbound, inbound], effect),
    reasons,
    // fromEntries defines own properties, so even a hostile key cannot reach a prototype.
    policyVersions: Object.fromEntries(versions),
  };
}

/**
 * Decides whether an exchange may go from the sender's state to each recipient state.
 *
 * Per recipient, the sender's outbound rules (counterpart = recipient) and the recipient's
 * inbound rules (counterpart = sender) apply; within one policy every matching rule counts,
 * and the policy's default applies only when none matches; a state without a policy allows.
 * Effects combine strictest-first (deny > approve > conditions > allow); conditions merge
 * strictest-wins and are empty for a denied recipient. A rule matches when `at` is within
 * [validFrom, validUntil). The overall effect is the strictest over recipients; the overall
 * conditions are merged over all of them. An empty recipient list yields 'allow' with no
 * entries (nothing is disclosed to anyone).
 *
 * Pure and deterministic: the same input gives the same decision whatever the rule order.
 * Throws RangeError on an invalid `at` and TypeError on labels or kinds outside the vocabulary.
 */
export function evaluate(input: EvaluationInput, policies: ReadonlyMap<StateCode, CompiledPolicy>): Decision {
  const at = input.at.getTime();
  if (Number.isNaN(at)) throw new RangeError('policy engine: invalid evaluation time');
  const probe: Probe = { ...bucketOfLabels(input.labels), kindBit: kindBit(input.kind), at };
  const perRecipient: RecipientDecision[] = [];
  const seen = new Set<StateCode>();
  let effect: PolicyEffect = 'allow';
  for (const to of input.to) {
    if (seen.has(to)) continue;
    seen.add(to);
    const decision = evaluateRecipient(input, to, probe, policies);
    perRecipient.push(decision);
    effect = stricterEffect(effect, decision.effect);
  }
  return { effect, perRecipient, conditions: mergeConditions(perRecipient.map((r) => r.conditions)) };
}
