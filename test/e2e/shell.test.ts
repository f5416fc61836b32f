import { expect } from 'chai';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import type { FocalNetClient } from '../../client/sdk/index.js';
import { DEMO_PASSWORD } from '../../scripts/cli/seed-demo.command.js';
import { seriousAxeViolations } from '../helpers/axe.js';
import { screenshots, signInThroughUi, startE2e, watchErrors } from '../helpers/e2e.js';
import { LABELS } from '../helpers/messaging.js';
import { DOC_FIELDS, DOC_LABELS } from '../helpers/requests.js';
import { sdkClient, sdkTotp } from '../helpers/sdk.js';
import { sdkMessaging, type SdkMessaging } from '../helpers/sdk-messaging.js';
import { eventually } from '../helpers/server-process.js';
import type { TestServer } from '../helpers/test-server.js';

const shot = screenshots('shell');
const WIDE = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

/** A demo admin enrols TOTP through the SDK, as their first sign-in would; answers the secret. */
async function enrolDemoAdmin(t: TestServer, client: FocalNetClient, username: string): Promise<string> {
  await client.signIn({ username, password: DEMO_PASSWORD });
  const { secret } = await client.me.startTotpSetup({ password: DEMO_PASSWORD });
  await client.me.confirmTotp(await generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) }));
  await client.signIn({ username, password: DEMO_PASSWORD, totp: await sdkTotp(t, secret) });
  return secret;
}

/** The menu's links, in order: where each goes and its visible name without a count. */
async function menuLinks(page: Page): Promise<{ href: string; name: string }[]> {
  return page.locator('nav.main-nav a').evaluateAll((links) =>
    links.map((link) => ({
      href: link.getAttribute('href') ?? '',
      name: (link.firstChild?.textContent ?? '').trim(),
    })),
  );
}

/** The menu's group names, without their counts. */
const groupNames = (page: Page): Promise<string[]> =>
  page.locator('.nav-group-title').evaluateAll((titles) => titles.map((title) => title.firstChild?.textContent ?? ''));

/** The focused element, described: its tag and text. */
const focused = (page: Page): Promise<{ tag: string; text: string; inMain: boolean }> =>
  page.evaluate(() => {
    const element = document.activeElement;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      text: element?.textContent?.trim() ?? '',
      inMain: Boolean(element?.closest('main')),
    };
  });

