import { expect } from 'chai';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import type { FocalNetClient } from '../../client/sdk/index.js';
import { DEMO_PASSWORD } from '../../scripts/cli/seed-demo.command.js';
import { registerWithToken } from '../helpers/accounts.js';
import { screenshots, signInThroughUi, startE2e, watchErrors } from '../helpers/e2e.js';
import { LABELS } from '../helpers/messaging.js';
import { policyBody } from '../helpers/policies.js';
import { DOC_FIELDS, DOC_LABELS } from '../helpers/requests.js';
import { sdkClient, sdkTotp } from '../helpers/sdk.js';
import { sdkMessaging, type SdkMessaging } from '../helpers/sdk-messaging.js';
import { eventually } from '../helpers/server-process.js';
import type { TestServer } from '../helpers/test-server.js';

const shot = screenshots('home');
const HOUR_MS = 3_600_000;

/** A demo admin enrols TOTP through the SDK, as their first sign-in would; answers the secret. */
async function enrolDemoAdmin(t: TestServer, client: FocalNetClient, username: string): Promise<string> {
  await client.signIn({ username, password: DEMO_PASSWORD });
  const { secret } = await client.me.startTotpSetup({ password: DEMO_PASSWORD });
  await client.me.confirmTotp(await generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) }));
  await client.signIn({ username, password: DEMO_PASSWORD, totp: await sdkTotp(t, secret) });
  await client.unlockKeys({ password: DEMO_PASSWORD });
  return secret;
}

/** The link of a home line and where it goes. */
async function line(page: Page, testId: string): Promise<{ text: string | null; href: string | null }> {
  const link = page.getByTestId(testId).getByRole('link');
  return { text: await link.textContent(), href: await link.getAttribute('href') };
}

/**
 * Counts the page's socket.io handshakes (an engine.io request without a session id) and its open
 * WebSockets, to prove the tab shares one connection.
 */
function watchSockets(page: Page): { handshakes: () => number; open: () => number } {
  let handshakes = 0;
  let open = 0;
  const isHandshake = (url: string): boolean => url.includes('/socket.io/') && !/[?&]sid=/.test(url);
  page.on('request', (request) => {
    if (isHandshake(request.url())) handshakes += 1;
  });
  page.on('websocket', (socket) => {
    if (isHandshake(socket.url())) handshakes += 1;
    open += 1;
    socket.on('close', () => {
      open -= 1;
    });
  });
  return { handshakes: () => handshakes, open: () => open };
}

