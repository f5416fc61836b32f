import { expect } from 'chai';
import type { Alert } from '../../../shared/schemas/alerts.js';
import type { NotificationPreferencesView, NotificationSettings } from '../../../shared/schemas/notifications.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { waitFor } from '../../helpers/barrier.js';
import type { SmtpReceiver } from '../../helpers/smtp-receiver.js';
import type { TestServer } from '../../helpers/test-server.js';

export const token = (person: TestPerson): string | undefined => person.session?.accessToken;

export async function preferences(t: TestServer, person: TestPerson): Promise<NotificationPreferencesView> {
  const response = await call<NotificationPreferencesView>(t.url, 'GET', '/api/me/notifications', {
    token: token(person),
  });
  expect(response.status).to.equal(200);
  return response.body;
}

/** Saves the person's settings: the current ones with `change` applied. */
export async function saveSettings(
  t: TestServer,
  person: TestPerson,
  change: Partial<NotificationSettings>,
): Promise<NotificationPreferencesView> {
  const current = await preferences(t, person);
  const settings: NotificationSettings = {
    enabled: current.enabled,
    language: current.language,
    timeZone: current.timeZone,
    kinds: current.kinds,
    quietHours: current.quietHours,
    digest: current.digest,
    ...change,
  };
  const response = await call<NotificationPreferencesView>(t.url, 'PUT', '/api/me/notifications', {
    token: token(person),
    body: settings,
  });
  expect(response.status, JSON.stringify(response.body)).to.equal(200);
  return response.body;
}

/** Sets the address, reads the verification link from the mail that reaches it, and opens it. */
export async function verifiedAddress(
  t: TestServer,
  smtp: SmtpReceiver,
  person: TestPerson,
  address: string,
): Promise<void> {
  const set = await call(t.url, 'PUT', '/api/me/notifications/address', { token: token(person), body: { address } });
  expect(set.status, JSON.stringify(set.body)).to.equal(200);
  await waitFor(() => smtp.to(address).length > 0, { what: `the verification mail to ${address}` });
  const link = linkIn(smtp.to(address).at(-1)?.text ?? '');
  const verified = await call(t.url, 'POST', '/api/notifications/verify', { body: { token: link } });
  expect(verified.status, JSON.stringify(verified.body)).to.equal(200);
}

export function linkIn(text: string): string {
  const match = /\/notifications\/verify#([A-Za-z0-9_-]{43})/.exec(text);
  if (!match?.[1]) throw new Error(`no verification link in: ${text}`);
  return match[1];
}

let counter = 0;
/** An alert as the modules raise them, for `userId`, with a unique id. */
export function alertFor(userId: string, at: Date, fields: Partial<Alert> = {}): Alert {
  counter += 1;
  return {
    id: `test:${Date.now()}:${counter}:${userId}`,
    kind: 'request.step',
    userId,
    state: 'RU',
    counterpartState: 'KZ',
    domain: 'border',
    urgency: 'standard',
    refs: { requestId: '0123456789abcdef01234567', reference: `KZ→RU-1999-${String(counter).padStart(4, '0')}` },
    at: at.toISOString(),
    ...fields,
  };
}

/** Waits until the outbox item queued for `alert` and `userId` is in `status`. */
export async function settled(
  t: TestServer,
  alert: Alert,
  userId: string,
  status: 'sent' | 'failed' = 'sent',
): Promise<void> {
  await waitFor(
    async () => (await t.server.alerts.outbox.findByKey(`email:${alert.id}:${userId}`))?.status === status,
    {
      what: `the mail about ${alert.kind} to be ${status}`,
      timeoutMs: 15_000,
    },
  );
}
