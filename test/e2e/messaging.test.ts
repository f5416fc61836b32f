import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../scripts/cli/seed-demo.command.js';
import { attachmentUploadBytes } from '../../shared/crypto/attachment-format.js';
import { policyBody } from '../helpers/policies.js';
import { sdkClient, sdkTotp } from '../helpers/sdk.js';
import type { TestServer } from '../helpers/test-server.js';
import { generate } from 'otplib';
import { screenshots, signInThroughUi, startE2e, watchErrors } from '../helpers/e2e.js';

const shot = screenshots('messaging');

/** The server's attachment limit in these tests: the 90 KB scan fits, a refused file stays small. */
const ATTACHMENT_MAX_MB = 1;
/** The smallest file whose ciphertext is over the limit. */
const justTooLarge = ((): number => {
  let size = ATTACHMENT_MAX_MB * 2 ** 20;
  while (attachmentUploadBytes(size - 1) > ATTACHMENT_MAX_MB * 2 ** 20) size--;
  return size;
})();

const signIn = (t: TestServer, page: Page, username: string): Promise<void> =>
  signInThroughUi(t, page, { username, password: DEMO_PASSWORD });

describe('e2e: encrypted messaging in Chromium', function () {
  this.timeout(180_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'focalnet-e2e-files-'));

  before(async () => {
    ({
      t,
      browser,
      close: closeE2e,
    } = await startE2e({ demo: true, env: { ATTACHMENT_MAX_MB: String(ATTACHMENT_MAX_MB) } }));
  });
  after(async () => {
    await closeE2e?.();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('a Kazakh focal point sends a message with a file to the Kyrgyz one (reading in Russian), who downloads the same bytes; the sender sees delivered, then read', async () => {
    const kz = await (await browser.newContext({ locale: 'en-GB', acceptDownloads: true })).newPage();
    const kg = await (await browser.newContext({ locale: 'en-GB', acceptDownloads: true })).newPage();
    const kzErrors = watchErrors(kz);
    const kgErrors = watchErrors(kg);
    await signIn(t, kz, 'fp.kz.border');
    await signIn(t, kg, 'fp.kg.border');

    // ── compose: recipient from the directory, labels, policy preview, text and a file ──
    await kz.getByRole('link', { name: /^Messages/ }).click();
    const limitsLoaded = kz.waitForResponse(
      (response) => response.url().endsWith('/api/attachments/limits') && response.ok(),
    );
    await kz.getByTestId('new-message').click();
    await kz.getByLabel('Find in the directory').fill('Kyrgyzstan border');
    await kz.getByRole('button', { name: 'Search', exact: true }).click();
    await kz.getByTestId('add-recipient').first().click();
    await kz.getByTestId('chosen-recipients').getByText('Kyrgyzstan border duty desk').waitFor();
    // The file picker speaks the page's language, not Chromium's ("Choose Files / No file chosen").
    await kz.getByText('Choose files', { exact: true }).waitFor();
    await kz.getByText('No files chosen', { exact: true }).waitFor();
    // A file whose ciphertext would exceed the server's limit is refused before it is encrypted.
    await limitsLoaded;
    await kz.getByLabel('Attachments').setInputFiles({
      name: 'passport.iso',
      mimeType: 'application/octet-stream',
      buffer: Buffer.alloc(justTooLarge),
    });
    expect(await kz.getByTestId('attachment-refusals').textContent()).to.equal(
      'passport.iso is larger than the 1 MB limit for attachments.',
    );
    expect(await kz.getByTestId('chosen-files').count()).to.equal(0);
    await kz.getByText('No files chosen', { exact: true }).waitFor();
    await shot(kz, 'compose-refused');
    await kz.getByLabel('Category').selectOption('travel-identity-documents');
    await kz
      .getByRole('textbox', { name: 'Message', exact: true })
      .fill('Passport KZ0001234 reported stolen; scan attached.');
    const file = randomBytes(90 * 1024);
    await kz
      .getByLabel('Attachments')
      .setInputFiles({ name: 'passport-scan.bin', mimeType: 'application/octet-stream', buffer: file });
    const chosen = kz.getByTestId('chosen-files').getByRole('listitem');
    expect(await chosen.allTextContents()).to.deep.equal(['passport-scan.bin 90 KB Remove']);
    expect(await kz.getByTestId('attachment-refusals').count()).to.equal(0);
    // A second choice adds to the first; the same file (a path: same name, size and time) is listed once.
    const notes = path.join(tmp, 'notes.txt');
    writeFileSync(notes, 'x'.repeat(1536));
    await kz.getByLabel('Attachments').setInputFiles(notes);
    await kz.getByLabel('Attachments').setInputFiles(notes);
    expect(await chosen.allTextContents()).to.deep.equal(['passport-scan.bin 90 KB Remove', 'notes.txt 1.5 KB Remove']);
    await kz.getByRole('button', { name: 'Remove notes.txt' }).click();
    expect(await chosen.allTextContents()).to.deep.equal(['passport-scan.bin 90 KB Remove']);
    // The decision in one sentence; the reasons per state are a click away.
    expect(await kz.getByTestId('decision-sentence').textContent()).to.match(/^Allowed: .*Kyrgyzstan/);
    expect(await kz.getByTestId('policy-preview').getAttribute('data-effect')).to.equal('allow');
    await shot(kz, 'compose');
    await kz.getByRole('button', { name: 'Encrypt and send' }).click();
    const sentItem = kz.getByTestId('message-item').filter({ hasText: 'Passport KZ0001234' });
    await sentItem.waitFor();

    // ── the recipient, on the home page, is told: a count at Messages and in the tab's title ──
    const unread = kg.getByTestId('unread-messages');
    await unread.waitFor();
    expect(await unread.textContent()).to.equal('1');
    expect(await kg.title()).to.equal('(1) Home — FocalNet');
    await shot(kg, 'unread-count');

    // ── the recipient, in Russian: the conversation, then the message and its attachment ──
    await kg.getByRole('button', { name: 'Русский' }).click();
    await kg.getByRole('link', { name: /^Сообщения/ }).click(); // "Сообщения новых: 1" to a screen reader
    const conversation = kg.getByTestId('conversation');
    await conversation.getByText('новых: 1').waitFor();
    // Who wrote, to call back: the duty desk, its authority and state, not only a name.
    const facts = conversation.getByTestId('contact-facts');
    await facts.waitFor();
    expect(await facts.textContent())
      .to.contain('дежурная часть')
      .and.contain('Казахстан');
    // Fetched and acknowledged by the recipient's browser: the sender sees "Delivered".
    await sentItem.locator('[data-testid="message-status"][data-status="delivered"]').waitFor();
    // Still so after a reload: the server keeps when each recipient received it.
    await kz.reload();
    const unlock = kz.getByRole('button', { name: 'Unlock', exact: true });
    await Promise.race([unlock.waitFor(), sentItem.waitFor()]);
    if (await unlock.isVisible()) {
      await kz.getByLabel('Password').fill(DEMO_PASSWORD);
      await unlock.click();
    }
    await sentItem.locator('[data-testid="message-status"][data-status="delivered"]').waitFor();
    expect(await sentItem.getByTestId('message-status').textContent()).to.equal('Delivered');
    await shot(kz, 'delivered-after-reload');
    await conversation.getByRole('link').click();
    const received = kg
      .getByTestId('message-item')
      .filter({ hasText: 'Passport KZ0001234 reported stolen; scan attached.' });
    await received.waitFor();
    const downloading = kg.waitForEvent('download');
    await received.getByTestId('attachment-download').click();
    const download = await downloading;
    expect(download.suggestedFilename()).to.equal('passport-scan.bin');
    const saved = await download.path();
    expect(readFileSync(saved).equals(file)).to.equal(true);
    await shot(kg, 'thread-ru');

    // Shown in the thread = read: the signed receipt reaches the sender, and the count goes.
    await sentItem.locator('[data-testid="message-status"][data-status="read"]').waitFor();
    await unread.waitFor({ state: 'detached' });
    expect(await kg.title()).to.equal('Сообщения — FocalNet');
    expect(await sentItem.getByTestId('message-status').textContent()).to.equal('Read');
    await shot(kz, 'read');

    // The reply goes back the same way and shows up live on the sender's screen; its file picker speaks Russian.
    await kg.getByRole('textbox', { name: 'Сообщение', exact: true }).fill('Получено, проверяем.');
    await kg.getByText('Выбрать файлы', { exact: true }).waitFor();
    await kg.getByText('Файлы не выбраны', { exact: true }).waitFor();
    await kg
      .getByLabel('Вложения')
      .setInputFiles({ name: 'акт-проверки.txt', mimeType: 'text/plain', buffer: Buffer.alloc(1536, 'x') });
    const reply = kg.getByTestId('chosen-files').getByRole('listitem');
    expect(await reply.allTextContents()).to.deep.equal(['акт-проверки.txt 1,5 КБ Убрать']);
    expect(await kg.getByRole('button', { name: 'Убрать акт-проверки.txt' }).count()).to.equal(1);
    await shot(kg, 'compose-ru');
    await kg.getByRole('button', { name: 'Зашифровать и отправить' }).click();
    await kz.getByTestId('message-item').filter({ hasText: 'Получено, проверяем.' }).waitFor();
    // Sent: the list is empty again.
    await kg.getByText('Файлы не выбраны', { exact: true }).waitFor();

    expect(kzErrors).to.deep.equal([]);
    expect(kgErrors).to.deep.equal([]);
  });

  it('the compose screen previews the disclosure policy: a denied exchange cannot be sent, a held one is announced and shows as held', async () => {
    // The Kazakh national admin publishes a policy (through the SDK, as the policy editor does).
    const admin = sdkClient(t);
    await admin.signIn({ username: 'admin.kz', password: DEMO_PASSWORD });
    const { secret } = await admin.me.startTotpSetup({ password: DEMO_PASSWORD });
    await admin.me.confirmTotp(await generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) }));
    await admin.signIn({ username: 'admin.kz', password: DEMO_PASSWORD, totp: await sdkTotp(t, secret) });
    await admin.unlockKeys({ password: DEMO_PASSWORD });
    // Version 2: the demo data set's version 1 holds Kazakhstan's directory field restrictions.
    await admin.policies.signAndPublish(
      policyBody('KZ', 2, [
        {
          id: 'no-personal-data-to-kg',
          direction: 'outbound',
          categories: ['personal-data'],
          counterparts: ['KG'],
          effect: 'deny',
          legalBasis: { en: 'Law on Personal Data, art. 16' },
        },
        {
          id: 'confidential-needs-approval',
          direction: 'outbound',
          classifications: ['confidential'],
          effect: 'approve',
          legalBasis: { en: 'Law on State Secrets, art. 5' },
        },
      ]),
    );

    const kz = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const errors = watchErrors(kz);
    await signIn(t, kz, 'fp.kz.border');
    // In-app navigation: a reload would lock the keys again (they live in memory only).
    await kz.getByRole('link', { name: /^Messages/ }).click();
    await kz.getByTestId('new-message').click();
    await kz.getByLabel('Find in the directory').fill('Kyrgyzstan border');
    await kz.getByRole('button', { name: 'Search', exact: true }).click();
    await kz.getByTestId('add-recipient').first().click();
    await kz.getByRole('textbox', { name: 'Message', exact: true }).fill('Name and date of birth of the suspect');
    const send = kz.getByRole('button', { name: 'Encrypt and send' });

    await kz.getByLabel('Category').selectOption('personal-data');
    await kz.getByTestId('send-blocked').waitFor();
    expect(await kz.getByTestId('policy-preview').getAttribute('data-effect')).to.equal('deny');
    expect(await kz.getByTestId('decision-reason').allTextContents()).to.satisfy((lines: string[]) =>
      lines.some((line) => line.includes('Law on Personal Data, art. 16')),
    );
    expect(await send.isDisabled()).to.equal(true);
    await shot(kz, 'denied');

    await kz.getByLabel('Category').selectOption('general');
    await kz.getByLabel('Classification').selectOption('confidential');
    await kz.getByTestId('will-be-held').waitFor();
    expect(await kz.getByTestId('send-blocked').count()).to.equal(0);
    await send.click();
    const held = kz.getByTestId('message-item').filter({ hasText: 'Name and date of birth of the suspect' });
    await held.locator('[data-testid="message-status"][data-status="held"]').waitFor();
    await shot(kz, 'held');
    const pending = (await admin.approvals.list()).find(
      (approval) => approval.labels.classification === 'confidential',
    );
    expect(pending).to.not.equal(undefined);
    // The browser sealed it to the approving admins too: the admin reads what they are asked to release.
    expect((await admin.approvals.readHeld(pending?.id ?? '')).text).to.contain(
      'Name and date of birth of the suspect',
    );

    // A held request goes the same way: the request compose sends through the SDK, which re-seals it to the approvers.
    await kz
      .locator('nav.main-nav')
      .getByRole('link', { name: /^Requests/ })
      .click();
    await kz.getByRole('link', { name: 'New request' }).click();
    await kz.getByRole('link', { name: 'Travel or identity document check' }).click();
    const compose = kz.getByTestId('compose-page');
    await compose.getByLabel('Classification').selectOption('confidential');
    await compose.getByLabel('Document type *').selectOption('passport');
    await compose.getByLabel('Document number *').fill('N5550001');
    await compose.getByLabel('Issuing state *').selectOption('KG');
    await compose.getByLabel('Holder name as in the document *').fill('Aibek Example');
    await compose.getByLabel('Purpose and legal basis of the request *').fill('Suspected forged passport');
    await compose.getByLabel('State', { exact: true }).selectOption('KG');
    await compose.getByRole('button', { name: 'Add recipient' }).click();
    await compose.getByLabel('Focal point in Kyrgyzstan').selectOption({ index: 1 });
    await compose.getByRole('button', { name: 'Seal and send' }).click();
    await compose.locator('[data-testid="send-result"][data-state="KG"][data-outcome="held"]').waitFor();
    const heldRequest = (await admin.approvals.list()).find((approval) => approval.kind === 'request:document-check');
    expect(heldRequest).to.not.equal(undefined);

    // The approvals screen shows the decrypted text before approve/reject, in English and Russian.
    const adminPage = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const adminErrors = watchErrors(adminPage);
    await adminPage.goto(`${t.url}/sign-in`);
    await adminPage.getByLabel('Username').fill('admin.kz');
    await adminPage.getByLabel('Password').fill(DEMO_PASSWORD);
    await adminPage.getByRole('button', { name: 'Sign in' }).click();
    await adminPage.getByLabel('Authenticator code').fill(await sdkTotp(t, secret));
    await adminPage.getByRole('button', { name: 'Sign in' }).click();
    await adminPage.getByTestId('account-active').waitFor();
    await adminPage.getByRole('link', { name: /^Approvals/ }).click();
    const card = adminPage.locator(`[data-testid="approval"][data-id="${pending?.id ?? ''}"]`);
    await card.getByTestId('held-text').getByText('Name and date of birth of the suspect').waitFor();
    // The held request's fields, decrypted on the approvals screen, line by line.
    const requestCard = adminPage.locator(`[data-testid="approval"][data-id="${heldRequest?.id ?? ''}"]`);
    await requestCard.getByTestId('held-text').getByText('Document number: N5550001').waitFor();
    // Who sent it, so the admin can call them before deciding.
    await card.getByTestId('approval-sender').waitFor();
    expect(await card.getByTestId('approval-sender').textContent())
      .to.contain('Sent by: ')
      .and.contain('Kazakhstan');
    await shot(adminPage, 'held-admin-reads');
    await adminPage.getByRole('button', { name: 'Русский' }).click();
    await card.getByText('Содержание').waitFor();
    expect(adminErrors).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });
});