describe('e2e: the home page says what needs the person now', function () {
  this.timeout(180_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  /** The Kazakh border focal point, writing to their Kyrgyz counterpart from Node. */
  let kz: SdkMessaging;
  let kgId = '';

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e({ demo: true }));
    kgId = (await t.server.accounts.users.findByUsername('fp.kg.border'))?.id ?? '';
    const client = sdkClient(t, { now: () => t.clock.now().getTime() });
    await client.signIn({ username: 'fp.kz.border', password: DEMO_PASSWORD });
    await client.unlockKeys({ password: DEMO_PASSWORD });
    kz = sdkMessaging(t, client);
    await eventually(async () => kz.socket.connected, 5_000, 'the sender connected');
  });
  after(async () => {
    kz?.messenger.stop();
    kz?.socket.close();
    await closeE2e?.();
  });

  it('a focal point sees an unread message and a request to answer, in English and Russian; reading the message clears it; past the deadline the request shows as overdue', async () => {
    await kz.messenger.send({
      to: [kgId],
      labels: LABELS,
      text: 'Passport KZ0007001 reported stolen; please check crossing 3.',
    });
    const keys = await kz.client.contactKeys.resolve(kgId, { fresh: true });
    const [outcome] = await kz.client.requests.submit({
      kind: 'request:document-check',
      labels: DOC_LABELS,
      urgency: 'urgent',
      fields: DOC_FIELDS,
      recipients: [{ userId: kgId, state: keys.state, encryptionKey: keys.encryptionKey }],
    });
    expect(outcome?.ok && outcome.status).to.equal('accepted');

    const kg = await (await browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 800 } })).newPage();
    const errors = watchErrors(kg);
    await signInThroughUi(t, kg, { username: 'fp.kg.border', password: DEMO_PASSWORD });
    await kg.getByTestId('home-unread').waitFor();
    await kg.getByTestId('home-requests').waitFor();
    expect(await kg.getByRole('heading', { name: 'What needs you' }).count()).to.equal(1);
    expect(await line(kg, 'home-unread')).to.deep.equal({ text: 'Unread messages: 1', href: '/messages' });
    expect(await line(kg, 'home-requests')).to.deep.equal({
      text: 'Requests awaiting your answer: 1',
      href: '/requests',
    });
    expect(await kg.getByTestId('home-overdue').count()).to.equal(0);
    expect(await kg.getByTestId('home-stale-entry').count()).to.equal(0); // the demo entries are current
    expect(await kg.getByTestId('home-nothing').count()).to.equal(0);
    const quick = kg.getByTestId('home-quick-links').getByRole('link');
    expect(await quick.allTextContents()).to.deep.equal(['Find a counterpart', 'New message', 'New request']);
    expect(await quick.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).to.deep.equal([
      '/directory',
      '/messages/new',
      '/requests/new',
    ]);
    await shot(kg, '01-focal-point-en');

    await kg.getByRole('button', { name: 'Русский' }).click();
    await kg.getByRole('heading', { name: 'Что требует вашего внимания' }).waitFor();
    expect((await line(kg, 'home-unread')).text).to.equal('Непрочитанные сообщения: 1');
    expect((await line(kg, 'home-requests')).text).to.equal('Запросы, ожидающие вашего ответа: 1');
    expect(await quick.allTextContents()).to.deep.equal(['Найти коллегу', 'Новое сообщение', 'Новый запрос']);
    await shot(kg, '02-focal-point-ru');
    await kg.getByRole('button', { name: 'English' }).click();

    // The line leads to the messages; the thread shows the message, which reads it.
    await kg.getByTestId('home-unread').getByRole('link').click();
    await kg.getByTestId('conversation').getByRole('link').click();
    await kg.getByTestId('message-item').filter({ hasText: 'Passport KZ0007001 reported stolen' }).waitFor();
    await kg.getByTestId('unread-messages').waitFor({ state: 'detached' });
    await kg.getByRole('link', { name: 'Home', exact: true }).click();
    await kg.getByTestId('home-requests').waitFor();
    expect(await kg.getByTestId('home-unread').count()).to.equal(0);

    // Nine hours later (the server's clock and the browser's): the urgent request is past its deadline.
    t.clock.advance(9 * HOUR_MS);
    await kg.clock.setFixedTime(t.clock.now());
    await kg.getByRole('link', { name: 'Directory', exact: true }).click();
    await kg.getByRole('link', { name: 'Home', exact: true }).click();
    await kg.getByTestId('home-overdue').waitFor();
    expect(await kg.getByTestId('home-overdue').textContent()).to.equal('overdue: 1');
    expect((await line(kg, 'home-requests')).text).to.equal('Requests awaiting your answer: 1');
    await shot(kg, '03-focal-point-overdue-en');

    // Someone with nothing waiting is told so, with the quick links still there.
    const uz = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const uzErrors = watchErrors(uz);
    await signInThroughUi(t, uz, { username: 'fp.uz.border', password: DEMO_PASSWORD });
    expect(await uz.getByTestId('home-nothing').textContent()).to.equal('Nothing waits for you.');
    await uz.getByTestId('home-quick-links').waitFor();
    await uz.getByRole('button', { name: 'Русский' }).click();
    expect(await uz.getByTestId('home-nothing').textContent()).to.equal('Ничего не ждёт вашего ответа.');
    await uz.getByRole('button', { name: 'English' }).click();

    // A request arriving while the focal point is on another page: the menu and the tab's title count it at once.
    await uz.getByRole('link', { name: 'Directory', exact: true }).click();
    expect(await uz.getByTestId('awaiting-requests').count()).to.equal(0);
    expect(await uz.title()).to.equal('Directory — FocalNet');
    const uzId = (await t.server.accounts.users.findByUsername('fp.uz.border'))?.id ?? '';
    const uzKeys = await kz.client.contactKeys.resolve(uzId, { fresh: true });
    const [toUz] = await kz.client.requests.submit({
      kind: 'request:document-check',
      labels: DOC_LABELS,
      urgency: 'standard',
      fields: DOC_FIELDS,
      recipients: [{ userId: uzId, state: uzKeys.state, encryptionKey: uzKeys.encryptionKey }],
    });
    expect(toUz?.ok && toUz.status).to.equal('accepted');
    await uz.locator('[data-testid="awaiting-requests"]', { hasText: /^1$/ }).waitFor();
    expect(await uz.title()).to.equal('(1) Directory — FocalNet');
    expect(await uz.getByTestId('awaiting-requests').getAttribute('aria-label')).to.equal('1 awaiting your action');
    await shot(uz, '03b-request-badge-en');
    // Home shows it as a line.
    await uz.getByRole('link', { name: 'Home', exact: true }).click();
    await uz.getByTestId('home-requests').getByText('Requests awaiting your answer: 1').waitFor();
    expect(await uz.getByTestId('home-nothing').count()).to.equal(0);

    expect(errors).to.deep.equal([]);
    expect(uzErrors).to.deep.equal([]);
  });

  it('a national admin sees a newcomer to verify, a held exchange and the network decision awaiting the state; the secretariat sees the open proposal', async () => {
    const admin = sdkClient(t);
    const secret = await enrolDemoAdmin(t, admin, 'admin.kg');
    // Kyrgyzstan holds confidential exchanges to it for approval; one arrives from Kazakhstan.
    await admin.policies.signAndPublish(
      policyBody('KG', 1, [
        {
          id: 'confidential-inbound-needs-approval',
          direction: 'inbound',
          classifications: ['confidential'],
          effect: 'approve',
          legalBasis: { en: 'Law on State Secrets, art. 7' },
        },
      ]),
    );
    // (To another Kyrgyz focal point: the border one's home is checked again below.)
    const kgPolice = (await t.server.accounts.users.findByUsername('fp.kg.law-enforcement'))?.id ?? '';
    const held = await kz.messenger.send({
      to: [kgPolice],
      labels: { ...LABELS, domain: 'law-enforcement', classification: 'confidential' },
      text: 'Names of the suspects',
    });
    expect(held.status).to.equal('held');
    // A newcomer registers with the admin's invitation and waits for verification.
    const { token } = await admin.invitations.create({
      role: 'focal-point',
      state: 'KG',
      domains: ['law-enforcement'],
      displayName: 'Nurlan Example',
    });
    await registerWithToken(t, token);

    const page = await (
      await browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 800 } })
    ).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, { username: 'admin.kg', password: DEMO_PASSWORD, totpSecret: secret });
    await page.getByTestId('home-pending-people').waitFor();
    expect(await line(page, 'home-pending-people')).to.deep.equal({
      text: 'Newcomers waiting for your verification: 1',
      href: '/admin/pending',
    });
    expect(await line(page, 'home-held-exchanges')).to.deep.equal({
      text: 'Exchanges held for your approval: 1',
      href: '/approvals',
    });
    // The demo network's open proposal (silence procedure), on which Kyrgyzstan has said nothing.
    expect(await line(page, 'awaiting-decisions')).to.deep.equal({
      text: 'Decisions awaiting your state’s position: 1',
      href: '/decisions',
    });
    expect(await page.getByTestId('awaiting-decisions').textContent()).to.contain('saying nothing counts as consent');
    expect(await page.getByTestId('totp-required').count()).to.equal(0);
    // The menu counts each of them, and the tab's title all three.
    await page.locator('[data-testid="open-decisions"]', { hasText: /^1$/ }).waitFor();
    expect(await page.getByTestId('pending-approvals').textContent()).to.equal('1');
    expect(await page.getByTestId('pending-people').textContent()).to.equal('1');
    expect(await page.title()).to.equal('(3) Home — FocalNet');
    expect(await page.getByTestId('home-quick-links').count()).to.equal(0);
    await shot(page, '04-national-admin-en');

    await page.getByRole('button', { name: 'Русский' }).click();
    expect((await line(page, 'home-pending-people')).text).to.equal('Новые участники ждут вашей проверки: 1');
    expect((await line(page, 'home-held-exchanges')).text).to.equal('Обмены ждут вашего одобрения: 1');
    expect(await page.getByTestId('awaiting-decisions').textContent()).to.contain(
      'Решения сети ждут позиции вашего государства: 1',
    );
    await shot(page, '05-national-admin-ru');
    await page.getByRole('button', { name: 'English' }).click();

    // Exchanges come and go while the page is open: the line and the menu's count follow, unreloaded.
    expect(await page.getByTestId('pending-approvals').textContent()).to.equal('1');
    const confidential = { ...LABELS, domain: 'law-enforcement' as const, classification: 'confidential' as const };
    const second = await kz.messenger.send({ to: [kgPolice], labels: confidential, text: 'Their vehicles' });
    expect(second.status).to.equal('held');
    await page.getByTestId('home-held-exchanges').getByText('Exchanges held for your approval: 2').waitFor();
    await page.locator('[data-testid="pending-approvals"]', { hasText: /^2$/ }).waitFor();

    // Each line leads to its page.
    await page.getByTestId('home-held-exchanges').getByRole('link').click();
    await page.locator(`[data-testid="approval"][data-id="${held.approvalId ?? ''}"]`).waitFor();
    // Another session of the admin's state approves one: it leaves the open page and the count.
    await page.locator(`[data-testid="approval"][data-id="${second.approvalId ?? ''}"]`).waitFor();
    await admin.approvals.approve(second.approvalId ?? '');
    await page.locator(`[data-testid="approval"][data-id="${second.approvalId ?? ''}"]`).waitFor({ state: 'detached' });
    await page.locator('[data-testid="pending-approvals"]', { hasText: /^1$/ }).waitFor();
    await shot(page, '05b-approvals-live-en');
    // A second newcomer registers meanwhile: the count beside Pending verifications follows.
    expect(await page.getByTestId('pending-people').textContent()).to.equal('1');
    const { token: another } = await admin.invitations.create({
      role: 'focal-point',
      state: 'KG',
      domains: ['law-enforcement'],
      displayName: 'Aida Example',
    });
    await registerWithToken(t, another);
    await page.locator('[data-testid="pending-people"]', { hasText: /^2$/ }).waitFor();
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await page.getByTestId('home-pending-people').getByRole('link').click();
    await page.getByText('Nurlan Example').first().waitFor();

    // The secretariat: no approvals of its own; the proposal it put to the states is still open.
    const secretariatSecret = await enrolDemoAdmin(t, sdkClient(t), 'secretariat');
    const secretariat = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const secretariatErrors = watchErrors(secretariat);
    await signInThroughUi(t, secretariat, {
      username: 'secretariat',
      password: DEMO_PASSWORD,
      totpSecret: secretariatSecret,
    });
    await secretariat.getByTestId('home-open-proposals').waitFor();
    expect(await line(secretariat, 'home-open-proposals')).to.deep.equal({
      text: 'Undecided proposals: 1',
      href: '/decisions',
    });
    // The pending newcomer is a focal point: their national admin verifies them, not the secretariat.
    expect(await secretariat.getByTestId('home-pending-people').count()).to.equal(0);
    expect(await secretariat.getByTestId('home-held-exchanges').count()).to.equal(0);

    expect(errors).to.deep.equal([]);
    expect(secretariatErrors).to.deep.equal([]);
  });

  it("a focal point's tab opens one socket for all its live updates: messaging, liveness prompts, badges, queues", async () => {
    const kg = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const errors = watchErrors(kg);
    const sockets = watchSockets(kg);
    await signInThroughUi(t, kg, { username: 'fp.kg.border', password: DEMO_PASSWORD });
    await kg.getByTestId('home-quick-links').waitFor();
    await kg
      .locator('nav.main-nav')
      .getByRole('link', { name: /^Messages/ })
      .click();
    await kg.getByTestId('new-message').waitFor();
    await kg
      .locator('nav.main-nav')
      .getByRole('link', { name: /^Requests/ })
      .click();
    await kg.locator('[data-testid="live-state"][data-connected="true"]').waitFor();
    await kg.getByRole('link', { name: 'Home', exact: true }).click();
    await kg.getByTestId('home-quick-links').waitFor();
    await eventually(async () => sockets.open() === 1, 5_000, 'the socket upgraded to a WebSocket');
    expect(sockets.handshakes()).to.equal(1);
    expect(sockets.open()).to.equal(1);
    expect(errors).to.deep.equal([]);
  });

  it('half a year on, a focal point is asked to reconfirm their directory entry; confirming it clears the line', async () => {
    t.clock.advance(181 * 24 * HOUR_MS); // past the default freshness period of 180 days
    const kg = await (await browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 800 } })).newPage();
    await kg.clock.setFixedTime(t.clock.now());
    const errors = watchErrors(kg);
    await signInThroughUi(t, kg, { username: 'fp.kg.border', password: DEMO_PASSWORD });
    const stale = kg.getByTestId('home-stale-entry');
    await stale.waitFor();
    expect(await kg.getByTestId('home-unread').count()).to.equal(0); // read in the first test
    expect(await line(kg, 'home-stale-entry')).to.deep.equal({
      text: 'Your directory entry is out of date: confirm or correct it.',
      href: '/directory/mine',
    });
    expect(await stale.textContent()).to.contain('Last confirmed on');
    await shot(kg, '06-stale-entry-en');
    await kg.getByRole('button', { name: 'Русский' }).click();
    expect((await line(kg, 'home-stale-entry')).text).to.equal(
      'Ваша запись в справочнике устарела: подтвердите или исправьте её.',
    );
    await shot(kg, '07-stale-entry-ru');
    await kg.getByRole('button', { name: 'English' }).click();

    await stale.getByRole('link').click();
    await kg.getByRole('heading', { name: 'My directory entry' }).waitFor();
    await kg.getByRole('button', { name: 'Confirm the entry is current' }).click();
    await kg.getByTestId('entry-confirmed').waitFor();
    await kg.getByRole('link', { name: 'Home', exact: true }).click();
    await kg.getByTestId('home-requests').waitFor();
    expect(await stale.count()).to.equal(0);
    expect(errors).to.deep.equal([]);
  });
});
