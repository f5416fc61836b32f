import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { encryptAttachment } from '../../../shared/crypto/attachment-stream.js';
import type { JsonValue } from '../../../shared/crypto/canonical-json.js';
import type { Envelope } from '../../../shared/crypto/envelope-format.js';
import { sealEnvelope } from '../../../shared/crypto/envelope-seal.js';
import { receiptContent } from '../../../shared/crypto/receipt-format.js';
import type { ExchangeKind, Labels, StateCode } from '../../../shared/schemas/labels.js';
import type { BacklogPage } from '../../../shared/schemas/messaging.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { approversNamed, envelopeFor, LABELS, readAs } from '../../helpers/messaging.js';
import { policyBody, publishPolicy } from '../../helpers/policies.js';
import { sdkAs } from '../../helpers/sdk-as-person.js';
import { sdkMessaging } from '../../helpers/sdk-messaging.js';
import { eventually } from '../../helpers/server-process.js';
import { startNetwork } from '../../helpers/network.js';
import type { TestServer } from '../../helpers/test-server.js';
import { auditEntries, auditEntry } from '../../helpers/audit.js';

interface ReceiptOptions {
  labels?: Labels;
  kind?: ExchangeKind;
  content?: JsonValue;
  threadId?: string;
}

describe('read receipts across closed directions', function () {
  this.timeout(90_000);
  let t: TestServer;
  let kz: TestPerson;
  let cn: TestPerson;
  let ru: TestPerson;
  let kg: TestPerson;

  const post = (from: TestPerson, envelope: Envelope, attachmentIds: string[] = []) =>
    call<{ id?: string; status?: string; error?: { code: string; message: string; details?: unknown } }>(
      t.url,
      'POST',
      '/api/messages',
      { token: from.session?.accessToken, body: { envelope, attachmentIds } },
    );

  const sendMessage = async (
    from: TestPerson,
    to: TestPerson,
    text: string,
    labels: Labels = LABELS,
  ): Promise<Envelope> => {
    const envelope = await envelopeFor(t, from, [to], { text, attachments: [] }, { labels });
    const answer = await post(from, envelope);
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    return envelope;
  };

  /** A receipt from `from` to `to` naming `msgIds`, sealed as the SDK does (or bent by `options`). */
  const receipt = (
    from: TestPerson,
    to: TestPerson,
    msgIds: string[],
    options: ReceiptOptions = {},
  ): Promise<Envelope> => {
    const ts = t.clock.now().getTime();
    return sealEnvelope({
      ts,
      kind: options.kind ?? 'receipt',
      from: { userId: from.user.id, state: from.user.state as StateCode },
      labels: options.labels ?? LABELS,
      recipients: [
        { userId: to.user.id, state: to.user.state as StateCode, encryptionKey: to.keys.encryption.publicKey },
      ],
      receiptOf: msgIds,
      content: options.content ?? receiptContent({ receiptOf: msgIds, ts }),
      ...(options.threadId ? { threadId: options.threadId } : {}),
      senderIdentity: from.keys.identity,
      selfEncryptionKey: from.keys.encryption.publicKey,
    });
  };

  const expectRefused = async (
    from: TestPerson,
    envelope: Envelope,
    code = 'message.receipt-invalid',
    attachmentIds: string[] = [],
  ): Promise<void> => {
    const answer = await post(from, envelope, attachmentIds);
    expect(answer.status, JSON.stringify(answer.body)).to.equal(400);
    expect(answer.body.error?.code).to.equal(code);
    expect(
      await t.server.database.connection.collection('messages').countDocuments({ msgId: envelope.header.msgId }),
    ).to.equal(0);
  };

  before(async () => {
    const net = await startNetwork({
      states: {
        KZ: { focalPoints: { border: 1 } },
        CN: { focalPoints: { border: 1 } },
        RU: { focalPoints: { border: 1 } },
        KG: { focalPoints: { border: 1 } },
      },
    });
    ({ t } = net);
    const [cnAdmin, ruAdmin] = [net.admin('CN'), net.admin('RU')];
    [kz, cn, ru, kg] = [net.focalPoint('KZ'), net.focalPoint('CN'), net.focalPoint('RU'), net.focalPoint('KG')];
    // China sends nothing to Kazakhstan; Russia's exchanges towards Kazakhstan wait for approval.
    await publishPolicy(
      t,
      cnAdmin,
      policyBody('CN', 1, [{ id: 'cn-nothing-to-kz', direction: 'outbound', counterparts: ['KZ'], effect: 'deny' }]),
    );
    await publishPolicy(
      t,
      ruAdmin,
      policyBody('RU', 1, [
        { id: 'ru-to-kz-approved', direction: 'outbound', counterparts: ['KZ'], effect: 'approve' },
      ]),
    );
  });
  after(async () => t.close());

  it('a receipt crosses a direction the policy denies: stored, delivered, readable, and audited as exempt', async () => {
    const message = await sendMessage(kz, cn, 'Passport KZ0001234 reported stolen');
    // The reverse direction is closed for content.
    const reply = await post(cn, await envelopeFor(t, cn, [kz], { text: 'noted', attachments: [] }));
    expect(reply.body.error?.code).to.equal('policy.denied');

    const read = await receipt(cn, kz, [message.header.msgId]);
    const answer = await post(cn, read);
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    expect(answer.body.status).to.equal('accepted');

    const backlog = await call<BacklogPage>(t.url, 'GET', '/api/messages/backlog?limit=50', {
      token: kz.session?.accessToken,
    });
    const arrived = backlog.body.messages.find((m) => m.envelope.header.msgId === read.header.msgId);
    expect(arrived?.envelope.header.receiptOf).to.deep.equal([message.header.msgId]);
    expect(await readAs(kz, cn, arrived?.envelope ?? read)).to.deep.equal({
      read: [message.header.msgId],
      at: read.header.ts,
    });
    const exempt = await auditEntry(t, { type: 'policy.receipt-exempt', subjectId: answer.body.id });
    expect(exempt?.state).to.equal('CN');
    expect(exempt?.data.reports).to.have.length(1);
    expect(
      await auditEntries(t, { type: 'message.stored', subjectId: answer.body.id }).then((found) => found.length),
    ).to.equal(1);
    expect(
      await auditEntries(t, { type: 'policy.decision', subjectId: answer.body.id }).then((found) => found.length),
    ).to.equal(0);
  });

  it('a receipt is not held where the reverse direction needs approval', async () => {
    const message = await sendMessage(kz, ru, 'Route information requested');
    const answer = await post(ru, await receipt(ru, kz, [message.header.msgId]));
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    expect(answer.body.status).to.equal('accepted');
  });

  it('refuses a receipt for a message the sender never received, or a held one, or one it invents', async () => {
    const toSomeoneElse = await sendMessage(kz, kg, 'for Kyrgyzstan only');
    await expectRefused(cn, await receipt(cn, kz, [toSomeoneElse.header.msgId]));
    // Its own sent message is not one it received either.
    const own = await sendMessage(kg, kz, 'from kg');
    await expectRefused(kg, await receipt(kg, kz, [own.header.msgId]));
    await expectRefused(cn, await receipt(cn, kz, ['AAAAAAAAAAAAAAAAAAAAAA']));
    // Held for approval (RU → KZ), so not delivered to KZ: KZ cannot report it read.
    const unsealed = await envelopeFor(t, ru, [kz], { text: 'held', attachments: [] });
    const refusal = await post(ru, unsealed);
    expect(refusal.body.error?.code).to.equal('message.approvers-required');
    const held = await envelopeFor(
      t,
      ru,
      [kz],
      { text: 'held', attachments: [] },
      { msgId: unsealed.header.msgId, approvers: approversNamed(refusal.body.error ?? {}) },
    );
    expect((await post(ru, held)).body.status).to.equal('held');
    await expectRefused(kz, await receipt(kz, ru, [held.header.msgId]));
    // One good msgId does not carry a bad one.
    const good = await sendMessage(kz, cn, 'second');
    await expectRefused(cn, await receipt(cn, kz, [good.header.msgId, toSomeoneElse.header.msgId]));
  });

  it('refuses a receipt addressed to anyone but the sender of what it reports', async () => {
    const message = await sendMessage(kz, cn, 'third');
    await expectRefused(cn, await receipt(cn, ru, [message.header.msgId]));
  });

  it('refuses content: a content-bearing kind, a longer body, other labels, attachments; a receipt that names nothing stays under the policy', async () => {
    const message = await sendMessage(kz, cn, 'fourth');
    const msgIds = [message.header.msgId];
    // The header schema: only a receipt names messages read.
    const sealing = await receipt(cn, kz, msgIds, {
      kind: 'message',
      content: { text: 'smuggled', attachments: [] },
    }).then(
      () => 'sealed',
      (error: unknown) => String(error),
    );
    expect(sealing).to.contain('only a receipt names messages read');
    const forged = await receipt(cn, kz, msgIds);
    const asMessage = { ...forged, header: { ...forged.header, kind: 'message' } } as Envelope;
    expect((await post(cn, asMessage)).status).to.equal(400);
    // Text hidden in the encrypted payload makes the body longer than the header allows.
    const ts = t.clock.now().getTime();
    await expectRefused(
      cn,
      await receipt(cn, kz, msgIds, {
        content: { ...receiptContent({ receiptOf: msgIds, ts }), text: 'Suspect boarded flight 1234 at 10:05' },
      }),
    );
    await expectRefused(cn, await receipt(cn, kz, msgIds, { labels: { ...LABELS, category: 'personal-data' } }));
    await expectRefused(cn, await receipt(cn, kz, msgIds, { threadId: 'another-thread' }));
    // A file is content too.
    const encrypted = await encryptAttachment([new Uint8Array(randomBytes(2_000))]);
    const chunks: Uint8Array[] = [];
    for await (const chunk of encrypted.ciphertext) chunks.push(chunk);
    const uploaded = await fetch(`${t.url}/api/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${cn.session?.accessToken}`, 'content-type': 'application/octet-stream' },
      body: new Blob([new Uint8Array(Buffer.concat(chunks))]),
    });
    expect(uploaded.status).to.equal(201);
    const { id: attachmentId } = (await uploaded.json()) as { id: string };
    await expectRefused(cn, await receipt(cn, kz, msgIds), 'message.receipt-invalid', [attachmentId]);
    // A receipt without receiptOf is an ordinary exchange: the denial applies to it.
    const unnamed = await sealEnvelope({
      ts,
      kind: 'receipt',
      from: { userId: cn.user.id, state: 'CN' },
      labels: LABELS,
      recipients: [{ userId: kz.user.id, state: 'KZ', encryptionKey: kz.keys.encryption.publicKey }],
      content: { read: msgIds, at: ts },
      senderIdentity: cn.keys.identity,
      selfEncryptionKey: cn.keys.encryption.publicKey,
    });
    expect((await post(cn, unnamed)).body.error?.code).to.equal('policy.denied');
  });

  it('the SDK names what a receipt reports: the sender hears "read" although its reader\'s state sends it nothing', async () => {
    const alice = sdkMessaging(t, await sdkAs(t, kz));
    const bob = sdkMessaging(t, await sdkAs(t, cn));
    try {
      await eventually(async () => alice.socket.connected && bob.socket.connected, 5_000, 'both connected');
      const sent = await alice.messenger.send({ to: [cn.user.id], labels: LABELS, text: 'read me' });
      await eventually(async () => bob.received.some((m) => m.id === sent.id), 5_000, 'bob received it');
      await bob.messenger.markRead(bob.received.filter((m) => m.id === sent.id));
      await eventually(
        async () => alice.receipts.some((r) => r.by === cn.user.id && r.msgIds.includes(sent.msgId)),
        5_000,
        'alice got the receipt',
      );
      expect(alice.rejected).to.deep.equal([]);
      // Different content of the same length passes the relay (it cannot read it) but not the SDK.
      const ts = t.clock.now().getTime();
      const bent = await receipt(cn, kz, [sent.msgId], { content: { read: [sent.msgId], at: ts - 1_000_000 } });
      expect((await post(cn, bent)).status).to.equal(200);
      await eventually(
        async () => alice.rejected.some((r) => r.msgId === bent.header.msgId),
        5_000,
        'alice refused the bent receipt',
      );
      expect(alice.rejected.find((r) => r.msgId === bent.header.msgId)?.code).to.equal('crypto.header-mismatch');
    } finally {
      for (const box of [alice, bob]) {
        box.messenger.stop();
        box.socket.close();
      }
    }
  });
});
