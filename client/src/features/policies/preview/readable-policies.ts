import {
  compilePolicy,
  evaluate,
  redactDecision,
  type CompiledPolicy,
  type Decision,
  type RecipientDecision,
} from '../../../../../shared/policy/index';
import type { ExchangeKind, Labels, StateCode } from '../../../../../shared/schemas/labels';
import type { FullPolicyView, PublishedPolicyView } from '../../../../../shared/schemas/policy-api';
import type { PolicyBody } from '../../../../../shared/schemas/policy';

/** A policy as this client can read it: in full (the own state's) or its published rules only. */
export interface ReadablePolicy {
  readonly body: PolicyBody;
  readonly scope: 'full' | 'published';
}

export type ReadablePolicies = ReadonlyMap<StateCode, ReadablePolicy>;

/** Every state's published rules, with the own state's full policy in place of its published part. */
export function readablePolicies(
  published: readonly PublishedPolicyView[],
  own: FullPolicyView | null,
): ReadablePolicies {
  const map = new Map<StateCode, ReadablePolicy>();
  for (const view of published) {
    map.set(view.state, {
      scope: 'published',
      body: { state: view.state, version: view.version, defaultEffect: view.defaultEffect, rules: view.rules },
    });
  }
  if (own !== null) map.set(own.policy.state, { scope: 'full', body: own.policy });
  return map;
}

/** Policies indexed for the engine; compile once per load, evaluate on every change of the form. */
export function compileReadable(policies: ReadablePolicies): ReadonlyMap<StateCode, CompiledPolicy> {
  return new Map([...policies].map(([state, policy]) => [state, compilePolicy(policy.body)]));
}

export interface PreviewRecipient {
  readonly decision: RecipientDecision;
  /** States of this exchange whose unpublished rules this client cannot see (the server applies them). */
  readonly partialStates: readonly StateCode[];
}

export interface PreviewResult {
  readonly decision: Decision;
  readonly recipients: readonly PreviewRecipient[];
}

export interface PreviewInput {
  readonly labels: Labels;
  readonly kind: ExchangeKind;
  readonly from: StateCode;
  readonly to: readonly StateCode[];
  readonly at: Date;
}

/** The shared engine's decision on what this client can read, and where it may know too little. */
export function previewDecision(
  input: PreviewInput,
  policies: ReadablePolicies,
  compiled: ReadonlyMap<StateCode, CompiledPolicy>,
): PreviewResult {
  // Explained as the server explains decisions to a sender: other states' unpublished rules only
  // as "not published". The viewer is the state read in full (this client's own), whichever
  // state the preview sends from; a client normally holds no other state's unpublished rules.
  const viewer = [...policies].find(([, policy]) => policy.scope === 'full')?.[0] ?? null;
  const decision = redactDecision(evaluate(input, compiled), viewer);
  const partial = (state: StateCode): boolean => policies.get(state)?.scope === 'published';
  return {
    decision,
    recipients: decision.perRecipient.map((recipient) => ({
      decision: recipient,
      partialStates: [...new Set([input.from, recipient.state])].filter(partial),
    })),
  };
}
