import { fromBase64Url } from '../../../shared/crypto/encoding.js';
import type { Envelope } from '../../../shared/crypto/envelope-format.js';
import { verifyEnvelope } from '../../../shared/crypto/verify-envelope.js';
import { AppError } from '../../../shared/errors.js';
import { describeDecision, redactDecision, refusalOf, type Decision } from '../../../shared/policy/index.js';
import { HANDLING_CODES } from '../../../shared/schemas/labels.js';
import type { SendMessageResult } from '../../../shared/schemas/messaging.js';
import type { StoredMessage } from './ports.js';
import type { User } from '../accounts/ports/users.js';
import { authorize } from '../accounts/authorize.js';
import { checkApprovers } from './approvers.js';
import { checkReceipt } from './check-receipt.js';
import { toDelivered } from './delivered-view.js';
import type { DirectorySnapshot } from '../directory/directory-index.js';
import type { ExchangeOutcome } from '../../system/metrics-port.js';
import type { MessagingDeps } from './messaging-deps.js';

const DAY_MS = 86_400_000;
const RECEIPT_DECISION: Decision = { effect: 'allow', perRecipient: [], conditions: {} };

/** Every recipient is an active focal point of the state named, serving the domain, whose state takes part in it. */
async function checkRecipients(deps: MessagingDeps, envelope: Envelope): Promise<void> {
  const directory = await deps.index.snapshot();
  const { domain } = envelope.header.labels;
  const retiredAt = directory.domains.get(domain)?.retiredAt;
  if (retiredAt !== undefined) {
    checkInRetiredDomain(directory, envelope, retiredAt);
    return;
  }
  const senderState = directory.states.get(envelope.header.from.state);
  if (!senderState?.domains.includes(domain))
    throw new AppError('domain.not-participating', `your state does not take part in ${domain}`);
  for (const recipient of envelope.header.to) {
    const record = directory.byUserId.get(recipient.userId);
    if (!record || record.user.state !== recipient.state)
      throw new AppError(
        'message.recipient-invalid',
        `recipient ${recipient.userId} is not an active focal point of ${recipient.state}`,
      );
    if (!record.domains.includes(domain))
      throw new AppError('message.recipient-invalid', `recipient ${recipient.userId} does not serve ${domain}`);
  }
}

/**
 * A retired domain takes no new exchanges. What finishes earlier ones still passes, so nothing
 * under way is stranded: read receipts, and the steps of request cases opened before (the
 * requests module checks that the step is the case's). Their recipients must still be active.
 */
function checkInRetiredDomain(directory: DirectorySnapshot, envelope: Envelope, retiredAt: string): void {
  const { header } = envelope;
  if (header.kind !== 'receipt' && header.kind !== 'request:transition') {
    throw new AppError(
      'domain.retired',
      `the domain ${header.labels.domain} was retired by network decision on ${retiredAt.slice(0, 10)}: no new exchanges in it`,
      [{ path: ['envelope', 'header', 'labels', 'domain'], message: 'retired' }],
    );
  }
  for (const recipient of header.to) {
    const record = directory.byUserId.get(recipient.userId);
    if (!record || record.user.state !== recipient.state)
      throw new AppError(
        'message.recipient-invalid',
        `recipient ${recipient.userId} is not an active focal point of ${recipient.state}`,
      );
  }
}

/** Attachments must be the sender's own finished uploads, not yet sent with another message. */
async function checkAttachments(deps: MessagingDeps, actor: User, ids: string[]): Promise<void> {
  for (const id of new Set(ids)) {
    const attachment = await deps.attachments.find(id);
    if (!attachment || attachment.uploaderId !== actor.id || !attachment.complete || attachment.messageId !== null) {
      throw new AppError('message.invalid', `attachment ${id} is not an unsent upload of yours`);
    }
  }
}

/** Conditions the sender's client had to apply before sending (it signed the labels; the server cannot change them). */
function checkConditions(envelope: Envelope, decision: Decision): void {
  const min = decision.conditions.minHandling;
  if (min && HANDLING_CODES.indexOf(envelope.header.labels.handling) < HANDLING_CODES.indexOf(min)) {
    throw new AppError(
      'policy.conditions-unmet',
      `the disclosure policy requires handling code ${min} or stricter; relabel and send again`,
      [{ path: ['envelope', 'header', 'labels', 'handling'], message: `at least ${min}` }],
    );
  }
}

