import type { PolicyBody, PolicyRule } from '../schemas/policy.js';

/**
 * The rules of a policy that other states may read (those with `published: true`), in the
 * policy's order. Unpublished rules still apply; they are only not shown to other states.
 */
export function publishedSummary(policy: PolicyBody): PolicyRule[] {
  return policy.rules.filter((rule) => rule.published === true);
}
