import { expect } from 'chai';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../scripts/cli/seed-demo.command.js';
import { screenshots, signInThroughUi, startE2e, watchErrors } from '../helpers/e2e.js';
import { LABELS } from '../helpers/messaging.js';
import { sdkClient, sdkTotp } from '../helpers/sdk.js';
import { sdkMessaging, type SdkMessaging } from '../helpers/sdk-messaging.js';
import { eventually } from '../helpers/server-process.js';
import type { TestServer } from '../helpers/test-server.js';

const shot = screenshots('key-history');

/** The Kazakh focal point, through the SDK, with a started messenger. */
async function kazakhFocalPoint(t: TestServer): Promise<SdkMessaging> {
  const client = sdkClient(t);
  await client.signIn({ username: 'fp.kz.border', password: DEMO_PASSWORD });
  await client.unlockKeys({ password: DEMO_PASSWORD });
  const box = sdkMessaging(t, client);
  await eventually(async () => box.socket.connected, 5_000, 'connected');
  return box;
}

describe('e2e: a thread with messages from before the sender re-keyed', function () {
  this.timeout(180_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e({ demo: true }));
  });
  after(async () => closeE2e?.());

  it('shows the older message as verified, noted "signed with a previous key" (EN/RU), and the newer one without the note', async () => {
    const recipient = sdkClient(t);
    await recipient.signIn({ username: 'fp.kg.border', password: DEMO_PASSWORD });
    const kgId = recipient.session.current()?.user.id ?? '';

    // The Kazakh focal point writes; the Kyrgyz one reads it in the browser (which remembers key 1).
    let kz = await kazakhFocalPoint(t);
    const kzId = kz.client.session.current()?.user.id ?? '';
    await kz.messenger.send({ to: [kgId], labels: LABELS, text: 'Sent before the new keys' });
    const context = await browser.newContext({ locale: 'en-GB' });
    const openThread = async (signIn: boolean): Promise<Page> => {
      const page = await context.newPage();
      if (signIn) await signInThroughUi(t, page, { username: 'fp.kg.border', password: DEMO_PASSWORD });
      else await page.goto(t.url); // this browser remembers the person: a new tab needs no sign-in
      await page.getByRole('link', { name: /^Messages/ }).click(); // "Messages 1 new" when something is unread
      await page.getByTestId('conversation').first().getByRole('link').click();
      await page.getByTestId('message-item').filter({ hasText: 'Sent before the new keys' }).waitFor();
      return page;
    };
    const first = await openThread(true);
    const firstErrors = watchErrors(first);
    expect(await first.getByTestId('previous-key-note').count()).to.equal(0);
    await first.close();

    // The sender re-keys, admin.kz verifies the new key, and the sender writes again.
    t.clock.advance(60_000);
    await kz.client.rotateKeys({ password: DEMO_PASSWORD });
    kz.messenger.stop();
    kz.socket.close();
    const admin = sdkClient(t);
    await admin.signIn({ username: 'admin.kz', password: DEMO_PASSWORD });
    const { secret } = await admin.me.startTotpSetup({ password: DEMO_PASSWORD });
    await admin.me.confirmTotp(await generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) }));
    await admin.signIn({ username: 'admin.kz', password: DEMO_PASSWORD, totp: await sdkTotp(t, secret) });
    await admin.users.activate(kzId, { keyVersion: 2, safetyNumberCompared: true });
    t.clock.advance(60_000);
    kz = await kazakhFocalPoint(t);
    await kz.messenger.send({ to: [kgId], labels: LABELS, text: 'Sent with the new keys' });
    kz.messenger.stop();
    kz.socket.close();

    // Opened again (a new tab of the same browser): both verify; the older one carries the note.
    const page = await openThread(false);
    const errors = watchErrors(page);
    const older = page.getByTestId('message-item').filter({ hasText: 'Sent before the new keys' });
    const newer = page.getByTestId('message-item').filter({ hasText: 'Sent with the new keys' });
    await newer.waitFor();
    await older.getByTestId('previous-key-note').waitFor();
    expect(await older.getByTestId('previous-key-note').textContent()).to.contain(
      'signed with a previous key (version 1)',
    );
    expect(await newer.getByTestId('previous-key-note').count()).to.equal(0);
    // The key-change warning still tells the reader to compare the new key.
    await page.getByText('The key of this person changed (version 1 → 2):').first().waitFor();
    await shot(page, 'thread-en');

    await page.getByRole('button', { name: 'Русский' }).click();
    await older.getByTestId('previous-key-note').getByText('подписано предыдущим ключом (версия 1)').waitFor();
    await shot(page, 'thread-ru');
    expect(firstErrors).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });
});
