import { onApprovalSettled } from './held-messages.js';
import type { MessagingDeps } from './messaging-deps.js';

/** A settlement older than this whose message is still held lost its event (the listener had ample time). */
export const LOST_SETTLEMENT_GRACE_MS = 5 * 60_000;
const PAGE = 200;

/**
 * Periodic repair: a held message whose approval was settled (approved, rejected, expired) but
 * whose settlement never reached messaging — the node stopped between settling the approval and
 * releasing the message, or the listener failed — is released or dropped now, exactly as the
 * event would have done (onApprovalSettled is idempotent).
 */
export async function reconcileHeldMessages(deps: MessagingDeps): Promise<{ released: number; dropped: number }> {
  const result = { released: 0, dropped: 0 };
  const cutoff = deps.clock.now().getTime() - LOST_SETTLEMENT_GRACE_MS;
  let after: { storedAt: Date; id: string } | undefined;
  for (;;) {
    const page = await deps.messages.heldPage(after, PAGE);
    for (const message of page) {
      const settled = await deps.policy.settledApproval(message.id);
      if (!settled || settled.settledAt.getTime() > cutoff) continue;
      await onApprovalSettled(deps, settled);
      if (settled.status === 'approved') result.released += 1;
      else result.dropped += 1;
    }
    const last = page.at(-1);
    if (!last || page.length < PAGE) return result;
    after = { storedAt: last.storedAt, id: last.id };
  }
}
