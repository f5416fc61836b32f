import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { activeFocalPoint, activeNationalAdmin, bootstrapNetworkAdmin, signIn as signInOverApi, type TestPerson } from '../helpers/accounts.js';
import { screenshots, startE2e, watchErrors } from '../helpers/e2e.js';
import type { TestServer } from '../helpers/test-server.js';

const shot = screenshots('remembered-browser');

/** What this origin's IndexedDB holds: its stores' record counts, and whether a stored key can be exported. */
async function indexedDbState(page: Page): Promise<{ records: number; keyExtractable: boolean | null }> {
  return page.evaluate(async () => {
    const databases = await indexedDB.databases();
    if (!databases.some((d) => d.name === 'focalnet')) return { records: 0, keyExtractable: null };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('focalnet');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    if (!db.objectStoreNames.contains('remembered')) return { records: 0, keyExtractable: null };
    const all = await new Promise<Array<{ key: CryptoKey; data: ArrayBuffer }>>((resolve, reject) => {
      const request = db.transaction('remembered').objectStore('remembered').getAll();
      request.onsuccess = () => resolve(request.result as Array<{ key: CryptoKey; data: ArrayBuffer }>);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return { records: all.length, keyExtractable: all[0] ? all[0].key.extractable : null };
  });
}

async function signIn(t: TestServer, page: Page, person: TestPerson, remember: boolean): Promise<void> {
  await page.goto(`${t.url}/sign-in`);
  await page.getByLabel('Username').fill(person.username);
  await page.getByLabel('Password').fill(person.password);
  const box = page.getByLabel('This browser remembers me');
  expect(await box.isChecked()).to.equal(true); // on by default: a personal computer
  if (!remember) await box.uncheck();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('account-active').waitFor();
}

describe('e2e: this browser remembers (Chromium)', function () {
  this.timeout(180_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  let kzAdmin: TestPerson;

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e());
    kzAdmin = await activeNationalAdmin(t, await bootstrapNetworkAdmin(t), 'KZ');
  });
  after(async () => closeE2e?.());

  it('signed in once: a reload and a second tab need no password, share one session, and signing out erases what was kept', async () => {
    const fp = await activeFocalPoint(t, kzAdmin);
    const context: BrowserContext = await browser.newContext({ locale: 'en-GB' });
    const first = await context.newPage();
    const errors = watchErrors(first);
    await signIn(t, first, fp, true);
    await shot(first, '01-signed-in-en');
    const kept = await indexedDbState(first);
    expect(kept.records).to.equal(1);
    expect(kept.keyExtractable).to.equal(false); // the wrapping key cannot be read out

    await first.reload();
    await first.getByTestId('account-active').waitFor();
    expect(await first.getByLabel('Password', { exact: true }).count()).to.equal(0);

    const second = await context.newPage();
    await second.goto(`${t.url}/account`);
    await second.getByTestId('my-sessions').locator('[data-testid="session"]').first().waitFor();
    expect(await second.getByLabel('Password', { exact: true }).count()).to.equal(0);
    // One browser, two tabs: one session of this browser in the list (the other is the test's own sign-in over HTTP).
    const sessions = second.getByTestId('my-sessions').locator('[data-testid="session"]');
    expect(await sessions.filter({ hasText: 'Chrome · Linux' }).count()).to.equal(1);
    expect(await second.getByTestId('my-sessions').locator('[data-testid="session"][data-current="true"]').textContent()).to.contain('Chrome · Linux');
    await shot(second, '02-second-tab-sessions-en');

    // A token refresh in one tab is taken up by the other (refresh tokens work once).
    t.clock.advance(16 * 60_000);
    await first.reload();
    await first.getByTestId('account-active').waitFor();
    await second.reload();
    await second.getByTestId('my-sessions').locator('[data-testid="session"]').first().waitFor();
    expect(await second.getByLabel('Password', { exact: true }).count()).to.equal(0);

    await first.getByTestId('signed-in-user').getByRole('button', { name: 'Sign out' }).click();
    await first.getByTestId('signed-in-user').waitFor({ state: 'detached' });
    expect((await indexedDbState(first)).records).to.equal(0);
    await second.getByLabel('Username').waitFor(); // the other tab follows: its page asks to sign in
    await second.reload();
    await second.getByLabel('Username').waitFor();
    expect(await second.getByTestId('signed-in-user').count()).to.equal(0);
    expect(errors).to.deep.equal([]);
    await context.close();
  });

  it('on a shared computer nothing is kept: a reload asks for the password to unlock the keys', async () => {
    await signInOverApi(t, kzAdmin); // the clock moved on: a fresh session for the helpers
    const fp = await activeFocalPoint(t, kzAdmin);
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${t.url}/sign-in`);
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByLabel('Этот браузер меня запомнит').waitFor();
    await shot(page, '03-sign-in-ru');
    await page.getByRole('button', { name: 'English' }).click();
    await signIn(t, page, fp, false);
    expect((await indexedDbState(page)).records).to.equal(0);
    await page.reload();
    await page.getByRole('button', { name: 'Unlock' }).waitFor();
    expect((await indexedDbState(page)).records).to.equal(0);
    await page.getByLabel('Password').fill(fp.password);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByTestId('account-active').waitFor();
    await context.close();
  });
});
