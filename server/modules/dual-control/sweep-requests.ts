import type { DualControlDeps } from './dual-control-deps.js';
import { expire } from './settle.js';

/** How often a node looks for requests whose time ran out. */
export const DUAL_CONTROL_SWEEP_INTERVAL_MS = 60_000;
/** A claimed decision not written after this long belongs to a node that stopped. */
const ABANDONED_AFTER_MS = 5 * 60_000;

/**
 * Marks pending requests past their time as expired, each with its audit entry. A request whose
 * decision was claimed by a node that stopped before finishing gets that decision written now;
 * an approval that stopped there is recorded as cancelled (whether its action ran is unknown to
 * the record, and the action's own audit entry tells).
 */
export async function sweepDualControl(deps: DualControlDeps): Promise<number> {
  let swept = 0;
  for (const record of await deps.requests.listExpired(deps.clock.now())) {
    if (await expire(deps, record)) {
      swept += 1;
      continue;
    }
    const claimed = await deps.requests.claimed(record.id);
    if (!claimed || deps.clock.now().getTime() - claimed.at.getTime() < ABANDONED_AFTER_MS) continue;
    const unfinished = claimed.status === 'approved';
    await deps.requests.finalize(
      record,
      unfinished ? { ...claimed, status: 'cancelled', comment: 'interrupted while being carried out' } : claimed,
    );
    swept += 1;
  }
  return swept;
}
