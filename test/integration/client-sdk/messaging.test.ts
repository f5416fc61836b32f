import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { connectSocket, isApiError, type FetchLike } from '../../../client/sdk/index.js';
import { fromBase64Url, toBase64Url } from '../../../shared/crypto/encoding.js';
import { isCryptoError } from '../../../shared/crypto/errors.js';
import type { Envelope } from '../../../shared/crypto/envelope-format.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { LABELS } from '../../helpers/messaging.js';
import { startNetwork } from '../../helpers/network.js';
import { policyBody, publishPolicy } from '../../helpers/policies.js';
import { sdkAs } from '../../helpers/sdk-as-person.js';
import { sdkMessaging, type SdkMessaging } from '../../helpers/sdk-messaging.js';
import { eventually } from '../../helpers/server-process.js';
import type { TestServer } from '../../helpers/test-server.js';

describe('client SDK: end-to-end encrypted messaging', function () {
  this.timeout(90_000);
  let t: TestServer;
  let kz: TestPerson;
  let kg: TestPerson;
  let kzAdmin: TestPerson;
  let alice: SdkMessaging;
  let bob: SdkMessaging;

  before(async () => {
    const net = await startNetwork({
      states: { KZ: { focalPoints: { border: 1 } }, KG: { focalPoints: { border: 1 } } },
    });
    ({ t } = net);
    kzAdmin = net.admin('KZ');
    [kz, kg] = [net.focalPoint('KZ'), net.focalPoint('KG')];
    alice = sdkMessaging(t, await sdkAs(t, kz));
    bob = sdkMessaging(t, await sdkAs(t, kg));
    await eventually(async () => alice.socket.connected && bob.socket.connected, 5_000, 'both connected');
  });
  after(async () => {
    for (const box of [alice, bob]) {
      box.messenger.stop();
      box.socket.close();
    }
    await t.close();
  });

  it('exchanges a message with an attachment: the recipient decrypts both, the sender hears "delivered"', async () => {
    // 150 KiB: three secretstream chunks, the last one short.
    const file = new Uint8Array(randomBytes(150 * 1024));
    const sent = await alice.messenger.send({
      to: [kg.user.id],
      labels: LABELS,
      text: 'Passport KZ0001234 reported stolen',
      attachments: [{ name: 'scan.bin', bytes: file }],
    });
    expect(sent.status).to.equal('accepted');

    await eventually(async () => bob.received.some((m) => m.id === sent.id), 5_000, 'bob received it');
    const got = bob.received.find((m) => m.id === sent.id);
    expect(got).to.include({ text: 'Passport KZ0001234 reported stolen', outgoing: false, msgId: sent.msgId });
    expect(got?.from).to.deep.equal({ userId: kz.user.id, state: 'KZ' });
    expect(got?.attachments).to.have.length(1);
    const ref = got?.attachments[0];
    if (!ref) throw new Error('no attachment');
    expect(ref).to.include({ name: 'scan.bin', size: file.length });
    expect(Buffer.from(await bob.messenger.downloadAttachment(ref)).equals(Buffer.from(file))).to.equal(true);
    await eventually(
      async () => alice.statuses.some((s) => s.id === sent.id && s.status === 'delivered' && s.userId === kg.user.id),
      5_000,
      'alice told delivered',
    );
  });

  it('a read receipt (a signed envelope of kind receipt) reaches the sender', async () => {
    t.clock.advance(1_000);
    const sent = await alice.messenger.send({ to: [kg.user.id], labels: LABELS, text: 'Please confirm' });
    await eventually(async () => bob.received.some((m) => m.id === sent.id), 5_000, 'bob received it');
    await bob.messenger.markRead(bob.received.filter((m) => m.id === sent.id));
    await eventually(
      async () => alice.receipts.some((r) => r.by === kg.user.id && r.msgIds.includes(sent.msgId)),
      5_000,
      'alice got the receipt',
    );
    // The receipt is not shown to Alice as a message.
    expect(alice.received.filter((m) => m.kind === 'receipt')).to.deep.equal([]);
  });

  it('an offline recipient gets its backlog on reconnecting, in order, each message exactly once', async () => {
    bob.socket.disconnect();
    const before = bob.received.length;
    const sent: string[] = [];
    for (let i = 0; i < 7; i++) {
      t.clock.advance(1_000);
      sent.push((await alice.messenger.send({ to: [kg.user.id], labels: LABELS, text: `backlog ${i}` })).id);
    }
    bob.socket.connect();
    await eventually(async () => bob.received.length >= before + 7, 10_000, 'backlog drained');
    // A second drain and a second reconnection must not show anything again.
    await bob.messenger.drain();
    bob.socket.disconnect();
    bob.socket.connect();
    await eventually(async () => bob.socket.connected, 5_000, 'reconnected');
    await bob.messenger.drain();
    const fresh = bob.received.slice(before);
    expect(fresh.map((m) => m.id)).to.deep.equal(sent);
    expect(fresh.map((m) => m.text)).to.deep.equal(sent.map((_, i) => `backlog ${i}`));
  });

  it('a retry carries the same msgId and returns the first server id', async () => {
    t.clock.advance(1_000);
    const attempts: string[] = [];
    const lostAnswers: unknown[] = [];
    const emit = alice.socket.emitWithAck.bind(alice.socket) as (event: string, input: unknown) => Promise<unknown>;
    // The first acknowledgement is lost on the way back (as after a network cut): the SDK must resend.
    const losingFirstAnswer = async (event: string, input: unknown): Promise<unknown> => {
      if (event !== 'message:send') return emit(event, input);
      attempts.push((input as { envelope: { header: { msgId: string } } }).envelope.header.msgId);
      const answer = await emit(event, input);
      if (lostAnswers.length > 0) return answer;
      lostAnswers.push(answer);
      throw new Error('operation has timed out');
    };
    const timeoutOriginal = alice.socket.timeout.bind(alice.socket);
    alice.socket.timeout = ((ms: number) =>
      Object.assign(Object.create(timeoutOriginal(ms)) as object, {
        emitWithAck: losingFirstAnswer,
      })) as typeof alice.socket.timeout;
    try {
      const sent = await alice.messenger.send({ to: [kg.user.id], labels: LABELS, text: 'retried' });
      expect(attempts).to.have.length(2);
      expect(attempts[0]).to.equal(attempts[1]);
      expect(attempts[0]).to.equal(sent.msgId);
      expect(lostAnswers[0]).to.deep.equal({ ok: true, data: { id: sent.id, status: 'accepted' } });
      await eventually(async () => bob.received.some((m) => m.id === sent.id), 5_000, 'bob received it');
      expect(bob.received.filter((m) => m.msgId === sent.msgId)).to.have.length(1);
    } finally {
      alice.socket.timeout = timeoutOriginal;
    }
  });

  it("history pages back through both sides of the conversation, decrypted here (the sender's own copies too)", async () => {
    const first = await alice.messenger.history({ with: kg.user.id, limit: 4 });
    expect(first.messages).to.have.length(4);
    expect(first.messages.every((m) => m.outgoing)).to.equal(true);
    expect(first.messages[0]?.text).to.equal('retried');
    expect(first.before).to.be.a('string');
    const second = await alice.messenger.history({
      with: kg.user.id,
      limit: 4,
      ...(first.before ? { before: first.before } : {}),
    });
    expect(second.messages.map((m) => m.text)).to.deep.equal(['backlog 3', 'backlog 2', 'backlog 1', 'backlog 0']);
    const bobSide = await bob.messenger.history({ with: kz.user.id, limit: 100 });
    expect(bobSide.messages.filter((m) => !m.outgoing).map((m) => m.text)).to.include.members([
      'Passport KZ0001234 reported stolen',
      'Please confirm',
      'backlog 0',
    ]);
    // Bob's own receipt shows up as a receipt in his history, not as a message.
    expect(bobSide.receipts.some((r) => r.by === kg.user.id)).to.equal(true);
    expect(bobSide.rejected).to.deep.equal([]);
  });

  it('rejects an envelope whose ciphertext was altered on the server, acks it, and still delivers the next one', async () => {
    bob.socket.disconnect();
    t.clock.advance(1_000);
    const bad = await alice.messenger.send({ to: [kg.user.id], labels: LABELS, text: 'to be tampered with' });
    t.clock.advance(1_000);
    const good = await alice.messenger.send({ to: [kg.user.id], labels: LABELS, text: 'after the tampered one' });
    const messages = t.server.database.connection.collection('messages');
    const stored = await messages.findOne({ _id: new Types.ObjectId(bad.id) });
    const envelope = JSON.parse(String(stored?.envelope)) as Envelope;
    const body = fromBase64Url(envelope.body);
    body[body.length - 1] = (body[body.length - 1] ?? 0) ^ 1;
    await messages.updateOne(
      { _id: new Types.ObjectId(bad.id) },
      { $set: { envelope: JSON.stringify({ ...envelope, body: toBase64Url(body) }) } },
    );

    bob.socket.connect();
    await eventually(async () => bob.received.some((m) => m.id === good.id), 10_000, 'the good one arrived');
    expect(bob.received.some((m) => m.id === bad.id)).to.equal(false);
    expect(bob.rejected.find((r) => r.id === bad.id)).to.include({ code: 'crypto.bad-signature', from: kz.user.id });
    await bob.messenger.drain();
    expect(bob.rejected.filter((r) => r.id === bad.id)).to.have.length(1);
  });

  it('refuses an attachment stream cut before its final chunk', async () => {
    t.clock.advance(1_000);
    const file = new Uint8Array(randomBytes(100 * 1024));
    const sent = await alice.messenger.send({
      to: [kg.user.id],
      labels: LABELS,
      text: 'cut',
      attachments: [{ name: 'cut.bin', bytes: file }],
    });
    await eventually(async () => bob.received.some((m) => m.id === sent.id), 5_000, 'bob received it');
    const ref = bob.received.find((m) => m.id === sent.id)?.attachments[0];
    if (!ref) throw new Error('no attachment');
    // A server (or proxy) that hands out only the first 64 KiB frame (65 553 bytes) of the ciphertext.
    const truncating: FetchLike = async (input, init) => {
      const response = await fetch(input, init);
      if (!input.includes('/api/attachments/')) return response;
      return new Response(new Uint8Array(await response.arrayBuffer()).slice(0, 65_553), { status: 200 });
    };
    const bobAgain = await sdkAs(t, kg, { fetch: truncating });
    const socket = connectSocket(bobAgain, { socketOptions: { transports: ['websocket'], autoConnect: false } });
    try {
      const messenger = bobAgain.messenger(socket);
      let error: unknown;
      try {
        await messenger.downloadAttachment(ref);
      } catch (caught) {
        error = caught;
      }
      expect(isCryptoError(error, 'crypto.truncated-stream')).to.equal(true);
      // The intact stream still opens for the same person.
      expect(Buffer.from(await bob.messenger.downloadAttachment(ref)).equals(Buffer.from(file))).to.equal(true);
    } finally {
      socket.close();
    }
  });

  it('flags a contact whose key changed since last seen, until accepted', async () => {
    const keyring = alice.client.contactKeys;
    const seen = await keyring.resolve(kg.user.id, { fresh: true });
    expect(keyring.changes()).to.deep.equal([]);
    const changes: string[] = [];
    alice.messenger.on('key-changed', (change) => changes.push(change.userId));
    // As if the directory now served a re-keyed account: a different fingerprint and version.
    const directory = t.server.database.connection.collection('users');
    const user = await directory.findOne({ _id: new Types.ObjectId(kg.user.id) });
    expect(user).to.not.equal(null);
    await directory.updateOne(
      { _id: new Types.ObjectId(kg.user.id) },
      { $set: { 'keys.keyVersion': seen.keyVersion + 1 } },
    );
    t.server.messaging.index.invalidate();
    await eventually(
      async () => (await keyring.resolve(kg.user.id, { fresh: true })).keyVersion === seen.keyVersion + 1,
      5_000,
      'directory serves the new version',
    );
    expect(keyring.changes().map((c) => c.userId)).to.deep.equal([kg.user.id]);
    expect(changes).to.deep.equal([kg.user.id]);
    keyring.accept(kg.user.id);
    expect(keyring.changes()).to.deep.equal([]);
    await directory.updateOne(
      { _id: new Types.ObjectId(kg.user.id) },
      { $set: { 'keys.keyVersion': seen.keyVersion } },
    );
    t.server.messaging.index.invalidate();
  });

  it("a send the policy cannot accept fails with the server's code, not a retry loop", async () => {
    try {
      await alice.messenger.send({
        to: [kg.user.id],
        labels: { ...LABELS, domain: 'non-proliferation' },
        text: 'wrong domain',
      });
      expect.fail('should have been refused');
    } catch (error) {
      expect(isApiError(error, 'message.recipient-invalid')).to.equal(true);
    }
  });

  it('under a disclosure policy: a denied send fails with its legal basis; a held one answers "held" and arrives once approved', async () => {
    await publishPolicy(
      t,
      kzAdmin,
      policyBody('KZ', 1, [
        {
          id: 'no-personal-data-to-kg',
          direction: 'outbound',
          categories: ['personal-data'],
          counterparts: ['KG'],
          effect: 'deny',
          legalBasis: { en: 'Law on Personal Data, art. 16' },
        },
        {
          id: 'confidential-needs-approval',
          direction: 'outbound',
          classifications: ['confidential'],
          effect: 'approve',
          legalBasis: { en: 'Law on State Secrets, art. 5' },
        },
      ]),
    );
    t.clock.advance(1_000);
    try {
      await alice.messenger.send({
        to: [kg.user.id],
        labels: { ...LABELS, category: 'personal-data' },
        text: 'A. B., born 1980',
      });
      expect.fail('should have been denied');
    } catch (error) {
      expect(isApiError(error, 'policy.denied')).to.equal(true);
      expect((error as Error).message).to.contain('Law on Personal Data, art. 16');
    }

    const held = await alice.messenger.send({
      to: [kg.user.id],
      labels: { ...LABELS, classification: 'confidential' },
      text: 'held until approved',
    });
    expect(held.status).to.equal('held');
    expect(held.approvalId).to.be.a('string');
    await bob.messenger.drain();
    expect(bob.received.some((m) => m.id === held.id)).to.equal(false);

    // The SDK asked who approves and sealed to them: the admin reads what they release.
    const admin = await sdkAs(t, kzAdmin);
    const read = await admin.approvals.readHeld(held.approvalId ?? '');
    expect(read.text).to.equal('held until approved');
    expect(read.header.approvers).to.deep.equal([{ userId: kzAdmin.user.id, state: 'KZ' }]);
    await admin.signOut();

    const approved = await call(t.url, 'POST', `/api/approvals/${held.approvalId ?? ''}/approve`, {
      token: kzAdmin.session?.accessToken,
      body: {},
    });
    expect(approved.status).to.equal(200);
    await eventually(async () => bob.received.some((m) => m.id === held.id), 5_000, 'released to bob');
    await eventually(
      async () => alice.statuses.some((s) => s.id === held.id && s.status === 'released'),
      5_000,
      'alice told released',
    );
  });

  it('a message whose sender key cannot be fetched (network down) is not acknowledged, and is shown once when it can', async () => {
    bob.socket.disconnect(); // the queue is per person: only the flaky device may take this message
    let directoryDown = true;
    const flaky: FetchLike = async (input, init) => {
      if (directoryDown && input.includes('/api/directory/entries/')) throw new TypeError('network down');
      return fetch(input, init);
    };
    const device = sdkMessaging(t, await sdkAs(t, kg, { fetch: flaky }));
    const errors: Error[] = [];
    device.messenger.on('error', (error) => errors.push(error));
    try {
      await eventually(async () => device.socket.connected, 5_000, 'device connected');
      t.clock.advance(1_000);
      const sent = await alice.messenger.send({
        to: [kg.user.id],
        labels: LABELS,
        text: 'while the directory is unreachable',
      });
      await eventually(async () => errors.length > 0, 5_000, 'opening failed');
      expect(device.received).to.deep.equal([]);
      directoryDown = false;
      await device.messenger.drain();
      expect(device.received.map((m) => m.id)).to.deep.equal([sent.id]);
      await device.messenger.drain();
      expect(device.received).to.have.length(1);
    } finally {
      device.messenger.stop();
      device.socket.close();
      bob.socket.connect();
    }
  });
});
