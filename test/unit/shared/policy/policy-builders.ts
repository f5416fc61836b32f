/** Builders shared by the table-driven evaluate tests: terse policies, a fixed time and labels. */
import { evaluate, type Decision } from '../../../../shared/policy/index.js';
import type { ExchangeKind, Labels, StateCode } from '../../../../shared/schemas/labels.js';
import type { DefaultEffect, PolicyBody, PolicyRule } from '../../../../shared/schemas/policy.js';
import { compileAll } from './arbitraries.js';

export const AT = new Date('2026-03-01T12:00:00Z');
export const LABELS: Labels = {
  domain: 'border',
  category: 'personal-data',
  classification: 'restricted',
  handling: 'H1',
};

export type RuleSpec = Omit<PolicyRule, 'legalBasis'> & { legalBasis?: PolicyRule['legalBasis'] };

export function rule(spec: RuleSpec): PolicyRule {
  return { legalBasis: { en: `basis ${spec.id}` }, ...spec };
}

export function policy(state: StateCode, defaultEffect: DefaultEffect, rules: RuleSpec[], version = 1): PolicyBody {
  return { state, version, defaultEffect, rules: rules.map(rule) };
}

export interface Input {
  labels?: Labels;
  kind?: ExchangeKind;
  from?: StateCode;
  to?: StateCode[];
  at?: Date;
}

export function run(policies: PolicyBody[], input: Input = {}): Decision {
  return evaluate(
    {
      labels: input.labels ?? LABELS,
      kind: input.kind ?? 'message',
      from: input.from ?? 'KZ',
      to: input.to ?? ['RU'],
      at: input.at ?? AT,
    },
    compileAll(policies),
  );
}

/** Compact reason: state/direction/ruleId/effect. */
export function reasonsOf(decision: Decision, index = 0): string[] {
  return (decision.perRecipient[index]?.reasons ?? []).map((r) => `${r.state}/${r.direction}/${r.ruleId}/${r.effect}`);
}
