import { expect } from 'chai';
import { Types } from 'mongoose';
import { sealEnvelope } from '../../../shared/crypto/envelope-seal.js';
import { toBase64Url } from '../../../shared/crypto/encoding.js';
import type { UserKeys } from '../../../shared/crypto/keys.js';
import type { UserView } from '../../../shared/schemas/accounts.js';
import type { EntryView } from '../../../shared/schemas/directory.js';
import type { StateCode } from '../../../shared/schemas/labels.js';
import { signIn, type TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { LABELS } from '../../helpers/messaging.js';
import { startNetwork } from '../../helpers/network.js';
import { sdkAs } from '../../helpers/sdk-as-person.js';
import { sdkMessaging, type SdkMessaging } from '../../helpers/sdk-messaging.js';
import { eventually } from '../../helpers/server-process.js';
import type { TestServer } from '../../helpers/test-server.js';
import { auditEntry } from '../../helpers/audit.js';

const MINUTE = 60_000;

/**
 * A focal point re-keys between two messages: the recipient's SDK verifies each with the key
 * that was current when it was signed, and refuses the old key on a message dated after the
 * re-key (a stolen old key must not forge new messages).
 */
describe('client SDK: key history (messages signed before a re-key still verify)', function () {
  this.timeout(120_000);
  let t: TestServer;
  let root: TestPerson;
  let kzAdmin: TestPerson;
  let kz: TestPerson;
  let kg: TestPerson;
  let alice: SdkMessaging;
  let bob: SdkMessaging;
  let oldKeys: UserKeys;
  let first: { id: string; msgId: string };
  let second: { id: string; msgId: string };
  let rotatedAt: number;

  before(async () => {
    const net = await startNetwork({
      states: { KZ: { focalPoints: { border: 1 } }, KG: { focalPoints: { border: 1 } } },
    });
    ({ t, root } = net);
    kzAdmin = net.admin('KZ');
    [kz, kg] = [net.focalPoint('KZ'), net.focalPoint('KG')];
    oldKeys = kz.keys;
    alice = sdkMessaging(t, await sdkAs(t, kz));
    bob = sdkMessaging(t, await sdkAs(t, kg));
    await eventually(async () => alice.socket.connected && bob.socket.connected, 5_000, 'both connected');

    // 1. A message signed with Alice's first key.
    first = await alice.messenger.send({ to: [kg.user.id], labels: LABELS, text: 'signed with key 1' });
    await eventually(async () => bob.received.some((m) => m.id === first.id), 5_000, 'bob received the first message');

    // 2. Alice re-keys, and her national admin verifies the new key.
    t.clock.advance(MINUTE);
    const { user: rotated, keys: rotatedKeys } = await alice.client.rotateKeys({ password: kz.password });
    rotatedAt = Date.parse(rotated.keys?.createdAt ?? ''); // the new key's start is the old key's end
    expect(rotated.keys?.keyVersion).to.equal(2);
    alice.messenger.stop();
    alice.socket.close();
    t.clock.advance(MINUTE);
    await signIn(t, kzAdmin);
    const activated = await call<UserView>(t.url, 'POST', `/api/users/${kz.user.id}/activate`, {
      token: kzAdmin.session?.accessToken,
      body: { keyVersion: 2, safetyNumberCompared: true },
    });
    expect(activated.status).to.equal(200);
    kz.keys = rotatedKeys;

    // 3. A message signed with her second key.
    t.clock.advance(MINUTE);
    alice = sdkMessaging(t, await sdkAs(t, kz));
    await eventually(async () => alice.socket.connected, 5_000, 'alice connected again');
    second = await alice.messenger.send({ to: [kg.user.id], labels: LABELS, text: 'signed with key 2' });
    await eventually(
      async () => bob.received.some((m) => m.id === second.id),
      5_000,
      'bob received the second message',
    );
  });
  after(async () => {
    for (const box of [alice, bob]) {
      box.messenger.stop();
      box.socket.close();
    }
    await t.close();
  });

  it('the directory entry keeps the replaced key as history: its period, its verification, public keys only, for readers of other states too', async () => {
    const entry = await bob.client.directory.entry(kz.user.id);
    expect(entry.keys?.keyVersion).to.equal(2);
    expect(entry.keys?.identityKey).to.equal(toBase64Url(kz.keys.identity.publicKey));
    const history = entry.keys?.history ?? [];
    expect(history).to.have.length(1);
    const [previous] = history;
    expect(previous).to.include({
      keyVersion: 1,
      identityKey: toBase64Url(oldKeys.identity.publicKey),
      encryptionKey: toBase64Url(oldKeys.encryption.publicKey),
      verified: true,
    });
    expect(Date.parse(previous?.validUntil ?? '')).to.equal(rotatedAt);
    expect(Date.parse(previous?.validFrom ?? '')).to.be.below(rotatedAt);
    expect(previous?.fingerprint).to.be.a('string').and.not.equal(entry.keys?.fingerprint);
    expect(Object.keys(previous ?? {}).sort()).to.deep.equal([
      'encryptionKey',
      'encryptionKeySig',
      'fingerprint',
      'identityKey',
      'keyVersion',
      'validFrom',
      'validUntil',
      'verified',
      'verifiedAt',
    ]);
    // The secretariat sees the same history as any other reader.
    await signIn(t, root);
    const asRoot = await call<EntryView>(t.url, 'GET', `/api/directory/entries/${kz.user.id}`, {
      token: root.session?.accessToken,
    });
    expect(asRoot.body.keys?.history).to.deep.equal(history);
    // Nothing but public data was stored with the history.
    const stored = await t.server.database.connection
      .collection('users')
      .findOne({ _id: new Types.ObjectId(kz.user.id) });
    expect(Object.keys((stored?.keyHistory as object[] | undefined)?.[0] ?? {}).sort()).to.deep.equal([
      'createdAt',
      'encryptionKey',
      'encryptionKeySig',
      'identityKey',
      'keyVersion',
      'replacedAt',
      'verifiedAt',
      'verifiedBy',
    ]);
  });

  it("the key rotation is audited with the replaced key's period and verification", async () => {
    const entry = await auditEntry(t, { type: 'user.keys-rotated', subjectId: kz.user.id });
    expect(entry?.data).to.include({
      keyVersion: 2,
      previousKeyVersion: 1,
      previousKeyVerified: true,
      previousKeyValidUntil: new Date(rotatedAt).toISOString(),
    });
  });

  it("the recipient's history verifies both messages; the older one is marked as signed with a previous key", async () => {
    const page = await bob.messenger.history({ with: kz.user.id, limit: 50 });
    expect(page.rejected).to.deep.equal([]);
    const older = page.messages.find((m) => m.id === first.id);
    const newer = page.messages.find((m) => m.id === second.id);
    expect(older?.text).to.equal('signed with key 1');
    expect(older?.signedWithPreviousKey).to.deep.equal({ keyVersion: 1 });
    expect(newer?.text).to.equal('signed with key 2');
    expect(newer).to.not.have.property('signedWithPreviousKey');
    // The first message arrived live with key 1 current, so it was not marked then.
    expect(bob.received.find((m) => m.id === first.id)).to.not.have.property('signedWithPreviousKey');
  });

  it('the key-change warning still fires for the re-keyed contact', () => {
    const change = bob.client.contactKeys.changes().find((c) => c.userId === kz.user.id);
    expect(change?.previous.keyVersion).to.equal(1);
    expect(change?.current.keyVersion).to.equal(2);
  });

  it('refuses a message dated after the re-key but signed with the old key (as a server holding a stolen old key could forge it)', async () => {
    bob.socket.disconnect();
    t.clock.advance(MINUTE);
    const genuine = await alice.messenger.send({ to: [kg.user.id], labels: LABELS, text: 'genuine, to be replaced' });
    const forged = await sealEnvelope({
      msgId: genuine.msgId,
      ts: t.clock.now().getTime(),
      kind: 'message',
      from: { userId: kz.user.id, state: 'KZ' },
      labels: LABELS,
      recipients: [
        { userId: kg.user.id, state: kg.user.state as StateCode, encryptionKey: kg.keys.encryption.publicKey },
      ],
      content: { text: 'forged with the old key', attachments: [] },
      senderIdentity: oldKeys.identity,
      selfEncryptionKey: oldKeys.encryption.publicKey,
    });
    await t.server.database.connection
      .collection('messages')
      .updateOne({ _id: new Types.ObjectId(genuine.id) }, { $set: { envelope: JSON.stringify(forged) } });

    bob.socket.connect();
    await eventually(
      async () => bob.rejected.some((r) => r.id === genuine.id),
      10_000,
      'bob refused the forged message',
    );
    const refused = bob.rejected.find((r) => r.id === genuine.id);
    expect(refused?.code).to.equal('crypto.bad-signature');
    expect(refused?.reason).to.match(/key version 1/);
    expect(bob.received.some((m) => m.id === genuine.id)).to.equal(false);
    const page = await bob.messenger.history({ with: kz.user.id, limit: 50 });
    expect(page.rejected.map((r) => r.id)).to.deep.equal([genuine.id]);
    expect(page.messages.map((m) => m.id)).to.include.members([first.id, second.id]);
  });
});
