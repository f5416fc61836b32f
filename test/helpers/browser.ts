import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

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
 * failure seen only in CI can be read afterwards (a timeout names a locator, not the page). The
 * answer describes the pages in words too (address, text, the last API calls and their statuses):
 * CI keeps the log, not the screenshots.
 */
export async function screenshotOpenPages(testTitle: string): Promise<string> {
  const slug = testTitle.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
  const pages = [...open].flatMap((browser) => browser.contexts().flatMap((context) => context.pages()));
  const described = await Promise.all(
    pages.map(async (page, n) => {
      await page
        .screenshot({ path: artifactPath(`failed-${slug}-${n + 1}.png`), fullPage: true, timeout: 5_000 })
        .catch(() => undefined);
      return `page ${n + 1}: ${await describePage(page)}`;
    }),
  );
  return described.join('\n');
}

/** A page in a few lines: where it is, what it says, and how its last API calls went. */
async function describePage(page: Page): Promise<string> {
  const seen = await page
    .evaluate(() => ({
      text: document.body.innerText.replace(/\s+/g, ' ').slice(0, 1_200),
      calls: performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes('/api/'))
        .slice(-12)
        .map((entry) => {
          const timing = entry as PerformanceResourceTiming & { responseStatus?: number };
          const url = new URL(timing.name);
          return `${url.pathname}${url.search} ${timing.responseStatus ?? '?'} ${Math.round(timing.duration)}ms`;
        }),
    }))
    .catch((error: unknown) => ({ text: `(not readable: ${String(error)})`, calls: [] as string[] }));
  return [page.url(), `  text: ${seen.text}`, `  last API calls: ${seen.calls.join(', ') || 'none'}`].join('\n');
}

/** Screenshots go to the git-ignored test-artifacts/ folder. */
export function artifactPath(name: string): string {
  return path.join(process.cwd(), 'test-artifacts', name);
}
