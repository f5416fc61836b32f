import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import type { TestPerson } from '../helpers/accounts.js';
import { seriousAxeViolations } from '../helpers/axe.js';
import { screenshots, signInThroughUi, startE2e, watchErrors } from '../helpers/e2e.js';
import { populateNetwork } from '../helpers/network.js';
import type { TestServer } from '../helpers/test-server.js';

const shot = screenshots('library');
const PHONE = { width: 390, height: 844 };

const overflowsSideways = (page: Page): Promise<boolean> =>
  page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) > window.innerWidth);

describe('e2e: the shared library in Chromium', function () {
  this.timeout(240_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  let admin: TestPerson;
  let focalPoint: TestPerson;

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e());
    const net = await populateNetwork(t, { states: { KZ: { focalPoints: { border: 1 } } } });
    [admin, focalPoint] = [net.admin('KZ'), net.focalPoint('KZ')];
  });
  after(async () => closeE2e?.());

  const open = async (person: TestPerson, viewport = { width: 1100, height: 1000 }) => {
    const page = await (await browser.newContext({ locale: 'en-GB', viewport, acceptDownloads: true })).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, person);
    return { page, errors };
  };

  it('a national admin publishes an item with a file; a focal point finds it by a word of its text and opens it', async () => {
    const { page, errors } = await open(admin);
    await page.getByRole('link', { name: 'Library' }).click();
    await page.getByRole('heading', { name: 'Library', exact: true }).waitFor();
    await page.getByTestId('library-empty').waitFor();
    await page.getByRole('link', { name: 'Publish an item' }).click();
    await page.getByRole('heading', { name: 'Publish an item' }).waitFor();
    await page.getByLabel('Shared with').selectOption('domain:border');
    await page.getByLabel('Kind').selectOption('best-practice');
    await page.getByLabel('Title').fill('Joint patrols at the crossing');
    await page.getByLabel('Summary (optional)').fill('How two border posts share their rosters');
    await page.getByLabel('Tags (optional)').fill('patrols, rosters');
    await page
      .getByLabel('Text (Markdown or plain)')
      .fill('Each week the posts exchange shift rosters.\nThe quartermaster keeps the logbook.');
    await page.getByLabel('Files (optional)').setInputFiles({
      name: 'roster.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Monday: team A; Tuesday: team B'),
    });
    await shot(page, '01-publish-form-en');
    expect(await seriousAxeViolations(page)).to.deep.equal([]);
    await page.getByRole('button', { name: 'Encrypt and publish' }).click();
    await page.getByTestId('library-text').getByText('The quartermaster keeps the logbook.').waitFor();
    await page.getByText('Signed by its author: checked in your browser.').waitFor();
    await shot(page, '02-item-en');
    expect(errors).to.deep.equal([]);

    const reader = await open(focalPoint);
    const fp = reader.page;
    await fp.getByRole('link', { name: 'Library' }).click();
    const card = fp.getByTestId('library-item');
    await card.getByRole('link', { name: 'Joint patrols at the crossing' }).waitFor();
    await fp.getByLabel('Search').fill('giraffe');
    await fp.getByText('No item matches.').waitFor();
    await fp.getByLabel('Search').fill('quarterm');
    await card.getByRole('link', { name: 'Joint patrols at the crossing' }).waitFor();
    expect(await card.count()).to.equal(1);
    await shot(fp, '03-search-en');
    expect(await seriousAxeViolations(fp)).to.deep.equal([]);
    await card.getByRole('link', { name: 'Joint patrols at the crossing' }).click();
    await fp.getByTestId('library-text').getByText('Each week the posts exchange shift rosters.').waitFor();
    const downloading = fp.waitForEvent('download');
    await fp.getByRole('button', { name: 'Download roster.txt' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).to.equal('roster.txt');
    expect(await readFile((await download.path())!, 'utf8')).to.equal('Monday: team A; Tuesday: team B');

    await fp.getByRole('button', { name: 'Русский' }).click();
    await fp.getByText('Подписано автором: проверено в вашем браузере.').waitFor();
    await shot(fp, '04-item-ru');
    expect(await seriousAxeViolations(fp)).to.deep.equal([]);
    expect(reader.errors).to.deep.equal([]);
  });

  it('fits a phone: the list and the publish form at 390 px, ?event= prefilled', async () => {
    const { page, errors } = await open(focalPoint, PHONE);
    await page.goto(`${t.url}/library`);
    await page.getByTestId('library-item').first().waitFor();
    expect(await overflowsSideways(page)).to.equal(false);
    await shot(page, '05-list-390');
    await page.goto(`${t.url}/library/new?event=evt-2026-border`);
    await page.getByText('For the event evt-2026-border').waitFor();
    expect(await page.getByLabel('Kind').inputValue()).to.equal('seminar-material');
    expect(await overflowsSideways(page)).to.equal(false);
    await shot(page, '06-publish-event-390');
    expect(errors).to.deep.equal([]);
  });
});
