import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import type { TestPerson } from '../helpers/accounts.js';
import { policyBody, publishPolicy } from '../helpers/policies.js';
import type { TestServer } from '../helpers/test-server.js';
import { screenshots, signInThroughUi, startE2e, watchErrors } from '../helpers/e2e.js';
import { populateNetwork } from '../helpers/network.js';

const shot = screenshots('policy-cosign');

describe('e2e: a policy version that needs two national admins’ signatures', function () {
  this.timeout(180_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  let first: TestPerson;
  let second: TestPerson;

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e());
    const net = await populateNetwork(t, { states: { KZ: { admins: 2 } } });
    [first, second] = [net.admin('KZ'), net.admin('KZ', 1)];
    await publishPolicy(
      t,
      first,
      policyBody('KZ', 1, [
        {
          id: 'no-pd-to-cn',
          direction: 'outbound',
          categories: ['personal-data'],
          counterparts: ['CN'],
          effect: 'deny',
          legalBasis: { en: 'Law on personal data, art. 16' },
        },
      ]),
    );
  });
  after(async () => closeE2e?.());

  const open = async (person: TestPerson, width = 1100): Promise<{ page: Page; errors: string[] }> => {
    const page = await (await browser.newContext({ locale: 'en-GB', viewport: { width, height: 900 } })).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, person);
    // By address: on a phone the menu is folded away.
    await page.goto(`${t.url}/policies`);
    await page.getByTestId('policy-in-force').waitFor();
    return { page, errors };
  };

  it('one admin turns the rule on and signs; the version waits; a second admin reviews the changes and signs it into force', async () => {
    // ── A turns the requirement on and publishes version 2 (the default changes to "deny") ──
    const a = await open(first);
    const setting = a.page.getByTestId('two-signatures');
    await setting.getByRole('button', { name: 'Require a second national admin’s signature' }).click();
    await a.page.locator('[data-testid="two-signatures-state"][data-on="true"]').waitFor();
    await a.page.getByLabel('Default effect').selectOption('deny');
    await a.page.getByRole('button', { name: 'Sign and publish version 2' }).click();
    const done = a.page.getByTestId('published');
    await done.waitFor();
    const said = (await done.textContent()) ?? '';
    expect(said).to.contain('Version 2 is signed and waits for a second national admin’s signature until');
    expect(said).to.contain(String(new Date(t.clock.now().getTime() + 7 * 86_400_000).getUTCFullYear()));
    // Still version 1 in force; the waiting version says so, and that A cannot sign it twice.
    expect(await a.page.getByTestId('policy-in-force').getAttribute('data-version')).to.equal('1');
    const waitingForA = a.page.getByTestId('awaiting-cosignature');
    await waitingForA.getByTestId('awaiting-mine').waitFor();
    expect(await waitingForA.textContent()).to.contain('expires on');
    expect(await waitingForA.getByRole('button', { name: 'Review and sign' }).count()).to.equal(0);
    await shot(a.page, '01-first-admin-waiting-en');

    // ── B sees the waiting version, reviews the diff against version 1 and signs it ──
    const b = await open(second);
    const waiting = b.page.getByTestId('awaiting-cosignature');
    await waiting
      .getByRole('heading', { name: 'Version 2 is waiting for a second national admin’s signature' })
      .waitFor();
    await waiting.getByRole('button', { name: 'Review and sign' }).click();
    const diff = waiting.getByTestId('diff-default');
    expect(await diff.textContent()).to.contain('Deny');
    await waiting.locator('[data-testid="signature-check"][data-valid="true"]').waitFor();
    await shot(b.page, '02-second-admin-review-en');
    await waiting.getByRole('button', { name: 'Sign version 2: put it in force' }).click();
    await b.page.getByTestId('cosigned').waitFor();
    await b.page.locator('[data-testid="policy-in-force"][data-version="2"]').waitFor();
    expect(await b.page.getByTestId('policy-in-force').textContent()).to.contain('Co-signed by');
    expect(await b.page.getByTestId('awaiting-cosignature').count()).to.equal(0);
    await shot(b.page, '03-second-admin-in-force-en');

    // ── History shows both signatures, each re-checked on this device ──
    await b.page.getByRole('link', { name: 'Version history' }).click();
    await b.page.getByRole('row').filter({ hasText: 'in force' }).getByRole('button', { name: 'View' }).click();
    expect(await b.page.locator('tr[data-version="2"]').getByTestId('cosigned-by').textContent()).to.match(
      /^co-signed by /,
    );
    const cosignature = b.page.getByTestId('cosignature');
    await cosignature.locator('[data-valid="true"]').waitFor();
    await shot(b.page, '04-history-both-signatures-en');

    expect(a.errors).to.deep.equal([]);
    expect(b.errors).to.deep.equal([]);
  });

  it('turning the rule off: one admin asks, the other confirms (on a phone, in Russian)', async () => {
    const a = await open(first);
    await a.page.getByRole('button', { name: 'Let one signature suffice again…' }).click();
    await a.page.getByTestId('release-request').waitFor();
    expect(await a.page.getByTestId('two-signatures').textContent()).to.contain(
      'You asked for one signature to suffice again',
    );
    await shot(a.page, '05-first-admin-asked-off-en');

    const b = await open(second, 390);
    await b.page.getByRole('button', { name: 'Русский' }).click();
    const setting = b.page.getByTestId('two-signatures');
    await setting.getByRole('heading', { name: 'Подписи новой версии' }).waitFor();
    await setting.getByTestId('release-request').waitFor();
    await shot(b.page, '06-second-admin-confirm-ru-phone');
    // The page fits the phone: the rule cards' buttons stay inside it.
    expect(await b.page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
    await setting.getByRole('button', { name: 'Подтвердить: снова достаточно одной подписи' }).click();
    await b.page.locator('[data-testid="two-signatures-state"][data-on="false"]').waitFor();
    await shot(b.page, '07-one-signature-again-ru-phone');
    expect(a.errors).to.deep.equal([]);
    expect(b.errors).to.deep.equal([]);
  });
});
