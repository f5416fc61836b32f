import { AppError } from '../../../shared/errors.js';
import type { HeldEnvelopeView } from '../../../shared/schemas/approvers.js';
import type { User } from '../accounts/ports/users.js';
import { loadForDecision } from '../policies/approvals.js';
import type { PoliciesDeps } from '../policies/policies-deps.js';
import type { MessagingDeps } from './messaging-deps.js';

/**
 * The ciphertext of a held exchange for a national admin who may decide on it (same check as
 * deciding: a holding state's admin, never the sender), once the sender sealed a key to them.
 * The server hands over ciphertext only; the audit entry names who fetched what, never content.
 */
export async function heldEnvelope(
  messaging: MessagingDeps,
  policies: PoliciesDeps,
  actor: User,
  approvalId: string,
): Promise<HeldEnvelopeView> {
  const { record, state } = await loadForDecision(policies, actor, approvalId);
  const message = await messaging.messages.findById(record.exchangeRef);
  if (!message) throw new AppError('message.not-found', 'the held exchange is no longer stored');
  if (!message.envelope.keys.some((key) => key.userId === actor.id)) {
    throw new AppError(
      'message.not-found',
      'this exchange was not sealed to you: it was sent without approvers, or before you became an approver',
    );
  }
  await messaging.audit.append({
    type: 'approval.envelope-read',
    actorId: actor.id,
    state,
    subjectId: record.id,
    data: { exchangeRef: record.exchangeRef, status: message.status },
  });
  return { approvalId: record.id, exchangeRef: record.exchangeRef, envelope: message.envelope };
}
