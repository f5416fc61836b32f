import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import type { TestPerson } from '../helpers/accounts.js';
import type { TestServer } from '../helpers/test-server.js';
import { screenshots, signInThroughUi, startE2e, watchErrors } from '../helpers/e2e.js';
import { populateNetwork } from '../helpers/network.js';

const shot = screenshots('first-steps');

describe("e2e: a new focal point's first steps in Chromium", function () {
  this.timeout(180_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  let newcomer: TestPerson;
  let colleague: TestPerson;

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e());
    const net = await populateNetwork(t, { states: { KZ: { focalPoints: { border: 2 } } } });
    [newcomer, colleague] = [net.focalPoint('KZ'), net.focalPoint('KZ', 1)];
  });
  after(async () => closeE2e?.());

  it('home walks a newly activated focal point to their empty entry; once filled in it is current, and the directory marks the entries still incomplete', async () => {
    const page = await (
      await browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 900 } })
    ).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, newcomer);
    const line = page.getByTestId('home-incomplete-entry');
    await line.waitFor();
    expect(await line.getByRole('link').textContent()).to.equal(
      'First step: complete your directory entry so colleagues can find and reach you.',
    );
    expect(await page.getByTestId('home-stale-entry').count()).to.equal(0);
    await shot(page, '01-home-en');

    // The link opens the entry with the form already open, and says what is missing.
    await line.getByRole('link').click();
    const steps = page.getByTestId('first-steps');
    await steps.waitFor();
    expect(await steps.locator('li').allTextContents()).to.deep.equal([
      'your authority',
      'a contact channel (phone, e-mail, secure line…)',
    ]);
    expect(await page.getByTestId('entry').getByTestId('stale-badge').first().textContent()).to.equal('Incomplete');
    await page.getByRole('heading', { name: 'Edit the entry' }).waitFor();
    await shot(page, '02-entry-form-en');
    await page.getByRole('group', { name: 'Authority' }).getByLabel('English (Latin script)').fill('Border Service');
    await page.getByRole('button', { name: 'Add a contact' }).click();
    await page.getByLabel('Number or address').fill('border@focal.kz.example');
    await page.getByRole('button', { name: 'Save (also confirms the entry)' }).click();
    await page.getByTestId('entry-saved').waitFor();
    expect(await steps.count()).to.equal(0);
    expect(await page.getByTestId('entry').getByTestId('stale-badge').first().getAttribute('data-status')).to.equal(
      'current',
    );
    await shot(page, '03-entry-done-en');

    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await page.getByTestId('home-quick-links').waitFor();
    expect(await line.count()).to.equal(0);

    // The directory lists the colleague who has not filled theirs in as incomplete.
    await page.getByRole('link', { name: 'Directory', exact: true }).click();
    const row = (person: TestPerson) =>
      page.locator(`[data-testid="directory-entry"][data-user-id="${person.user.id}"]`);
    const theirs = row(colleague);
    await theirs.waitFor();
    expect(await theirs.getByTestId('stale-badge').textContent()).to.equal('Incomplete');
    expect(await row(newcomer).getByTestId('stale-badge').textContent()).to.equal('Current');
    await shot(page, '04-directory-en');
    await page.getByRole('button', { name: 'Русский' }).click();
    expect(await theirs.getByTestId('stale-badge').textContent()).to.equal('Не заполнена');
    expect(errors).to.deep.equal([]);
  });
});
