import type { Alert } from '../../../shared/schemas/alerts.js';
import { MailRefusedError } from '../../system/smtp-mailer.js';
import { PermanentDeliveryError } from '../alerts/drain-outbox.js';
import type { OutboxItem } from '../alerts/ports.js';
import { composeAlertMail, composeDigestMail, type ComposedMail, type MailContext } from './compose-mail.js';
import { DIGEST_ENTRY_CHANNEL, type NotificationsDeps } from './notifications-deps.js';
import { DigestEntry, QueuedMail } from './queued-mail.js';

/** Digest entries one digest mail lists at most; the rest go in the next. */
const DIGEST_LIMIT = 200;

/**
 * Sends one e-mail outbox item (drainOutbox's `send`). The mail is written now from the stored
 * alert fields, to the address verified now: an address changed since the alert was queued gets
 * nothing until it is verified again.
 */
export async function sendQueuedMail(deps: NotificationsDeps, item: OutboxItem): Promise<void> {
  if (!deps.mailer) throw new Error('no SMTP server is configured');
  if (!item.userId) throw new PermanentDeliveryError('the mail names no person');
  const stored = await deps.preferences.find(item.userId);
  const address = stored?.addressVerified ? stored.address : null;
  if (!stored || !address) throw new PermanentDeliveryError('the person has no verified address');
  if (!stored.settings.enabled) throw new PermanentDeliveryError('the person turned e-mail notifications off');
  const origin = deps.publicOrigin().replace(/\/$/, '');
  const context: MailContext = { language: stored.settings.language, timeZone: stored.settings.timeZone, origin };
  const queued = QueuedMail.parse(item.payload);
  const send = (mail: ComposedMail) => deliver(deps, item, address, mail, origin);
  if (queued.type === 'alert') {
    await send(composeAlertMail(queued.alert, context));
    return;
  }
  const now = deps.clock.now();
  const entries = (
    await deps.outbox.list({ channel: DIGEST_ENTRY_CHANNEL, userId: item.userId, status: 'pending' }, DIGEST_LIMIT)
  ).filter((entry) => entry.dueAt.getTime() <= now.getTime());
  // Every entry was in an earlier digest (one retried past its period): nothing left to tell.
  if (entries.length === 0) return;
  const alerts: Alert[] = entries.map((entry) => DigestEntry.parse(entry.payload).alert);
  await send(composeDigestMail(alerts, context));
  for (const entry of entries) await deps.outbox.sent(entry.id, now);
}

async function deliver(
  deps: NotificationsDeps,
  item: OutboxItem,
  to: string,
  mail: ComposedMail,
  origin: string,
): Promise<void> {
  if (!deps.mailer) throw new Error('no SMTP server is configured');
  try {
    await deps.mailer.send({ to, ...mail, messageId: `<${item.id}@${hostOf(origin)}>` });
  } catch (error) {
    if (error instanceof MailRefusedError)
      throw new PermanentDeliveryError(`the address was refused: ${error.message}`);
    throw error;
  }
}

function hostOf(origin: string): string {
  try {
    return new URL(origin).hostname || 'focalnet';
  } catch {
    return 'focalnet';
  }
}
