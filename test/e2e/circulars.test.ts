import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import type { TestPerson } from '../helpers/accounts.js';
import { seriousAxeViolations } from '../helpers/axe.js';
import { screenshots, signInThroughUi, startE2e, watchErrors } from '../helpers/e2e.js';
import { populateNetwork } from '../helpers/network.js';
import { policyBody, publishPolicy } from '../helpers/policies.js';
import type { TestServer } from '../helpers/test-server.js';

const shot = screenshots('circulars');
const PHONE = { width: 390, height: 844 };

const overflowsSideways = (page: Page): Promise<boolean> =>
  page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) > window.innerWidth);

describe('e2e: the secretariat sends a circular to a domain; a focal point reads it; the tally moves', function () {
  this.timeout(240_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  let root: TestPerson;
  let kzFocalPoint: TestPerson;

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e());
    const net = await populateNetwork(t, {
      states: {
        KZ: { focalPoints: { border: 1 } },
        KG: { focalPoints: { border: 1 } },
        RU: { focalPoints: { border: 1 } },
      },
    });
    [root, kzFocalPoint] = [net.root, net.focalPoint('KZ')];
    await publishPolicy(
      t,
      net.admin('KG'),
      policyBody('KG', 1, [
        { id: 'no-border-circulars', direction: 'inbound', domains: ['border'], kinds: ['circular'], effect: 'deny' },
      ]),
    );
  });
  after(async () => closeE2e?.());

  const open = async (person: TestPerson, locale: string, viewport = { width: 1100, height: 1000 }) => {
    const page = await (await browser.newContext({ locale, viewport })).newPage();
    const errors = watchErrors(page);
    await signInThroughUi(t, page, person);
    return { page, errors };
  };

  it('composes, previews the left-out state with why, sends; the focal point opens it; "read in 1 of 2 states"', async () => {
    const { page, errors } = await open(root, 'en-GB');
    await page.getByRole('link', { name: 'Circulars' }).click();
    await page.getByRole('heading', { name: 'Circulars', exact: true }).waitFor();
    const form = page.getByTestId('compose-circular');
    await form.getByLabel('Subject').fill('Joint border exercise, March');
    await form
      .getByLabel('Text')
      .fill('The joint exercise of border services takes place on 12–14 March. Please confirm participation.');
    await form.getByRole('button', { name: 'Show who will receive it' }).click();
    const preview = page.getByTestId('circular-preview');
    await preview.getByTestId('preview-reach').getByText('Recipients: 2').waitFor();
    await preview.getByTestId('left-out').getByText('a restriction of KG (not published)').waitFor();
    await shot(page, '01-preview-en');
    expect(await seriousAxeViolations(page)).to.deep.equal([]);
    await preview.getByRole('button', { name: 'Send the circular' }).click();
    await page.getByTestId('circular-sent').getByText('Recipients: 2').waitFor();
    const sent = page.getByTestId('sent-circular').first();
    await sent.getByText('Read in 0 of 2 states').waitFor();

    const { page: fp, errors: fpErrors } = await open(kzFocalPoint, 'en-GB', PHONE);
    await fp.goto(`${t.url}/circulars`);
    const item = fp.getByTestId('received-circular').first();
    await item.getByText('From the secretariat').waitFor();
    await item.getByRole('button', { name: 'Open and read' }).click();
    await item.getByTestId('circular-text').getByText('Joint border exercise, March').waitFor();
    await shot(fp, '02-focal-point-read-phone-en');
    expect(await overflowsSideways(fp), 'the page overflows at 390 px').to.equal(false);

    await page.getByTestId('reload-sent').click();
    await sent.getByText('Read in 1 of 2 states').waitFor();
    await sent.getByText('Per state').click();
    await shot(page, '03-tally-en');
    expect(errors).to.deep.equal([]);
    expect(fpErrors).to.deep.equal([]);
  });

  it('reads in Russian on a 390 px phone without sideways scrolling', async () => {
    const page = await (await browser.newContext({ locale: 'ru-RU', viewport: PHONE })).newPage();
    const errors = watchErrors(page);
    await page.goto(`${t.url}/sign-in`);
    await page.getByRole('button', { name: 'English' }).click();
    await signInThroughUi(t, page, root);
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.goto(`${t.url}/circulars`);
    await page.getByRole('heading', { name: 'Циркуляры', exact: true }).waitFor();
    await page.getByTestId('sent-circular').first().getByText('Прочитан в 1 из 2 государств').waitFor();
    await shot(page, '04-phone-390-ru');
    expect(await overflowsSideways(page), 'the page overflows at 390 px').to.equal(false);
    expect(await seriousAxeViolations(page)).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });
});