/** The sender's state reads its own rules and published ones; other states' unpublished rules only as "not published". */
function denied(decision: Decision, senderState: string): AppError {
  const redacted = redactDecision(decision, senderState);
  const reasons = [...describeDecision(redacted, 'en')];
  return new AppError(
    'policy.denied',
    `the disclosure policy does not allow this exchange: ${reasons.join(' ')}`,
    reasons.map((message) => ({ path: ['policy'], message })),
    refusalOf(redacted, senderState),
  );
}

/**
 * The relay's intake: every check of the handbook, then a durable write before the answer.
 * A retry with the same msgId returns the first answer (and completes a copy lost in a crash).
 * Retries are rare, so the stored message is looked up only when they show: the insert finds the
 * id taken, or a check fails that the first attempt passed (its attachments are bound now, its
 * time is old, the policy changed since). A first send costs no read.
 */
export async function sendMessage(
  deps: MessagingDeps,
  actor: User,
  envelope: Envelope,
  attachmentIds: string[],
): Promise<SendMessageResult> {
  authorize(actor, 'exchange:take-part', {}, 'only focal points exchange messages');
  const { header } = envelope;
  if (header.from.userId !== actor.id || header.from.state !== actor.state)
    throw new AppError('message.not-sender', 'the envelope names another sender');
  // A circular goes to an audience through POST /api/circulars (its recipient limit is that route's).
  if (header.kind === 'circular')
    throw new AppError('message.invalid', 'a circular is sent as a circular, not a message');
  try {
    return await checkAndStore(deps, actor, envelope, attachmentIds);
  } catch (error) {
    const existing = await deps.messages.findBySenderMsgId(actor.id, header.msgId).catch(() => undefined);
    if (existing) return settleRetry(deps, existing);
    throw error;
  }
}

async function checkAndStore(
  deps: MessagingDeps,
  actor: User,
  envelope: Envelope,
  attachmentIds: string[],
): Promise<SendMessageResult> {
  const { header } = envelope;
  const now = deps.clock.now();
  if (Math.abs(header.ts - now.getTime()) > deps.maxClockSkewMs)
    throw new AppError('message.clock-skew', "the message time is too far from the server's: check the device clock");
  if (!actor.keys) throw new AppError('keys.invalid', 'you have no verified keys');
  const verdict = await verifyEnvelope(envelope, fromBase64Url(actor.keys.identityKey));
  if (!verdict.ok) throw new AppError('message.invalid', verdict.message);
  await checkRecipients(deps, envelope);
  await checkAttachments(deps, actor, attachmentIds);

  const id = deps.messages.idFor(actor.id, header.msgId);
  const exchange = {
    labels: header.labels,
    kind: header.kind,
    fromState: header.from.state,
    toStates: header.to.map((r) => r.state),
    at: now,
    actorId: actor.id,
    exchangeRef: id,
  };
  // A checked read receipt says only "read" to the sender of what it reports: no policy applies.
  const receipt = await checkReceipt(deps, actor, envelope, attachmentIds, id);
  const decision = receipt ? RECEIPT_DECISION : await deps.policy.decideExchange({ ...exchange, auditLater: true });
  // The decision's audit entry is appended with the storage's (one group commit), or alone when
  // the exchange goes no further: every decision is audited either way.
  const auditDecision = (): Promise<void> =>
    receipt ? Promise.resolve() : deps.policy.auditDecision(exchange, decision);
  let stored: { message: StoredMessage; created: boolean };
  const held = decision.effect === 'approve';
  // Exchanges the policy check passed on (receipts are not checked, so not counted).
  const counted = (outcome: ExchangeOutcome): void => {
    if (!receipt) deps.metrics.exchange(header.labels.domain, outcome);
  };
  try {
    if (decision.effect === 'deny') {
      counted('denied');
      throw denied(decision, header.from.state);
    }
    checkConditions(envelope, decision);
    await checkApprovers(deps, envelope, decision);
    await deps.requests?.check(actor, envelope, now);
    const { retentionDays } = decision.conditions;
    stored = await deps.messages.insert(id, {
      senderId: actor.id,
      envelope,
      attachmentIds,
      status: held ? 'held' : 'accepted',
      conditions: { ...decision.conditions },
      storedAt: now,
      retentionUntil: retentionDays ? new Date(now.getTime() + retentionDays * DAY_MS) : null,
    });
    if (stored.created) {
      // A held request or step counts once released: its recipient cannot see it before.
      if (!held) await deps.requests?.record(stored.message);
      if (attachmentIds.length > 0) await deps.attachments.bind(attachmentIds, actor.id, stored.message.id);
    }
  } catch (error) {
    // Held for want of approvers, the client re-seals and sends again at once: that send's decision is the exchange's.
    if (!(error instanceof AppError && error.code === 'message.approvers-required')) await auditDecision();
    throw error;
  }
  const { message, created } = stored;
  // A retry that lost the race to its first attempt: that attempt audits the decision.
  if (!created) return settleRetry(deps, message);
  const auditStorage = (): Promise<unknown> =>
    Promise.all([
      auditDecision(),
      deps.audit.append({
        type: 'message.stored',
        actorId: actor.id,
        state: actor.state,
        subjectId: message.id,
        data: { kind: header.kind, domain: header.labels.domain, recipients: header.to.length, status: message.status },
      }),
    ]);
  if (!held) {
    // Queued while the audit entries are written. Pushed only then, right before the answer
    // goes out: the sender hears "accepted" before any "delivered" for it.
    await Promise.all([auditStorage(), deps.deliveries.enqueue(message)]);
    push(deps, message);
    counted('accepted');
    return { id: message.id, status: 'accepted' };
  }
  await auditStorage();
  const approval = await deps.policy.holdForApproval({
    exchangeRef: message.id,
    fromUserId: actor.id,
    fromState: header.from.state,
    toStates: header.to.map((r) => r.state),
    labels: header.labels,
    kind: header.kind,
    decision,
  });
  await deps.messages.setStatus(message.id, 'held', { approvalId: approval.id });
  counted('held');
  return { id: message.id, status: 'held', approvalId: approval.id };
}

