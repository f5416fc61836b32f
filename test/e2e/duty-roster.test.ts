import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { call } from '../helpers/api.js';
import { seriousAxeViolations } from '../helpers/axe.js';
import type { TestPerson } from '../helpers/accounts.js';
import { screenshots, signInThroughUi, startE2e, watchErrors } from '../helpers/e2e.js';
import { populateNetwork } from '../helpers/network.js';
import { DOC_FIELDS, DOC_LABELS } from '../helpers/requests.js';
import { sdkClient } from '../helpers/sdk.js';
import type { StateCode } from '../../shared/schemas/labels.js';
import type { TestServer } from '../helpers/test-server.js';

const shot = screenshots('duty-roster');
const PHONE = { width: 390, height: 844 };

describe('e2e: away with a deputy (Chromium)', function () {
  this.timeout(180_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  let [absent, deputy, sender, kzAdmin]: TestPerson[] = [];

  /** Gives a test person a name people can tell apart. */
  async function name(person: TestPerson, en: string, ru: string): Promise<void> {
    const named = await call(t.url, 'PATCH', `/api/directory/entries/${person.user.id}`, {
      token: person.session?.accessToken,
      body: { name: { en, ru } },
    });
    expect(named.status).to.equal(200);
  }

  async function pageOf(
    person: TestPerson,
    language: 'en' | 'ru',
    viewport = PHONE,
  ): Promise<{ page: Page; errors: string[] }> {
    const page = await (await browser.newContext({ locale: 'en-GB', timezoneId: 'UTC', viewport })).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, person);
    if (language === 'ru') await page.getByRole('button', { name: 'Русский' }).click();
    return { page, errors };
  }

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e());
    const net = await populateNetwork(t, {
      states: { KZ: { focalPoints: { border: 2 } }, TJ: { focalPoints: { border: 1 } } },
    });
    [absent, deputy, sender, kzAdmin] = [
      net.focalPoint('KZ', 0),
      net.focalPoint('KZ', 1),
      net.focalPoint('TJ'),
      net.admin('KZ'),
    ];
    await name(absent!, 'Aigerim Sadykova', 'Айгерим Садыкова');
    await name(deputy!, 'Nurlan Bekov', 'Нурлан Беков');
    await name(sender!, 'Rustam Nazarov', 'Рустам Назаров');
  });
  after(async () => closeE2e?.());

  it('a focal point marks themselves away with a deputy on their account page, on a phone', async () => {
    const { page, errors } = await pageOf(absent!, 'en');
    await page.goto(`${t.url}/account`);
    const section = page.getByTestId('away-section');
    await section.waitFor();
    await shot(page, '01-account-form-en');
    expect(await seriousAxeViolations(page)).to.deep.equal([]);
    // Nobody chosen: the form says what is missing and sends nothing.
    await section.getByRole('button', { name: 'Mark as away' }).click();
    await section.getByText('Choose a deputy.').waitFor();
    await section.getByLabel('Deputy').selectOption({ label: 'Nurlan Bekov' });
    // Back in three days (the form's times are the browser's, here UTC).
    const back = new Date(t.clock.now().getTime() + 3 * 86_400_000).toISOString().slice(0, 16);
    await section.getByLabel('Until (optional)').fill(back);
    await section.getByLabel('Note for your state (optional)').fill('On mission in Astana');
    await section.getByRole('button', { name: 'Mark as away' }).click();
    await page.getByTestId('away-done').waitFor();
    expect(await section.textContent())
      .to.contain('Away until')
      .and.contain('Nurlan Bekov');
    await shot(page, '02-account-away-en');
    expect(errors).to.deep.equal([]);
  });

  it('the directory shows the absence and the deputy; the deputy is shown standing in', async () => {
    const { page, errors } = await pageOf(sender!, 'ru');
    await page.goto(`${t.url}/directory/entries/${absent!.user.id}`);
    const facts = page.getByTestId('away-facts');
    await facts.waitFor();
    expect(await facts.textContent())
      .to.contain('Отсутствует до')
      .and.contain('Nurlan Bekov')
      .and.not.contain('On mission'); // the note stays within Kazakhstan
    await shot(page, '03-entry-away-ru');
    expect(await seriousAxeViolations(page)).to.deep.equal([]);
    await facts.getByTestId('away-deputy').click();
    const covering = page.getByTestId('covering-facts');
    await covering.waitFor();
    expect(await covering.textContent()).to.contain('Aigerim Sadykova');
    await shot(page, '04-deputy-covering-ru');
    expect(errors).to.deep.equal([]);
  });

  it('the composer tells the sender that the deputy will also receive the message', async () => {
    const { page, errors } = await pageOf(sender!, 'en');
    await page.goto(`${t.url}/messages/new`);
    await page.getByLabel('Find in the directory').fill('Aigerim');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByTestId('add-recipient').first().click();
    const notice = page.getByTestId('away-recipients');
    await notice.waitFor();
    expect(await notice.textContent()).to.match(
      /Aigerim Sadykova is away until .+; Nurlan Bekov \(deputy\) will also receive this\./,
    );
    await shot(page, '05-composer-notice-en');
    expect(await seriousAxeViolations(page)).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });

  it('the deputy finds a request sent to the absent person in their inbox, reads it and acknowledges it', async () => {
    const client = sdkClient(t, { now: () => t.clock.now().getTime() });
    await client.signIn({ username: sender!.username, password: sender!.password });
    await client.unlockKeys({ password: sender!.password });
    const [outcome] = await client.requests.submit({
      kind: 'request:document-check',
      labels: DOC_LABELS,
      urgency: 'urgent',
      fields: DOC_FIELDS,
      recipients: [
        {
          userId: absent!.user.id,
          state: absent!.user.state as StateCode,
          encryptionKey: absent!.keys.encryption.publicKey,
        },
      ],
    });
    expect(outcome?.ok && outcome.deputies).to.deep.equal([deputy!.user.id]);

    const { page, errors } = await pageOf(deputy!, 'en');
    // Home tells the deputy whom they stand in for.
    expect(await page.getByTestId('duty-home').textContent())
      .to.contain('Standing in for: Aigerim Sadykova')
      .and.contain('Their new requests and alerts reach you too.');
    await shot(page, '06-deputy-home-en');
    await page.goto(`${t.url}/requests`);
    await page.getByTestId('request-row').first().getByRole('link').first().click();
    const casePage = page.locator('[data-testid="case-page"][data-side="requested"]');
    await casePage.waitFor();
    expect(await casePage.getByTestId('request-content').textContent()).to.contain(DOC_FIELDS.documentNumber);
    await casePage.getByRole('button', { name: 'Acknowledge' }).click();
    await casePage.getByRole('button', { name: 'Send: Acknowledge' }).click();
    await page.locator('[data-testid="case-page"][data-status="acknowledged"]').waitFor();
    expect(await casePage.getByTestId('case-deputies').textContent()).to.contain('Nurlan Bekov');
    expect(await casePage.getByTestId('history-step').first().textContent()).to.contain('by Nurlan Bekov, deputy');
    await shot(page, '07-deputy-acknowledged-en');
    expect(errors).to.deep.equal([]);
  });

  it('their national admin ends the absence from the entry page (reached from People); the notice is gone', async () => {
    const { page, errors } = await pageOf(kzAdmin!, 'en', { width: 1280, height: 900 });
    await page.goto(`${t.url}/admin/people`);
    await page.getByRole('link', { name: 'Away and deputy: Focal point' }).first().waitFor();
    await page.goto(`${t.url}/directory/entries/${absent!.user.id}`);
    const section = page.getByTestId('away-section');
    await section.getByRole('button', { name: 'End the absence' }).click();
    await section.getByText('Back: new requests and alerts go to the person alone again.').waitFor();
    expect(await page.getByTestId('away-facts').count()).to.equal(0);
    await shot(page, '08-admin-ended');
    expect(errors).to.deep.equal([]);
  });
});
