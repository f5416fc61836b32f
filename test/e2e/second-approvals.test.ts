import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import type { AwaitingSecondApproval } from '../../shared/schemas/dual-control.js';
import {
  bootstrapNetworkAdmin,
  invite,
  registerWithToken,
  uniqueUsername,
  type TestPerson,
} from '../helpers/accounts.js';
import { call } from '../helpers/api.js';
import { seriousAxeViolations } from '../helpers/axe.js';
import { screenshots, signInThroughUi, startE2e, watchErrors } from '../helpers/e2e.js';
import { populateNetwork } from '../helpers/network.js';
import { secondSecretariatMember } from '../helpers/second-approver.js';
import type { TestServer } from '../helpers/test-server.js';

const shot = screenshots('second-approvals');
const PHONE = { width: 390, height: 844 };
const overflowsSideways = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);

describe('e2e: two people to activate or suspend a national admin (Chromium)', function () {
  this.timeout(180_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  let root: TestPerson;
  let second: TestPerson;
  let kzAdmin: TestPerson;

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e());
    const net = await populateNetwork(t, { states: { KZ: {} } });
    [root, kzAdmin] = [net.root, net.admin('KZ')];
    second = await secondSecretariatMember(t, root.session?.accessToken);
  });
  after(async () => closeE2e?.());

  it('the secretariat compares and asks; the page says it waits and who may approve; a second member approves', async () => {
    const { token } = await invite(t, root, { role: 'national-admin', state: 'UZ', displayName: 'Dilnoza Karimova' });
    const newcomer = await registerWithToken(t, token, uniqueUsername('adminuz'));

    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, root);
    await page.goto(`${t.url}/admin/pending`);
    const card = page.locator(`[data-testid="pending-person"][data-username="${newcomer.username}"]`);
    await card.getByRole('button', { name: 'I compared it, activate' }).click();
    const note = card.getByTestId('awaiting-second-approval');
    await note.waitFor();
    expect(await note.textContent()).to.contain('Activation: waiting for a second approver');
    expect(await note.textContent()).to.contain(
      'Who can approve: another secretariat member or an active national admin of Uzbekistan.',
    );
    expect(await card.getByRole('button', { name: 'I compared it, activate' }).count()).to.equal(0);
    await shot(page, '01-first-step-waits-en');

    // The first person's own list: they may withdraw it, never approve it.
    await page.goto(`${t.url}/second-approvals`);
    await page.getByTestId('nothing-for-you').waitFor();
    const own = page.getByTestId('second-approval');
    expect(await own.getByRole('button', { name: 'Approve' }).count()).to.equal(0);
    await own.getByRole('button', { name: 'Withdraw my request' }).waitFor();
    await shot(page, '02-own-request-en');

    // The second secretariat member, on a phone, in Russian.
    const phone = await (await browser.newContext({ locale: 'ru-RU', viewport: PHONE })).newPage();
    const phoneErrors = watchErrors(phone);
    await phone.goto(`${t.url}/sign-in`);
    await phone.getByRole('button', { name: 'English' }).click();
    await signInThroughUi(t, phone, second);
    await phone.getByRole('button', { name: 'Русский' }).click();
    await phone.goto(`${t.url}/second-approvals`);
    await phone.getByRole('heading', { name: 'Ждёт вашего утверждения' }).waitFor();
    const request = phone.getByTestId('second-approval');
    expect(await request.getByRole('heading').textContent()).to.contain('Dilnoza Karimova');
    expect(await request.getByTestId('comparison-statement').textContent()).to.contain('версии ключей 1');
    await shot(phone, '03-needs-your-approval-phone-ru');
    expect(await overflowsSideways(phone), 'the page overflows at 390 px').to.equal(false);
    expect(await seriousAxeViolations(phone)).to.deep.equal([]);
    await request.getByRole('button', { name: 'Утвердить' }).click();
    await phone.getByTestId('second-approval-notice').getByText('Утверждено: действие выполнено.').waitFor();
    await shot(phone, '04-approved-phone-ru');
    const stored = await t.server.accounts.users.findById(newcomer.user.id);
    expect(stored?.status).to.equal('active');
    expect(stored?.keys?.verifiedBy).to.equal(root.user.id); // the one who compared the safety number

    expect(errors).to.deep.equal([]);
    expect(phoneErrors).to.deep.equal([]);
  });

  it('a suspension waits on the People page; the subject is not warned; a second secretariat member refuses it with a reason', async () => {
    const asked = await call<AwaitingSecondApproval>(t.url, 'POST', `/api/users/${kzAdmin.user.id}/suspend`, {
      token: root.session?.accessToken,
      body: { reason: 'laptop reported stolen' },
    });
    expect(asked.status).to.equal(202);

    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, root);
    await page.goto(`${t.url}/admin/people`);
    const row = page.locator(`[data-testid="person"][data-username="${kzAdmin.username}"]`);
    await row
      .getByTestId('awaiting-second-approval')
      .getByText('Suspension: waiting for a second approver', { exact: false })
      .waitFor();
    expect(await row.getByRole('button', { name: 'Suspend' }).count()).to.equal(0);
    await shot(page, '05-people-row-waits-en');

    const admin = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const adminErrors = watchErrors(admin);
    // The subject is neither asked nor warned: a compromised account would act first.
    await signInThroughUi(t, admin, kzAdmin);
    await admin.goto(`${t.url}/second-approvals`);
    await admin.getByTestId('nothing-for-you').waitFor();
    expect(await admin.getByTestId('second-approval').count()).to.equal(0);
    await shot(admin, '06-subject-not-warned-en');

    const member = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const memberErrors = watchErrors(member);
    await signInThroughUi(t, member, second);
    await member.goto(`${t.url}/second-approvals`);
    const card = member.getByTestId('second-approval');
    expect(await member.getByTestId('second-approvals-count').textContent()).to.equal('1');
    await card.getByRole('button', { name: 'Refuse' }).click();
    await member.getByLabel('Why (the person who asked reads it)').fill('the laptop was found; keys unchanged');
    await shot(member, '07-refuse-with-reason-en');
    await member.getByRole('button', { name: 'Refuse: nothing is done' }).click();
    await member.getByTestId('second-approval-notice').getByText('Refused: nothing was done.').waitFor();
    await member.getByTestId('second-approvals-count').waitFor({ state: 'detached' }); // the menu's count follows
    expect((await t.server.accounts.users.findById(kzAdmin.user.id))?.status).to.equal('active');

    expect([...errors, ...adminErrors, ...memberErrors]).to.deep.equal([]);
  });
});

