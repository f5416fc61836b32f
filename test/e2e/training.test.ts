import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import type { TestPerson } from '../helpers/accounts.js';
import { call } from '../helpers/api.js';
import { seriousAxeViolations } from '../helpers/axe.js';
import { gotoSignedIn, screenshots, signInThroughUi, startE2e, watchErrors } from '../helpers/e2e.js';
import { populateNetwork } from '../helpers/network.js';
import type { TestServer } from '../helpers/test-server.js';

const shot = screenshots('training');
const PHONE = { width: 390, height: 844 };

const overflowsSideways = (page: Page): Promise<boolean> =>
  page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) > window.innerWidth);

describe('e2e: a Centre of Excellence and a training request between two states in Chromium', function () {
  this.timeout(180_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  let kzAdmin: TestPerson;
  let ruAdmin: TestPerson;
  let requestPath: string;

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e());
    const net = await populateNetwork(t, { states: { KZ: {}, RU: {} } });
    [kzAdmin, ruAdmin] = [net.admin('KZ'), net.admin('RU')];
  });
  after(async () => closeE2e?.());

  const day = (days: number): string =>
    new Date(t.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const open = async (person: TestPerson, locale = 'en-GB', viewport = { width: 1100, height: 1000 }) => {
    const page = await (await browser.newContext({ locale, viewport })).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, person);
    return { page, errors };
  };

  it('KZ’s national admin adds the state’s border academy from the menu', async () => {
    const { page, errors } = await open(kzAdmin);
    await page.getByRole('link', { name: 'Centres of Excellence' }).click();
    await page.getByRole('heading', { name: 'Centres of Excellence' }).waitFor();
    await page.getByTestId('no-centres').waitFor();
    await page.getByTestId('add-centre').click();
    const form = page.getByTestId('centre-form');
    await form.getByRole('button', { name: 'Save the centre' }).click();
    await form.getByText('Fill in the name, at least one domain').waitFor();
    await form.getByLabel('Name in English').fill('Border Guard Academy');
    await form.getByLabel('Name in Russian (optional)').fill('Академия пограничной службы');
    await form.getByLabel('Border control and management').check();
    await form.getByLabel('Subjects').fill('document forgery, risk analysis');
    await form.getByLabel('Languages of instruction').fill('ru, kk');
    await form.getByLabel('At the centre').check();
    await form.getByLabel('Online').check();
    await form.getByLabel('Website').fill('https://academy.example.kz');
    await shot(page, '01-centre-form-en');
    await form.getByRole('button', { name: 'Save the centre' }).click();
    const details = page.getByTestId('centre-details');
    await details.getByRole('heading', { name: 'Border Guard Academy' }).waitFor();
    await details.getByText('document forgery, risk analysis').waitFor();
    expect(await page.getByTestId('request-from-centre').count(), 'a state does not ask itself').to.equal(0);
    await shot(page, '02-centre-page-en');
    expect(await seriousAxeViolations(page)).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });

  it('RU’s national admin finds it by subject and asks it for a seminar; a period ending before it starts is refused', async () => {
    const { page, errors } = await open(ruAdmin);
    await page.getByRole('link', { name: 'Centres of Excellence' }).click();
    await page.getByLabel('Subject').fill('Document Forgery');
    await page.getByLabel('Subject').press('Enter');
    const card = page.getByTestId('centre-card');
    await card.getByText('Kazakhstan').waitFor();
    await shot(page, '03-centres-filtered-en');
    await card.getByRole('link', { name: 'Border Guard Academy' }).click();
    await page.getByTestId('request-from-centre').click();

    const form = page.getByTestId('training-request-form');
    // Pre-filled from the centre: its state, domain and languages.
    await form
      .getByLabel('Centre (optional)')
      .locator('option', { hasText: 'Border Guard Academy' })
      .waitFor({ state: 'attached' });
    expect(await form.getByLabel('Host state').inputValue()).to.equal('KZ');
    expect(await form.getByLabel('Languages').inputValue()).to.equal('ru, kk');
    await form.getByLabel('Subject').fill('Detecting forged travel documents');
    await form.getByLabel('Kind').selectOption('seminar');
    await form.getByLabel('Preferred period: from').fill(day(30));
    await form.getByLabel('to', { exact: true }).fill(day(20));
    await form.getByLabel('Number of participants').fill('15');
    await form.getByRole('button', { name: 'Send the request' }).click();
    await form.getByRole('alert').getByText('the period ends before it starts').waitFor();
    await shot(page, '04-request-refused-en');

    await form.getByLabel('to', { exact: true }).fill(day(33));
    await form.getByRole('button', { name: 'Send the request' }).click();
    await page.getByTestId('training-status').getByText('Awaiting answer').waitFor();
    requestPath = new URL(page.url()).pathname;
    expect(requestPath).to.match(/^\/training-requests\/[0-9a-f]{24}$/);
    expect(await page.getByRole('button', { name: 'Accept' }).count(), 'the requester does not answer').to.equal(0);
    await page.getByRole('button', { name: 'Withdraw' }).waitFor();
    await shot(page, '05-request-sent-en');
    expect(errors).to.deep.equal([]);
  });

  it('KZ sees it among incoming requests and accepts it with a format; then may plan the event', async () => {
    const { page, errors } = await open(kzAdmin);
    await page.getByRole('link', { name: 'Training requests' }).click();
    const row = page.getByTestId('training-request');
    await row.getByText('Russia asks Kazakhstan').waitFor();
    await shot(page, '06-incoming-en');
    await page.getByRole('button', { name: 'Outgoing' }).click();
    await page.getByTestId('no-training-requests').waitFor();
    await page.getByRole('button', { name: 'Incoming' }).click();
    await row.getByRole('link', { name: 'Seminar: Detecting forged travel documents' }).click();
    const answer = page.getByTestId('answer-training');
    await answer.getByLabel('Format (optional)').selectOption('on-site');
    await answer.getByRole('button', { name: 'Accept' }).click();
    await page.getByTestId('training-status').getByText('Accepted').waitFor();
    const plan = page.getByTestId('plan-event');
    expect(await plan.getAttribute('href')).to.equal(`/events/new?trainingRequest=${requestPath.split('/').pop()}`);
    await shot(page, '07-accepted-en');
    expect(await seriousAxeViolations(page)).to.deep.equal([]);

    // Planning it: the event form starts from the request; proposing the event marks the request planned.
    await plan.click();
    const eventForm = page.getByTestId('event-form');
    await eventForm.waitFor();
    expect(await eventForm.getByLabel('Title in English').inputValue()).to.equal('Detecting forged travel documents');
    expect(await eventForm.getByRole('checkbox', { name: /Border/ }).isChecked()).to.equal(true);
    expect(await eventForm.getByLabel('Starts').inputValue()).to.equal(`${day(30)}T09:00`);
    await eventForm.getByLabel('Registration deadline').fill(`${day(25)}T18:00`);
    await eventForm.getByRole('button', { name: 'Propose event' }).click();
    await page.getByTestId('event-title').waitFor();
    await page.goto(`${t.url}${requestPath}`);
    await page.getByTestId('training-status').getByText('Planned').waitFor();
    expect(errors).to.deep.equal([]);
  });

  it('KZ declines another request with a reason, which RU reads; RU withdraws one still unanswered', async () => {
    const ask = async (subject: string): Promise<string> => {
      const sent = await call<{ id: string }>(t.url, 'POST', '/api/training-requests', {
        token: ruAdmin.session?.accessToken,
        body: {
          hostState: 'KZ',
          domain: 'border',
          subject,
          kind: 'needs-assessment',
          period: { from: day(40), to: day(41) },
          languages: ['ru'],
          participants: 4,
        },
      });
      expect(sent.status).to.equal(201);
      return sent.body.id;
    };
    const [toDecline, toWithdraw] = [
      await ask('Risk analysis at land crossings'),
      await ask('Trainers for the K9 unit'),
    ];

    const { page: kz, errors: kzErrors } = await open(kzAdmin);
    await gotoSignedIn(kz, `${t.url}/training-requests/${toDecline}`, kzAdmin);
    await kz.getByRole('button', { name: 'Decline' }).click();
    const dialog = kz.getByRole('dialog');
    await dialog.getByLabel('Reason').fill('No trainers free before spring');
    await shot(kz, '08-decline-dialog-en');
    await dialog.getByRole('button', { name: 'Decline the request' }).click();
    await kz.getByTestId('training-status').getByText('Declined').waitFor();

    const { page: ru, errors: ruErrors } = await open(ruAdmin);
    await gotoSignedIn(ru, `${t.url}/training-requests/${toDecline}`, ruAdmin);
    await ru.getByTestId('decline-reason').getByText('No trainers free before spring').waitFor();
    await gotoSignedIn(ru, `${t.url}/training-requests/${toWithdraw}`, ruAdmin);
    await ru.getByRole('button', { name: 'Withdraw' }).click();
    await ru.getByRole('dialog').getByRole('button', { name: 'Withdraw the request' }).click();
    await ru.getByTestId('training-status').getByText('Withdrawn').waitFor();
    await gotoSignedIn(ru, `${t.url}/training-requests`, ruAdmin);
    await ru.getByRole('button', { name: 'Outgoing' }).click();
    await ru.getByTestId('training-request').nth(2).waitFor();
    await shot(ru, '09-outgoing-en');
    expect(kzErrors).to.deep.equal([]);
    expect(ruErrors).to.deep.equal([]);
  });

  it('reads in Russian on a 390 px phone without sideways scrolling', async () => {
    const page = await (await browser.newContext({ locale: 'ru-RU', viewport: PHONE })).newPage();
    const errors = watchErrors(page);
    await page.goto(`${t.url}/sign-in`);
    await page.getByRole('button', { name: 'English' }).click();
    await signInThroughUi(t, page, ruAdmin);
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.goto(`${t.url}${requestPath}`);
    await page.getByTestId('training-status').getByText('Запланирован').waitFor(); // planned as an event above
    await page.getByText('В центре').waitFor();
    await shot(page, '10-phone-390-ru');
    expect(await overflowsSideways(page), 'the page overflows at 390 px').to.equal(false);
    await page.goto(`${t.url}/centres`);
    await page.getByRole('heading', { name: 'Центры передового опыта' }).waitFor();
    await page.getByTestId('centre-card').getByText('Академия пограничной службы').waitFor();
    await shot(page, '11-centres-phone-390-ru');
    expect(await overflowsSideways(page), 'the list overflows at 390 px').to.equal(false);
    expect(await seriousAxeViolations(page)).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });
});
