import type { HandlingCode } from '../schemas/labels.js';

/** Conditions attached to a delivered exchange by the disclosure policies (subset of DeliveryConditions). */
export interface UseConditions {
  noOnwardDissemination?: boolean | undefined;
  notAsEvidence?: boolean | undefined;
}

export interface OnwardUse {
  /** May be passed on to another authority or state without asking the provider. */
  mayDisseminate: boolean;
  /** May be used as evidence in judicial proceedings without asking the provider. */
  mayUseAsEvidence: boolean;
}

/**
 * What the receiving client lets a person do with received information, from its handling
 * code and the policy conditions. The project reads the codes as: H0 no restriction;
 * H1 not as evidence without the provider's consent; H2 also no onward dissemination without
 * consent; H3 both, plus restrictions stated in the (encrypted) answer. Whatever is not
 * allowed needs a 'request:consent' to the providing state.
 */
export function onwardUse(handling: HandlingCode, conditions: UseConditions = {}): OnwardUse {
  const level = Number(handling.slice(1));
  return {
    mayDisseminate: level < 2 && conditions.noOnwardDissemination !== true,
    mayUseAsEvidence: level < 1 && conditions.notAsEvidence !== true,
  };
}
