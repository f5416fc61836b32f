import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { seedDemo } from '../../scripts/cli/seed-demo.command.js';
import { composeModules } from '../../server/composition/modules.js';
import { totpCode, type TestPerson } from './accounts.js';
import { artifactPath, launchBrowser } from './browser.js';
import { startTestServer, type TestServer } from './test-server.js';

/** What the server serves to the browser in end-to-end tests: the built web client. */
export const CLIENT_DIR = path.join(process.cwd(), 'client', 'dist');

export function requireClientBuild(): void {
  if (!existsSync(path.join(CLIENT_DIR, 'index.html')))
    throw new Error('client/dist is missing: run `npm run build:client` (npm test does)');
}

/** Uncaught errors and console errors, except the browser's own note on each 4xx answer the app handles. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      errors.push(message.text());
  });
  return errors;
}

/** Full-page screenshots named `<prefix>-<name>.png` in test-artifacts/. */
export const screenshots =
  (prefix: string) =>
  (page: Page, name: string): Promise<Buffer> =>
    page.screenshot({ path: artifactPath(`${prefix}-${name}.png`), fullPage: true });

/** The demo network (every member state), as `npm run cli -- seed:demo` makes it. */
export async function seedDemoNetwork(t: TestServer): Promise<void> {
  const modules = composeModules(t.server.database.connection, {
    clock: t.clock,
    jwtSecret: 'x'.repeat(40),
    opaqueServerSetup: t.server.accounts.opaque.serverSetup,
    logger: t.logs.logger,
    publicOrigin: () => t.url,
    revocations: { revokeUser: () => undefined, revokeSession: () => undefined },
    livenessNotifier: { prompt: () => undefined },
    messageNotifier: { deliver: () => undefined, status: () => undefined },
  });
  await seedDemo(modules, 'test');
}

/** Sign-in through the UI: password, then the authenticator code when the account has one. */
export async function signInThroughUi(
  t: TestServer,
  page: Page,
  person: Pick<TestPerson, 'username' | 'password' | 'totpSecret'>,
): Promise<void> {
  await page.goto(`${t.url}/sign-in`);
  await page.getByLabel('Username').fill(person.username);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (person.totpSecret) {
    await page.getByLabel('Authenticator code').fill(await totpCode(t, person.totpSecret));
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  await page.getByTestId('account-active').waitFor(); // keys unlocked with the same password
  // The browser writes what it remembers just after the keys unlock; a reload before that asks to unlock again.
  await page.waitForFunction(rememberedRecordWritten, undefined, { polling: 100 });
}

/** In the page: has this browser stored its remembered record (client/src/services/remembered-store.ts)? */
const rememberedRecordWritten = async (): Promise<boolean> => {
  // Opening a database that does not exist yet would create it without its store, under the app's feet.
  if (!(await indexedDB.databases()).some((db) => db.name === 'focalnet')) return false;
  return new Promise((resolve) => {
    const request = indexedDB.open('focalnet');
    request.onerror = () => resolve(false);
    request.onsuccess = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('remembered')) {
        db.close();
        return resolve(false);
      }
      const read = db.transaction('remembered', 'readonly').objectStore('remembered').get('this-browser');
      read.onsuccess = () => {
        db.close();
        resolve(read.result !== undefined);
      };
      read.onerror = () => {
        db.close();
        resolve(false);
      };
    };
  });
};

/**
 * Opens `url` in a page signed in through the UI. A reload loses keys this browser has not yet
 * remembered (the record is written just after sign-in, while the page is busy): when the page
 * asks to unlock them, they are unlocked again with the person's password.
 */
export async function gotoSignedIn(page: Page, url: string, person: Pick<TestPerson, 'password'>): Promise<void> {
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  const unlock = page.getByRole('button', { name: 'Unlock' });
  if (await unlock.isVisible()) {
    await page.getByLabel('Password').fill(person.password);
    await unlock.click();
    await unlock.waitFor({ state: 'detached' });
  }
}

/**
 * What every end-to-end suite starts with: a test server serving the built web client (seeded with
 * the demo network when asked; `env` adds server settings) and Chromium. `close` stops both, browser first.
 */
export async function startE2e(
  options: { demo?: boolean; env?: Record<string, string> } = {},
): Promise<{ t: TestServer; browser: Browser; close: () => Promise<void> }> {
  requireClientBuild();
  const t = await startTestServer(options.env ?? {}, { clientDir: CLIENT_DIR });
  try {
    if (options.demo) await seedDemoNetwork(t);
    const { browser, close } = await launchBrowser();
    return {
      t,
      browser,
      close: async () => {
        await close();
        await t.close();
      },
    };
  } catch (error) {
    await t.close();
    throw error;
  }
}
