import { expect } from 'chai';
import {
  checkEnvelopeKeys,
  verifyEnvelope,
  verifyEnvelopeSignature,
} from '../../../../shared/crypto/verify-envelope.js';
import { Envelope } from '../../../../shared/crypto/envelope-format.js';
import { openEnvelope } from '../../../../shared/crypto/envelope-open.js';
import { makeUser, openOptions, rejectionCode, resign, seal, type TestUser } from './fixtures.js';

describe('shared/crypto/verify-envelope (server-side checks)', () => {
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let envelope: Envelope;
  before(async () => {
    [alice, bob, carol] = await Promise.all([makeUser('alice', 'AT'), makeUser('bob', 'BE'), makeUser('carol', 'CY')]);
    envelope = await seal(alice, [bob, carol], { text: 'hi' });
  });

  it('accepts a well-formed envelope signed by the sender', async () => {
    expect(checkEnvelopeKeys(envelope)).to.deep.equal({ ok: true });
    expect(await verifyEnvelopeSignature(envelope, alice.keys.identity.publicKey)).to.equal(true);
    expect(await verifyEnvelope(envelope, alice.keys.identity.publicKey)).to.deep.equal({ ok: true });
  });

  it('rejects the signature against any other key, and never throws on odd keys', async () => {
    expect(await verifyEnvelopeSignature(envelope, bob.keys.identity.publicKey)).to.equal(false);
    expect(await verifyEnvelopeSignature(envelope, new Uint8Array(31))).to.equal(false);
    expect(await verifyEnvelopeSignature(envelope, new Uint8Array(32))).to.equal(false);
    expect(await verifyEnvelopeSignature({ ...envelope, sig: 'not base64' }, alice.keys.identity.publicKey)).to.equal(
      false,
    );
    expect(await verifyEnvelope(envelope, bob.keys.identity.publicKey)).to.include({
      ok: false,
      code: 'crypto.bad-signature',
    });
  });

  it('requires exactly one sealed key per recipient and one for the sender', async () => {
    const [bobKey, carolKey, aliceKey] = envelope.keys;
    const cases = {
      'missing recipient': [bobKey!, aliceKey!],
      'missing sender copy': [bobKey!, carolKey!],
      'duplicate recipient': [bobKey!, bobKey!, carolKey!, aliceKey!],
      stranger: [bobKey!, carolKey!, aliceKey!, { ...carolKey!, userId: 'mallory' }],
    };
    for (const [name, keys] of Object.entries(cases)) {
      const odd = { ...envelope, keys };
      expect(checkEnvelopeKeys(odd), name).to.include({ ok: false, code: 'crypto.malformed' });
      // Even signed by the sender, such an envelope is refused before any decryption.
      const signed = await resign(odd, alice);
      expect(await verifyEnvelope(signed, alice.keys.identity.publicKey), name).to.include({
        ok: false,
        code: 'crypto.malformed',
      });
      expect(await rejectionCode(openEnvelope(signed, openOptions(bob, alice))), name).to.equal('crypto.malformed');
    }
  });

  it('schema enforces sizes, unique recipients and no extra fields', () => {
    expect(Envelope.safeParse(envelope).success).to.equal(true);
    expect(Envelope.safeParse({ ...envelope, extra: 1 }).success).to.equal(false);
    expect(Envelope.safeParse({ ...envelope, body: 'A'.repeat(256 * 1024 + 4) }).success).to.equal(false);
    expect(Envelope.safeParse({ ...envelope, sig: envelope.sig.slice(1) }).success).to.equal(false);
    expect(
      Envelope.safeParse({
        ...envelope,
        header: { ...envelope.header, to: [...envelope.header.to, envelope.header.to[0]] },
      }).success,
    ).to.equal(false);
    expect(
      Envelope.safeParse({ ...envelope, header: { ...envelope.header, to: [envelope.header.from] } }).success,
    ).to.equal(false);
    expect(Envelope.safeParse({ ...envelope, header: { ...envelope.header, msgId: 'x' } }).success).to.equal(false);
    expect(
      Envelope.safeParse({
        ...envelope,
        header: { ...envelope.header, labels: { ...envelope.header.labels, handling: 'H9' } },
      }).success,
    ).to.equal(false);
  });
});
