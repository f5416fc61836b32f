import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../scripts/cli/seed-demo.command.js';
import { screenshots, signInThroughUi, startE2e, watchErrors } from '../helpers/e2e.js';
import { LABELS } from '../helpers/messaging.js';
import { sdkClient } from '../helpers/sdk.js';
import { sdkMessaging, type SdkMessaging } from '../helpers/sdk-messaging.js';
import { eventually } from '../helpers/server-process.js';
import type { TestServer } from '../helpers/test-server.js';

const shot = screenshots('message-search');

/** A focal point signed in from Node with a running messenger, as a national system would be. */
async function messagingAs(t: TestServer, username: string): Promise<SdkMessaging> {
  const client = sdkClient(t, { now: () => t.clock.now().getTime() });
  await client.signIn({ username, password: DEMO_PASSWORD });
  await client.unlockKeys({ password: DEMO_PASSWORD });
  const box = sdkMessaging(t, client);
  await eventually(async () => box.socket.connected, 5_000, `${username} connected`);
  return box;
}

/** Searches from the search box that `page` shows and waits for the outcome. */
async function searchFor(page: Page, label: string, button: string, query: string): Promise<void> {
  await page.getByLabel(label).fill(query);
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByTestId('search-summary').waitFor();
}

describe('e2e: search in my messages, in the browser over decrypted history', function () {
  this.timeout(180_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  /** The Kazakh border focal point, writing to their Kyrgyz counterpart from Node. */
  let kz: SdkMessaging;
  let kzId = '';
  let kgId = '';

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e({ demo: true }));
    kzId = (await t.server.accounts.users.findByUsername('fp.kz.border'))?.id ?? '';
    kgId = (await t.server.accounts.users.findByUsername('fp.kg.border'))?.id ?? '';
    kz = await messagingAs(t, 'fp.kz.border');
  });
  after(async () => {
    kz?.messenger.stop();
    kz?.socket.close();
    await closeE2e?.();
  });

  it('the Kyrgyz focal point finds the one message naming a passport, sees the hit marked, opens its thread; new arrivals join the results; a bookmark reloads the search', async () => {
    await kz.messenger.send({
      to: [kgId],
      labels: LABELS,
      text: 'Passport KZ0007001 reported stolen; please check crossing 3.',
    });
    await kz.messenger.send({ to: [kgId], labels: LABELS, text: 'Weekly summary: no incidents at crossing 3.' });
    // My own reply, sent from another session of mine: it is in my history as outgoing.
    const kgNode = await messagingAs(t, 'fp.kg.border');
    await kgNode.messenger.send({ to: [kzId], labels: LABELS, text: 'Received; checking crossing 3 now.' });
    kgNode.messenger.stop();
    kgNode.socket.close();

    const kg = await (await browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 800 } })).newPage();
    const errors = watchErrors(kg);
    await signInThroughUi(t, kg, { username: 'fp.kg.border', password: DEMO_PASSWORD });
    await kg.getByRole('link', { name: /^Messages/ }).click();
    await kg.getByTestId('conversation').first().waitFor();
    await shot(kg, '00-conversations-en');

    // Too short: refused before anything is read.
    await kg.getByLabel('Search in my messages').fill('k');
    await kg.getByRole('button', { name: 'Search', exact: true }).click();
    expect(await kg.getByTestId('search-too-short').textContent()).to.equal('Type at least 2 characters to search.');
    expect(await kg.getByTestId('search-summary').count()).to.equal(0);

    await searchFor(kg, 'Search in my messages', 'Search', 'kz0007001');
    expect(new URL(kg.url()).pathname + new URL(kg.url()).search).to.equal('/messages/search?q=kz0007001');
    expect(await kg.getByTestId('search-too-short').count()).to.equal(0);
    const results = kg.getByTestId('search-result');
    expect(await results.count()).to.equal(1);
    expect(await results.locator('mark').allTextContents()).to.deep.equal(['KZ0007001']);
    expect(await results.first().textContent()).to.contain(
      'Passport KZ0007001 reported stolen; please check crossing 3.',
    );
    await results.first().getByText('Kazakhstan border duty desk').waitFor();
    expect(await kg.getByTestId('search-summary').textContent()).to.equal('Searched all 3 messages; found: 1.');
    // History is exhausted: nothing older to search.
    expect(await kg.getByTestId('search-older').count()).to.equal(0);
    await shot(kg, '01-one-result-en');

    // Several words in any order; my own message says so.
    await searchFor(kg, 'Search in my messages', 'Search', 'CROSSING   checking');
    expect(await results.count()).to.equal(1);
    expect(await results.first().textContent()).to.contain('Me: Received; checking crossing 3 now.');
    expect(await results.locator('mark').allTextContents()).to.deep.equal(['checking']);
    await searchFor(kg, 'Search in my messages', 'Search', 'crossing 3');
    expect(await results.count()).to.equal(3);

    // A message that arrives while the results are open is searched too, unreloaded.
    await searchFor(kg, 'Search in my messages', 'Search', 'kz0007001');
    await kz.messenger.send({ to: [kgId], labels: LABELS, text: 'Update on KZ0007001: the holder was stopped.' });
    await kg.locator('[data-testid="search-result"]', { hasText: 'Update on KZ0007001' }).waitFor();
    expect(await results.count()).to.equal(2);
    expect(await results.locator('mark').allTextContents()).to.deep.equal(['KZ0007001', 'KZ0007001']); // newest first

    // The address is a bookmark: reloaded (this browser remembers the person: no password), it searches again; history now holds 4 messages.
    await kg.reload();
    await kg.getByTestId('search-summary').waitFor();
    expect(await kg.getByTestId('search-summary').textContent()).to.equal('Searched all 4 messages; found: 2.');
    expect(await kg.getByLabel('Search in my messages').inputValue()).to.equal('kz0007001');

    // A result leads to its thread, which shows the message.
    await results.filter({ hasText: 'reported stolen' }).getByRole('link').click();
    expect(new URL(kg.url()).pathname).to.equal(`/messages/with/${kzId}`);
    await kg.getByTestId('message-item').filter({ hasText: 'Passport KZ0007001 reported stolen' }).waitFor();
    await shot(kg, '02-thread-en');
    // Back returns to the search.
    await kg.goBack();
    await kg.getByTestId('search-summary').waitFor();
    expect(await results.count()).to.equal(2);

    expect(errors).to.deep.equal([]);
  });

  it('in Russian, a word of a Russian message is found in any case; a word no message holds is said so', async () => {
    await kz.messenger.send({
      to: [kgId],
      labels: LABELS,
      text: 'Паспорт задержанного направлен на экспертизу в Бишкек.',
    });

    const kg = await (await browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 800 } })).newPage();
    const errors = watchErrors(kg);
    await signInThroughUi(t, kg, { username: 'fp.kg.border', password: DEMO_PASSWORD });
    await kg.getByRole('button', { name: 'Русский' }).click();
    await kg.getByRole('link', { name: /^Сообщения/ }).click();
    await kg.getByTestId('conversation').first().waitFor();

    await searchFor(kg, 'Поиск в моих сообщениях', 'Найти', 'ЭКСПЕРТИЗУ');
    const results = kg.getByTestId('search-result');
    expect(await results.count()).to.equal(1);
    expect(await results.locator('mark').allTextContents()).to.deep.equal(['экспертизу']);
    expect(await results.first().textContent()).to.contain('Паспорт задержанного направлен на экспертизу в Бишкек.');
    expect(await kg.getByTestId('search-summary').textContent()).to.equal('Просмотрены все сообщения (5); найдено: 1.');
    await shot(kg, '03-one-result-ru');

    await searchFor(kg, 'Поиск в моих сообщениях', 'Найти', 'контрабанда');
    expect(await results.count()).to.equal(0);
    expect(await kg.getByTestId('search-none').textContent()).to.equal('Ни одно сообщение не содержит «контрабанда».');
    await shot(kg, '04-nothing-ru');

    await kg.getByRole('button', { name: 'English' }).click();
    expect(errors).to.deep.equal([]);
  });
  it("a result older than the thread's first page opens the thread at it: older pages are read until it shows, marked", async () => {
    for (let i = 1; i <= 25; i++)
      await kz.messenger.send({ to: [kgId], labels: LABELS, text: `Routine report ${i}: nothing to add.` });
    const kg = await (await browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 800 } })).newPage();
    const errors = watchErrors(kg);
    await signInThroughUi(t, kg, { username: 'fp.kg.border', password: DEMO_PASSWORD });
    await kg.getByRole('link', { name: /^Messages/ }).click();
    await searchFor(kg, 'Search in my messages', 'Search', 'reported stolen');
    await kg.getByTestId('search-result').first().getByRole('link').click();
    const hit = kg.locator('[data-testid="message-item"][data-highlighted="true"]');
    await hit.waitFor();
    expect(await hit.textContent()).to.contain('Passport KZ0007001 reported stolen');
    expect(await kg.getByTestId('message-item').count()).to.be.greaterThan(20); // an older page was read for it
    expect(await hit.isVisible()).to.equal(true);
    expect(await kg.getByTestId('target-gone').count()).to.equal(0);
    await shot(kg, '05-thread-at-hit-en');
    expect(errors).to.deep.equal([]);
  });
});
