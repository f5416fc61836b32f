import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import type { TestPerson } from '../helpers/accounts.js';
import { seriousAxeViolations } from '../helpers/axe.js';
import { waitFor } from '../helpers/barrier.js';
import { screenshots, signInThroughUi, startE2e, watchErrors } from '../helpers/e2e.js';
import { populateNetwork } from '../helpers/network.js';
import { startSmtpReceiver, type SmtpReceiver } from '../helpers/smtp-receiver.js';
import type { TestServer } from '../helpers/test-server.js';
import { alertFor, linkIn, settled } from '../integration/notifications/email-helpers.js';

const shot = screenshots('email-alerts');
const PHONE = { width: 390, height: 844 };

const overflowsSideways = (page: Page): Promise<boolean> =>
  page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) > window.innerWidth);

describe('e2e: e-mail notifications in Chromium', function () {
  this.timeout(180_000);
  let smtp: SmtpReceiver;
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  let fp: TestPerson;
  let admin: TestPerson;
  const address = 'kz.desk@mfa.test';

  before(async () => {
    smtp = await startSmtpReceiver();
    ({ t, browser, close: closeE2e } = await startE2e({ env: smtp.env() }));
    const net = await populateNetwork(t, { states: { KZ: { focalPoints: { border: 1 } } } });
    [admin, fp] = [net.admin('KZ'), net.focalPoint('KZ')];
  });
  after(async () => {
    await closeE2e?.();
    await smtp?.stop();
  });

  it('a focal point sets an address, confirms it from the mail, and chooses kinds, quiet hours and the digest; at 390 px and in Russian', async () => {
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, fp);
    await page.getByRole('link', { name: 'Your account' }).click();
    await page.getByRole('link', { name: 'E-mail notifications' }).click();
    await page.getByRole('heading', { name: 'E-mail notifications' }).waitFor();
    await page.getByText('No address yet').waitFor();
    await shot(page, '01-no-address-en');

    const addressForm = page.getByTestId('notification-address');
    await addressForm.getByLabel('E-mail address').fill('not an address');
    await addressForm.getByRole('button', { name: 'Save and send the link' }).click();
    await addressForm.getByText('Enter an e-mail address').waitFor();
    await addressForm.getByLabel('E-mail address').fill(address);
    await addressForm.getByRole('button', { name: 'Save and send the link' }).click();
    await page.getByTestId('address-pending').waitFor();
    await addressForm.getByRole('status').waitFor();
    await shot(page, '02-pending-en');

    await waitFor(() => smtp.to(address).length === 1, { what: 'the verification mail' });
    await page.goto(`${t.url}/notifications/verify#${linkIn(smtp.to(address)[0]?.text ?? '')}`);
    expect(await page.getByTestId('address-verified').textContent()).to.contain(address);
    await shot(page, '03-verified-en');

    await page.getByRole('link', { name: 'Your notification settings' }).click();
    await page.getByText(`Mails go to ${address}.`).waitFor();
    const form = page.getByTestId('notification-settings-form');
    await form.getByLabel('A request arrives').selectOption('always');
    await form.getByLabel('A message arrives').selectOption('digest');
    expect(await form.getByLabel('A message arrives').locator('option[value="always"]').count()).to.equal(0);
    await form.getByLabel('Hold mails during quiet hours').check();
    await form.getByLabel('From').fill('23:00');
    await form.getByLabel('Until').fill('06:30');
    await form.getByLabel('Your time zone').fill('Asia/Almaty');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Saved.').waitFor();
    expect(await seriousAxeViolations(page)).to.deep.equal([]);
    await shot(page, '04-settings-saved-en');

    await page.reload();
    const reloaded = page.getByTestId('notification-settings-form');
    expect(await reloaded.getByLabel('A request arrives').inputValue()).to.equal('always');
    expect(await reloaded.getByLabel('Until').inputValue()).to.equal('06:30');
    expect(await reloaded.getByLabel('Your time zone').inputValue()).to.equal('Asia/Almaty');

    await page.setViewportSize(PHONE);
    await shot(page, '05-settings-390');
    expect(await overflowsSideways(page)).to.equal(false);
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('heading', { name: 'Уведомления по электронной почте' }).waitFor();
    await shot(page, '06-settings-ru-390');
    expect(await overflowsSideways(page)).to.equal(false);
    expect(errors).to.deep.equal([]);
  });

  it("a national admin sees which of their people's notification e-mails failed, without addresses", async () => {
    smtp.refuse(address);
    const alert = alertFor(fp.user.id, t.clock.now(), { kind: 'request.arrived', urgency: 'urgent', state: 'KZ' });
    await t.server.alerts.raise(alert);
    await settled(t, alert, fp.user.id, 'failed');

    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, admin);
    await page.getByRole('link', { name: 'Notification deliveries' }).click();
    await page.getByLabel('Only those that failed').check();
    const row = page.locator('[data-testid="delivery"][data-status="failed"]').first();
    await row.waitFor();
    expect(await row.textContent())
      .to.contain(fp.user.displayName)
      .and.contain('A request arrives')
      .and.contain('failed')
      .and.not.contain(address);
    expect(await seriousAxeViolations(page)).to.deep.equal([]);
    await shot(page, '07-admin-deliveries-en');
    await page.setViewportSize(PHONE);
    await shot(page, '08-admin-deliveries-390');
    expect(await overflowsSideways(page)).to.equal(false);
    expect(errors).to.deep.equal([]);
  });
});
