import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../scripts/cli/seed-demo.command.js';
import { call } from '../helpers/api.js';
import { reauthFor, signInCall, totpCode } from '../helpers/accounts.js';
import type { TestServer } from '../helpers/test-server.js';
import { generate } from 'otplib';
import { screenshots, startE2e, watchErrors } from '../helpers/e2e.js';

const shot = screenshots('directory');

/** Demo national admins have no second factor yet: enrol one through the API, as their first sign-in would. */
async function enrolTotp(t: TestServer, username: string): Promise<string> {
  const session = await signInCall(t.url, { username, password: DEMO_PASSWORD });
  const token = session.body.accessToken;
  const {
    body: { secret },
  } = await call<{ secret: string }>(t.url, 'POST', '/api/me/totp/setup', {
    token,
    body: { reauth: await reauthFor(t, token, { password: DEMO_PASSWORD }) },
  });
  const confirmed = await call(t.url, 'POST', '/api/me/totp/confirm', {
    token,
    body: { code: await generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) }) },
  });
  expect(confirmed.status).to.equal(200);
  return secret;
}

describe('e2e: the directory in Chromium', function () {
  this.timeout(180_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  let focalPoint: Page;
  let focalPointErrors: string[];
  let admin: Page;
  let adminErrors: string[];

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e({ demo: true }));
  });
  after(async () => closeE2e?.());

  it('a Chinese border focal point finds the Kazakh economic-crime focal point who speaks Russian: current, verified, phone withheld, safety number; in English and Russian', async () => {
    focalPoint = await (await browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Shanghai' })).newPage();
    focalPointErrors = watchErrors(focalPoint);
    const page = focalPoint;
    await page.goto(`${t.url}/sign-in`);
    await page.getByLabel('Username').fill('fp.cn.border');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('account-active').waitFor(); // the keys were unlocked with the same password

    // ── the whole directory, then narrowed down with the filters ──
    await page.getByRole('link', { name: 'Directory', exact: true }).click();
    const count = page.getByTestId('result-count');
    expect(Number(await count.getAttribute('data-total'))).to.be.greaterThan(100);
    await shot(page, '01-all-en');
    await page.getByLabel('Domain').selectOption('economic-crime');
    await page.getByLabel('Working language').selectOption('ru');
    await page.getByTestId('state-picker').locator('summary').click();
    await page.getByRole('checkbox', { name: 'Kazakhstan' }).check();
    await page.locator('[data-testid="result-count"][data-total="1"]').waitFor();
    expect(new URL(page.url()).search).to.equal('?domain=economic-crime&state=KZ&language=ru');
    const row = page.getByTestId('directory-entry');
    expect(await row.textContent())
      .to.contain('Financial Monitoring Agency')
      .and.contain('Агентство по финансовому мониторингу')
      .and.contain('Kazakhstan');
    expect(await row.getByTestId('stale-badge').getAttribute('data-stale')).to.equal('false');
    expect(await row.getByTestId('keys-badge').getAttribute('data-verified')).to.equal('true');
    await shot(page, '02-filtered-en');

    // ── the entry: current, keys verified, phone withheld and said so, safety number ──
    await row.locator('a.entry-name').click();
    const entry = page.getByTestId('entry');
    await entry.waitFor();
    expect(await entry.getByTestId('stale-badge').first().textContent()).to.equal('Current');
    expect(await entry.getByTestId('keys-badge').textContent()).to.equal('Keys verified');
    expect(await page.getByTestId('withheld-note').textContent()).to.equal(
      'Kazakhstan does not share the following with your state: phone numbers.',
    );
    const contacts = page.getByTestId('contacts');
    expect(await contacts.locator('[data-type="email"] dd').textContent()).to.equal('economic-crime@focal.kz.example');
    expect(await contacts.locator('[data-type="phone"]').getAttribute('data-withheld')).to.equal('true');
    expect(await contacts.textContent()).to.not.match(/\+00/);
    expect(await page.getByTestId('key-fingerprint').textContent()).to.match(/^([0-9A-F]{4} ){9}[0-9A-F]{4}$/);
    const safety = page.getByTestId('safety-number');
    const digits = (await safety.getAttribute('data-digits')) ?? '';
    expect(digits).to.match(/^\d{60}$/);
    expect(await safety.locator('li').allTextContents()).to.deep.equal(digits.match(/\d{5}/g));
    expect(await page.getByRole('button', { name: 'Edit' }).count()).to.equal(0); // not theirs to edit
    await shot(page, '03-entry-en');

    // ── the same page in Russian ──
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('heading', { name: 'Ключи' }).waitFor();
    expect(await page.getByTestId('withheld-note').textContent()).to.equal(
      'Государство Казахстан не сообщает вашему государству следующие сведения: номера телефонов.',
    );
    expect(await entry.getByTestId('stale-badge').first().textContent()).to.equal('Актуальна');
    expect(await entry.getByTestId('keys-badge').textContent()).to.equal('Ключи проверены');
    expect(await page.getByTestId('entry-facts').textContent())
      .to.contain('Агентство по финансовому мониторингу')
      .and.contain('Экономические');
    expect(await contacts.locator('[data-type="phone"] dt').textContent()).to.equal('Телефон');
    expect(await safety.getAttribute('data-digits')).to.equal(digits);
    await shot(page, '04-entry-ru');
    await page.getByRole('link', { name: '← К результатам поиска' }).click();
    await page.locator('[data-testid="result-count"][data-total="1"]').waitFor();
    expect(await page.getByTestId('state-picker').locator('summary').textContent()).to.contain('Казахстан');
    expect(await page.getByTestId('directory-entry').textContent()).to.contain('Казахстан');
    await shot(page, '05-filtered-ru');

    // ── export: an authenticated download, with the same visibility ──
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).to.match(/^focalnet-directory-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await file.path(), 'utf8');
    expect(csv.split('\r\n')[0]).to.match(/^state,name_en,name_ru,/);
    expect(csv).to.contain('economic-crime@focal.kz.example');
    expect(
      csv
        .split('\r\n')
        .filter((line) => line.startsWith('KZ,'))
        .join('\n'),
    ).to.not.match(/\+00 /);

    // ── from the entry straight to a message, and a request, addressed to that person in their domain ──
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('directory-entry').locator('a.entry-name').click();
    const kazakhId = await page.getByTestId('entry').getAttribute('data-user-id');
    await page.getByRole('link', { name: 'Write a message' }).click();
    await page.getByRole('heading', { name: 'New message' }).waitFor();
    await page.locator('fieldset.recipient-picker').getByText('Aigerim Sadykova').first().waitFor();
    expect(await page.locator('select[name="domain"]').inputValue()).to.equal('economic-crime');
    await page.goBack();
    await page.getByRole('link', { name: 'Make a request' }).click();
    await page.getByRole('link', { name: 'Person or entity check' }).click();
    const chosen = page.getByTestId('recipients').locator('[data-testid="focal-point-select"][data-state="KZ"]');
    await chosen.locator(`option[value="${kazakhId}"]`).waitFor({ state: 'attached' });
    expect(await chosen.inputValue()).to.equal(kazakhId);
    // Back on the directory in Russian, where the next test finds this focal point.
    await page.getByRole('link', { name: 'Directory', exact: true }).click();
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('heading', { name: 'Справочник контактных пунктов' }).waitFor();

    expect(focalPointErrors).to.deep.equal([]);
  });

  it('a national admin starts a liveness check; the focal point confirms from the banner; the admin sees the answer', async () => {
    const secret = await enrolTotp(t, 'admin.cn');
    admin = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    adminErrors = watchErrors(admin);
    await admin.goto(`${t.url}/sign-in`);
    await admin.getByLabel('Username').fill('admin.cn');
    await admin.getByLabel('Password').fill(DEMO_PASSWORD);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByLabel('Authenticator code').fill(await totpCode(t, secret));
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByTestId('account-active').waitFor();

    await admin.getByRole('link', { name: 'Liveness checks' }).click();
    await admin.getByLabel('Domain').selectOption('border');
    await admin.getByLabel('Answer within (minutes)').fill('10');
    await admin.getByRole('button', { name: 'Start the check' }).click();
    expect(await admin.getByTestId('check-started').textContent()).to.contain('focal points prompted: 1');
    await shot(admin, '06-liveness-started-en');

    // The focal point (still on the directory, in Russian) gets the prompt over the socket.
    const banner = focalPoint.getByTestId('liveness-banner');
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.textContent()).to.contain(
      'Проверка связи от вашей администрации — подтвердите, что вы на связи',
    );
    await shot(focalPoint, '07-liveness-banner-ru');
    await banner.getByRole('button', { name: 'Я на связи — подтвердить' }).click();
    await focalPoint.locator('[data-testid="liveness-outcome"][data-outcome="answered"]').waitFor();
    expect(await banner.count()).to.equal(0);
    await shot(focalPoint, '08-liveness-answered-ru');

    await admin.getByTestId('check-started').getByRole('link', { name: 'Details' }).click();
    await admin.locator('[data-testid="liveness-person"][data-outcome="answered"]').waitFor({ timeout: 10_000 });
    const stateRow = admin.getByTestId('liveness-states').locator('tr[data-state="CN"]');
    expect((await stateRow.locator('td').allTextContents()).slice(0, 5)).to.deep.equal(['China', '1', '1', '0', '0']);
    await shot(admin, '09-liveness-result-en');

    expect(adminErrors).to.deep.equal([]);
    expect(focalPointErrors).to.deep.equal([]);
  });

  it('a focal point corrects their own entry, with problems shown at the fields; their national admin restricts a field, which other states then miss', async () => {
    const page = focalPoint;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'My entry' }).click();
    const mine = page.getByTestId('entry');
    const myId = (await mine.getAttribute('data-user-id')) ?? '';
    await page.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByTestId('entry-form');
    await form.getByRole('group', { name: 'Name' }).getByLabel('English (Latin script)').fill('');
    await form.getByLabel('Working languages').fill('zh, english');
    await form.getByLabel('Time zone').fill('Mars/Olympus');
    await form.getByLabel('Fixed working hours').check();
    await form.getByRole('button', { name: 'Save (also confirms the entry)' }).click();
    await form.getByTestId('form-invalid').waitFor();
    expect(await form.locator('.field-error').allTextContents()).to.have.members([
      'Required.',
      'Use two-letter language codes such as ru, en, kk.',
      'Unknown time zone. Choose one from the list, e.g. Asia/Almaty.',
    ]);
    await shot(page, '10-edit-errors-en');

    await form.getByRole('group', { name: 'Name' }).getByLabel('English (Latin script)').fill('China border duty desk');
    await form.getByLabel('Working languages').fill('zh, en, ru');
    await form.getByLabel('Time zone').fill('Asia/Shanghai');
    await form.getByRole('button', { name: 'Add a contact' }).click();
    const added = form.locator('.contact-row').last();
    await added.getByLabel('Kind').selectOption('secure-line');
    await added.getByLabel('Number or address').fill('4411');
    await form.getByRole('button', { name: 'Save (also confirms the entry)' }).click();
    await page.getByTestId('entry-saved').waitFor();
    expect(await page.getByTestId('working-hours').textContent())
      .to.contain('Mon–Fri, 09:00–18:00')
      .and.contain('Asia/Shanghai');
    expect(await page.getByTestId('contacts').locator('[data-type="secure-line"] dd').textContent()).to.equal('4411');
    await shot(page, '11-my-entry-saved-en');

    // The national admin keeps secure lines for Russia only; Kazakhstan then reads the entry without it.
    await admin.getByRole('link', { name: 'Directory settings' }).click();
    const row = admin.locator('[data-testid="visibility-row"][data-field="contacts.secure-line"]');
    await row.getByLabel('Only the states chosen').check();
    await row.getByTestId('state-picker').locator('summary').click();
    await row.getByRole('checkbox', { name: 'Russia' }).check();
    expect(
      await admin.locator('[data-testid="visibility-row"][data-field="title"]').getAttribute('data-mode'),
    ).to.equal('selected');
    await admin.getByRole('button', { name: 'Sign and publish field visibility' }).click();
    await admin.getByTestId('visibility-saved').waitFor();
    // Saved as the next version of CN's signed policy (the demo seed published version 1).
    expect(await admin.getByTestId('visibility-saved').textContent()).to.contain('version 2');
    expect(await admin.getByTestId('stale-list').textContent()).to.contain('Every entry is current.');
    await shot(admin, '12-settings-en');

    const kz = await signInCall(t.url, { username: 'fp.kz.border', password: DEMO_PASSWORD });
    const seen = await call<{ withheld: string[]; contacts: { type: string }[] }>(
      t.url,
      'GET',
      `/api/directory/entries/${myId}`,
      { token: kz.body.accessToken },
    );
    expect(seen.body.withheld).to.deep.equal(['contacts.secure-line', 'title']);
    expect(seen.body.contacts.map((c) => c.type)).to.not.include('secure-line');

    expect(adminErrors).to.deep.equal([]);
    expect(focalPointErrors).to.deep.equal([]);
  });
});