/** What makes the page scroll sideways (what a phone must never need): the elements past its right edge, or none. */
const overflowsSideways = (page: Page): Promise<string[] | false> =>
  page.evaluate(() => {
    if ((document.scrollingElement?.scrollWidth ?? 0) <= window.innerWidth) return false;
    return [...document.querySelectorAll('main *')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
  });

/**
 * Visits every page of the person's menu by following its links, as a keyboard user would: focus
 * lands on the page's heading, the tab's title names the page, and axe finds nothing serious.
 * Answers the titles seen, one per page.
 */
async function visitMenu(page: Page, who: string, lang: string): Promise<string[]> {
  const titles: string[] = [];
  // Home last: the visit starts there, and following a link to the page one is on is no navigation.
  const [home, ...others] = await menuLinks(page);
  for (const link of [...others, ...(home ? [home] : [])]) {
    await page.locator(`nav.main-nav a[href="${link.href}"]`).click();
    await page
      .waitForFunction(() => document.activeElement?.matches('main h1, main h2') ?? false)
      .catch(async () => expect.fail(`${who} ${lang} ${link.href}: focus on ${JSON.stringify(await focused(page))}`));
    await page
      .waitForFunction((name) => document.title.includes(`${name} — FocalNet`), link.name)
      .catch(async () => expect.fail(`${who} ${lang} ${link.href}: titled ${await page.title()}`));
    expect((await focused(page)).inMain, `${who} ${lang} ${link.href}: focus on the heading`).to.equal(true);
    titles.push(await page.title());
    const slug = link.href.replace(/\//g, '-').replace(/^-/, '') || 'home';
    await shot(page, `${who}-${lang}-${slug}-1366`);
    expect(await seriousAxeViolations(page), `${who} ${lang} ${link.href}`).to.deep.equal([]);
  }
  return titles;
}

describe('e2e: the app shell: a grouped menu, a phone layout, and pages that work with a keyboard and a screen reader', function () {
  this.timeout(300_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  let kz: SdkMessaging;
  let kgId = '';

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e({ demo: true }));
    kgId = (await t.server.accounts.users.findByUsername('fp.kg.border'))?.id ?? '';
    const client = sdkClient(t, { now: () => t.clock.now().getTime() });
    await client.signIn({ username: 'fp.kz.border', password: DEMO_PASSWORD });
    await client.unlockKeys({ password: DEMO_PASSWORD });
    kz = sdkMessaging(t, client);
    await eventually(async () => kz.socket.connected, 5_000, 'the sender connected');
  });
  after(async () => {
    kz?.messenger.stop();
    kz?.socket.close();
    await closeE2e?.();
  });

  it('a focal point: grouped menu with live group counts, skip link, focus and titles, no serious axe violation in English and Russian', async () => {
    const page = await (await browser.newContext({ locale: 'en-GB', viewport: WIDE })).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, { username: 'fp.kg.border', password: DEMO_PASSWORD });

    // The menu groups what the person does; a focal point has daily work and the state's policies.
    const groups = await groupNames(page);
    expect(groups[0]).to.equal('Work');
    expect((await menuLinks(page)).slice(0, 4)).to.deep.equal([
      { href: '/', name: 'Home' },
      { href: '/directory', name: 'Directory' },
      { href: '/directory/mine', name: 'My entry' },
      { href: '/messages', name: 'Messages' },
    ]);
    expect(await page.getByTestId('menu-button').isVisible()).to.equal(false); // a sidebar at 1366 px

    // A message and a request arrive: the Work group counts both, live.
    await kz.messenger.send({ to: [kgId], labels: LABELS, text: 'Passport KZ0007001 reported stolen.' });
    const keys = await kz.client.contactKeys.resolve(kgId, { fresh: true });
    const [outcome] = await kz.client.requests.submit({
      kind: 'request:document-check',
      labels: DOC_LABELS,
      urgency: 'urgent',
      fields: DOC_FIELDS,
      recipients: [{ userId: kgId, state: keys.state, encryptionKey: keys.encryptionKey }],
    });
    expect(outcome?.ok && outcome.status).to.equal('accepted');
    const workCount = page.getByTestId('nav-group-work').getByTestId('group-count');
    await workCount.locator('[aria-hidden="true"]', { hasText: /^2$/ }).waitFor();
    expect(await workCount.textContent()).to.contain('waiting for you: 2');
    // …and a screen reader hears of the arrival, politely.
    expect(await page.getByTestId('arrival-announcer').getAttribute('aria-live')).to.equal('polite');
    expect(await page.getByTestId('arrival-announcer').textContent()).to.match(
      /^(Unread messages|Requests awaiting your answer): 1$/,
    );
    await shot(page, 'focal-point-en-group-counts-1366');

    // The skip link is the first thing the keyboard reaches, and it leads to the main content.
    await page.reload();
    await page.getByTestId('home-unread').waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(page)).to.deep.include({ tag: 'a', text: 'Skip to the main content' });
    await shot(page, 'focal-point-en-skip-link-1366');
    await page.keyboard.press('Enter');
    expect(await focused(page)).to.deep.include({ tag: 'main' });

    const english = await visitMenu(page, 'focal-point', 'en');
    expect(new Set(english).size, english.join(' | ')).to.equal(english.length);
    expect(english).to.include('(2) Messages — FocalNet');

    await page.getByRole('button', { name: 'Русский' }).click();
    const russian = await visitMenu(page, 'focal-point', 'ru');
    expect(new Set(russian).size).to.equal(russian.length);
    expect(russian).to.include('(2) Сообщения — FocalNet');
    expect((await groupNames(page))[0]).to.equal('Работа');
    expect(errors).to.deep.equal([]);
  });

  it('a focal point at 390×844: a menu button opens the menu (Escape closes it), and home, directory, messages, a thread and requests fit without sideways scrolling', async () => {
    const page = await (await browser.newContext({ locale: 'en-GB', viewport: PHONE })).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, { username: 'fp.kg.border', password: DEMO_PASSWORD });

    const button = page.getByTestId('menu-button');
    const firstLink = page.locator('nav.main-nav a').first();
    expect(await button.getAttribute('aria-expanded')).to.equal('false');
    expect(await firstLink.isVisible()).to.equal(false);
    await shot(page, 'phone-menu-closed-390');
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).to.equal('true');
    await page.waitForFunction(() => document.activeElement?.closest('nav.main-nav') !== null);
    await shot(page, 'phone-menu-open-390');
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).to.equal('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).to.equal('menu-button');

    const fits = async (name: string): Promise<void> => {
      await page.waitForFunction(() => document.activeElement?.matches('main h1, main h2') ?? false);
      await shot(page, `phone-${name}-390`);
      expect(await overflowsSideways(page), `${name} overflows at 390 px`).to.equal(false);
      expect(await seriousAxeViolations(page), name).to.deep.equal([]);
    };
    const open = async (href: string, name: string): Promise<void> => {
      await button.click();
      await page.locator(`nav.main-nav a[href="${href}"]`).click();
      expect(await button.getAttribute('aria-expanded')).to.equal('false'); // following a link closes the menu
      await fits(name);
    };
    expect(await overflowsSideways(page), 'home overflows at 390 px').to.equal(false);
    await shot(page, 'phone-home-390');
    await open('/directory', 'directory');
    await page.getByTestId('directory-entry').first().waitFor();
    await shot(page, 'phone-directory-390');
    expect(await overflowsSideways(page), 'directory overflows at 390 px').to.equal(false);
    await open('/messages', 'messages');
    await page.getByTestId('conversation').first().getByRole('link').click();
    await fits('thread');
    await page.getByTestId('message-item').first().waitFor();
    await shot(page, 'phone-thread-390');
    expect(await overflowsSideways(page), 'thread overflows at 390 px').to.equal(false);
    await open('/requests', 'requests');
    expect(errors).to.deep.equal([]);
  });

  for (const who of ['admin.kg', 'secretariat'] as const) {
    it(`${who === 'secretariat' ? 'the secretariat' : 'a national admin'}: the grouped menu, focus, titles and no serious axe violation in English and Russian`, async () => {
      const secret = await enrolDemoAdmin(t, sdkClient(t), who);
      const page = await (await browser.newContext({ locale: 'en-GB', viewport: WIDE })).newPage();
      const errors = watchErrors(page);
      await signInThroughUi(t, page, { username: who, password: DEMO_PASSWORD, totpSecret: secret });
      const slug = who === 'secretariat' ? 'secretariat' : 'national-admin';
      expect(await groupNames(page)).to.include.members(['State', 'Network']);
      const english = await visitMenu(page, slug, 'en');
      expect(new Set(english).size, english.join(' | ')).to.equal(english.length);
      await page.getByRole('button', { name: 'Русский' }).click();
      const russian = await visitMenu(page, slug, 'ru');
      expect(new Set(russian).size, russian.join(' | ')).to.equal(russian.length);
      await page.setViewportSize(PHONE);
      await page.locator('nav.main-nav a[href="/"]').evaluate((link: HTMLElement) => link.click());
      await page.getByTestId('menu-button').waitFor();
      await shot(page, `${slug}-ru-home-390`);
      expect(await overflowsSideways(page)).to.equal(false);
      expect(errors).to.deep.equal([]);
    });
  }
});
