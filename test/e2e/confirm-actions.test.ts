import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import type { ProposalView } from '../../shared/schemas/consensus.js';
import type { TestPerson } from '../helpers/accounts.js';
import { call } from '../helpers/api.js';
import { screenshots, signInThroughUi, startE2e, watchErrors } from '../helpers/e2e.js';
import { populateNetwork } from '../helpers/network.js';
import type { TestServer } from '../helpers/test-server.js';

const shot = screenshots('confirm');
const DAY_MS = 24 * 3_600_000;

describe('e2e: irreversible actions ask for confirmation (and a reason others read) in Chromium', function () {
  this.timeout(180_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  let root: TestPerson;
  let kz: TestPerson;

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e());
    const net = await populateNetwork(t, { states: { KZ: {}, UZ: {} } });
    [root, kz] = [net.root, net.admin('KZ')];
  });
  after(async () => closeE2e?.());

  const propose = async (code: string, name: string): Promise<ProposalView> => {
    const result = await call<ProposalView>(t.url, 'POST', '/api/proposals', {
      token: root.session?.accessToken,
      body: {
        change: { kind: 'add-domain', domain: { code, name: { en: name, ru: name } } },
        deadline: new Date(t.clock.now().getTime() + 7 * DAY_MS).toISOString(),
        rationale: `States asked for ${name}.`,
      },
    });
    expect(result.status).to.equal(201);
    return result.body;
  };
  const page = async (person: TestPerson): Promise<{ page: Page; errors: string[] }> => {
    const opened = await (
      await browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 1000 } })
    ).newPage();
    const errors = watchErrors(opened);
    await signInThroughUi(t, opened, person);
    return { page: opened, errors };
  };

  it('objecting: cancel and Escape do nothing, no reason is refused, a reason ends the silence procedure and the secretariat reads it', async () => {
    const proposal = await propose('cyber-alpha', 'Cyber alpha');
    const { page: admin, errors } = await page(kz);
    await admin.getByRole('link', { name: 'Network decisions' }).click();
    const card = admin.locator(`[data-testid="proposal"][data-id="${proposal.id}"]`);
    const dialog = admin.getByRole('dialog');

    await card.getByRole('button', { name: 'Object', exact: true }).click();
    await dialog.getByRole('heading', { name: 'Object to this proposal?' }).waitFor();
    await shot(admin, '01-object-dialog-en');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await card.getByRole('button', { name: 'Object', exact: true }).click();
    await admin.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await card.getAttribute('data-status')).to.equal('open');
    expect(await card.getByTestId('position').count()).to.equal(0);

    await card.getByRole('button', { name: 'Object', exact: true }).click();
    // The reason field has the focus: the dialog is modal.
    expect(await admin.evaluate(() => document.activeElement?.getAttribute('name'))).to.equal('confirm-reason');
    await dialog.getByRole('button', { name: 'Object — ends the silence procedure for every state' }).click();
    await dialog.getByText('Give a reason: others will read it.').waitFor();
    await shot(admin, '02-object-needs-reason-en');
    expect(await card.getAttribute('data-status')).to.equal('open');
    await dialog
      .getByLabel('Why your state objects (every state reads it)')
      .fill('The domain overlaps with an existing one.');
    await dialog.getByRole('button', { name: /^Object — / }).click();
    await admin.locator(`[data-testid="proposal"][data-id="${proposal.id}"][data-status="rejected"]`).waitFor();

    const { page: secretariat, errors: secretariatErrors } = await page(root);
    await secretariat.getByRole('link', { name: 'Network decisions' }).click();
    const seen = secretariat.locator(`[data-testid="proposal"][data-id="${proposal.id}"]`);
    expect(await seen.locator('[data-testid="position"][data-state="KZ"]').textContent()).to.contain(
      'The domain overlaps with an existing one.',
    );
    expect(errors).to.deep.equal([]);
    expect(secretariatErrors).to.deep.equal([]);
  });

  it("withdrawing a proposal needs a reason in the web client, which every state reads; the API's older clients may still post none", async () => {
    const proposal = await propose('cyber-beta', 'Cyber beta');
    const { page: secretariat, errors } = await page(root);
    await secretariat.getByRole('button', { name: 'Русский' }).click();
    await secretariat.getByRole('link', { name: 'Решения сети' }).click();
    const card = secretariat.locator(`[data-testid="proposal"][data-id="${proposal.id}"]`);
    const dialog = secretariat.getByRole('dialog');
    await card.getByRole('button', { name: 'Отозвать предложение', exact: true }).click();
    await dialog.getByRole('button', { name: /^Отозвать — / }).click();
    await dialog.getByText('Укажите причину: её прочтут другие.').waitFor();
    await shot(secretariat, '03-withdraw-needs-reason-ru');
    await dialog.getByRole('textbox').fill('Предложение внесено по ошибке.');
    await dialog.getByRole('button', { name: /^Отозвать — / }).click();
    await secretariat.locator(`[data-testid="proposal"][data-id="${proposal.id}"][data-status="withdrawn"]`).waitFor();
    expect(await card.getByTestId('withdrawal-reason').textContent()).to.contain('Предложение внесено по ошибке.');

    const { page: admin, errors: adminErrors } = await page(kz);
    await admin.getByRole('link', { name: 'Network decisions' }).click();
    expect(
      await admin
        .locator(`[data-testid="proposal"][data-id="${proposal.id}"]`)
        .getByTestId('withdrawal-reason')
        .textContent(),
    ).to.equal('Reason given: Предложение внесено по ошибке.');
    await shot(admin, '04-withdrawn-reason-en');

    const silent = await propose('cyber-gamma', 'Cyber gamma');
    const withdrawn = await call<ProposalView>(t.url, 'POST', `/api/proposals/${silent.id}/withdraw`, {
      token: root.session?.accessToken,
    });
    expect(withdrawn.status).to.equal(200);
    expect(withdrawn.body.status).to.equal('withdrawn');
    expect(withdrawn.body.withdrawalReason).to.equal(undefined);
    expect(errors).to.deep.equal([]);
    expect(adminErrors).to.deep.equal([]);
  });
});
