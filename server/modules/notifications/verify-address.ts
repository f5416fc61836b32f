import { AppError } from '../../../shared/errors.js';
import type { NotificationPreferencesView, VerifiedAddress } from '../../../shared/schemas/notifications.js';
import { hashOpaqueToken, newOpaqueToken } from '../accounts/opaque-tokens.js';
import { composeVerificationMail } from './compose-mail.js';
import { defaultSettings } from './default-preferences.js';
import type { NotificationsDeps } from './notifications-deps.js';
import { myNotificationPreferences, type NotificationActor } from './preferences.js';

const LINK_TTL_HOURS = 24;
/** One verification mail per person per minute: the form cannot be used to flood a stranger's mailbox. */
const RESEND_AFTER_MS = 60_000;

/**
 * Sets a new address, unverified: nothing but the verification mail goes to it until the link in
 * that mail is opened. The link's token is stored only as its hash. The mail is sent at once (not
 * through the outbox, which would have to keep the token); if SMTP fails the person sends it again.
 */
export async function setNotificationAddress(
  deps: NotificationsDeps,
  actor: NotificationActor,
  address: string,
): Promise<NotificationPreferencesView> {
  const stored = await deps.preferences.find(actor.id);
  if (stored?.address === address && stored.addressVerified) return myNotificationPreferences(deps, actor);
  await sendVerification(deps, actor, address, stored?.verificationSentAt ?? null);
  return myNotificationPreferences(deps, actor);
}

export async function resendVerification(
  deps: NotificationsDeps,
  actor: NotificationActor,
): Promise<NotificationPreferencesView> {
  const stored = await deps.preferences.find(actor.id);
  if (!stored?.address) throw new AppError('notifications.no-address', 'there is no address to verify: set one first');
  if (!stored.addressVerified) await sendVerification(deps, actor, stored.address, stored.verificationSentAt);
  return myNotificationPreferences(deps, actor);
}

/** Opens the link: the address it was sent to becomes the person's verified address. */
export async function verifyNotificationAddress(deps: NotificationsDeps, token: string): Promise<VerifiedAddress> {
  const invalid = new AppError(
    'notifications.link-invalid',
    'this link is not valid: it was used, replaced by a newer one, or has expired — send a new one from your notification settings',
  );
  const pending = await deps.preferences.findByTokenHash(hashOpaqueToken(token));
  const now = deps.clock.now();
  if (!pending?.address || pending.tokenExpiresAt.getTime() <= now.getTime()) throw invalid;
  if (!(await deps.preferences.markVerified(pending.userId, pending.address, now))) throw invalid;
  const user = await deps.users.findById(pending.userId);
  await deps.audit.append({
    type: 'notifications.address-verified',
    actorId: pending.userId,
    state: user?.state ?? null,
    subjectId: pending.userId,
  });
  return { address: pending.address, verified: true };
}

async function sendVerification(
  deps: NotificationsDeps,
  actor: NotificationActor,
  address: string,
  lastSentAt: Date | null,
): Promise<void> {
  const { mailer } = deps;
  if (!mailer)
    throw new AppError('notifications.unavailable', 'this server sends no e-mail: no SMTP server is configured');
  const now = deps.clock.now();
  if (lastSentAt && now.getTime() - lastSentAt.getTime() < RESEND_AFTER_MS)
    throw new AppError('rate.limited', 'a verification mail was sent less than a minute ago: wait a moment');
  const token = newOpaqueToken();
  const expiresAt = new Date(now.getTime() + LINK_TTL_HOURS * 3_600_000);
  const stored = await deps.preferences.find(actor.id);
  const settings = stored?.settings ?? defaultSettings(actor.role);
  await deps.preferences.setPendingAddress(
    actor.id,
    address,
    { hash: hashOpaqueToken(token), expiresAt },
    settings,
    now,
  );
  await deps.audit.append({
    type: 'notifications.address-set',
    actorId: actor.id,
    state: actor.state,
    subjectId: actor.id,
  });
  const origin = deps.publicOrigin().replace(/\/$/, '');
  // The token travels in the fragment: it never reaches a server log or a proxy.
  const mail = composeVerificationMail(`${origin}/notifications/verify#${token}`, LINK_TTL_HOURS, settings.language);
  try {
    await mailer.send({ to: address, ...mail, messageId: `<verify-${hashOpaqueToken(token).slice(0, 32)}@focalnet>` });
  } catch (error) {
    deps.logger.warn({ err: error, userId: actor.id }, 'verification mail not sent');
    throw new AppError('notifications.mail-failed', 'the verification mail could not be sent: try again in a moment');
  }
}
