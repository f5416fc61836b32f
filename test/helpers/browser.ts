import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, with nothing that reaches outside this machine (the network is
 * closed: background networking would only produce refused connections). Playwright gives it a
 * fresh, empty profile of its own.
 */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  open.add(browser);
  return {
    browser,
    close: () => {
      open.delete(browser);
      return browser.close();
    },
  };
}

const open = new Set<Browser>();

/**
 * When a browser test fails, what each of its open pages showed: `failed-<test>-<n>.png`, so a
 * failure seen only in CI can be read afterwards (a timeout names a locator, not the page).
 */
export async function screenshotOpenPages(testTitle: string): Promise<void> {
  const slug = testTitle.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
  const pages = [...open].flatMap((browser) => browser.contexts().flatMap((context) => context.pages()));
  await Promise.all(
    pages.map((page, n) =>
      page
        .screenshot({ path: artifactPath(`failed-${slug}-${n + 1}.png`), fullPage: true, timeout: 5_000 })
        .catch(() => undefined),
    ),
  );
}

/** Screenshots go to the git-ignored test-artifacts/ folder. */
export function artifactPath(name: string): string {
  return path.join(process.cwd(), 'test-artifacts', name);
}
