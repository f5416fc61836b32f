import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { verifyWebhookSignature } from '../../shared/webhooks/webhook-signature.js';
import type { TestPerson } from '../helpers/accounts.js';
import { seriousAxeViolations } from '../helpers/axe.js';
import { screenshots, signInThroughUi, startE2e, watchErrors } from '../helpers/e2e.js';
import { populateNetwork } from '../helpers/network.js';
import type { TestServer } from '../helpers/test-server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';

const shot = screenshots('webhooks');
const PHONE = { width: 390, height: 844 };

const overflowsSideways = (page: Page): Promise<boolean> =>
  page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) > window.innerWidth);

describe('e2e: a national admin registers a webhook for the state’s national system in Chromium', function () {
  this.timeout(180_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  let admin: TestPerson;
  let root: TestPerson;
  let receiver: WebhookReceiver;

  before(async () => {
    ({
      t,
      browser,
      close: closeE2e,
    } = await startE2e({
      env: { WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8', WEBHOOK_ALLOW_HTTP: 'true', OUTBOX_SWEEP_SECONDS: '0.2' },
    }));
    const net = await populateNetwork(t, { states: { KZ: {} } });
    [admin, root] = [net.admin('KZ'), net.root];
    receiver = await startWebhookReceiver();
  });
  after(async () => {
    await closeE2e?.();
    await receiver.close();
  });

  const open = async (person: TestPerson, locale: string, viewport = { width: 1100, height: 1000 }) => {
    const page = await (await browser.newContext({ locale, viewport })).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, person);
    return { page, errors };
  };

  it('registers an endpoint, shows its secret once, sends a signed test event and shows it delivered', async () => {
    const { page, errors } = await open(admin, 'en-GB');
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks for national systems' }).waitFor();
    await page.getByTestId('no-webhooks').waitFor();

    // A refused address: the form says why and keeps what was typed.
    const form = page.getByTestId('add-webhook');
    await form.getByLabel('Address (URL)').fill('https://10.0.0.1/hook');
    await form.getByRole('button', { name: 'Register endpoint' }).click();
    await form.getByRole('alert').getByText('The server will not call this address').waitFor();
    await form.getByText('10.0.0.1 is a private address').waitFor();
    await shot(page, '01-refused-en');

    await form.getByLabel('Address (URL)').fill(receiver.url);
    await form.getByLabel('Description (optional)').fill('Border case system, run by the national IT centre');
    await form.getByLabel('an exchange waits for your state’s approval').check();
    await form.getByRole('button', { name: 'Register endpoint' }).click();
    const secretPanel = page.getByTestId('webhook-secret');
    await secretPanel.getByRole('heading', { name: 'Endpoint registered. Copy its signing secret now' }).waitFor();
    const secret = await secretPanel.getByLabel('Signing secret').inputValue();
    expect(secret).to.match(/^whsec_/);
    await shot(page, '02-secret-once-en');
    expect(await seriousAxeViolations(page)).to.deep.equal([]);
    await secretPanel.getByRole('button', { name: 'I have copied it' }).click();
    await secretPanel.waitFor({ state: 'hidden' });
    expect(await page.getByText(secret).count()).to.equal(0); // never shown again

    const card = page.getByTestId('webhook-endpoint');
    await card.getByText('an exchange waits for your state’s approval').waitFor();
    await card.getByRole('button', { name: 'Send test event' }).click();
    await card.getByText('Test event queued').waitFor();
    await card.locator('[data-testid="delivery"][data-status="sent"]').waitFor({ timeout: 20_000 });
    await card.getByText(/Attempt 1, .*: HTTP 200/).waitFor();
    await shot(page, '03-delivered-en');
    const delivered = receiver.received.at(-1);
    expect(delivered?.headers['focalnet-event']).to.equal('test');
    expect(
      verifyWebhookSignature(
        delivered?.rawBody ?? '',
        String(delivered?.headers['focalnet-signature']),
        secret,
        t.clock.now().getTime(),
      ),
    ).to.equal(true);

    // Replacing the secret asks first, then shows the new one once.
    await card.getByRole('button', { name: 'Replace secret' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Replace secret — the old one stops working now' }).click();
    await secretPanel.getByRole('heading', { name: 'New signing secret. Copy it now' }).waitFor();
    expect(await secretPanel.getByLabel('Signing secret').inputValue()).not.to.equal(secret);
    await secretPanel.getByRole('button', { name: 'I have copied it' }).click();

    await card.getByRole('button', { name: 'Turn off' }).click();
    await card.getByTestId('webhook-status').getByText('Off').waitFor();
    expect(await card.getByRole('button', { name: 'Send test event' }).isDisabled()).to.equal(true);
    expect(errors).to.deep.equal([]);
  });

  it('reads in Russian on a 390 px phone without sideways scrolling; the secretariat sees the endpoint without actions', async () => {
    const page = await (await browser.newContext({ locale: 'ru-RU', viewport: PHONE })).newPage();
    const errors = watchErrors(page);
    await page.goto(`${t.url}/sign-in`);
    await page.getByRole('button', { name: 'English' }).click();
    await signInThroughUi(t, page, admin);
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.goto(`${t.url}/webhooks`);
    await page.getByRole('heading', { name: 'Веб-хуки для национальных систем' }).waitFor();
    await page.getByTestId('webhook-endpoint').getByText('Журнал доставки').waitFor();
    await page.getByTestId('delivery').first().waitFor();
    await shot(page, '04-phone-390-ru');
    expect(await overflowsSideways(page), 'the page overflows at 390 px').to.equal(false);
    expect(await seriousAxeViolations(page)).to.deep.equal([]);

    const { page: secretariat, errors: secretariatErrors } = await open(root, 'en-GB');
    await secretariat.goto(`${t.url}/webhooks`);
    const card = secretariat.getByTestId('webhook-endpoint');
    await card.getByText('Kazakhstan').waitFor();
    expect(await card.getByRole('button', { name: 'Replace secret' }).count()).to.equal(0);
    expect(await secretariat.getByTestId('add-webhook').count()).to.equal(0);
    await shot(secretariat, '05-secretariat-en');

    // Deleting asks first; then the endpoint is gone.
    await page.getByRole('button', { name: 'Удалить' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Удалить адрес и его журнал доставки' }).click();
    await page.getByTestId('no-webhooks').waitFor();
    expect(errors).to.deep.equal([]);
    expect(secretariatErrors).to.deep.equal([]);
  });
});
