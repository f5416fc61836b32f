import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { generate } from 'otplib';
import type { Browser } from 'playwright-core';
import {
  bootstrapNetworkAdmin,
  STRONG_PASSWORD,
  totpCode,
  uniqueUsername,
  type TestPerson,
} from '../helpers/accounts.js';
import type { TestServer } from '../helpers/test-server.js';
import type { DualControlRequestView } from '../../shared/schemas/dual-control.js';
import { call } from '../helpers/api.js';
import { approveSecondStep, secondSecretariatMember } from '../helpers/second-approver.js';
import { screenshots, startE2e, watchErrors } from '../helpers/e2e.js';

const shot = screenshots('onboarding');

describe('e2e: onboarding a national admin in Chromium', function () {
  this.timeout(120_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  let root: TestPerson;

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e());
    root = await bootstrapNetworkAdmin(t);
  });
  after(async () => closeE2e?.());

  /** Another secretariat member approves the one request waiting for a second person. */
  const secondApprovesWhatWaits = async (): Promise<void> => {
    const second = await secondSecretariatMember(t, root.session?.accessToken);
    const [waiting] = (
      await call<DualControlRequestView[]>(t.url, 'GET', '/api/dual-control', { token: second.session?.accessToken })
    ).body;
    await approveSecondStep(t, second, waiting?.id ?? '');
  };

  it('admin invites, newcomer registers with keys made in the browser, both see one safety number, admin activates', async () => {
    // ── A: the network admin signs in (password, then the TOTP code the server asks for) ──
    const admin = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const adminErrors = watchErrors(admin);
    await admin.goto(`${t.url}/sign-in`);
    await admin.getByLabel('Username').fill(root.username);
    await admin.getByLabel('Password').fill(root.password);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByLabel('Authenticator code').fill(await totpCode(t, root.totpSecret ?? ''));
    await shot(admin, '01-admin-sign-in-totp-en');
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByTestId('account-active').waitFor(); // signed in and keys unlocked with the same password
    expect(await admin.getByTestId('signed-in-user').textContent()).to.contain('Network administrator');

    // ── A: creates a national-admin invitation for Kazakhstan ──
    await admin.getByRole('link', { name: 'Invitations' }).click();
    expect(await admin.getByTestId('invitation-role').locator('option:checked').textContent()).to.equal(
      'National administrator',
    );
    await admin.getByLabel('Member state').selectOption('KZ');
    await admin.getByLabel('Name of the person or duty desk').fill('Aigerim Nurlanovna');
    await admin.getByLabel('Note (how you will pass on the link)').fill('by phone, +7 …');
    await admin.getByRole('button', { name: 'Create invitation' }).click();
    const link = await admin.locator('input[name="invitation-link"]').inputValue();
    expect(link).to.match(new RegExp(`^${t.url}/invite#[A-Za-z0-9_-]{43}$`));
    await admin.getByTestId('invitation-list').getByText('Open').waitFor();
    await shot(admin, '02-admin-invitation-created-en');
    await admin.getByRole('button', { name: 'I have copied the link' }).click();
    // A second one, made by mistake, is revoked.
    await admin.getByLabel('Member state').selectOption('UZ');
    await admin.getByLabel('Name of the person or duty desk').fill('Wrong person');
    await admin.getByRole('button', { name: 'Create invitation' }).click();
    await admin.getByRole('button', { name: 'I have copied the link' }).click();
    const mistaken = admin.getByTestId('invitation-list').locator('tr', { hasText: 'Wrong person' });
    await mistaken.getByRole('button', { name: 'Revoke', exact: true }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Revoke — the link stops working at once' }).click();
    await mistaken.and(admin.locator('[data-status="revoked"]')).waitFor();

    // ── B: the newcomer opens the link in Russian ──
    const newcomer = await (await browser.newContext({ locale: 'ru-RU' })).newPage();
    const newcomerErrors = watchErrors(newcomer);
    await newcomer.goto(link);
    expect(await newcomer.getByTestId('invite-role').textContent()).to.equal('Национальный администратор');
    expect(await newcomer.getByTestId('invite-state').textContent()).to.equal('Казахстан');
    const username = uniqueUsername('aigerim');
    await newcomer.getByLabel('Имя пользователя').fill(username);
    // A common password passes the length rule; the browser refuses it and says why (the server never sees it).
    await newcomer.getByLabel('Пароль', { exact: true }).fill('password1234');
    await newcomer.getByLabel('Повторите пароль').fill('password1234');
    await newcomer.getByRole('button', { name: 'Создать учётную запись и ключи' }).click();
    await newcomer.locator('.form-error[data-code="password.weak"]').waitFor();
    expect(await newcomer.locator('.form-error').textContent())
      .to.contain('слишком легко угадать')
      .and.contain('too easy to guess');
    await shot(newcomer, '03-newcomer-weak-password-ru');

    await newcomer.getByLabel('Пароль', { exact: true }).fill(STRONG_PASSWORD);
    await newcomer.getByLabel('Повторите пароль').fill(STRONG_PASSWORD);
    await newcomer.getByRole('button', { name: 'Создать учётную запись и ключи' }).click();
    await newcomer.getByTestId('enrolment-progress').waitFor();
    await shot(newcomer, '04-newcomer-progress-ru').catch(() => undefined); // the step may be over already

    // ── B: the recovery key, shown once, confirmed by typing its last group ──
    const recoveryKey =
      (await newcomer.getByTestId('recovery-key').getAttribute('data-key', { timeout: 30_000 })) ?? '';
    expect(recoveryKey).to.match(/^([0-9A-Z]{4}-){13}[0-9A-Z]{4}$/);
    await shot(newcomer, '05-newcomer-recovery-key-ru');
    const continueButton = newcomer.getByRole('button', { name: 'Продолжить' });
    expect(await continueButton.isDisabled()).to.equal(true);
    await newcomer.getByLabel('Я сохранил(а) ключ восстановления в надёжном месте').check();
    await newcomer
      .getByLabel('Для подтверждения введите последнюю группу ключа')
      .fill(recoveryKey.slice(-4).toLowerCase());
    await continueButton.click();

    // ── B: pending, with the safety number to compare with the network admin ──
    await newcomer.getByTestId('pending-verification').waitFor();
    expect(new URL(newcomer.url()).hash).to.equal(''); // the token left the address bar
    expect(await newcomer.getByTestId('signed-in-user').getAttribute('data-status')).to.equal('pending-verification');
    const newcomerNumber = newcomer.getByTestId('verifier').getByTestId('safety-number');
    const digits = (await newcomerNumber.getAttribute('data-digits')) ?? '';
    expect(digits).to.match(/^\d{60}$/);
    expect(await newcomerNumber.locator('li').allTextContents()).to.deep.equal(digits.match(/\d{5}/g));
    expect(await newcomerNumber.locator('img.qr').count()).to.equal(1);
    await shot(newcomer, '06-newcomer-pending-ru');

    // ── A: pending verifications show the same digits; A activates ──
    await admin.getByRole('link', { name: 'Pending verifications' }).click();
    const card = admin.locator(`[data-testid="pending-person"][data-username="${username}"]`);
    const adminDigits = await card.getByTestId('safety-number').getAttribute('data-digits');
    expect(adminDigits).to.equal(digits);
    expect((await card.getByTestId('safety-number').locator('li').allTextContents()).join('')).to.equal(digits);
    await shot(admin, '07-admin-pending-en');
    await card.getByRole('button', { name: 'I compared it, activate' }).click();
    // A national admin's activation takes a second person (test/e2e/second-approvals.test.ts shows the
    // page): the card says so, and another secretariat member approves.
    await card.getByTestId('awaiting-second-approval').waitFor();
    await secondApprovesWhatWaits();

    // ── B: the page notices the activation by itself ──
    await newcomer.getByTestId('account-active').waitFor({ timeout: 15_000 });
    expect(await newcomer.getByTestId('signed-in-user').getAttribute('data-status')).to.equal('active');
    await shot(newcomer, '08-newcomer-active-ru');

    // ── B: as an admin, must enrol TOTP before the admin pages work ──
    await newcomer.getByRole('link', { name: 'Включить сейчас' }).click();
    await newcomer.getByLabel('Ваш пароль').fill(STRONG_PASSWORD);
    await shot(newcomer, '08b-newcomer-totp-password-ru');
    await newcomer.getByRole('button', { name: 'Начать настройку' }).click();
    const secret = (await newcomer.getByTestId('totp-secret').getAttribute('data-secret')) ?? '';
    await shot(newcomer, '09-newcomer-totp-setup-ru');
    await newcomer
      .getByLabel('Код из приложения')
      .fill(await generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) }));
    await newcomer.getByRole('button', { name: 'Подтвердить' }).click();
    await newcomer.getByTestId('totp-enabled').waitFor();
    await newcomer.getByRole('link', { name: 'Перейти к администрированию' }).click();
    await newcomer.getByRole('heading', { name: 'Ожидают проверки' }).waitFor();
    await newcomer.getByRole('link', { name: 'Приглашения' }).click();
    expect(await newcomer.getByTestId('invitation-role').textContent()).to.equal('Контактный пункт');
    await shot(newcomer, '10-newcomer-invitations-ru');

    // ── B: after a reload the tokens survive (this tab only), the keys do not: unlock with the recovery key ──
    await newcomer.reload();
    await newcomer.getByRole('heading', { name: 'Разблокировка ключей' }).waitFor();
    await newcomer.getByRole('button', { name: 'English' }).click();
    await newcomer.getByRole('button', { name: 'Use the recovery key instead' }).click();
    await newcomer.getByLabel('Recovery key').fill(recoveryKey.replace(/-/g, ' '));
    await shot(newcomer, '11-newcomer-unlock-recovery-en');
    await newcomer.getByRole('button', { name: 'Unlock' }).click();
    await newcomer.getByRole('heading', { name: 'Invite someone' }).waitFor();

    // ── A: suspends B with a reason (B's session ends at once), then reactivates ──
    await admin.getByRole('link', { name: 'People' }).click();
    const row = admin.locator(`[data-testid="person"][data-username="${username}"]`);
    await row.and(admin.locator('[data-status="active"]')).waitFor();
    await row.getByRole('button', { name: 'Suspend', exact: true }).click();
    await admin.getByRole('dialog').getByLabel('Reason for the suspension').fill('laptop reported lost');
    await shot(admin, '12-admin-suspend-en');
    await admin
      .getByRole('dialog')
      .getByRole('button', { name: /^Suspend now — / })
      .click();
    // A national admin's suspension waits for a second person; another secretariat member approves it.
    await row.getByTestId('awaiting-second-approval').waitFor();
    await shot(admin, '12b-admin-suspension-waits-en');
    await secondApprovesWhatWaits();
    await row.and(admin.locator('[data-status="suspended"]')).waitFor();
    // The server closed the tab's socket; reconnecting, its refresh is refused: signed out without a click.
    await newcomer.getByRole('heading', { name: 'Sign in' }).waitFor();
    await row.getByRole('button', { name: 'Reactivate' }).click();
    await row.getByTestId('awaiting-second-approval').waitFor();
    await secondApprovesWhatWaits();
    await row.and(admin.locator('[data-status="active"]')).waitFor();

    // ── B: signs in again with password and code; the keys unlock with the same password (64 MiB argon2id) ──
    await newcomer.getByLabel('Username').fill(username);
    await newcomer.getByLabel('Password').fill(STRONG_PASSWORD);
    await newcomer.getByRole('button', { name: 'Sign in' }).click();
    await newcomer.getByLabel('Authenticator code').fill(await totpCode(t, secret));
    await newcomer.getByRole('button', { name: 'Sign in' }).click();
    await newcomer.getByRole('link', { name: 'People' }).click();
    await newcomer.getByTestId('people-list').waitFor();
    await shot(newcomer, '13-newcomer-people-en');

    // ── A: audit trail, in both languages ──
    await admin.getByRole('link', { name: 'Audit trail' }).click();
    await admin.getByTestId('audit-table').locator('tr[data-type="user.activated"]').first().waitFor();
    // Newest first: what just happened is on top.
    const seqs = (
      await admin
        .getByTestId('audit-table')
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((row) => Number(row.querySelector('td')?.textContent)))
    ).filter((n) => !Number.isNaN(n));
    expect(seqs.length).to.be.greaterThan(1);
    expect(seqs).to.deep.equal([...seqs].sort((a, b) => b - a));
    // One kind of event at a time, chosen by its name.
    await admin.getByLabel('Event').selectOption({ label: 'Verified and activated' });
    await admin
      .getByTestId('audit-table')
      .locator('tr[data-type="auth.signed-in"]')
      .first()
      .waitFor({ state: 'detached' });
    const types = await admin
      .getByTestId('audit-table')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-type')));
    expect(new Set(types)).to.deep.equal(new Set(['user.activated']));
    await admin.getByLabel('Event').selectOption({ label: 'All events' });
    // Details read as words: the suspension's reason and statuses, under translated field names; people by name.
    const suspended = admin.getByTestId('audit-table').locator('tr[data-type="user.suspended"]').first();
    expect(await suspended.getByTestId('audit-details').textContent()).to.contain('Reason: laptop reported lost');
    expect(await suspended.textContent()).to.contain('Aigerim');
    expect(await suspended.locator('[data-field="reason"]').count()).to.equal(1);
    expect(await suspended.getByTestId('full-id').count(), 'ids only on demand').to.equal(0);
    await admin.getByLabel('Show full ids').check();
    expect(await suspended.getByTestId('full-id').allTextContents()).to.satisfy((ids: string[]) =>
      ids.every((id) => /^[0-9a-f]{24}$/.test(id)),
    );
    await admin.getByLabel('Show full ids').uncheck();
    await shot(admin, '14-admin-audit-en');
    // The filtered view as CSV: every matching entry, in words and with its full ids.
    await admin.getByLabel('Event').selectOption({ label: 'Suspended' });
    await admin
      .getByTestId('audit-table')
      .locator('tr[data-type="auth.signed-in"]')
      .first()
      .waitFor({ state: 'detached' });
    const downloading = admin.waitForEvent('download');
    await admin.getByRole('button', { name: 'Export these entries (CSV)' }).click();
    const csv = readFileSync(await (await downloading).path(), 'utf8').split('\r\n');
    expect(csv[0]).to.match(/^No\.,Time,time,Event,event,by,actorId,State,concerning,subjectId,details,leafHash$/);
    expect(csv.filter((line) => line.includes('user.suspended')).length).to.equal(csv.length - 2);
    expect(csv[1]).to.contain('Reason: laptop reported lost');
    await admin.getByLabel('Event').selectOption({ label: 'All events' });
    await admin.getByRole('button', { name: 'Русский' }).click();
    await admin.getByRole('heading', { name: 'Журнал аудита' }).waitFor();
    expect(await suspended.getByTestId('audit-details').textContent()).to.contain('Причина: laptop reported lost');
    await shot(admin, '15-admin-audit-ru');

    expect(adminErrors).to.deep.equal([]);
    expect(newcomerErrors).to.deep.equal([]);
  });
});
