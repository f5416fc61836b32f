import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { ImplementationReview } from '../../shared/schemas/review.js';
import { call } from '../helpers/api.js';
import type { TestPerson } from '../helpers/accounts.js';
import { screenshots, signInThroughUi, startE2e, watchErrors } from '../helpers/e2e.js';
import { populateNetwork } from '../helpers/network.js';
import { envelopeFor, LABELS } from '../helpers/messaging.js';
import { policyBody, publishPolicy } from '../helpers/policies.js';
import { post, sent } from '../helpers/requests.js';
import type { TestServer } from '../helpers/test-server.js';

const shot = screenshots('review');

describe('e2e: the annual implementation review in Chromium', function () {
  this.timeout(180_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  let root: TestPerson;
  let ruAdmin: TestPerson;

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e());
    const net = await populateNetwork(t, {
      states: { KZ: { focalPoints: { border: 1 } }, RU: { focalPoints: { border: 1 } } },
    });
    ({ root } = net);
    ruAdmin = net.admin('RU');
    const [kz, ru] = [net.focalPoint('KZ'), net.focalPoint('RU')];
    await publishPolicy(
      t,
      ruAdmin,
      policyBody('RU', 1, [{ id: 'pd', direction: 'inbound', categories: ['personal-data'], effect: 'deny' }]),
    );
    await sent(t, kz, await envelopeFor(t, kz, [ru], { text: 'one' }));
    await sent(t, kz, await envelopeFor(t, kz, [ru], { text: 'two' }));
    await post(
      t,
      kz,
      await envelopeFor(t, kz, [ru], { text: 'three' }, { labels: { ...LABELS, category: 'personal-data' } }),
    );
  });
  after(async () => closeE2e?.());

  it("the secretariat prepares the network's review and downloads its tables; a national admin reads their state's in Russian", async () => {
    const page = await (
      await browser.newContext({ locale: 'en-GB', acceptDownloads: true, viewport: { width: 1200, height: 1100 } })
    ).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, root);
    await page.getByRole('link', { name: 'Annual review' }).click();
    const form = page.getByTestId('review-form');
    expect(await form.getByLabel('Member state').inputValue()).to.equal(''); // the whole network
    await form.getByRole('button', { name: 'Prepare the review' }).click();
    const result = page.getByTestId('review-result');
    await result.waitFor();
    expect(await result.getByTestId('review-trail').getAttribute('data-verified')).to.equal('true');
    expect(await result.getByTestId('review-trail').textContent()).to.match(/Audit trail checked: \d+ entries, intact/);
    const kzToRu = result
      .getByTestId('review-exchanges')
      .locator('tr')
      .filter({ hasText: 'Kazakhstan' })
      .filter({ hasText: 'Russia' });
    expect(await kzToRu.locator('[data-column="allowed"]').textContent()).to.equal('2');
    expect(await kzToRu.locator('[data-column="denied"]').textContent()).to.equal('1');
    await shot(page, '01-network-en');

    const download = page.waitForEvent('download');
    await result.getByTestId('review-download-csv').click();
    const file = await download;
    expect(file.suggestedFilename()).to.match(/^focalnet-review-\d{4}-network\.csv$/);
    const csv = readFileSync(await file.path(), 'utf8').split('\r\n');
    expect(csv).to.include('table,fromState,toState,domain,allowed,withConditions,held,denied');
    expect(csv).to.include('exchanges,KZ,RU,border,2,0,0,1');

    const admin = await (
      await browser.newContext({ locale: 'ru-RU', viewport: { width: 1200, height: 1100 } })
    ).newPage();
    const adminErrors = watchErrors(admin);
    await admin.goto(`${t.url}/sign-in`);
    await admin.getByRole('button', { name: 'English' }).click();
    await signInThroughUi(t, admin, ruAdmin);
    await admin.getByRole('button', { name: 'Русский' }).click();
    await admin.getByRole('link', { name: 'Ежегодный обзор' }).click();
    await admin.getByTestId('review-form').getByRole('button', { name: 'Подготовить обзор' }).click();
    const theirs = admin.getByTestId('review-result');
    await theirs.waitFor();
    expect(await theirs.getAttribute('data-state')).to.equal('RU');
    expect(await theirs.getByTestId('review-trail').textContent()).to.contain('цепочка не нарушена');
    expect(await theirs.getByTestId('review-upkeep').locator('tbody tr').count()).to.equal(1); // RU's row only
    await shot(admin, '02-state-ru');
    expect(errors, 'secretariat page errors').to.deep.equal([]);
    expect(adminErrors, 'national admin page errors').to.deep.equal([]);
  });

  /** What each chart must show, summed here from the review's JSON (the same rows the tables list). */
  function expectedBars(
    review: ImplementationReview,
  ): Record<string, { group: string; series: string; value: number }[]> {
    const sum = <Row extends object>(rows: Row[], group: (row: Row) => string, series: (keyof Row & string)[]) => {
      const bars: { group: string; series: string; value: number }[] = [];
      for (const code of new Set(rows.map(group)))
        for (const key of series) {
          const value = rows.filter((row) => group(row) === code).reduce((n, row) => n + Number(row[key]), 0);
          if (value > 0) bars.push({ group: code, series: key, value });
        }
      return bars;
    };
    return {
      exchanges: sum(review.exchanges, (r) => r.domain, ['allowed', 'withConditions', 'held', 'denied']),
      requests: sum(review.requests, (r) => r.requestedState, ['answered', 'declined', 'overdue']),
      upkeep: sum(review.upkeep, (r) => r.state, [
        'entriesConfirmed',
        'livenessAnswered',
        'accountsActivated',
        'policyVersions',
      ]),
    };
  }

  /** Each chart carries the expected figures, and draws one bar per figure labelled with its number. */
  async function checkCharts(page: Page, review: ImplementationReview): Promise<void> {
    for (const [name, bars] of Object.entries(expectedBars(review))) {
      const chart = page.getByTestId(`review-chart-${name}`);
      const values = JSON.parse((await chart.getAttribute('data-values')) ?? '[]') as unknown[];
      expect(values, name).to.have.deep.members(bars);
      const rects = chart.locator('svg rect[aria-label]');
      if (bars.length > 0) await rects.first().waitFor();
      expect(await rects.count(), `${name} bars`).to.equal(bars.length);
      const labels = await rects.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
      expect(labels.map((label) => Number(label.split(': ').pop())).sort(), name).to.deep.equal(
        bars.map((bar) => bar.value).sort(),
      );
    }
  }

  /** Printing shows the review alone: no header, no navigation, no buttons; the charts and tables stay. */
  async function checkPrintView(page: Page): Promise<void> {
    const navigation = page.locator('nav');
    expect(await navigation.count()).to.be.greaterThan(0);
    await page.emulateMedia({ media: 'print' });
    for (const nav of await navigation.all()) expect(await nav.isVisible()).to.equal(false);
    expect(await page.locator('header').first().isVisible()).to.equal(false);
    expect(await page.getByTestId('review-form').isVisible()).to.equal(false);
    expect(await page.getByTestId('review-print').isVisible()).to.equal(false);
    expect(
      await page.getByTestId('review-chart-exchanges').locator('svg rect[aria-label]').first().isVisible(),
    ).to.equal(true);
    expect(await page.getByTestId('review-exchanges').locator('table').isVisible()).to.equal(true);
  }

  it("charts drawn from the review's figures, and a print view without the application around it, in English and Russian", async () => {
    const page = await (
      await browser.newContext({ locale: 'en-GB', viewport: { width: 1200, height: 1100 } })
    ).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, root);
    await page.getByRole('link', { name: 'Annual review' }).click();
    await page.getByTestId('review-form').getByRole('button', { name: 'Prepare the review' }).click();
    const result = page.getByTestId('review-result');
    await result.waitFor();
    const year = Number(await result.getAttribute('data-year'));
    const review = await call<ImplementationReview>(t.url, 'GET', `/api/review?year=${year}`, {
      token: root.session?.accessToken,
    });
    expect(review.status).to.equal(200);
    await checkCharts(page, review.body);
    const exchanges = page.getByTestId('review-chart-exchanges');
    await exchanges.locator('rect[aria-label="Border control and management, Allowed: 2"]').waitFor();
    await exchanges.locator('rect[aria-label="Border control and management, Denied: 1"]').waitFor();
    expect(await exchanges.getByTestId('chart-summary').textContent()).to.contain(
      'Allowed: 2; With conditions: 0; Held for approval: 0; Denied: 1',
    );
    expect(await exchanges.getByRole('heading').textContent()).to.equal('Exchanges per domain, by policy decision');
    await shot(page, '03-charts-en');
    await checkPrintView(page);
    await shot(page, '04-print-en');

    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'Русский' }).click();
    await exchanges.locator('rect[aria-label="Пограничный контроль и управление границами, Запрещено: 1"]').waitFor();
    await checkCharts(page, review.body);
    await shot(page, '05-charts-ru');
    await checkPrintView(page);
    await shot(page, '06-print-ru');
    expect(errors).to.deep.equal([]);
  });
});
