import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  activeFocalPoint,
  activeNationalAdmin,
  bootstrapNetworkAdmin,
  signIn as signInOverApi,
  type TestPerson,
} from '../helpers/accounts.js';
import { call } from '../helpers/api.js';
import { legacyAccount } from '../helpers/legacy-account.js';
import { screenshots, startE2e, watchErrors } from '../helpers/e2e.js';
import { sdkClient } from '../helpers/sdk.js';
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
    expect(
      await second.getByTestId('my-sessions').locator('[data-testid="session"][data-current="true"]').textContent(),
    ).to.contain('Chrome · Linux');
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

  it('an account made before OPAQUE signs in on the page once, is upgraded, and unlocks its keys', async () => {
    const username = `legacy${Date.now().toString(36)}`;
    const password = 'juniper-anchor-velvet-rocket-19';
    await legacyAccount(t, username, password);
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${t.url}/sign-in`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('account-active').waitFor();
    const stored = await t.server.database.connection.collection('users').findOne({ username });
    expect(stored?.passwordHash).to.equal(null);
    expect(stored?.opaqueRecord).to.be.a('string');
    expect(stored?.wrappedKeys).to.have.property('exportKey');
    expect(errors).to.deep.equal([]);
    await context.close();
  });

  it('a session ended from another device, a suspension and a password change each erase what this browser kept', async () => {
    await signInOverApi(t, kzAdmin);
    const fp = await activeFocalPoint(t, kzAdmin);
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();

    // Ended from another device: the next refresh fails, and the record goes with the session.
    await signIn(t, page, fp, true);
    expect((await indexedDbState(page)).records).to.equal(1);
    const phone = sdkClient(t);
    await phone.signIn({ username: fp.username, password: fp.password });
    const mine = (await phone.me.sessions()).find((s) => !s.current && s.device?.includes('Chrome'));
    if (!mine) throw new Error('the browser session is not listed');
    await phone.me.endSession(mine.id);
    await page.goto(`${t.url}/account`);
    await page.getByLabel('Username').waitFor();
    expect((await indexedDbState(page)).records).to.equal(0);

    // A password change: what was kept under the old session is replaced (a fresh key), and still opens after a reload.
    await signIn(t, page, fp, true);
    expect((await indexedDbState(page)).records).to.equal(1);
    const keyBefore = await keyFingerprint(page);
    await page.getByRole('link', { name: 'Your account' }).click();
    const form = page.getByTestId('change-password');
    const next = 'juniper-lantern-orchard-piano-63';
    await form.getByLabel('Current password').fill(fp.password);
    await form.getByLabel('New password', { exact: true }).fill(next);
    await form.getByLabel('Repeat the new password').fill(next);
    await form.getByRole('button', { name: 'Change the password' }).click();
    await page.getByTestId('password-changed').waitFor();
    await eventuallyTrue(async () => (await keyFingerprint(page)) !== keyBefore);
    fp.password = next;
    await page.reload();
    await page.getByTestId('signed-in-user').waitFor();
    expect(await page.getByLabel('Password', { exact: true }).count()).to.equal(0);

    // Suspended: the refresh fails and the record is erased.
    await signInOverApi(t, kzAdmin);
    await kzAdminSuspends(t, kzAdmin, fp);
    await page.goto(`${t.url}/account`);
    await page.getByLabel('Username').waitFor();
    expect((await indexedDbState(page)).records).to.equal(0);
    await context.close();
  });
});

/** Something that changes whenever the stored record is written again under a new key: its ciphertext. */
async function keyFingerprint(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('focalnet');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const record = await new Promise<{ data: ArrayBuffer } | undefined>((resolve, reject) => {
      const request = db.transaction('remembered').objectStore('remembered').get('this-browser');
      request.onsuccess = () => resolve(request.result as { data: ArrayBuffer } | undefined);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return record ? Array.from(new Uint8Array(record.data).slice(0, 16)).join(',') : '';
  });
}

async function eventuallyTrue(check: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + 5_000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in 5 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function kzAdminSuspends(t: TestServer, admin: TestPerson, person: TestPerson): Promise<void> {
  const response = await call(t.url, 'POST', `/api/users/${person.user.id}/suspend`, {
    token: admin.session?.accessToken,
    body: { reason: 'device lost' },
  });
  expect(response.status).to.equal(200);
}