/** Queues a copy per recipient (durably) and pushes it to those online. Idempotent. */
export async function release(deps: MessagingDeps, message: StoredMessage): Promise<void> {
  await deps.deliveries.enqueue(message);
  push(deps, message);
}

/** The live copies for recipients online (the queued ones wait for the others). */
function push(deps: MessagingDeps, message: StoredMessage): void {
  const delivered = toDelivered(message);
  for (const recipientId of message.recipientIds) deps.notifier.deliver(recipientId, delivered);
}

async function settleRetry(deps: MessagingDeps, message: StoredMessage): Promise<SendMessageResult> {
  if (message.status === 'accepted') await deps.requests?.record(message); // the first attempt may have died before recording
  if (message.status === 'accepted') {
    await deps.deliveries.enqueue(message); // the first attempt may have died before queueing
    return { id: message.id, status: 'accepted' };
  }
  if (message.status === 'held') {
    if (message.approvalId) return { id: message.id, status: 'held', approvalId: message.approvalId };
    // The first attempt stored the message but died before filing its approval: file it now.
    const { header } = message.envelope;
    // The first attempt audited its decision with the storage; this one completes it, unaudited.
    const decision = await deps.policy.decideExchange({
      labels: header.labels,
      kind: header.kind,
      fromState: header.from.state,
      toStates: header.to.map((r) => r.state),
      at: message.storedAt,
      actorId: message.senderId,
      exchangeRef: message.id,
      auditLater: true,
    });
    if (decision.effect !== 'approve') {
      await deps.requests?.record({ ...message, status: 'accepted' });
      await deps.messages.setStatus(message.id, 'accepted');
      await release(deps, { ...message, status: 'accepted' });
      return { id: message.id, status: 'accepted' };
    }
    const approval = await deps.policy.holdForApproval({
      exchangeRef: message.id,
      fromUserId: message.senderId,
      fromState: header.from.state,
      toStates: header.to.map((r) => r.state),
      labels: header.labels,
      kind: header.kind,
      decision,
    });
    await deps.messages.setStatus(message.id, 'held', { approvalId: approval.id });
    return { id: message.id, status: 'held', approvalId: approval.id };
  }
  throw new AppError('policy.denied', `this message was ${message.status} by the approving national administrators`);
}
