import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import type { TestPerson } from '../helpers/accounts.js';
import { screenshots, signInThroughUi, startE2e, watchErrors } from '../helpers/e2e.js';
import { populateNetwork } from '../helpers/network.js';
import type { TestServer } from '../helpers/test-server.js';

const shot = screenshots('recovery-key');

describe('e2e: the recovery key on "Your account" and on People (Chromium)', function () {
  this.timeout(180_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  let kzAdmin: TestPerson;
  let fp: TestPerson;

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e());
    const net = await populateNetwork(t, { states: { KZ: { focalPoints: { border: 1 } } } }); // registered over the API without typing the key back
    [kzAdmin, fp] = [net.admin('KZ'), net.focalPoint('KZ')];
  });
  after(async () => closeE2e?.());

  it('the national admin sees on People whose recovery key was never confirmed', async () => {
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    await signInThroughUi(t, page, kzAdmin);
    await page.goto(`${t.url}/admin/people`);
    const row = page.locator(`[data-testid="person"][data-username="${fp.username}"]`);
    await row.waitFor();
    expect(await row.getByTestId('recovery-not-confirmed').textContent()).to.equal('recovery key not confirmed');
    await shot(page, '01-people-not-confirmed-en');
  });

  it('a focal point makes a new recovery key on "Your account", typing it back; it then shows as confirmed', async () => {
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, fp);
    await page.getByRole('link', { name: 'Your account' }).click();
    const section = page.getByTestId('recovery-key-section');
    expect(await section.getAttribute('data-confirmed')).to.equal('false');
    await section.getByRole('button', { name: 'Make a new recovery key' }).click();
    const key = (await section.getByTestId('recovery-key').getAttribute('data-key')) ?? '';
    expect(key).to.match(/^([0-9A-Z]{4}-){13}[0-9A-Z]{4}$/);
    await shot(page, '02-new-key-shown-en');
    await section.getByLabel('I have stored the recovery key in a safe place').check();
    await section.getByLabel(/last group/).fill(key.slice(-4));
    await section.getByRole('button', { name: 'Continue' }).click();
    await section.getByTestId('recovery-key-replaced').waitFor();
    expect(await section.getAttribute('data-confirmed')).to.equal('true');
    await page.getByRole('button', { name: 'Русский' }).click();
    await section.getByText('Ключ восстановления задан, и при создании вы ввели его для подтверждения.').waitFor();
    await shot(page, '03-confirmed-ru');
    expect(errors).to.deep.equal([]);
  });
});
