import { expect } from 'chai';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import type { EventList } from '../../shared/schemas/events.js';
import type { TestPerson } from '../helpers/accounts.js';
import { call } from '../helpers/api.js';
import { seriousAxeViolations } from '../helpers/axe.js';
import { screenshots, signInThroughUi, startE2e, watchErrors } from '../helpers/e2e.js';
import { populateNetwork } from '../helpers/network.js';
import type { TestServer } from '../helpers/test-server.js';

const shot = screenshots('events');

/** Nothing wider than the phone's screen: no sideways scrolling. */
const fitsWidth = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** A wall-clock time `days` from now in Almaty, as a datetime-local input takes it. */
const almaty = (days: number, hour: number): string =>
  DateTime.now().setZone('Asia/Almaty').plus({ days }).set({ hour, minute: 0 }).toFormat("yyyy-LL-dd'T'HH:mm");

describe('e2e: the events calendar in Chromium', function () {
  this.timeout(180_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  let kzAdmin: TestPerson;
  let kgAdmin: TestPerson;
  let tjAdmin: TestPerson;
  let kgFocal: TestPerson;

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e());
    const net = await populateNetwork(t, {
      states: { KZ: {}, KG: { focalPoints: { border: 1 } }, TJ: {} },
    });
    [kzAdmin, kgAdmin, tjAdmin, kgFocal] = [net.admin('KZ'), net.admin('KG'), net.admin('TJ'), net.focalPoint('KG')];
  });
  after(async () => closeE2e?.());

  it("a host state's admin proposes a seminar; another state's admin registers on a phone; a third sees counts only", async () => {
    const desktop = await (
      await browser.newContext({
        locale: 'en-GB',
        viewport: { width: 1100, height: 1300 },
        timezoneId: 'Europe/Moscow',
      })
    ).newPage();
    const errors = watchErrors(desktop);
    await signInThroughUi(t, desktop, kzAdmin);
    await desktop.getByRole('link', { name: 'Events' }).first().click();
    await desktop.getByRole('heading', { name: 'Events calendar' }).waitFor();
    await desktop.getByTestId('propose-event').click();
    const form = desktop.getByTestId('event-form');
    await form.getByRole('button', { name: 'Propose event' }).click();
    expect(await form.getByText('Give a title in English or Russian.').count()).to.equal(1);
    await form.getByLabel('Title in English').fill('Regional seminar on document fraud');
    await form.getByLabel('Title in Russian').fill('Региональный семинар по подделке документов');
    await form.getByLabel('Description or agenda in English').fill('Day 1: trends. Day 2: case studies.');
    await form.getByRole('checkbox', { name: /Border/ }).check();
    await form.getByLabel(/Time zone/).fill('Asia/Almaty');
    await form.getByLabel('Starts').fill(almaty(20, 9));
    await form.getByLabel('Ends').fill(almaty(21, 17));
    await form.getByLabel('Registration deadline').fill(almaty(15, 18));
    await form.getByLabel('Venue').fill('Almaty, Academy of the Border Service');
    await form.getByLabel('Partner organisations').fill('UNODC, OSCE');
    await form.getByLabel('Places in total').fill('10');
    await shot(desktop, '01-propose-form');
    await form.getByRole('button', { name: 'Propose event' }).click();
    await desktop.getByTestId('event-title').waitFor();
    expect(await desktop.getByTestId('event-title').textContent()).to.equal('Regional seminar on document fraud');
    const facts = await desktop.getByTestId('event-facts').textContent();
    expect(facts).to.contain('At the venue (Asia/Almaty)');
    expect(facts).to.contain('09:00');
    expect(facts).to.contain('Your time (Europe/Moscow)');
    expect(facts).to.contain('07:00'); // Almaty (UTC+5) is two hours ahead of Moscow
    expect(await seriousAxeViolations(desktop)).to.deep.equal([]);
    await shot(desktop, '02-event-page-host');
    const eventId = new URL(desktop.url()).pathname.split('/')[2];

    // KG's admin on a phone: the list, then the event; registers a focal point and an official.
    const phone = await (
      await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } })
    ).newPage();
    const phoneErrors = watchErrors(phone);
    await signInThroughUi(t, phone, kgAdmin);
    await phone.goto(`${t.url}/events`);
    await phone.getByTestId('event-list').waitFor();
    expect(await phone.getByTestId('event-list').textContent()).to.contain('0 of 10 places taken');
    expect(await fitsWidth(phone)).to.equal(true);
    await shot(phone, '03-list-390');
    await phone.getByRole('link', { name: 'Regional seminar on document fraud' }).click();
    const register = phone.getByTestId('register-form');
    await register.getByLabel('A focal point of your state').selectOption({ label: kgFocal.user.displayName });
    await register.getByLabel('Name').fill('Bakyt Asanov');
    await register.getByLabel('Function').fill('Head of the document examination unit');
    await register.getByRole('button', { name: 'Register' }).click();
    await phone.getByTestId('participants').waitFor();
    const names = await phone.getByTestId('participants').textContent();
    expect(names).to.contain('Bakyt Asanov');
    expect(names).to.contain(kgFocal.user.displayName);
    expect(await fitsWidth(phone)).to.equal(true);
    expect(await seriousAxeViolations(phone)).to.deep.equal([]);
    await shot(phone, '04-event-registered-390');
    await phone.getByRole('button', { name: 'Русский' }).click();
    await phone.getByRole('heading', { name: 'Региональный семинар по подделке документов' }).waitFor();
    expect(await phone.getByTestId('registrations').textContent()).to.contain('Всего: 2');
    await shot(phone, '05-event-registered-ru-390');

    // TJ's admin sees KG's count, not the names.
    const other = await (
      await browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 1000 } })
    ).newPage();
    const otherErrors = watchErrors(other);
    await signInThroughUi(t, other, tjAdmin);
    await other.goto(`${t.url}/events/${eventId}`);
    await other.getByTestId('registered-by-state').waitFor();
    expect(await other.getByTestId('registered-by-state').textContent()).to.contain('Kyrgyz');
    expect(await other.getByTestId('participants').count()).to.equal(0);
    expect(await other.locator('body').textContent()).not.to.contain('Bakyt Asanov');
    await shot(other, '06-event-other-state-counts');

    const listed = await call<EventList>(t.url, 'GET', '/api/events', { token: tjAdmin.session?.accessToken });
    expect(listed.body.events.find((event) => event.id === eventId)?.registeredTotal).to.equal(2);
    expect([...errors, ...phoneErrors, ...otherErrors]).to.deep.equal([]);
  });

  it('a focal point creates a personal calendar feed in the account page: shown once, then revoked', async () => {
    const page = await (await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } })).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, kgFocal);
    await page.goto(`${t.url}/account`);
    const section = page.getByTestId('calendar-feed');
    await section.getByText('You have no calendar feed.').waitFor();
    await section.getByLabel('Language of the feed').selectOption('ru');
    await section.getByRole('button', { name: 'Create a feed address' }).click();
    const shown = page.getByTestId('calendar-feed-url');
    const url = await shown.locator('input').inputValue();
    expect(url).to.match(/\/api\/calendar-feeds\/[A-Za-z0-9_-]+\/events\.ics$/);
    const feed = await fetch(url.replace(/^https?:\/\/[^/]+/, t.url));
    expect(feed.status).to.equal(200);
    // Long iCalendar lines are folded (RFC 5545): unfolded, the Russian title is there.
    expect((await feed.text()).replace(/\r\n[ \t]/g, '')).to.contain('Региональный семинар по подделке документов');
    // (The account page's facts overflow a phone already with a long username: not this section.)
    await section.scrollIntoViewIfNeeded();
    await shot(page, '07-feed-shown-390');
    await section.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('button', { name: 'Revoke: the address stops working' }).click();
    await section.getByText('You have no calendar feed.').waitFor();
    expect((await fetch(url.replace(/^https?:\/\/[^/]+/, t.url))).status).to.equal(404);
    expect(errors).to.deep.equal([]);
  });
});
