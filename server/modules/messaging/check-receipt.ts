import { canonicalJson } from '../../../shared/crypto/canonical-json.js';
import type { Envelope } from '../../../shared/crypto/envelope-format.js';
import { receiptBodyChars } from '../../../shared/crypto/receipt-format.js';
import { AppError } from '../../../shared/errors.js';
import type { User } from '../accounts/ports/users.js';
import type { MessagingDeps } from './messaging-deps.js';

const refused = (message: string, path: (string | number)[]): AppError =>
  new AppError('message.receipt-invalid', message, [{ path: ['envelope', ...path], message }]);

/**
 * A read receipt that names what it reports (`header.receiptOf`) tells the sender of those
 * messages only "read": it is relayed whatever the disclosure policies say, so the sender learns
 * it even when the reverse direction is closed. That is safe only for a receipt that is exactly
 * this, so each named message must have been sent by the receipt's one recipient to the actor and
 * released (not held, rejected or expired), be a free message, and carry the receipt's labels and
 * thread; the body must have the one length its header-determined payload has; no attachments.
 * The exemption is audited. Answers false for every other envelope, which takes the policy path
 * (receipts that name nothing included, as before).
 */
export async function checkReceipt(
  deps: MessagingDeps,
  actor: User,
  envelope: Envelope,
  attachmentIds: string[],
  exchangeRef: string,
): Promise<boolean> {
  const { header } = envelope;
  if (header.kind !== 'receipt' || header.receiptOf === undefined) return false;
  const [to] = header.to;
  if (!to || header.to.length !== 1)
    throw refused('a receipt goes to the one sender of the messages it reports', ['header', 'to']);
  if (attachmentIds.length > 0) throw refused('a receipt carries no attachments', ['attachmentIds']);
  if (envelope.body.length !== receiptBodyChars(header))
    throw refused('a receipt carries only the msgIds its header names and the time', ['body']);

  const originals: string[] = [];
  for (const [i, msgId] of header.receiptOf.entries()) {
    // A primary-key read (see MessageStore.idFor); one answer for every failure, so a
    // receipt is no oracle for other people's messages.
    const original = await deps.messages.findBySenderMsgId(to.userId, msgId);
    const delivered =
      original !== undefined &&
      original.status === 'accepted' &&
      original.recipientIds.includes(actor.id) &&
      original.envelope.header.kind === 'message' &&
      original.envelope.header.from.state === to.state;
    if (!delivered)
      throw refused(`msgId ${msgId} is not a message ${to.userId} sent to you`, ['header', 'receiptOf', i]);
    const { labels, threadId } = original.envelope.header;
    if (canonicalJson(labels) !== canonicalJson(header.labels) || (threadId ?? null) !== (header.threadId ?? null)) {
      throw refused(
        `msgId ${msgId} has other labels or another thread than this receipt: send one receipt per labels and thread`,
        ['header', 'receiptOf', i],
      );
    }
    originals.push(original.id);
  }
  await deps.audit.append({
    type: 'policy.receipt-exempt',
    actorId: actor.id,
    state: header.from.state,
    subjectId: exchangeRef,
    data: { kind: header.kind, domain: header.labels.domain, toStates: [to.state], reports: originals },
  });
  return true;
}
