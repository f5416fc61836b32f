import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import type { TestPerson } from '../helpers/accounts.js';
import { seriousAxeViolations } from '../helpers/axe.js';
import { screenshots, signInThroughUi, startE2e, watchErrors } from '../helpers/e2e.js';
import { populateNetwork } from '../helpers/network.js';
import type { TestServer } from '../helpers/test-server.js';

const shot = screenshots('travel-documents');
const DESK = { width: 1100, height: 1000 };
const PHONE = { width: 390, height: 844 };

const overflowsSideways = (page: Page): Promise<boolean> =>
  page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) > window.innerWidth);

const csvFile = (name: string, lines: string[]) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(`${lines.join('\n')}\n`),
});

describe('e2e: lost and stolen travel documents in Chromium', function () {
  this.timeout(300_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  let adminKz: TestPerson;
  let adminRu: TestPerson;
  let borderKz: TestPerson;
  let borderRu: TestPerson;

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e());
    const net = await populateNetwork(t, {
      states: { KZ: { focalPoints: { border: 1 } }, RU: { focalPoints: { border: 1 } } },
    });
    [adminKz, adminRu, borderKz, borderRu] = [
      net.admin('KZ'),
      net.admin('RU'),
      net.focalPoint('KZ'),
      net.focalPoint('RU'),
    ];
  });
  after(async () => closeE2e?.());

  const open = async (person: TestPerson, viewport = DESK) => {
    const page = await (await browser.newContext({ locale: 'en-GB', viewport })).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, person);
    return { page, errors };
  };

  const takePart = async (admin: TestPerson, state: string, screenshot?: string): Promise<void> => {
    const { page, errors } = await open(admin);
    await page.getByRole('link', { name: 'Lost and stolen documents' }).click();
    // A national admin holds no key: the page says why and leads to participation.
    await page.getByTestId('travel-not-holder').waitFor();
    await page.getByRole('link', { name: 'Open the Participation page' }).click();
    await page.getByText(`${state} does not take part.`).waitFor();
    await page.getByRole('button', { name: 'Take part' }).click();
    await page.getByTestId('confirm-action').click();
    await page.getByTestId('participation-saved').getByText(`Saved: ${state} takes part.`).waitFor();
    expect(await page.getByTestId('reciprocity').textContent()).to.contain('Off');
    const own = page.locator(`[data-testid="participation-state"]`).filter({ hasText: state });
    await own.locator('td').first().getByText('Yes', { exact: true }).waitFor();
    if (screenshot) {
      await shot(page, screenshot);
      expect(await seriousAxeViolations(page)).to.deep.equal([]);
    }
    expect(errors).to.deep.equal([]);
    await page.context().close();
  };

  it('before their state takes part, a border focal point is told why they cannot screen and what to do', async () => {
    const { page, errors } = await open(borderKz);
    await page.getByRole('link', { name: 'Lost and stolen documents' }).click();
    const notHolder = page.getByTestId('travel-not-holder');
    await notHolder.getByText('Your state does not take part in the screening: its national admins decide.').waitFor();
    await notHolder.getByText(/^What to do: if your state should take part, ask your national admin/).waitFor();
    expect(await notHolder.getByRole('link').count()).to.equal(0);
    await shot(page, '00-not-holder-en');
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });

  it('national admins of KZ and RU make their states take part', async () => {
    await takePart(adminKz, 'Kazakhstan', '01-participation-en');
    await takePart(adminRu, 'Russia');
  });

  it('a KZ border focal point lists a document by the form, imports a CSV with one bad row, corrects one and withdraws one', async () => {
    const { page, errors } = await open(borderKz);
    await page.getByRole('link', { name: 'Lost and stolen documents' }).click();
    await page.getByRole('link', { name: 'My state’s listings' }).click();
    await page.getByRole('link', { name: 'List a document' }).click();
    await page.getByRole('heading', { name: 'List a document' }).waitFor();
    expect(await page.getByLabel('Issuing state').inputValue()).to.equal('KZ');

    // Nothing typed: the error summary names each field, and its link leads to it.
    await page.getByRole('button', { name: 'Encrypt and list' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.getByText('Enter the document number: letters and digits, at most 30.').click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).to.equal('number');
    await summary.getByText('Enter the date as a day that has passed (e.g. 2026-11-30).').waitFor();
    await shot(page, '02-listing-form-errors-en');

    await page.getByLabel('Document type').selectOption('passport');
    await page.getByLabel('Document number').fill('N1234567');
    await page.getByLabel('Status').selectOption('stolen');
    await page.getByLabel('Date lost, stolen, revoked or invalidated').fill('2026-11-30');
    await page.getByLabel('Notes (optional)').fill('Stolen with a bag at Almaty airport');
    await page.getByRole('button', { name: 'Encrypt and list' }).click();
    await page
      .getByTestId('listing-outcome')
      .getByText('Listed: Passport N1234567 (KZ), stolen.')
      .waitFor({ timeout: 60_000 });
    expect(await page.getByLabel('Document number').inputValue()).to.equal('');
    expect(await seriousAxeViolations(page)).to.deep.equal([]);

    await page.getByRole('link', { name: 'My state’s listings' }).first().click();
    await page.getByRole('link', { name: 'Import a CSV' }).click();
    await page.getByTestId('import-example').waitFor();
    await page
      .getByLabel('CSV file')
      .setInputFiles(
        csvFile('kz-listings.csv', [
          'issuing_state,document_type,document_number,status,date,notes',
          'KZ,passport,N7000001,lost,2026-10-01,',
          'KZ,passport,N7000002,stolen,not a date,',
          'KZ,identity-card,041234567,revoked,2026-09-15,Revoked by the ministry',
        ]),
      );
    await page.getByRole('button', { name: 'Import' }).click();
    const outcome = page.getByTestId('import-outcome');
    await outcome.getByText('Listed: 2.').waitFor({ timeout: 60_000 });
    expect(await outcome.getByTestId('import-problems').textContent()).to.match(/^Line 3: /);
    await shot(page, '03-import-en');

    await page.getByRole('link', { name: 'My state’s listings' }).first().click();
    const rows = page.getByTestId('listing-row');
    await rows.first().waitFor();
    expect(await rows.count()).to.equal(3);
    await shot(page, '04-listings-en');

    // A correction (a new version), then a withdrawal with its reason.
    const editor = page.getByTestId('listing-editor');
    await page.getByRole('button', { name: 'Edit 041234567' }).click();
    await editor.getByLabel('Status').selectOption('invalidated');
    await editor.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('listings-notice').getByText('041234567 corrected.').waitFor();
    await rows.filter({ hasText: '041234567' }).getByText('Invalidated').waitFor();
    await page.getByRole('button', { name: 'Edit N7000001' }).click();
    await editor.getByLabel('Why it is withdrawn').selectOption('recovered');
    await editor.getByRole('button', { name: 'Withdraw', exact: true }).click();
    await page.getByTestId('confirm-action').click();
    await page
      .getByTestId('listings-notice')
      .getByText('N7000001 withdrawn: it no longer matches anyone’s screening.')
      .waitFor();
    await page.getByText('2 listings').waitFor();
    await page.getByTestId('listings-shown').selectOption('withdrawn');
    await rows
      .filter({ hasText: 'N7000001' })
      .getByText(/^Withdrawn .* \(Recovered\)$/)
      .waitFor();
    expect(await rows.count()).to.equal(1);
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });

  it('an RU border focal point screens the number typed loosely: a HIT and the confirmation request filled in; a miss, a withdrawn and a cleared listing say no listing; a manifest; in Russian', async () => {
    const { page, errors } = await open(borderRu);
    await page.getByRole('link', { name: 'Lost and stolen documents' }).click();
    await page.getByRole('heading', { name: 'Screen one document' }).waitFor();
    await page
      .getByTestId('travel-sync-summary')
      .getByText(/Synchronised .*: 2 listings; states covered \(2\): Kazakhstan, Russia\./)
      .waitFor({ timeout: 60_000 });

    await page.getByLabel('Issuing state').fill('KZ');
    await page.getByLabel('Document number or MRZ').fill('n 123 4567');
    await page.getByLabel('Document number or MRZ').press('Enter');
    const hit = page.getByTestId('travel-hit');
    await hit.waitFor({ timeout: 60_000 });
    expect(await hit.getByTestId('hit-listing-state').textContent()).to.equal('Kazakhstan');
    expect(await hit.getByTestId('hit-status').textContent()).to.equal('Stolen');
    expect(await hit.getByTestId('hit-date').textContent()).to.equal('30 November 2026');
    // Listed today, in this run: the officer sees how old the listing is.
    expect(await hit.getByTestId('hit-listed-on').textContent()).to.match(/^\d{1,2} [A-Z][a-z]+ 20\d\d$/);
    await hit.getByText('Stolen with a bag at Almaty airport').waitFor();
    expect(await page.getByTestId('desk-announcement').textContent()).to.equal(
      'Hit: N1234567 is listed by Kazakhstan as stolen.',
    );
    // Focus stays in the number, selected: the next document is simply typed.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).to.equal('desk-number');
    await shot(page, '05-hit-en');
    expect(await seriousAxeViolations(page)).to.deep.equal([]);

    // A miss says so plainly.
    await page.getByLabel('Document number or MRZ').fill('X0000000');
    await page.getByLabel('Document number or MRZ').press('Enter');
    await page.getByTestId('no-listing').getByText('No listing').waitFor();
    await shot(page, '06-no-listing-en');

    // A withdrawn listing no longer matches.
    await page.getByLabel('Document number or MRZ').fill('N7000001');
    await page.getByLabel('Document number or MRZ').press('Enter');
    await page.getByTestId('desk-announcement').getByText('No listing for N7000001 (KZ).').waitFor();

    // A hit cleared by the listing state's answer is not raised again for that version.
    await page.getByLabel('Document number or MRZ').fill('041 234 567');
    await page.getByLabel('Document number or MRZ').press('Enter');
    await hit.getByTestId('hit-status').getByText('Invalidated').waitFor();
    await hit.getByRole('button', { name: 'Mark as cleared' }).click();
    await page.getByTestId('confirm-action').click();
    await hit.getByTestId('hit-cleared').waitFor();
    await page.getByLabel('Document number or MRZ').press('Enter');
    await page
      .getByTestId('no-listing')
      .getByText('Listed, but cleared earlier for this version of the listing: not raised again.')
      .waitFor();

    // Back to the hit, then the urgent request to Kazakhstan, filled in.
    await page.getByLabel('Document number or MRZ').fill('N1234567');
    await page.getByLabel('Document number or MRZ').press('Enter');
    await hit.getByRole('link', { name: 'Ask Kazakhstan to confirm (urgent)' }).click();
    const compose = page.getByTestId('compose-page');
    await compose.waitFor();
    expect(await compose.getAttribute('data-kind')).to.equal('request:document-check');
    expect(await compose.getByLabel('Urgency').inputValue()).to.equal('urgent');
    expect(await compose.getByLabel('Document type *').inputValue()).to.equal('passport');
    expect(await compose.getByLabel('Document number *').inputValue()).to.equal('N1234567');
    expect(await compose.getByLabel('Issuing state *').inputValue()).to.equal('KZ');
    expect(await compose.getByLabel('Circumstances of the check').inputValue()).to.equal(
      'Hit when screening against the lost and stolen documents list: listed by Kazakhstan as stolen on 30 November 2026. Please confirm whether the listing is current.',
    );
    // Kazakhstan has one border focal point: nothing to choose, so the request is addressed to them.
    const focalPoint = compose.getByLabel('Focal point in Kazakhstan');
    await page.waitForFunction(
      (id) => (document.querySelector('[data-testid="focal-point-select"]') as HTMLSelectElement | null)?.value === id,
      borderKz.user.id,
    );
    expect(await focalPoint.inputValue()).to.equal(borderKz.user.id);
    expect(new URL(page.url()).search).not.to.contain('N1234567');
    await shot(page, '07-request-prefilled-en');

    // A manifest: three passengers, one of them listed.
    await page.goBack();
    await page.getByRole('heading', { name: 'Screen a passenger manifest' }).waitFor();
    await page
      .getByLabel('Manifest (CSV)')
      .setInputFiles(
        csvFile('manifest.csv', [
          'document_number,issuing_state,reference',
          'AB1234567,RU,IVANOV/IVAN 3A',
          'n-1234567,kz,ABDULLAEV/ERLAN 12C',
          'C0000001,KG,ASANOV/ASAN 14F',
        ]),
      );
    await page.getByRole('button', { name: 'Screen the manifest' }).click();
    await page
      .getByTestId('batch-summary')
      .getByText('Screened: 3. Hits: 1. Not screened (problems): 0.')
      .waitFor({ timeout: 60_000 });
    const batchHits = page.getByTestId('batch-hit');
    expect(await batchHits.count()).to.equal(1);
    await batchHits.getByText('ABDULLAEV/ERLAN 12C').waitFor();
    await shot(page, '08-batch-en');

    // In Russian.
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('heading', { name: 'Проверить документ' }).waitFor();
    await page.getByLabel('Номер документа или МСЗ').fill('N1234567');
    await page.getByLabel('Номер документа или МСЗ').press('Enter');
    await hit.getByRole('link', { name: 'Срочно запросить подтверждение: Казахстан' }).waitFor();
    await shot(page, '09-hit-ru');
    expect(await seriousAxeViolations(page)).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });

  it('fits a phone: the hit at 390 px', async () => {
    const { page, errors } = await open(borderRu, PHONE);
    await page.goto(`${t.url}/travel-documents`);
    await page.getByLabel('Issuing state').fill('KZ');
    await page.getByLabel('Document number or MRZ').fill('N1234567');
    await page.getByLabel('Document number or MRZ').press('Enter');
    await page.getByTestId('travel-hit').waitFor({ timeout: 60_000 });
    expect(await overflowsSideways(page)).to.equal(false);
    await shot(page, '10-hit-390');
    expect(errors).to.deep.equal([]);
  });
});
