import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { artifactPath } from '../helpers/browser.js';
import type { TestServer } from '../helpers/test-server.js';
import { startE2e } from '../helpers/e2e.js';

describe('e2e: first page in Chromium', function () {
  this.timeout(60_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e());
  });
  after(async () => closeE2e?.());

  it('shows the product, server and database status, and switches between English and Russian', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(t.url);

    expect(await page.locator('h1').textContent()).to.equal('FocalNet');
    await page.locator('[data-testid="database-status"][data-state="up"]').waitFor();
    expect(await page.getByTestId('server-status').textContent()).to.contain('available');
    expect(await page.getByTestId('database-status').textContent()).to.contain('available');
    expect(await page.locator('html').getAttribute('lang')).to.equal('en');
    await page.screenshot({ path: artifactPath('first-page-en.png'), fullPage: true });

    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('heading', { name: 'Состояние системы' }).waitFor();
    expect(await page.getByTestId('database-status').textContent()).to.contain('работает');
    expect(await page.locator('html').getAttribute('lang')).to.equal('ru');
    await page.screenshot({ path: artifactPath('first-page-ru.png'), fullPage: true });

    await page.reload();
    await page.getByRole('heading', { name: 'Состояние системы' }).waitFor(); // the choice is remembered
    expect(consoleErrors).to.deep.equal([]);
    await context.close();
  });
});
