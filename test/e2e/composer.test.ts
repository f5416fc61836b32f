import { expect } from 'chai';
import { generate } from 'otplib';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD } from '../../scripts/cli/seed-demo.command.js';
import { screenshots, signInThroughUi, startE2e, watchErrors } from '../helpers/e2e.js';
import { policyBody } from '../helpers/policies.js';
import { sdkClient, sdkTotp } from '../helpers/sdk.js';
import type { TestServer } from '../helpers/test-server.js';

const shot = screenshots('composer');

describe('e2e: the composer in a thread (Chromium)', function () {
  this.timeout(180_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e({ demo: true }));
  });
  after(async () => closeE2e?.());

  it('labels come from the conversation as one line; the decision is one sentence; a refusal by an unpublished restriction names the state, keeps the text and points to a request, never to relabelling', async () => {
    // Kyrgyzstan's national admin publishes an unpublished inbound rule: no criminal intelligence from Kazakhstan.
    const admin = sdkClient(t);
    await admin.signIn({ username: 'admin.kg', password: DEMO_PASSWORD });
    const { secret } = await admin.me.startTotpSetup({ password: DEMO_PASSWORD });
    await admin.me.confirmTotp(await generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) }));
    await admin.signIn({ username: 'admin.kg', password: DEMO_PASSWORD, totp: await sdkTotp(t, secret) });
    await admin.unlockKeys({ password: DEMO_PASSWORD });
    await admin.policies.signAndPublish(
      policyBody('KG', 1, [
        {
          id: 'kg-no-kz-intel',
          direction: 'inbound',
          counterparts: ['KZ'],
          categories: ['criminal-intelligence'],
          effect: 'deny',
          legalBasis: { en: 'KG confidential protocol 7' },
        },
      ]),
    );

    const kz = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const errors = watchErrors(kz);
    await signInThroughUi(t, kz, { username: 'fp.kz.border', password: DEMO_PASSWORD });
    await kz.getByRole('link', { name: /^Messages/ }).click();
    await kz.getByTestId('new-message').click();
    await kz.getByLabel('Find in the directory').fill('Kyrgyzstan border');
    await kz.getByRole('button', { name: 'Search', exact: true }).click();
    await kz.getByTestId('add-recipient').first().click();
    // A new message shows every label to choose.
    expect(await kz.getByTestId('label-chips').count()).to.equal(0);
    await kz.getByLabel('Category').selectOption('general');
    await kz.getByRole('textbox', { name: 'Message', exact: true }).fill('Opening the channel on the border case');
    await kz.getByRole('button', { name: 'Encrypt and send' }).click();
    await kz.getByTestId('message-item').filter({ hasText: 'Opening the channel' }).waitFor();

    // In the thread: the labels of the conversation in one line, the decision in one sentence.
    const chips = kz.getByTestId('label-chips');
    await chips.waitFor();
    expect(await chips.textContent())
      .to.contain('as in this conversation')
      .and.to.contain('General');
    expect(await kz.getByLabel('Category').count()).to.equal(0);
    expect(await kz.getByTestId('decision-sentence').textContent()).to.match(
      /^Allowed: .*Kyrgyzstan .*unpublished rules are checked on sending/,
    );
    // The reasons per state are there on demand, not in the way.
    expect(await kz.getByTestId('policy-preview').isVisible()).to.equal(false);
    await shot(kz, '01-thread-en');

    // Changing the labels is one click away; Kyrgyzstan's unpublished rule is not in the preview…
    await chips.getByRole('button', { name: 'Change labels' }).click();
    await kz.getByLabel('Category').selectOption('criminal-intelligence');
    await kz.getByLabel('Handling code').selectOption('H3');
    expect(await kz.getByTestId('decision-sentence').textContent()).to.match(/^Allowed/);
    const text = 'Route of the smuggling group through the pass';
    await kz.getByRole('textbox', { name: 'Message', exact: true }).fill(text);
    await kz.getByRole('button', { name: 'Encrypt and send' }).click();

    // …so the server refuses, and the page says whose restriction, and what the person can do.
    const refusal = kz.getByTestId('policy-refusal');
    await refusal.waitFor();
    const said = (await refusal.textContent()) ?? '';
    expect(said).to.contain('Not sent: the disclosure policies do not allow this exchange.');
    expect(await refusal.getByTestId('refusal-reason').allTextContents()).to.deep.equal([
      'Kyrgyzstan: refused by a restriction of Kyrgyzstan (not published).',
    ]);
    expect(said).not.to.contain('KG confidential protocol 7');
    expect(said.toLowerCase()).not.to.contain('label');
    expect(said).not.to.contain('Overall');
    expect(await refusal.getByRole('link', { name: 'Send a request instead' }).getAttribute('href')).to.equal(
      '/requests/new',
    );
    // Nothing typed is lost.
    expect(await kz.getByRole('textbox', { name: 'Message', exact: true }).inputValue()).to.equal(text);
    // The sentence no longer says "allowed" beside the refusal.
    expect(await kz.getByTestId('decision-sentence').count()).to.equal(0);
    await shot(kz, '02-refused-en');

    await kz.getByRole('button', { name: 'Русский' }).click();
    const reasonRu = (await refusal.getByTestId('refusal-reason').textContent()) ?? '';
    expect(reasonRu).to.contain('(не опубликовано)');
    await shot(kz, '03-refused-ru');
    // Other labels are another question: the refusal goes, the preview comes back.
    await kz.getByLabel('Категория').selectOption('general');
    await kz.getByTestId('decision-sentence').waitFor();
    expect(await refusal.count()).to.equal(0);
    expect(errors).to.deep.equal([]);
  });

  it('a message under handling code H2 is read but neither copied nor saved by its recipient, who is told why; an H1 one can be', async () => {
    const kz = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    await signInThroughUi(t, kz, { username: 'fp.kz.border', password: DEMO_PASSWORD });
    await kz.getByRole('link', { name: /^Messages/ }).click();
    const send = async (text: string, handling: string, file: string): Promise<void> => {
      await kz.getByTestId('new-message').click();
      await kz.getByLabel('Find in the directory').fill('Kyrgyzstan border');
      await kz.getByRole('button', { name: 'Search', exact: true }).click();
      await kz.getByTestId('add-recipient').first().click();
      await kz.getByLabel('Handling code').selectOption(handling);
      await kz.getByRole('textbox', { name: 'Message', exact: true }).fill(text);
      await kz
        .getByLabel('Attachments')
        .setInputFiles({ name: file, mimeType: 'text/plain', buffer: Buffer.from(text) });
      await kz.getByRole('button', { name: 'Encrypt and send' }).click();
      await kz.getByTestId('message-item').filter({ hasText: text }).waitFor();
      await kz.getByRole('link', { name: /^Messages/ }).click();
    };
    await send('Account holders of the shell company (H2)', 'H2', 'holders.txt');

    const kg = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const errors = watchErrors(kg);
    await signInThroughUi(t, kg, { username: 'fp.kg.border', password: DEMO_PASSWORD });
    await kg.getByRole('link', { name: /^Messages/ }).click();
    await kg.getByTestId('conversation').filter({ hasText: 'Account holders' }).getByRole('link').click();
    const guarded = kg.getByTestId('message-item').filter({ hasText: 'Account holders' });
    await guarded.waitFor();
    expect(await guarded.getByTestId('message-text').getAttribute('data-guarded')).to.equal('true');
    expect(await guarded.getByTestId('onward-guard').textContent()).to.contain(
      'Handling code H2: not to be passed on without the consent of Kazakhstan.',
    );
    expect(await guarded.getByTestId('attachment-download').count()).to.equal(0);
    expect(await guarded.getByTestId('attachment-guarded').textContent()).to.contain('holders.txt');
    // A copy from the text is refused by the page (the browser's default action is cancelled).
    const copyCancelled = await guarded
      .getByTestId('message-text')
      .evaluate((node) => !node.dispatchEvent(new Event('copy', { bubbles: true, cancelable: true })));
    expect(copyCancelled).to.equal(true);
    await shot(kg, '04-guarded-h2-en');

    // H1 (the default) may be passed on under national rules: its file downloads as usual.
    await send('Open-source report on the company (H1)', 'H1', 'report.txt');
    const open = kg.getByTestId('message-item').filter({ hasText: 'Open-source report' });
    await open.waitFor();
    expect(await open.getByTestId('onward-guard').count()).to.equal(0);
    expect(await open.getByTestId('attachment-download').count()).to.equal(1);
    expect(errors).to.deep.equal([]);
  });
});
