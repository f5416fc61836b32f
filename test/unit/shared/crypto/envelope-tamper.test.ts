import { expect } from 'chai';
import { openEnvelope } from '../../../../shared/crypto/envelope-open.js';
import { verifyEnvelopeSignature } from '../../../../shared/crypto/verify-envelope.js';
import { fromBase64Url } from '../../../../shared/crypto/encoding.js';
import type { Envelope, EnvelopeHeader } from '../../../../shared/crypto/envelope-format.js';
import { flipByte, makeUser, openOptions, rejectionCode, resign, seal, type TestUser } from './fixtures.js';

/** One change per header field (and sub-field) that still passes the schema. */
const HEADER_MUTATIONS: [string, (h: EnvelopeHeader) => EnvelopeHeader][] = [
  ['msgId', (h) => ({ ...h, msgId: flipByte(h.msgId, 3) })],
  ['ts', (h) => ({ ...h, ts: h.ts + 1 })],
  ['kind', (h) => ({ ...h, kind: 'receipt' })],
  ['threadId (changed)', (h) => ({ ...h, threadId: 'thread-8' })],
  ['threadId (removed)', ({ threadId: _t, ...h }) => h],
  ['requestRef (changed)', (h) => ({ ...h, requestRef: 'req-43' })],
  ['requestRef (removed)', ({ requestRef: _r, ...h }) => h],
  ['from.state', (h) => ({ ...h, from: { ...h.from, state: 'DE' } })],
  ['to[0].state', (h) => ({ ...h, to: [{ ...h.to[0]!, state: 'DE' }, ...h.to.slice(1)] })],
  ['to order', (h) => ({ ...h, to: [...h.to].reverse() })],
  ['labels.domain', (h) => ({ ...h, labels: { ...h.labels, domain: 'law-enforcement' } })],
  ['labels.category', (h) => ({ ...h, labels: { ...h.labels, category: 'general' } })],
  ['labels.classification', (h) => ({ ...h, labels: { ...h.labels, classification: 'public' } })],
  ['labels.handling', (h) => ({ ...h, labels: { ...h.labels, handling: 'H0' } })],
  ['labels.evaluation (changed)', (h) => ({ ...h, labels: { ...h.labels, evaluation: 'A1' } })],
  [
    'labels.evaluation (removed)',
    (h) => ({
      ...h,
      labels: {
        domain: h.labels.domain,
        category: h.labels.category,
        classification: h.labels.classification,
        handling: h.labels.handling,
      },
    }),
  ],
];

describe('shared/crypto/envelope tampering', () => {
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let envelope: Envelope;
  let other: Envelope;
  before(async () => {
    [alice, bob, carol] = await Promise.all([makeUser('alice', 'AT'), makeUser('bob', 'BE'), makeUser('carol', 'CY')]);
    // A message to two (a request goes to one focal point; its header fields are covered in shared/requests tests).
    const fields = { kind: 'message', threadId: 'thread-7', requestRef: 'req-42' } as const;
    envelope = await seal(alice, [bob, carol], { text: 'original' }, fields);
    other = await seal(alice, [bob, carol], { text: 'another message' }, fields);
  });

  async function expectRejected(tampered: Envelope, code: string, label: string): Promise<void> {
    expect(await rejectionCode(openEnvelope(tampered, openOptions(bob, alice))), label).to.equal(code);
  }

  it('detects one flipped bit in any byte of the body', async () => {
    const length = fromBase64Url(envelope.body).length;
    for (let i = 0; i < length; i++) {
      const tampered = { ...envelope, body: flipByte(envelope.body, i) };
      expect(await verifyEnvelopeSignature(tampered, alice.keys.identity.publicKey), `body[${i}]`).to.equal(false);
      await expectRejected(tampered, 'crypto.bad-signature', `body[${i}]`);
    }
  });

  it('detects one flipped bit in any byte of each sealed key', async () => {
    for (const [k, key] of envelope.keys.entries()) {
      for (let i = 0; i < 112; i++) {
        const keys = envelope.keys.map((entry, j) => (j === k ? { ...entry, sealed: flipByte(key.sealed, i) } : entry));
        await expectRejected({ ...envelope, keys }, 'crypto.bad-signature', `keys[${k}][${i}]`);
      }
    }
  });

  it('detects one flipped bit in any byte of the signature', async () => {
    for (let i = 0; i < 64; i++)
      await expectRejected({ ...envelope, sig: flipByte(envelope.sig, i) }, 'crypto.bad-signature', `sig[${i}]`);
  });

  it('detects a change to each header field', async () => {
    for (const [field, mutate] of HEADER_MUTATIONS) {
      const tampered = { ...envelope, header: mutate(envelope.header) };
      expect(await verifyEnvelopeSignature(tampered, alice.keys.identity.publicKey), field).to.equal(false);
      await expectRejected(tampered, 'crypto.bad-signature', field);
    }
  });

  it('detects reordered or swapped sealed-key entries', async () => {
    await expectRejected({ ...envelope, keys: [...envelope.keys].reverse() }, 'crypto.bad-signature', 'reversed');
    const swapped = envelope.keys.map((entry, j) =>
      j === 0
        ? { ...entry, sealed: envelope.keys[1]!.sealed }
        : j === 1
          ? { ...entry, sealed: envelope.keys[0]!.sealed }
          : entry,
    );
    await expectRejected({ ...envelope, keys: swapped }, 'crypto.bad-signature', 'swapped');
  });

  describe('under a valid signature (a malicious sender, or a forged signature)', () => {
    it('a changed header field no longer matches the hash sealed with the content key', async () => {
      for (const [field, mutate] of HEADER_MUTATIONS) {
        await expectRejected(
          await resign({ ...envelope, header: mutate(envelope.header) }, alice),
          'crypto.header-mismatch',
          field,
        );
      }
    });

    it('a flipped body byte fails authenticated decryption', async () => {
      for (const i of [0, 23, 24, 100, fromBase64Url(envelope.body).length - 1]) {
        await expectRejected(
          await resign({ ...envelope, body: flipByte(envelope.body, i) }, alice),
          'crypto.decrypt-failed',
          `body[${i}]`,
        );
      }
    });

    it('a flipped sealed-key byte fails to unseal', async () => {
      const keys = envelope.keys.map((entry) =>
        entry.userId === 'bob' ? { ...entry, sealed: flipByte(entry.sealed, 60) } : entry,
      );
      await expectRejected(await resign({ ...envelope, keys }, alice), 'crypto.decrypt-failed', 'sealed');
    });

    it('a sealed key meant for another recipient fails to unseal', async () => {
      const carolsKey = envelope.keys.find((entry) => entry.userId === 'carol')!.sealed;
      const keys = envelope.keys.map((entry) => (entry.userId === 'bob' ? { ...entry, sealed: carolsKey } : entry));
      await expectRejected(await resign({ ...envelope, keys }, alice), 'crypto.decrypt-failed', 'carol’s key');
    });

    it('a sealed key lifted from another envelope is bound to that envelope’s header', async () => {
      const lifted = other.keys.find((entry) => entry.userId === 'bob')!.sealed;
      const keys = envelope.keys.map((entry) => (entry.userId === 'bob' ? { ...entry, sealed: lifted } : entry));
      await expectRejected(await resign({ ...envelope, keys }, alice), 'crypto.header-mismatch', 'lifted key');
    });

    it('a body from another envelope does not decrypt under this header', async () => {
      await expectRejected(
        await resign({ ...envelope, body: other.body }, alice),
        'crypto.decrypt-failed',
        'other body',
      );
    });
  });
});
