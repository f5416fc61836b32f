import { expect } from 'chai';
import { generate } from 'otplib';
import type { Browser } from 'playwright-core';
import { call } from '../helpers/api.js';
import { envelopeFor } from '../helpers/messaging.js';
import { sent } from '../helpers/requests.js';
import { activeFocalPoint, signInCall, type TestPerson } from '../helpers/accounts.js';
import { screenshots, signInThroughUi, startE2e, watchErrors } from '../helpers/e2e.js';
import { populateNetwork } from '../helpers/network.js';
import type { TestServer } from '../helpers/test-server.js';

const shot = screenshots('account');
const NEW_PASSWORD = 'copper-meadow-lighthouse-violin-77';
const NEW_PASSWORD_2 = 'saffron-harbour-telescope-quartz-19';

describe('e2e: the account page in Chromium', function () {
  this.timeout(180_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  let fp: TestPerson;
  let kzAdmin: TestPerson;

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e());
    const net = await populateNetwork(t, { states: { KZ: { focalPoints: { border: 1 } } } });
    [kzAdmin, fp] = [net.admin('KZ'), net.focalPoint('KZ')];
  });
  after(async () => closeE2e?.());

  it('a focal point changes their password: a wrong current one is refused; the new one then signs in and unlocks the keys', async () => {
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, fp);
    await page.getByRole('link', { name: 'Your account' }).click();
    expect(await page.getByTestId('account-facts').textContent())
      .to.contain(fp.username)
      .and.contain('Kazakhstan')
      .and.contain('Focal point');

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
    await page.getByTestId('welcome').waitFor(); // signed out: the tokens are gone before the next sign-in
    await signInThroughUi(t, page, { ...fp, password: NEW_PASSWORD });
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('link', { name: 'Ваша учётная запись' }).click();
    await page.getByRole('heading', { name: 'Смена пароля' }).waitFor();
    await shot(page, '02-account-ru');
    expect(errors).to.deep.equal([]);
  });
  it('a focal point who forgot the password: their national admin issues a reset link; with the recovery key they set a new one', async () => {
    const admin = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const adminErrors = watchErrors(admin);
    await signInThroughUi(t, admin, kzAdmin);
    await admin.getByRole('link', { name: 'People' }).click();
    const row = admin.locator(`[data-testid="person"][data-username="${fp.username}"]`);
    await row.getByRole('button', { name: 'Password reset link' }).click();
    const link = await row.getByTestId('reset-link').locator('input[name="reset-link"]').inputValue();
    expect(link).to.match(/\/reset#[A-Za-z0-9_-]{43}$/);
    await shot(admin, '03-reset-link-en');
    // The person's own trail, one click away: what they did and what concerns them.
    await row.getByRole('link', { name: `Events of ${fp.user.displayName}` }).click();
    expect(await admin.locator('select[name="audit-person"]').inputValue()).to.equal(fp.user.id);
    await admin.getByTestId('audit-table').getByText('Password reset link issued').first().waitFor();
    const kinds = await admin
      .getByTestId('audit-table')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-type')));
    expect(kinds).to.include.members(['user.password-reset-issued', 'user.registered']);
    expect(kinds).to.not.include('invitation.created'); // the admin's other work is not this person's

    const person = await (await browser.newContext({ locale: 'ru-RU' })).newPage();
    const personErrors = watchErrors(person);
    await person.goto(link);
    await person.getByRole('button', { name: 'Русский' }).click();
    expect(await person.getByTestId('reset-account').textContent()).to.contain(fp.username);
    await person.getByLabel('Ключ восстановления').fill('AAAA'.repeat(14));
    await person.getByLabel('Новый пароль', { exact: true }).fill(NEW_PASSWORD_2);
    await person.getByLabel('Повторите новый пароль').fill(NEW_PASSWORD_2);
    await person.getByRole('button', { name: 'Установить новый пароль' }).click();
    await person.getByRole('alert').waitFor(); // a wrong recovery key is named, nothing changes
    await person.getByLabel('Ключ восстановления').fill(fp.recoveryText ?? '');
    await person.getByRole('button', { name: 'Установить новый пароль' }).click();
    await person.getByTestId('reset-done').waitFor();
    await shot(person, '04-reset-done-ru');
    await person.getByRole('button', { name: 'English' }).click();
    await signInThroughUi(t, person, { ...fp, password: NEW_PASSWORD_2 });
    expect(adminErrors).to.deep.equal([]);
    expect(personErrors).to.deep.equal([]);
  });
  it('a focal point whose state requires a second factor is told so at home and sets it up from there', async () => {
    const fp2 = await activeFocalPoint(t, kzAdmin);
    const required = await call(t.url, 'PATCH', `/api/users/${fp2.user.id}`, {
      token: kzAdmin.session?.accessToken,
      body: { requireTotp: true },
    });
    expect(required.status).to.equal(200);
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, fp2);
    expect(await page.getByTestId('totp-required').textContent()).to.contain(
      'Your state requires two-factor authentication for its focal points',
    );
    expect(await page.getByRole('link', { name: /^Messages/ }).count()).to.equal(0); // not before the second factor
    await page.getByRole('link', { name: 'Set it up now' }).click();
    expect(await page.getByText('Your state requires its focal points to confirm each sign-in').count()).to.equal(1);
    await page.getByLabel('Your password').fill(fp2.password);
    await page.getByRole('button', { name: 'Begin setup' }).click();
    const secret = (await page.getByTestId('totp-secret').getAttribute('data-secret')) ?? '';
    await page
      .getByLabel('Code from the app')
      .fill(await generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) }));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByTestId('totp-enabled').waitFor();
    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await page.getByRole('link', { name: /^Messages/ }).waitFor();
    expect(await page.getByTestId('totp-required').count()).to.equal(0);
    expect(errors).to.deep.equal([]);
  });
  it('a focal point turns on notifications: an arrival while the tab is in the background is announced without its content', async () => {
    const sender = await activeFocalPoint(t, kzAdmin);
    const desk = await activeFocalPoint(t, kzAdmin);
    const context = await browser.newContext({ locale: 'en-GB' });
    // The OS notification and the tab's visibility, observable: Chromium headless shows neither.
    // Plain JavaScript in a string: the test's own compiled code may use helpers the page lacks.
    await context.addInitScript(`
      window.notes = [];
      window.hidden = false;
      function FakeNotification(title, options) { window.notes.push({ title: title, body: options.body }); this.onclick = null; }
      FakeNotification.permission = 'default';
      FakeNotification.requestPermission = function () { FakeNotification.permission = 'granted'; return Promise.resolve('granted'); };
      FakeNotification.prototype.close = function () {};
      window.Notification = FakeNotification;
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: function () { return window.hidden ? 'hidden' : 'visible'; } });
    `);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, desk);
    await page.getByRole('link', { name: 'Your account' }).click();
    const box = page.getByTestId('notification-settings').getByRole('checkbox');
    await box.check();
    expect(await box.isChecked()).to.equal(true);
    await shot(page, '05-notifications-en');

    const notes = (): Promise<Array<{ title: string; body: string }>> =>
      page.evaluate(() => (window as unknown as { notes: Array<{ title: string; body: string }> }).notes);
    await sent(t, sender, await envelopeFor(t, sender, [desk], { text: 'seen in the open tab' }));
    await page.locator('[data-testid="unread-messages"]', { hasText: '1' }).waitFor();
    expect(await notes()).to.deep.equal([]); // the tab is in view: the count says it
    await page.evaluate(() => {
      (window as unknown as { hidden: boolean }).hidden = true;
    });
    await sent(t, sender, await envelopeFor(t, sender, [desk], { text: 'secret operational detail' }));
    await page.waitForFunction(() => (window as unknown as { notes: unknown[] }).notes.length > 0);
    expect(await notes()).to.deep.equal([{ title: 'FocalNet', body: 'New message from Kazakhstan' }]);
    expect(errors).to.deep.equal([]);
  });
  it('a focal point sees where they are signed in and ends a session they do not recognise', async () => {
    const fp3 = await activeFocalPoint(t, kzAdmin);
    const phone = await signInCall(
      t.url,
      { username: fp3.username, password: fp3.password },
      'Mozilla/5.0 (Linux; Android 14; rv:133.0) Gecko/133.0 Firefox/133.0',
    );
    const phoneSession = phone.body;
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, fp3);
    await page.getByRole('link', { name: 'Your account' }).click();
    const list = page.getByTestId('my-sessions');
    const mine = list.locator('[data-testid="session"][data-current="true"]');
    await mine.waitFor();
    expect(await mine.textContent())
      .to.contain('Chrome · Linux')
      .and.contain('this browser');
    const onPhone = list.getByTestId('session').filter({ hasText: 'Firefox · Android' });
    await shot(page, '06-sessions-en');
    await onPhone.getByRole('button', { name: 'Sign it out' }).click();
    await onPhone.waitFor({ state: 'detached' });
    expect((await call(t.url, 'GET', '/api/me', { token: phoneSession.accessToken })).status).to.equal(401);
    // This browser carries on.
    await page.getByRole('link', { name: 'Directory', exact: true }).click();
    await page.getByTestId('result-count').waitFor();
    expect(errors).to.deep.equal([]);
  });
});
