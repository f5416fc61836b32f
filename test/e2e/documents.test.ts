import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { signIn, type TestPerson } from '../helpers/accounts.js';
import { seriousAxeViolations } from '../helpers/axe.js';
import { screenshots, signInThroughUi, startE2e, watchErrors } from '../helpers/e2e.js';
import { populateNetwork } from '../helpers/network.js';
import type { TestServer } from '../helpers/test-server.js';

const shot = screenshots('documents');

/** Nothing wider than the phone's screen: no sideways scrolling. */
const fitsWidth = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('e2e: documents for comment in Chromium', function () {
  this.timeout(240_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  let root: TestPerson;
  let kz: TestPerson;

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e());
    const net = await populateNetwork(t, { states: { KZ: {}, RU: {} } });
    [root, kz] = [net.root, net.admin('KZ')];
  });
  after(async () => closeE2e?.());

  it('the secretariat circulates a draft, a national admin reads it and comments; in Russian and on a phone too', async () => {
    await signIn(t, root);
    const desk = await (
      await browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 1000 } })
    ).newPage();
    const errors = watchErrors(desk);
    await signInThroughUi(t, desk, root);
    await desk.goto(`${t.url}/documents`);
    await desk.getByRole('heading', { name: 'Documents for comment' }).waitFor();
    await desk.getByRole('link', { name: 'Circulate a document' }).click();
    const form = desk.getByTestId('circulate-form');
    await form.getByLabel('Kind of document').selectOption({ label: 'Action plan' });
    await form.getByLabel('Border control').check();
    await form.getByLabel('Title').fill('Draft action plan 2027–2029');
    await form
      .getByLabel('Draft text')
      .fill('1. Joint border patrols.\n2. A training course on document fraud.\n3. Annual review by the secretariat.');
    await form.getByLabel('Files').setInputFiles({
      name: 'annex.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Annex: budget lines'),
    });
    await form.getByRole('button', { name: 'Encrypt and circulate' }).click();
    const page = desk.getByTestId('document-page');
    await page.waitFor();
    expect(await desk.getByTestId('document-title').textContent()).to.equal('Draft action plan 2027–2029');
    expect(await desk.getByTestId('document-text').textContent()).to.contain('Joint border patrols');
    expect(await desk.getByTestId('document-files').textContent()).to.contain('annex.txt');
    await shot(desk, '01-circulated-secretariat');

    await signIn(t, kz);
    const phone = await (
      await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } })
    ).newPage();
    const phoneErrors = watchErrors(phone);
    await signInThroughUi(t, phone, kz);
    await phone.goto(`${t.url}/documents`);
    const row = phone.locator('[data-testid="documents-open"] [data-testid="document-row"]');
    await row.getByText('Draft action plan 2027–2029').waitFor();
    expect(await fitsWidth(phone)).to.equal(true);
    await shot(phone, '02-list-admin-390');
    await row.getByRole('link').click();
    await phone.getByTestId('document-text').waitFor();
    const respond = phone.getByTestId('respond-form');
    await respond.getByLabel('Text').fill('Kazakhstan suggests adding a timeline to item 2.');
    await respond.getByRole('button', { name: 'Send' }).click();
    await respond.getByText('Sent.').waitFor();
    const comment = phone.locator('[data-testid="document-comments"] [data-state="KZ"]');
    await comment.getByText('Kazakhstan suggests adding a timeline to item 2.').waitFor();
    expect(await fitsWidth(phone)).to.equal(true);
    expect(await seriousAxeViolations(phone)).to.deep.equal([]);
    await shot(phone, '03-document-commented-390');

    await phone.getByRole('button', { name: 'Русский' }).click();
    await phone.getByText('Позиция вашего государства').waitFor();
    expect(await phone.getByTestId('document-comments').textContent()).to.contain('Замечание');
    await shot(phone, '04-document-ru-390');

    // The secretariat sees the comment, then circulates a revised draft showing what changed.
    await desk.reload();
    await desk.getByText('Kazakhstan suggests adding a timeline to item 2.').waitFor();
    await desk.getByText('Circulate a revised draft').click();
    const revise = desk.getByTestId('revise-form');
    expect(await revise.getByLabel('Draft text').inputValue()).to.contain('Joint border patrols'); // starts from the current text
    await revise.getByLabel('Title').fill('Draft action plan 2027–2029 (rev. 1)');
    await revise
      .getByLabel('Draft text')
      .fill(
        '1. Joint border patrols.\n2. A training course on document fraud, by June 2027.\n3. Annual review by the secretariat.',
      );
    await revise.getByRole('button', { name: 'Circulate version 2' }).click();
    await desk.getByTestId('document-title').getByText('(rev. 1)').waitFor();
    await desk.locator('[data-testid="document-versions"] details[data-version="2"] summary').click();
    expect(await desk.locator('details[data-version="2"] .diff-added').textContent()).to.contain('by June 2027');
    await shot(desk, '05-revised-secretariat');
    expect([...errors, ...phoneErrors]).to.deep.equal([]);
  });
});
