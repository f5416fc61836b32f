import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestPerson } from '../helpers/accounts.js';
import { AUDIT_TEST_JWT_SECRET } from '../helpers/audit-cli.js';
import { dropNewestAuditEntries, restartServer } from '../helpers/audit-log-tamper.js';
import { seriousAxeViolations } from '../helpers/axe.js';
import { artifactPath, launchBrowser } from '../helpers/browser.js';
import { CLIENT_DIR, requireClientBuild, screenshots, signInThroughUi, watchErrors } from '../helpers/e2e.js';
import { populateNetwork } from '../helpers/network.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const shot = screenshots('audit-log');
/** What a phone shows without scrolling. */
const phoneShot = (page: Page, name: string) => page.screenshot({ path: artifactPath(`audit-log-${name}.png`) });
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1200, height: 1000 };

describe('e2e: the audit log check in Chromium', function () {
  this.timeout(240_000);
  let t: TestServer;
  let browser: Browser;
  let closeBrowser: (() => Promise<void>) | undefined;
  let kzAdmin: TestPerson;

  before(async () => {
    requireClientBuild();
    // The log key is derived from the JWT secret: given, so the server can be restarted with the same one.
    t = await startTestServer({ JWT_SECRET: AUDIT_TEST_JWT_SECRET }, { clientDir: CLIENT_DIR });
    ({ browser, close: closeBrowser } = await launchBrowser());
    const net = await populateNetwork(t, { states: { KZ: { focalPoints: { border: 1 } } } });
    kzAdmin = net.admin('KZ');
  });
  after(async () => {
    await closeBrowser?.();
    await t?.close();
  });

  /** Signs out and waits until the server has ended the session (and audited it): nothing appends after the cut. */
  const signOut = async (page: Page) => {
    await page.getByTestId('signed-in-user').getByRole('button', { name: 'Sign out' }).click();
    await page.getByTestId('signed-in-user').waitFor({ state: 'detached' });
  };

  it('the audit page shows the verified log, its co-signers, and proves an entry; a truncated log raises the alert on every page until understood', async () => {
    const context: BrowserContext = await browser.newContext({ locale: 'en-GB', viewport: DESKTOP });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, kzAdmin);
    await page.goto(`${t.url}/admin/audit`);
    const panel = page.getByTestId('audit-log-panel');
    await panel.getByTestId('audit-log-verified').waitFor();
    expect(await panel.getByTestId('audit-log-summary').textContent()).to.match(/^\d+ entries, head signed /);
    // This national admin's browser co-signed the head it verified at sign-in.
    await panel.getByTestId('audit-log-cosigners').getByText('Kazakhstan').waitFor();
    expect(await page.getByTestId('audit-log-alert').count()).to.equal(0);

    const row = page.getByTestId('audit-table').locator('tbody tr').first();
    await row.getByRole('button', { name: 'Verify inclusion' }).click();
    const proven = row.getByTestId('audit-inclusion-result');
    await proven.waitFor();
    expect(await proven.getAttribute('data-ok')).to.equal('true');
    expect(await proven.textContent()).to.match(
      /^Proven: entry \d+ is in the trail of \d+ entries this browser verified\.$/,
    );
    await shot(page, '01-audit-page-desktop');
    expect(await seriousAxeViolations(page)).to.deep.equal([]);
    await page.setViewportSize(PHONE);
    await phoneShot(page, '02-audit-page-phone');
    await page.setViewportSize(DESKTOP);

    await signOut(page);
    // Whoever holds the host cuts the newest entries off and restarts the server (same address).
    await dropNewestAuditEntries(t, 5);
    t = await restartServer(t, { clientDir: CLIENT_DIR });
    await signInThroughUi(t, page, kzAdmin);
    const alert = page.getByTestId('audit-log-alert');
    await alert.waitFor();
    expect(
      await alert.getAttribute('data-kind'),
      t.logs
        .lines()
        .filter((line) => /\/api\/audit\/log/.test(JSON.stringify(line)))
        .map((line) => JSON.stringify(line))
        .join('\n'),
    ).to.equal('truncated');
    expect(await alert.getByRole('heading').textContent()).to.equal('Warning: the audit trail could not be verified');
    expect(await alert.textContent()).to.match(
      /The audit trail this server shows is shorter than the one you saw on .+ \(\d+ entries now, \d+ then\): entries may have been removed\./,
    );
    expect(await alert.getByTestId('audit-log-told').textContent()).to.equal(
      'Your national administrators and the secretariat were told automatically.',
    );
    await shot(page, '03-alert-desktop');
    expect(await seriousAxeViolations(page)).to.deep.equal([]);
    // On every page, not only where it was raised.
    await page.goto(`${t.url}/directory`);
    await alert.waitFor();
    await page.goto(`${t.url}/admin/audit`);
    await page.getByTestId('audit-log-unverified').waitFor();
    await page.setViewportSize(PHONE);
    await phoneShot(page, '04-alert-phone');
    await page.setViewportSize(DESKTOP);

    await page.getByRole('button', { name: 'Русский' }).click();
    await alert.getByRole('heading', { name: 'Внимание: журнал аудита не удалось проверить' }).waitFor();
    await shot(page, '05-alert-ru');
    await page.getByRole('button', { name: 'English' }).click();

    await alert.getByRole('button', { name: 'I understand' }).click();
    expect(await alert.count()).to.equal(0);
    expect(await page.getByTestId('audit-log-unverified').textContent()).to.equal(
      'Not verified by this browser: nothing proves that the trail this server shows continues the one verified before.',
    );
    expect(errors).to.deep.equal([]);
    await context.close();
  });
});
