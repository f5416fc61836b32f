import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { decryptAttachment, encryptAttachment } from '../../../shared/crypto/attachment-stream.js';
import type { AttachmentSecret } from '../../../shared/crypto/attachment-format.js';
import type { BacklogPage, SendMessageResult } from '../../../shared/schemas/messaging.js';
import { sweepMessages } from '../../../server/modules/messaging/sweep-messages.js';
import { call } from '../../helpers/api.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { envelopeFor, LABELS, readAs } from '../../helpers/messaging.js';
import { policyBody, publishPolicy } from '../../helpers/policies.js';
import { startNetwork } from '../../helpers/network.js';
import type { TestServer } from '../../helpers/test-server.js';

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of source) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

describe('encrypted attachments', function () {
  this.timeout(90_000);
  let t: TestServer;
  let kz: TestPerson;
  let ru: TestPerson;
  let ru2: TestPerson;
  let kzAdmin: TestPerson;

  before(async () => {
    const net = await startNetwork({
      env: { ATTACHMENT_MAX_MB: '2' },
      states: { KZ: { focalPoints: { border: 1 } }, RU: { focalPoints: { border: 2 } } },
    });
    ({ t } = net);
    kzAdmin = net.admin('KZ');
    [kz, ru, ru2] = [net.focalPoint('KZ'), net.focalPoint('RU'), net.focalPoint('RU', 1)];
  });
  after(async () => t.close());

  const upload = (who: TestPerson, body: Buffer) =>
    fetch(`${t.url}/api/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${who.session?.accessToken}`, 'content-type': 'application/octet-stream' },
      body: new Blob([new Uint8Array(body)]),
    });

  async function sendWithFile(file: Buffer, labels = LABELS): Promise<{ id: string; attachmentId: string }> {
    const encrypted = await encryptAttachment([new Uint8Array(file)]);
    const ciphertext = await collect(encrypted.ciphertext);
    const uploaded = await upload(kz, ciphertext);
    expect(uploaded.status).to.equal(201);
    const { id: attachmentId } = (await uploaded.json()) as { id: string };
    const secret: AttachmentSecret = { fileKey: encrypted.fileKey, header: encrypted.header };
    const envelope = await envelopeFor(
      t,
      kz,
      [ru],
      { text: 'scan attached', attachments: [{ id: attachmentId, name: 'passport.pdf', ...secret }] },
      { labels },
    );
    const sent = await call<SendMessageResult>(t.url, 'POST', '/api/messages', {
      token: kz.session?.accessToken,
      body: { envelope, attachmentIds: [attachmentId] },
    });
    expect(sent.status, JSON.stringify(sent.body)).to.equal(200);
    return { id: sent.body.id, attachmentId };
  }

  it('a multi-chunk file travels as ciphertext: the recipient downloads and decrypts it; others cannot fetch it', async () => {
    const file = randomBytes(700 * 1024);
    const { attachmentId } = await sendWithFile(file);

    const page = await call<BacklogPage>(t.url, 'GET', '/api/messages/backlog', { token: ru.session?.accessToken });
    const message = page.body.messages.find((m) => m.attachmentIds.includes(attachmentId));
    if (!message) throw new Error('message with attachment not delivered');
    const payload = (await readAs(ru, kz, message.envelope)) as {
      attachments: Array<AttachmentSecret & { id: string }>;
    };
    const secret = payload.attachments[0];
    if (!secret) throw new Error('no attachment in payload');

    const download = await fetch(`${t.url}/api/attachments/${attachmentId}`, {
      headers: { authorization: `Bearer ${ru.session?.accessToken}` },
    });
    expect(download.status).to.equal(200);
    const ciphertext = Buffer.from(await download.arrayBuffer());
    expect(ciphertext.includes(file.subarray(0, 64))).to.equal(false);
    expect(
      (
        await collect(
          decryptAttachment([new Uint8Array(ciphertext)], { fileKey: secret.fileKey, header: secret.header }),
        )
      ).equals(file),
    ).to.equal(true);

    const stranger = await fetch(`${t.url}/api/attachments/${attachmentId}`, {
      headers: { authorization: `Bearer ${ru2.session?.accessToken}` },
    });
    expect(stranger.status).to.equal(404);
  });

  it('tells a client the limits, so it can refuse a file before encrypting it', async () => {
    const limits = await call<{ maxBytes: number; maxPerMessage: number }>(t.url, 'GET', '/api/attachments/limits', {
      token: kz.session?.accessToken,
    });
    expect(limits.status).to.equal(200);
    expect(limits.body).to.deep.equal({ maxBytes: 2 * 2 ** 20, maxPerMessage: 20 });
    expect((await call(t.url, 'GET', '/api/attachments/limits')).status).to.equal(401);
  });

  it('refuses uploads over the limit (413) and keeps nothing of them', async () => {
    const chunks = t.server.database.connection.collection('attachment_chunks');
    const before = await chunks.countDocuments();
    const response = await upload(kz, randomBytes(3 * 1024 * 1024));
    expect(response.status).to.equal(413);
    expect(await chunks.countDocuments()).to.equal(before);
  });

  it('an attachment cannot be sent twice or by someone else', async () => {
    const { attachmentId } = await sendWithFile(randomBytes(1000));
    const envelope = await envelopeFor(t, kz, [ru], { again: true });
    const again = await call(t.url, 'POST', '/api/messages', {
      token: kz.session?.accessToken,
      body: { envelope, attachmentIds: [attachmentId] },
    });
    expect(again.status).to.equal(400);
  });

  it('a retention limit from the policy deletes the message and its attachment when it runs out', async () => {
    await publishPolicy(
      t,
      kzAdmin,
      policyBody('KZ', 1, [
        {
          id: 'short-retention',
          direction: 'outbound',
          categories: ['financial'],
          effect: 'conditions',
          conditions: { retentionDays: 2 },
        },
      ]),
    );
    const { id, attachmentId } = await sendWithFile(randomBytes(2000), { ...LABELS, category: 'financial' });
    t.clock.advance(3 * 86_400_000);
    const swept = await sweepMessages(t.server.messaging);
    expect(swept.messages).to.be.at.least(1);
    const db = t.server.database.connection;
    expect(await db.collection('messages').countDocuments({ _id: new Types.ObjectId(id) })).to.equal(0);
    expect(
      await db.collection('attachment_chunks').countDocuments({ attachmentId: new Types.ObjectId(attachmentId) }),
    ).to.equal(0);
  });
});
