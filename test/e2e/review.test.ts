import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
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
});
