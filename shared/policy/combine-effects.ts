import type { PolicyEffect } from '../schemas/policy.js';

/** Effects from least to most strict; an effect's index is its strictness rank. */
export const EFFECTS_BY_STRICTNESS = [
  'allow',
  'conditions',
  'approve',
  'deny',
] as const satisfies readonly PolicyEffect[];

const RANK: Readonly<Record<PolicyEffect, number>> = { allow: 0, conditions: 1, approve: 2, deny: 3 };

/** Strictness rank of an effect: allow 0, conditions 1, approve 2, deny 3. */
export function effectRank(effect: PolicyEffect): number {
  return RANK[effect];
}

/** The stricter of two effects (deny > approve > conditions > allow). */
export function stricterEffect(a: PolicyEffect, b: PolicyEffect): PolicyEffect {
  return RANK[a] >= RANK[b] ? a : b;
}

/** The strictest of any number of effects; 'allow' when there are none. */
export function strictestEffect(effects: Iterable<PolicyEffect>): PolicyEffect {
  let strictest: PolicyEffect = 'allow';
  for (const effect of effects) strictest = stricterEffect(strictest, effect);
  return strictest;
}
