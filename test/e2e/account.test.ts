import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { activeFocalPoint, activeNationalAdmin, bootstrapNetworkAdmin, type TestPerson } from '../helpers/accounts.js';
import { screenshots, signInThroughUi, startE2e, watchErrors } from '../helpers/e2e.js';
import type { TestServer } from '../helpers/test-server.js';

const shot = screenshots('account');
const NEW_PASSWORD = 'copper-meadow-lighthouse-violin-77';

describe('e2e: the account page in Chromium', function () {
  this.timeout(180_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  let fp: TestPerson;

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e());
    const root = await bootstrapNetworkAdmin(t);
    fp = await activeFocalPoint(t, await activeNationalAdmin(t, root, 'KZ'));
  });
  after(async () => closeE2e?.());

  it('a focal point changes their password: a wrong current one is refused; the new one then signs in and unlocks the keys', async () => {
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, fp);
    await page.getByRole('link', { name: 'Your account' }).click();
    expect(await page.getByTestId('account-facts').textContent()).to.contain(fp.username).and.contain('Kazakhstan').and.contain('Focal point');

    const form = page.getByTestId('change-password');
    await form.getByLabel('Current password').fill('not-my-password-at-all');
    await form.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await form.getByLabel('Repeat the new password').fill(`${NEW_PASSWORD}x`);
    await form.getByRole('button', { name: 'Change the password' }).click();
    expect(await form.getByText('The two passwords differ.').count()).to.equal(1); // caught before any work
    await form.getByLabel('Repeat the new password').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Change the password' }).click();
    expect(await form.getByRole('alert').textContent()).to.contain('The current password is wrong.');

    await form.getByLabel('Current password').fill(fp.password);
    await form.getByRole('button', { name: 'Change the password' }).click();
    await form.getByTestId('password-changed').waitFor();
    expect(await form.getByLabel('Current password').inputValue()).to.equal('');
    await shot(page, '01-password-changed-en');
    // Still signed in here: the directory answers with the fresh session.
    await page.getByRole('link', { name: 'Directory', exact: true }).click();
    await page.getByTestId('result-count').waitFor();

    // The new password signs in and unlocks the keys (signInThroughUi waits for both).
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInThroughUi(t, page, { ...fp, password: NEW_PASSWORD });
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('link', { name: 'Ваша учётная запись' }).click();
    await page.getByRole('heading', { name: 'Смена пароля' }).waitFor();
    await shot(page, '02-account-ru');
    expect(errors).to.deep.equal([]);
  });
});
