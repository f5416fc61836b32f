import type { ApprovalSettledEvent } from '../policies/approval-events.js';
import { AppError } from '../../../shared/errors.js';
import type { StoredMessage } from './ports.js';
import type { MessagingDeps } from './messaging-deps.js';
import { release } from './send-message.js';

/**
 * A held message's approval settled: approved → released to its recipients; rejected or
 * expired → dropped. The sender is told either way. Idempotent (the reconciler may repeat it).
 */
export async function onApprovalSettled(deps: MessagingDeps, event: ApprovalSettledEvent): Promise<void> {
  const message = await deps.messages.findById(event.exchangeRef);
  if (!message || message.status !== 'held') return;
  const now = deps.clock.now().toISOString();
  if (event.status === 'approved') {
    if (!(await recordRequest(deps, message, event, now))) return;
    // Queue first, then mark accepted: a crash in between leaves it held, and the reconciler repeats both.
    await release(deps, { ...message, status: 'accepted' });
    await deps.messages.setStatus(message.id, 'accepted');
    await deps.audit.append({
      type: 'message.released',
      actorId: event.decidedBy,
      state: message.envelope.header.from.state,
      subjectId: message.id,
      data: { approvalId: event.approvalId },
    });
    deps.notifier.status(message.senderId, {
      id: message.id,
      msgId: message.msgId,
      status: 'released',
      at: now,
      comment: event.comment,
    });
    return;
  }
  await deps.messages.setStatus(message.id, event.status === 'rejected' ? 'rejected' : 'expired');
  await deps.audit.append({
    type: 'message.dropped',
    actorId: event.decidedBy,
    state: message.envelope.header.from.state,
    subjectId: message.id,
    data: { approvalId: event.approvalId, status: event.status },
  });
  deps.notifier.status(message.senderId, {
    id: message.id,
    msgId: message.msgId,
    status: event.status === 'rejected' ? 'rejected' : 'expired',
    at: now,
    comment: event.comment,
  });
}

/**
 * A released request or request step is recorded now; a step the case no longer allows (the
 * other side acted meanwhile) is dropped instead of delivered, and the sender told why.
 */
async function recordRequest(
  deps: MessagingDeps,
  message: StoredMessage,
  event: ApprovalSettledEvent,
  now: string,
): Promise<boolean> {
  try {
    await deps.requests?.record(message);
    return true;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await deps.audit.append({
      type: 'message.dropped',
      actorId: event.decidedBy,
      state: message.envelope.header.from.state,
      subjectId: message.id,
      data: { approvalId: event.approvalId, status: 'request-step-refused', code: error.code },
    });
    deps.notifier.status(message.senderId, {
      id: message.id,
      msgId: message.msgId,
      status: 'rejected',
      at: now,
      comment: error.message,
    });
    return false;
  }
}
