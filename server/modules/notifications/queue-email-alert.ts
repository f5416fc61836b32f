import type { Alert } from '../../../shared/schemas/alerts.js';
import type { AlertAudience } from '../alerts/alerts-deps.js';
import type { NewOutboxItem } from '../alerts/ports.js';
import { DIGEST_ENTRY_CHANNEL, EMAIL_CHANNEL, type NotificationsDeps } from './notifications-deps.js';
import { planDelivery } from './plan-delivery.js';
import type { DigestEntry, QueuedMail } from './queued-mail.js';

/**
 * The e-mail channel's `accept`: one outbox item per person who wants this kind at a verified
 * address. The key names the alert and the person, so an alert raised twice (a retry, two nodes)
 * is one mail. Nothing is sent here: the outbox sweep sends.
 */
export async function queueEmailAlert(deps: NotificationsDeps, alert: Alert, audience: AlertAudience): Promise<void> {
  for (const userId of audience.userIds) await queueFor(deps, alert, userId);
}

async function queueFor(deps: NotificationsDeps, alert: Alert, userId: string): Promise<void> {
  const [user, stored] = await Promise.all([deps.users.findById(userId), deps.preferences.find(userId)]);
  if (user?.status !== 'active' || !stored?.address || !stored.addressVerified || !stored.settings.enabled) return;
  const choice = stored.settings.kinds.find((candidate) => candidate.kind === alert.kind);
  if (!choice) return;
  const now = deps.clock.now();
  const plan = planDelivery(alert, choice.mode, stored.settings, now);
  // The person's state: its national admins see the failures.
  const owner = { userId, ...(user.state ? { state: user.state } : {}) };
  const key = `email:${alert.id}:${userId}`;
  if (!plan.digest) {
    const payload: QueuedMail = { type: 'alert', alert };
    await deps.outbox.add({ channel: EMAIL_CHANNEL, key, payload, dueAt: plan.dueAt, ...owner }, now);
    return;
  }
  const period = plan.dueAt.toISOString();
  const entry: DigestEntry = { alert, period };
  if (
    !(await deps.outbox.add({ channel: DIGEST_ENTRY_CHANNEL, key, payload: entry, dueAt: plan.dueAt, ...owner }, now))
  )
    return;
  await ensureDigest(deps, { key: `email-digest:${userId}:${period}`, period, dueAt: plan.dueAt, owner, now }, alert);
}

/**
 * One digest mail per person and period. An entry that arrives after its digest went gets a digest
 * of its own; one that arrives while its digest is being sent waits for the person's next digest.
 */
async function ensureDigest(
  deps: NotificationsDeps,
  digest: { key: string; period: string; dueAt: Date; owner: Pick<NewOutboxItem, 'userId' | 'state'>; now: Date },
  alert: Alert,
): Promise<void> {
  const payload: QueuedMail = { type: 'digest', period: digest.period };
  const item = { channel: EMAIL_CHANNEL, payload, dueAt: digest.dueAt, ...digest.owner };
  if (await deps.outbox.add({ ...item, key: digest.key }, digest.now)) return;
  const existing = await deps.outbox.findByKey(digest.key);
  // A pending digest collects every entry due when it is sent (a retry too); one already sent cannot.
  if (existing?.status === 'pending') return;
  await deps.outbox.add({ ...item, key: `${digest.key}:late:${alert.id}` }, digest.now);
}
