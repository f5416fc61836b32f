import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import type { TestPerson } from '../helpers/accounts.js';
import { screenshots, signInThroughUi, startE2e, watchErrors } from '../helpers/e2e.js';
import { populateNetwork } from '../helpers/network.js';
import type { TestServer } from '../helpers/test-server.js';

const shot = screenshots('people');

describe('e2e: People with search, filters and paging; inviting a network admin (Chromium)', function () {
  this.timeout(180_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  let root: TestPerson;
  let uzAdmin: TestPerson;

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e());
    // 28 accounts: the secretariat (and its member who approved the national admins' activation),
    // two national admins and 24 focal points, more than one page of 25.
    const net = await populateNetwork(t, { states: { KZ: { focalPoints: { border: 24 } }, UZ: {} } });
    [root, uzAdmin] = [net.root, net.admin('UZ')];
  });
  after(async () => closeE2e?.());

  const count = (page: Page) => page.getByTestId('people-count');
  const waitForTotal = (page: Page, total: number) =>
    page.locator(`[data-testid="people-count"][data-total="${total}"]`).waitFor();
  const rows = (page: Page) => page.getByTestId('person');

  it('the secretariat searches, filters and pages through People', async () => {
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, root);
    await page.goto(`${t.url}/admin/people`);
    await waitForTotal(page, 28);
    expect(await count(page).textContent()).to.equal('People found: 28');
    expect(await rows(page).count()).to.equal(25);
    expect(await page.getByTestId('people-page').textContent()).to.equal('Page 1 of 2');
    await shot(page, '01-first-page-en');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByTestId('people-page').getByText('Page 2 of 2').waitFor();
    await rows(page).nth(2).waitFor();
    expect(await rows(page).count()).to.equal(3);

    await page.getByLabel('Search').fill('admin uz');
    await waitForTotal(page, 1);
    expect(await rows(page).getAttribute('data-username')).to.equal(uzAdmin.username);
    expect(await page.getByTestId('people-page').count()).to.equal(0); // one page: no pager
    await shot(page, '02-search-en');

    await page.getByLabel('Search').fill('');
    await page.getByLabel('Role').selectOption('national-admin');
    await waitForTotal(page, 2);
    await page.getByRole('combobox', { name: 'State' }).selectOption('KZ');
    await waitForTotal(page, 1);
    await page.getByLabel('Role').selectOption('focal-point');
    await waitForTotal(page, 24);
    await page.getByLabel('Show').selectOption('suspended');
    await waitForTotal(page, 0);
    await page.getByText('Nobody matches this search.').waitFor();
    await page.getByLabel('Show').selectOption('');
    await waitForTotal(page, 24);

    await page.getByRole('button', { name: 'Русский' }).click();
    await count(page).getByText('Найдено участников: 24').waitFor();
    await shot(page, '03-filtered-ru');
    expect(errors).to.deep.equal([]);
  });

  it('the secretariat invites a further network admin: no state, TOTP like every admin', async () => {
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, root);
    await page.getByRole('link', { name: 'Invitations' }).click();
    await page.getByTestId('invitation-role').selectOption('network-admin');
    expect(await page.getByLabel('Member state').count()).to.equal(0);
    await page.getByText(/authenticator app \(TOTP\)/).waitFor();
    await page.getByLabel('Name of the person or duty desk').fill('Second secretariat member');
    await page.getByRole('button', { name: 'Create invitation' }).click();
    const link = await page.locator('input[name="invitation-link"]').inputValue();
    expect(link).to.match(new RegExp(`^${t.url}/invite#[A-Za-z0-9_-]{43}$`));
    await page.getByRole('button', { name: 'I have copied the link' }).click();
    const row = page.getByTestId('invitation-list').locator('tr', { hasText: 'Second secretariat member' });
    await row.getByText('Network administrator').waitFor();
    await shot(page, '04-network-admin-invited-en');
    expect(errors).to.deep.equal([]);
  });
});
