/**
 * A deliberately naive reading of the disclosure-policy rules (architecture.md), written
 * without the engine's index or helpers, as an oracle for property tests.
 */
import type { Decision, Reason, RecipientDecision } from '../../../../shared/policy/index.js';
import { HANDLING_CODES, type ExchangeKind, type Labels, type StateCode } from '../../../../shared/schemas/labels.js';
import type {
  PolicyBody,
  PolicyConditions,
  PolicyDirection,
  PolicyEffect,
  PolicyRule,
} from '../../../../shared/schemas/policy.js';

const ORDER: PolicyEffect[] = ['allow', 'conditions', 'approve', 'deny'];
const rank = (effect: PolicyEffect): number => ORDER.indexOf(effect);
const strictest = (effects: PolicyEffect[]): PolicyEffect =>
  effects.reduce((a, b) => (rank(b) > rank(a) ? b : a), 'allow');

export interface ReferenceInput {
  labels: Labels;
  kind: ExchangeKind;
  from: StateCode;
  to: StateCode[];
  at: Date;
}

/** Whether one rule applies to one exchange seen from its policy's side. */
export function ruleMatches(
  rule: PolicyRule,
  direction: PolicyDirection,
  input: ReferenceInput,
  counterpart: StateCode,
): boolean {
  const t = input.at.getTime();
  return (
    rule.direction === direction &&
    (rule.domains?.includes(input.labels.domain) ?? true) &&
    (rule.categories?.includes(input.labels.category) ?? true) &&
    (rule.classifications?.includes(input.labels.classification) ?? true) &&
    (rule.kinds?.includes(input.kind) ?? true) &&
    (rule.counterparts === undefined ||
      (Array.isArray(rule.counterparts)
        ? rule.counterparts.includes(counterpart)
        : !rule.counterparts.except.includes(counterpart))) &&
    (rule.validFrom === undefined || t >= new Date(rule.validFrom).getTime()) &&
    (rule.validUntil === undefined || t < new Date(rule.validUntil).getTime())
  );
}

function mergeAll(list: PolicyConditions[]): PolicyConditions {
  const out: PolicyConditions = {};
  const handling = list.flatMap((c) => (c.minHandling === undefined ? [] : [HANDLING_CODES.indexOf(c.minHandling)]));
  const days = list.flatMap((c) => (c.retentionDays === undefined ? [] : [c.retentionDays]));
  const maxHandling = HANDLING_CODES[Math.max(...handling)];
  if (handling.length > 0 && maxHandling !== undefined) out.minHandling = maxHandling;
  if (list.some((c) => c.noOnwardDissemination === true)) out.noOnwardDissemination = true;
  if (list.some((c) => c.notAsEvidence === true)) out.notAsEvidence = true;
  if (days.length > 0) out.retentionDays = Math.min(...days);
  return out;
}

interface Side {
  effect: PolicyEffect;
  matched: PolicyRule[];
  fallback: Reason;
}

function side(
  policy: PolicyBody | undefined,
  state: StateCode,
  direction: PolicyDirection,
  input: ReferenceInput,
  counterpart: StateCode,
): Side {
  if (policy === undefined) {
    return {
      effect: 'allow',
      matched: [],
      fallback: {
        state,
        policyVersion: null,
        ruleId: 'no-policy',
        direction,
        effect: 'allow',
        legalBasis: {
          en: 'No disclosure policy published by this state',
          ru: 'Это государство не опубликовало политику раскрытия информации',
        },
        published: true,
      },
    };
  }
  const matched = policy.rules.filter((rule) => ruleMatches(rule, direction, input, counterpart));
  const fallback: Reason = {
    state,
    policyVersion: policy.version,
    ruleId: 'default',
    direction,
    effect: policy.defaultEffect,
    legalBasis: {
      en: 'No rule of the policy applies; the default effect of the policy is used',
      ru: 'Ни одно правило политики не применимо; действует результат политики по умолчанию',
    },
    published: true,
  };
  return {
    effect: matched.length > 0 ? strictest(matched.map((r) => r.effect)) : policy.defaultEffect,
    matched,
    fallback,
  };
}

function reasonsOf(s: Side, policy: PolicyBody | undefined, final: PolicyEffect): Reason[] {
  if (s.matched.length === 0 || policy === undefined) return s.fallback.effect === final ? [s.fallback] : [];
  return s.matched
    .filter((r) => r.effect === final || (final === 'approve' && r.effect === 'conditions'))
    .sort((a, b) => rank(b.effect) - rank(a.effect) || (a.id < b.id ? -1 : 1))
    .map((r) => ({
      state: policy.state,
      policyVersion: policy.version,
      ruleId: r.id,
      direction: r.direction,
      effect: r.effect,
      legalBasis: { ...r.legalBasis },
      published: r.published === true,
    }));
}

/** The decision the engine must return, computed by linear scans over the uncompiled policies. */
export function referenceEvaluate(input: ReferenceInput, policies: readonly PolicyBody[]): Decision {
  const find = (state: StateCode): PolicyBody | undefined => policies.find((p) => p.state === state);
  const perRecipient: RecipientDecision[] = [...new Set(input.to)].map((to) => {
    const out = side(find(input.from), input.from, 'outbound', input, to);
    const inn = side(find(to), to, 'inbound', input, input.from);
    const effect = strictest([out.effect, inn.effect]);
    const conditions =
      effect === 'deny'
        ? {}
        : mergeAll(
            [...out.matched, ...inn.matched].flatMap((r) =>
              r.effect === 'conditions' && r.conditions ? [r.conditions] : [],
            ),
          );
    const policyVersions: Record<string, number> = {};
    for (const p of [find(input.from), find(to)]) if (p !== undefined) policyVersions[p.state] = p.version;
    return {
      state: to,
      effect,
      conditions,
      reasons: [...reasonsOf(out, find(input.from), effect), ...reasonsOf(inn, find(to), effect)],
      policyVersions,
    };
  });
  return {
    effect: strictest(perRecipient.map((r) => r.effect)),
    perRecipient,
    conditions: mergeAll(perRecipient.map((r) => r.conditions)),
  };
}