describe('e2e: one secretariat member cannot activate a first national admin alone (Chromium)', function () {
  this.timeout(120_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  let root: TestPerson;

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e());
    root = await bootstrapNetworkAdmin(t);
  });
  after(async () => closeE2e?.());

  it('the pending card says nobody can approve yet and what to do, on a phone', async () => {
    const { token } = await invite(t, root, { role: 'national-admin', state: 'KZ', displayName: 'Aigerim Nurlanovna' });
    const newcomer = await registerWithToken(t, token, uniqueUsername('adminkz'));
    const page = await (await browser.newContext({ locale: 'en-GB', viewport: PHONE })).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, root);
    await page.goto(`${t.url}/admin/pending`);
    const card = page.locator(`[data-testid="pending-person"][data-username="${newcomer.username}"]`);
    await card.getByRole('button', { name: 'I compared it, activate' }).click();
    const nobody = card.getByTestId('nobody-can-approve');
    await nobody.waitFor();
    expect(await nobody.textContent()).to.contain('Invite a second secretariat member');
    await shot(page, '08-nobody-can-approve-yet-phone-en');
    expect(await overflowsSideways(page), 'the page overflows at 390 px').to.equal(false);
    expect((await t.server.accounts.users.findById(newcomer.user.id))?.status).to.equal('pending-verification');
    expect(errors).to.deep.equal([]);
  });
});
