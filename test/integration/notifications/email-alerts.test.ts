import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import type { NotificationDeliveryList } from '../../../shared/schemas/notifications.js';
import { signIn, type TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { waitFor } from '../../helpers/barrier.js';
import { startNetwork, type Network } from '../../helpers/network.js';
import { DOC_FIELDS, DOC_LABELS, requestEnvelope, sent } from '../../helpers/requests.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../helpers/smtp-receiver.js';
import type { TestServer } from '../../helpers/test-server.js';
import { alertFor, linkIn, preferences, saveSettings, settled, token, verifiedAddress } from './email-helpers.js';
import { auditEntries } from '../../helpers/audit.js';

const hhmm = (at: Date): string => at.toISOString().slice(11, 16);

describe('e-mail alerts through a real SMTP server', function () {
  this.timeout(120_000);
  let smtp: SmtpReceiver;
  let net: Network<TestPerson>;
  let t: TestServer;
  let kz: TestPerson;
  let ru: TestPerson;
  let ru2: TestPerson;
  const desk = `desk-${randomUUID().slice(0, 8)}@mail.test`;

  before(async () => {
    smtp = await startSmtpReceiver();
    net = await startNetwork({
      states: { KZ: { focalPoints: { border: 1 } }, RU: { focalPoints: { border: 2 } } },
      env: smtp.env(),
    });
    t = net.t;
    kz = net.focalPoint('KZ');
    ru = net.focalPoint('RU', 0);
    ru2 = net.focalPoint('RU', 1);
    await verifiedAddress(t, smtp, ru, desk);
  });
  /** Moves the server's clock; access tokens expire with it, so everyone used here signs in again. */
  const advance = async (ms: number): Promise<void> => {
    t.clock.advance(ms);
    for (const person of [ru, ru2, net.admin('RU'), net.admin('KZ')]) await signIn(t, person);
  };
  after(async () => {
    await net?.stop();
    await smtp?.stop();
  });

  it('sends nothing but the verification mail to an address until the link in it is opened, and the link works once', async () => {
    const address = `second-${randomUUID().slice(0, 8)}@mail.test`;
    const set = await call(t.url, 'PUT', '/api/me/notifications/address', { token: token(ru2), body: { address } });
    expect(set.status).to.equal(200);
    expect((await preferences(t, ru2)).address).to.include({ value: address, verified: false });
    await waitFor(() => smtp.to(address).length === 1, { what: 'the verification mail' });
    const unverified = alertFor(ru2.user.id, t.clock.now(), { kind: 'request.arrived', urgency: 'urgent' });
    await t.server.alerts.raise(unverified);
    expect(await t.server.alerts.outbox.findByKey(`email:${unverified.id}:${ru2.user.id}`)).to.equal(undefined);

    const resend = () =>
      call<{ error?: { code: string } }>(t.url, 'POST', '/api/me/notifications/address/resend', {
        token: token(ru2),
        body: {},
      });
    const tooSoon = await resend();
    expect(tooSoon.status).to.equal(429);
    expect(tooSoon.body.error?.code).to.equal('rate.limited');
    t.clock.advance(61_000);
    expect((await resend()).status).to.equal(200);
    await waitFor(() => smtp.to(address).length === 2, { what: 'the second verification mail' });
    const [first, second] = smtp.to(address).map((mail) => linkIn(mail.text));
    const replaced = await call(t.url, 'POST', '/api/notifications/verify', { body: { token: first } });
    expect(replaced.status, 'the first link was replaced by the second').to.equal(410);

    const link = second;
    const opened = await call(t.url, 'POST', '/api/notifications/verify', { body: { token: link } });
    expect(opened.status).to.equal(200);
    expect(opened.body).to.deep.equal({ address, verified: true });
    const again = await call<{ error: { code: string } }>(t.url, 'POST', '/api/notifications/verify', {
      body: { token: link },
    });
    expect(again.status).to.equal(410);
    expect(again.body.error.code).to.equal('notifications.link-invalid');
    const audited = await auditEntries(t, { subjectId: ru2.user.id, type: /^notifications\./ });
    // Set, the link sent again, verified.
    expect(audited.map((entry) => entry.type)).to.deep.equal([
      'notifications.address-set',
      'notifications.address-set',
      'notifications.address-verified',
    ]);
    expect(JSON.stringify(audited)).not.to.include(address);

    const verified = alertFor(ru2.user.id, t.clock.now(), { kind: 'request.arrived', urgency: 'urgent' });
    await t.server.alerts.raise(verified);
    await settled(t, verified, ru2.user.id);
    expect(smtp.to(address)).to.have.length(3);
  });

  it('an urgent request to a focal point who is offline is one e-mail within the sweep, with no content, no names and no category', async () => {
    const canary = `canary-${randomUUID()}`;
    const caseId = await sent(
      t,
      kz,
      await requestEnvelope(
        t,
        kz,
        ru,
        'request:document-check',
        { ...DOC_FIELDS, holderName: canary, purpose: canary },
        { urgency: 'urgent' },
      ),
    );
    await waitFor(() => smtp.to(desk).some((mail) => mail.text.includes(`/requests/${caseId}`)), {
      what: 'the e-mail about the urgent request',
      timeoutMs: 15_000,
    });
    const item = (await t.server.alerts.outbox.list({ channel: 'email', userId: ru.user.id }, 50)).find((candidate) =>
      JSON.stringify(candidate.payload).includes(caseId),
    );
    await waitFor(async () => (await t.server.alerts.outbox.findByKey(item?.key ?? ''))?.status === 'sent');
    const mails = smtp.to(desk).filter((mail) => mail.text.includes(`/requests/${caseId}`));
    expect(mails).to.have.length(1);
    const [mail] = mails;
    expect(mail?.subject).to.match(/^\[FocalNet\] Urgent request from KZ — answer by /);
    expect(mail?.messageId).to.equal(`<${item?.id}@127.0.0.1>`);
    expect(mail?.headers.get('auto-submitted')).to.equal('auto-generated');
    const everything = `${mail?.subject}\n${mail?.text}`;
    for (const secret of [
      canary,
      DOC_FIELDS.documentNumber,
      kz.user.displayName,
      ru.user.displayName,
      kz.username,
      ru.username,
      DOC_LABELS.category,
      DOC_LABELS.classification,
    ])
      expect(everything).not.to.include(secret);
    expect(mail?.text).to.include('Counterpart state: KZ').and.to.include('Domain: border');
    expect(mail?.text).to.include('Срочный запрос от KZ');
  });

  it('gathers non-urgent alerts into one digest per period; an urgent one does not wait for it', async () => {
    const current = await preferences(t, ru);
    await saveSettings(t, ru, {
      kinds: [
        ...current.kinds.filter((choice) => !['request.step', 'message.arrived'].includes(choice.kind)),
        { kind: 'request.step', mode: 'digest' },
        { kind: 'message.arrived', mode: 'digest' },
      ],
      digest: { every: 'hour' },
    });
    const now = t.clock.now();
    const gathered = [
      alertFor(ru.user.id, now, {
        kind: 'message.arrived',
        urgency: undefined,
        refs: { messageId: '0123456789abcdef0123abcd' },
      }),
      alertFor(ru.user.id, now),
      alertFor(ru.user.id, now),
    ];
    const urgent = alertFor(ru.user.id, now, { urgency: 'urgent' });
    for (const alert of [...gathered, urgent]) await t.server.alerts.raise(alert);
    await settled(t, urgent, ru.user.id);
    expect(smtp.to(desk).filter((mail) => mail.text.includes(urgent.refs.reference ?? '-'))).to.have.length(1);

    const digestItems = () =>
      t.server.alerts.outbox
        .list({ channel: 'email', userId: ru.user.id }, 100)
        .then((items) => items.filter((item) => item.payload.type === 'digest'));
    const [digest, ...more] = await digestItems();
    expect(more, 'one digest for the period').to.have.length(0);
    expect(digest?.status).to.equal('pending');
    expect(digest?.dueAt.getTime()).to.be.greaterThan(now.getTime());

    await advance(61 * 60_000);
    await waitFor(async () => (await digestItems())[0]?.status === 'sent', { what: 'the digest', timeoutMs: 15_000 });
    const digests = smtp.to(desk).filter((mail) => mail.subject.includes('Digest'));
    expect(digests).to.have.length(1);
    expect(digests[0]?.subject).to.equal('[FocalNet] Digest: 3 notices / Сводка: уведомлений — 3');
    for (const alert of gathered.slice(1)) expect(digests[0]?.text).to.include(alert.refs.reference);
    expect(digests[0]?.text).to.include('New message from KZ');
    const entries = await t.server.alerts.outbox.list({ channel: 'email-digest-entry', userId: ru.user.id }, 100);
    expect(entries.map((entry) => entry.status)).to.deep.equal(['sent', 'sent', 'sent']);
  });

  it('quiet hours hold a mail until they end, except for a kind marked "always"', async () => {
    const now = t.clock.now();
    await saveSettings(t, ru, {
      timeZone: 'UTC',
      quietHours: {
        start: hhmm(new Date(now.getTime() - 60 * 60_000)),
        end: hhmm(new Date(now.getTime() + 60 * 60_000)),
      },
      kinds: [
        { kind: 'request.arrived', mode: 'always' },
        { kind: 'request.step', mode: 'immediate' },
      ],
    });
    const held = alertFor(ru.user.id, now, { kind: 'request.step' });
    const always = alertFor(ru.user.id, now, { kind: 'request.arrived', urgency: 'urgent' });
    await t.server.alerts.raise(held);
    await t.server.alerts.raise(always);
    await settled(t, always, ru.user.id);
    const waiting = await t.server.alerts.outbox.findByKey(`email:${held.id}:${ru.user.id}`);
    expect(waiting?.status).to.equal('pending');
    expect(waiting?.attempts).to.equal(0);
    expect(waiting?.dueAt.getTime()).to.be.greaterThan(now.getTime() + 58 * 60_000);
    expect(smtp.to(desk).some((mail) => mail.text.includes(held.refs.reference ?? '-'))).to.equal(false);

    await advance(61 * 60_000);
    await settled(t, held, ru.user.id);
    expect(smtp.to(desk).filter((mail) => mail.text.includes(held.refs.reference ?? '-'))).to.have.length(1);
    await saveSettings(t, ru, { quietHours: null });
  });

  it('retries while the SMTP server is down, and once it is back each mail arrives exactly once', async () => {
    await smtp.down();
    const alerts = [1, 2].map(() =>
      alertFor(ru.user.id, t.clock.now(), { kind: 'request.arrived', urgency: 'urgent' }),
    );
    for (const alert of alerts) await t.server.alerts.raise(alert);
    const item = (alert: (typeof alerts)[number]) =>
      t.server.alerts.outbox.findByKey(`email:${alert.id}:${ru.user.id}`);
    for (const alert of alerts)
      await waitFor(async () => ((await item(alert))?.attempts ?? 0) >= 1, { what: 'a failed first attempt' });
    expect((await item(alerts[0]!))?.lastError).to.match(/ECONNREFUSED|connect/i);
    t.clock.advance(31_000);
    for (const alert of alerts)
      await waitFor(async () => ((await item(alert))?.attempts ?? 0) >= 2, {
        what: 'a second attempt after the backoff',
      });
    expect((await item(alerts[0]!))?.status).to.equal('pending');

    await smtp.up();
    t.clock.advance(61_000);
    for (const alert of alerts) await settled(t, alert, ru.user.id);
    for (const alert of alerts)
      expect(smtp.to(desk).filter((mail) => mail.text.includes(alert.refs.reference ?? '-'))).to.have.length(1);
  });

  it("a refused address fails at once; the person's national admin sees the failure without the address, other states do not", async () => {
    const gone = `gone-${randomUUID().slice(0, 8)}@mail.test`;
    await verifiedAddress(t, smtp, ru2, gone);
    smtp.refuse(gone);
    const alert = alertFor(ru2.user.id, t.clock.now(), { kind: 'request.arrived', urgency: 'urgent' });
    await t.server.alerts.raise(alert);
    await settled(t, alert, ru2.user.id, 'failed');

    const failed = await call<NotificationDeliveryList>(t.url, 'GET', '/api/notifications/deliveries?status=failed', {
      token: token(net.admin('RU')),
    });
    expect(failed.status).to.equal(200);
    const row = failed.body.deliveries.find((delivery) => delivery.userId === ru2.user.id);
    expect(row).to.include({
      kind: 'request.arrived',
      status: 'failed',
      attempts: 1,
      displayName: ru2.user.displayName,
    });
    expect(row?.lastError).to.include('refused').and.not.to.include(gone);
    expect(JSON.stringify(failed.body)).not.to.include('@mail.test');

    const kzAdmin = await call<NotificationDeliveryList>(t.url, 'GET', '/api/notifications/deliveries', {
      token: token(net.admin('KZ')),
    });
    expect(kzAdmin.body.deliveries.some((delivery) => delivery.userId.startsWith(ru2.user.id))).to.equal(false);
    const notAdmin = await call(t.url, 'GET', '/api/notifications/deliveries', { token: token(ru2) });
    expect(notAdmin.status).to.equal(403);
    const own = await call<NotificationDeliveryList>(t.url, 'GET', '/api/me/notifications/deliveries', {
      token: token(ru2),
    });
    expect(own.body.deliveries.map((delivery) => delivery.status)).to.include('failed');
  });

  it('bad input is refused with a clear 400 naming the field, and changes nothing', async () => {
    const before = await preferences(t, ru);
    const put = (body: unknown) =>
      call<{ error: { code: string; issues?: { path: unknown[]; message: string }[] } }>(
        t.url,
        'PUT',
        '/api/me/notifications',
        { token: token(ru), body },
      );
    const base = {
      enabled: true,
      language: 'en',
      timeZone: 'UTC',
      kinds: before.kinds,
      quietHours: null,
      digest: { every: 'hour' },
    };
    const cases: [unknown, string][] = [
      [{ ...base, quietHours: { start: '25:00', end: '07:00' } }, 'HH:MM'],
      [{ ...base, quietHours: { start: '07:00', end: '07:00' } }, 'differ'],
      [{ ...base, kinds: [{ kind: 'message.arrived', mode: 'always' }] }, 'always'],
      [{ ...base, timeZone: 'Mars/Olympus_Mons' }, 'IANA'],
      [{ ...base, digest: { every: 'day', hour: 24 } }, ''],
    ];
    for (const [body, words] of cases) {
      const response = await put(body);
      expect(response.status, JSON.stringify(body)).to.equal(400);
      expect(response.body.error.code).to.equal('validation.failed');
      expect(JSON.stringify(response.body.error.issues)).to.include(words);
    }
    const badAddress = await call<{ error: { issues: { path: unknown[] }[] } }>(
      t.url,
      'PUT',
      '/api/me/notifications/address',
      { token: token(ru), body: { address: 'not an address' } },
    );
    expect(badAddress.status).to.equal(400);
    expect(badAddress.body.error.issues[0]?.path).to.deep.equal(['body', 'address']);
    const badToken = await call(t.url, 'POST', '/api/notifications/verify', { body: { token: 'short' } });
    expect(badToken.status).to.equal(400);
    const unknownToken = await call(t.url, 'POST', '/api/notifications/verify', { body: { token: 'A'.repeat(43) } });
    expect(unknownToken.status).to.equal(410);
    expect(await preferences(t, ru)).to.deep.equal(before);
  });
});
