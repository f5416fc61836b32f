import { expect } from 'chai';
import { openEnvelope } from '../../../../shared/crypto/envelope-open.js';
import { Envelope, MAX_BODY_CHARS } from '../../../../shared/crypto/envelope-format.js';
import { fromBase64Url } from '../../../../shared/crypto/encoding.js';
import { makeUser, makeUsers, openOptions, rejectionCode, seal, TS, type TestUser } from './fixtures.js';

const CONTENT = {
  subject: 'Document check',
  text: 'Passport XK1234567 — please confirm validity.',
  refs: [1, 2, 3],
  nested: { ok: true, none: null },
};

describe('shared/crypto/envelope seal/open round trip', () => {
  let alice: TestUser;
  let bob: TestUser;
  let outsider: TestUser;
  before(async () => {
    [alice, bob, outsider] = await Promise.all([
      makeUser('alice', 'AT'),
      makeUser('bob', 'BE'),
      makeUser('mallory', 'MT'),
    ]);
  });

  it('opens for one recipient and for the sender’s own copy', async () => {
    const envelope = await seal(alice, [bob], CONTENT);
    const forBob = await openEnvelope(envelope, openOptions(bob, alice));
    expect(forBob.content).to.deep.equal(CONTENT);
    expect(forBob.header).to.deep.equal(envelope.header);
    const forAlice = await openEnvelope(envelope, openOptions(alice, alice));
    expect(forAlice.content).to.deep.equal(CONTENT);
  });

  it('opens for each of 28 recipients and the sender', async function () {
    this.timeout(20_000);
    const recipients = await makeUsers(28);
    const envelope = await seal(alice, recipients, CONTENT);
    expect(envelope.keys).to.have.length(29);
    for (const me of [...recipients, alice]) {
      expect((await openEnvelope(envelope, openOptions(me, alice))).content, me.userId).to.deep.equal(CONTENT);
    }
  });

  it('builds a header of the documented shape that survives a JSON round trip', async () => {
    const envelope = await seal(alice, [bob], CONTENT, {
      kind: 'request:document-check',
      threadId: 'thread-7',
      requestRef: 'req-42',
      request: { urgency: 'urgent' },
    });
    expect(envelope.header).to.deep.include({
      v: 1,
      ts: TS,
      kind: 'request:document-check',
      threadId: 'thread-7',
      requestRef: 'req-42',
      request: { urgency: 'urgent' },
    });
    expect(envelope.header.msgId).to.match(/^[A-Za-z0-9_-]{22}$/);
    expect(envelope.header.to).to.deep.equal([{ userId: 'bob', state: 'BE' }]);
    const wire: unknown = JSON.parse(JSON.stringify(envelope));
    const parsed = Envelope.parse(wire);
    expect((await openEnvelope(parsed, openOptions(bob, alice))).content).to.deep.equal(CONTENT);
  });

  it('keeps a caller-supplied msgId (retries) and draws a fresh one otherwise', async () => {
    const msgId = 'AAAAAAAAAAAAAAAAAAAAAA';
    expect((await seal(alice, [bob], CONTENT, { msgId })).header.msgId).to.equal(msgId);
    const [a, b] = await Promise.all([seal(alice, [bob], CONTENT), seal(alice, [bob], CONTENT)]);
    expect(a.header.msgId).not.to.equal(b.header.msgId);
  });

  it('pads the payload, so bodies only reveal a length bucket', async () => {
    const bodies = await Promise.all(['a', 'hi', 'hello', 'hello world'].map((text) => seal(alice, [bob], text)));
    for (const envelope of bodies) expect(envelope.body.length).to.equal(bodies[0]!.body.length);
    expect(fromBase64Url(bodies[0]!.body).length - 24 - 16).to.be.at.least(256);
  });

  it('refuses content that would exceed the body limit', async () => {
    expect(await rejectionCode(seal(alice, [bob], 'x'.repeat((MAX_BODY_CHARS * 3) / 4)))).to.equal('crypto.too-large');
  });

  it('refuses invalid header input with a typed error', async () => {
    const [u1, u2] = await makeUsers(2);
    expect(await rejectionCode(seal(alice, [bob, bob], CONTENT))).to.equal('crypto.malformed');
    expect(await rejectionCode(seal(alice, [alice], CONTENT))).to.equal('crypto.malformed');
    expect(await rejectionCode(seal(alice, [], CONTENT))).to.equal('crypto.malformed');
    expect(await rejectionCode(seal(alice, [u1!, u2!], CONTENT, { msgId: 'short' }))).to.equal('crypto.malformed');
    expect(await rejectionCode(seal(alice, [bob], CONTENT, { ts: 1.5 }))).to.equal('crypto.malformed');
    expect(await rejectionCode(seal(alice, [bob], { bad: Number.NaN }))).to.equal('crypto.malformed');
    const tooMany = await makeUsers(65);
    expect(await rejectionCode(seal(alice, tooMany, CONTENT))).to.equal('crypto.malformed');
  });

  it('refuses recipient keys that are not usable X25519 keys', async () => {
    const input = { recipients: [{ userId: 'bob', state: 'BE', encryptionKey: new Uint8Array(31) }] };
    expect(await rejectionCode(seal(alice, [bob], CONTENT, input))).to.equal('crypto.malformed');
    const lowOrder = { recipients: [{ userId: 'bob', state: 'BE', encryptionKey: new Uint8Array(32) }] };
    expect(await rejectionCode(seal(alice, [bob], CONTENT, lowOrder))).to.equal('crypto.malformed');
  });

  it('tells a user without a sealed key that they are not a recipient', async () => {
    const envelope = await seal(alice, [bob], CONTENT);
    expect(await rejectionCode(openEnvelope(envelope, openOptions(outsider, alice)))).to.equal(
      'crypto.not-a-recipient',
    );
  });

  it('fails to decrypt for a listed recipient using the wrong key pair', async () => {
    const envelope = await seal(alice, [bob], CONTENT);
    const options = { ...openOptions(bob, alice), myEncryptionKeyPair: outsider.keys.encryption };
    expect(await rejectionCode(openEnvelope(envelope, options))).to.equal('crypto.decrypt-failed');
  });

  it('rejects a signature checked against another identity key', async () => {
    const envelope = await seal(alice, [bob], CONTENT);
    expect(await rejectionCode(openEnvelope(envelope, openOptions(bob, outsider)))).to.equal('crypto.bad-signature');
  });
});
