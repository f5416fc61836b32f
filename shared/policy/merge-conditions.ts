import { HANDLING_CODES, type HandlingCode, type Labels } from '../schemas/labels.js';
import type { PolicyConditions } from '../schemas/policy.js';

function handlingRank(code: HandlingCode): number {
  return HANDLING_CODES.indexOf(code);
}

/**
 * Merges conditions strictest-wins: the highest minHandling, booleans OR-ed, the smallest
 * retentionDays. Only conditions that restrict something appear in the result (a `false`
 * boolean is the same as an absent one), so equal restrictions always merge to equal objects.
 */
export function mergeConditions(list: Iterable<PolicyConditions>): PolicyConditions {
  const merged: PolicyConditions = {};
  for (const c of list) {
    if (
      c.minHandling !== undefined &&
      (merged.minHandling === undefined || handlingRank(c.minHandling) > handlingRank(merged.minHandling))
    ) {
      merged.minHandling = c.minHandling;
    }
    if (c.noOnwardDissemination === true) merged.noOnwardDissemination = true;
    if (c.notAsEvidence === true) merged.notAsEvidence = true;
    if (
      c.retentionDays !== undefined &&
      (merged.retentionDays === undefined || c.retentionDays < merged.retentionDays)
    ) {
      merged.retentionDays = c.retentionDays;
    }
  }
  return merged;
}

/** Whether merged conditions restrict anything at all. */
export function hasConditions(conditions: PolicyConditions): boolean {
  return Object.keys(conditions).length > 0;
}

/**
 * Labels as they must be sent under the conditions: the handling code is raised to
 * `minHandling` when lower. The other conditions are not labels; the caller carries them
 * with the exchange. Returns a new object; the input is not changed.
 */
export function applyConditionsToLabels(labels: Labels, conditions: PolicyConditions): Labels {
  const min = conditions.minHandling;
  const handling = min !== undefined && handlingRank(labels.handling) < handlingRank(min) ? min : labels.handling;
  return { ...labels, handling };
}
