import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { sweepLivenessSchedules } from '../../server/modules/liveness/sweep-liveness-schedules.js';
import { signIn, type TestPerson } from '../helpers/accounts.js';
import { seriousAxeViolations } from '../helpers/axe.js';
import { screenshots, signInThroughUi, startE2e, watchErrors } from '../helpers/e2e.js';
import { populateNetwork } from '../helpers/network.js';
import type { TestServer } from '../helpers/test-server.js';

const shot = screenshots('liveness-schedules');
const DAY_MS = 86_400_000;

/** Nothing wider than the phone's screen: no sideways scrolling. */
const fitsWidth = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('e2e: scheduled liveness checks in Chromium', function () {
  this.timeout(180_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  let root: TestPerson;
  let kz: TestPerson;

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e());
    const net = await populateNetwork(t, { states: { KZ: { focalPoints: { border: 2 } } } });
    [root, kz] = [net.root, net.admin('KZ')];
  });
  after(async () => closeE2e?.());

  it("a national admin on a phone sets their state's schedule, sees its next run, then its first run's results; in Russian too", async () => {
    const phone = async (): Promise<Page> =>
      (await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } })).newPage();
    let page = await phone();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, kz);
    await page.goto(`${t.url}/liveness`);
    await page.getByRole('link', { name: /Scheduled checks/ }).click();
    await page.getByRole('heading', { name: 'Scheduled liveness checks' }).waitFor();
    const form = page.getByTestId('state-schedule-form');
    expect(await form.getByRole('heading').textContent()).to.equal('Set your state’s schedule');
    await form.getByLabel('How often').selectOption({ label: 'Every quarter' });
    await form.getByLabel('Hours to answer').fill('500');
    await form.getByRole('button', { name: 'Save the schedule' }).click();
    expect(await form.getByText('Check this value.').count(), 'more than 7 days').to.equal(1);
    await form.getByLabel('Hours to answer').fill('48');
    await form.getByRole('button', { name: 'Save the schedule' }).click();
    await form.getByText(/Saved\. The next run is on/).waitFor();
    let card = page.locator('[data-testid="liveness-schedule"][data-scope="KZ"]');
    await card.getByText('Every quarter').waitFor(); // the page reloads the schedules once saved
    expect(await card.textContent()).to.contain('It has not run yet.');
    expect(await fitsWidth(page)).to.equal(true);
    await shot(page, '01-state-schedule-set-390');

    // Past the first run: the sweep (here called at once, on any node every minute) starts the check.
    t.clock.advance(8 * DAY_MS);
    await signIn(t, kz);
    expect((await sweepLivenessSchedules(t.server.liveness)).started).to.equal(1);
    page = await phone(); // a fresh browser: the first one's session has expired with the clock
    const laterErrors = watchErrors(page);
    await signInThroughUi(t, page, kz);
    await page.goto(`${t.url}/liveness/schedules`);
    card = page.locator('[data-testid="liveness-schedule"][data-scope="KZ"]');
    const run = card.getByTestId('liveness-check');
    await run.waitFor();
    expect(await run.textContent()).to.contain('0 of 2 answered in time');
    expect(await fitsWidth(page)).to.equal(true);
    expect(await seriousAxeViolations(page)).to.deep.equal([]);
    await shot(page, '02-state-schedule-ran-390');
    // The history of every check tells the scheduled run from those started by hand.
    const runId = await run.getAttribute('data-check-id');
    await page.getByRole('link', { name: '← Liveness checks' }).click();
    const row = page.locator(`[data-testid="liveness-history"] [data-check-id="${runId}"]`);
    expect(await row.textContent()).to.contain('Scheduled');
    await page.getByRole('link', { name: /Scheduled checks/ }).click();

    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('heading', { name: 'Проверки связи по расписанию' }).waitFor();
    expect(await card.textContent()).to.contain('Ежеквартально');
    expect(await run.textContent()).to.contain('в срок ответили 0 из 2');
    expect(await seriousAxeViolations(page)).to.deep.equal([]);
    await shot(page, '03-state-schedule-ru-390');
    expect([...errors, ...laterErrors]).to.deep.equal([]);
  });

  it("the secretariat proposes the network's schedule: it goes to the member states as a network decision", async () => {
    await signIn(t, root);
    const page = await (
      await browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 1000 } })
    ).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, root);
    await page.goto(`${t.url}/liveness/schedules`);
    const network = page.locator('[data-testid="liveness-schedule"][data-scope="network"]');
    expect(await network.textContent()).to.contain('No schedule');
    expect(await page.locator('[data-testid="liveness-schedule"][data-scope="KZ"]').count()).to.equal(1); // KZ's own
    const form = page.getByTestId('network-schedule-form');
    await form.getByRole('button', { name: 'Put it to the member states' }).click();
    expect(await form.getByText('Check this value.').count(), 'the rationale is required').to.equal(1);
    await form.getByLabel('Why (shown to every state)').fill('A yearly check, as the UN directory does.');
    await form.getByRole('button', { name: 'Put it to the member states' }).click();
    await form.getByText('Proposed.').waitFor();
    // The network's card says what is proposed and until when the states respond.
    const open = network.getByTestId('open-schedule-proposal');
    await open.waitFor();
    expect(await open.textContent()).to.contain('Proposed to the member states: Scheduled liveness checks');
    await shot(page, '04-network-schedule-proposed');
    await form.getByRole('link', { name: 'Network decisions' }).click();
    const proposal = page.locator('[data-testid="proposal"][data-status="open"]');
    expect(await proposal.locator('h4').textContent()).to.contain(
      'Scheduled liveness checks of every state’s focal points — Every year',
    );
    await shot(page, '05-network-schedule-decision');
    expect(errors).to.deep.equal([]);
  });
});
