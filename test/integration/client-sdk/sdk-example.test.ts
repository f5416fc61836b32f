import { expect } from 'chai';
import { sendMessageExample } from '../../../scripts/examples/sdk-send-message.js';
import { utf8Encode } from '../../../shared/crypto/encoding.js';
import {
  activeFocalPoint,
  activeNationalAdmin,
  bootstrapNetworkAdmin,
  type TestPerson,
} from '../../helpers/accounts.js';
import { sdkAs } from '../../helpers/sdk-as-person.js';
import { sdkMessaging, type SdkMessaging } from '../../helpers/sdk-messaging.js';
import { eventually } from '../../helpers/server-process.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

describe('README example: using the SDK from Node', function () {
  this.timeout(60_000);
  let t: TestServer;
  let sender: TestPerson;
  let recipient: SdkMessaging;

  before(async () => {
    t = await startTestServer();
    const root = await bootstrapNetworkAdmin(t);
    sender = await activeFocalPoint(t, await activeNationalAdmin(t, root, 'TJ'), ['border']);
    const kg = await activeFocalPoint(t, await activeNationalAdmin(t, root, 'KG'), ['border']);
    recipient = sdkMessaging(t, await sdkAs(t, kg));
    await eventually(async () => recipient.socket.connected, 5_000, 'recipient connected');
  });
  after(async () => {
    recipient.messenger.stop();
    recipient.socket.close();
    await t.close();
  });

  it('sends a message with a file and sees it delivered; the recipient reads both', async () => {
    const lines: string[] = [];
    const recipientId = recipient.client.session.current()?.user.id ?? '';
    const { sent, delivered } = await sendMessageExample({
      baseUrl: t.url,
      username: sender.username,
      password: sender.password,
      to: [recipientId],
      text: 'Hello from the example',
      file: { name: 'note.txt', bytes: utf8Encode('attached text') },
      now: () => t.clock.now().getTime(),
      waitMs: 10_000,
      log: (line) => lines.push(line),
    });
    expect(delivered).to.equal(true);
    expect(sent.status).to.equal('accepted');
    expect(lines).to.include(`sent ${sent.msgId} as ${sent.id}: accepted`);
    const got = recipient.received.find((m) => m.id === sent.id);
    expect(got?.text).to.equal('Hello from the example');
    const ref = got?.attachments[0];
    if (!ref) throw new Error('no attachment');
    expect(Buffer.from(await recipient.messenger.downloadAttachment(ref)).toString('utf8')).to.equal('attached text');
  });
});
