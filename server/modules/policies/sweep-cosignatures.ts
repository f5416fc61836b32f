import { awaitingState } from './awaiting-versions.js';
import type { PoliciesDeps } from './policies-deps.js';

/** How often each node looks for policy versions whose time for a second signature ran out. */
export const COSIGNATURE_SWEEP_INTERVAL_MS = 5 * 60_000;
/** A deadline older than this was swept long ago (or belongs to a superseded version): not looked at again. */
const LOOKBACK_MS = 30 * 86_400_000;

/**
 * Records the expiry of waiting policy versions nobody looked at after their deadline (looking
 * records it too): the audit entry `policy.cosignature-expired` then follows the deadline within
 * minutes. Safe on every node: the expiry marker is inserted once.
 */
export async function sweepCosignatures(deps: PoliciesDeps): Promise<number> {
  const now = deps.clock.now();
  const states = await deps.cosign.statesWithLapsed(new Date(now.getTime() - LOOKBACK_MS), now);
  let expired = 0;
  for (const state of states) {
    const { versions } = await awaitingState(deps, state);
    expired += versions.filter(({ status, awaiting }) => status === 'expired' && !awaiting.expiredAt).length;
  }
  return expired;
}
