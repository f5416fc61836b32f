import { expect } from 'chai';
import { openEnvelope } from '../../../../shared/crypto/envelope-open.js';
import type { EnvelopeHeader } from '../../../../shared/crypto/envelope-format.js';
import type { PayloadMetadata } from '../../../../shared/crypto/envelope-payload.js';
import {
  LABELS,
  makeUser,
  openOptions,
  rawPayload,
  rejectionCode,
  seal,
  sealRawPayload,
  sealWithMetadata,
  TS,
  type TestUser,
} from './fixtures.js';

/**
 * A recipient holds the content key and the plaintext, and can sign as themselves. These tests
 * build such re-sent envelopes by hand: signature, sealed keys and body are all valid, and only
 * the metadata repeated inside the payload gives the game away.
 */
describe('shared/crypto/envelope re-labelling and forwarding', () => {
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  before(async () => {
    [alice, bob, carol] = await Promise.all([makeUser('alice', 'AT'), makeUser('bob', 'BE'), makeUser('carol', 'CY')]);
  });

  function headerFrom(
    sender: TestUser,
    to: readonly TestUser[],
    overrides: Partial<EnvelopeHeader> = {},
  ): EnvelopeHeader {
    return {
      v: 1,
      msgId: 'BBBBBBBBBBBBBBBBBBBBBA',
      ts: TS,
      kind: 'message',
      from: { userId: sender.userId, state: sender.state },
      to: to.map((u) => ({ userId: u.userId, state: u.state })),
      labels: LABELS,
      ...overrides,
    };
  }

  it('accepts a hand-built envelope whose payload matches its header (control)', async () => {
    const header = headerFrom(bob, [carol]);
    const envelope = await sealWithMetadata(header, header, { text: 'hello' }, bob, [carol, bob]);
    expect((await openEnvelope(envelope, openOptions(carol, bob))).content).to.deep.equal({ text: 'hello' });
  });

  it('detects a recipient forwarding the decrypted payload to a third party under their own header', async () => {
    const original = await seal(alice, [bob], { text: 'for Bob only' });
    const stolen = await rawPayload(original, bob);
    const forwarded = await sealRawPayload(headerFrom(bob, [carol]), stolen, bob, [carol, bob]);
    expect(await rejectionCode(openEnvelope(forwarded, openOptions(carol, bob)))).to.equal('crypto.header-mismatch');
  });

  it('detects a recipient re-sending the payload with lowered labels', async () => {
    const original = await seal(
      alice,
      [bob],
      { text: 'confidential' },
      { labels: { ...LABELS, classification: 'confidential', handling: 'H3' } },
    );
    const stolen = await rawPayload(original, bob);
    const relabelled = headerFrom(bob, [carol], { labels: { ...LABELS, classification: 'public', handling: 'H0' } });
    const envelope = await sealRawPayload(relabelled, stolen, bob, [carol, bob]);
    expect(await rejectionCode(openEnvelope(envelope, openOptions(carol, bob)))).to.equal('crypto.header-mismatch');
  });

  const mismatches: [string, (m: PayloadMetadata) => PayloadMetadata][] = [
    ['from', (m) => ({ ...m, from: { userId: 'alice', state: 'AT' } })],
    ['from.state', (m) => ({ ...m, from: { ...m.from, state: 'DE' } })],
    ['to (re-addressed)', (m) => ({ ...m, to: [{ userId: 'alice', state: 'AT' }] })],
    ['to (extra recipient)', (m) => ({ ...m, to: [...m.to, { userId: 'alice', state: 'AT' }] })],
    ['labels.classification', (m) => ({ ...m, labels: { ...m.labels, classification: 'confidential' } })],
    ['labels.evaluation', (m) => ({ ...m, labels: { ...m.labels, evaluation: 'X4' } })],
    ['kind', (m) => ({ ...m, kind: 'request:consent' })],
    ['requestRef (added)', (m) => ({ ...m, requestRef: 'req-1' })],
  ];

  for (const [field, mutate] of mismatches) {
    it(`detects a payload whose ${field} differs from the header`, async () => {
      const header = headerFrom(bob, [carol]);
      const envelope = await sealWithMetadata(header, mutate(header), { text: 'x' }, bob, [carol, bob]);
      expect(await rejectionCode(openEnvelope(envelope, openOptions(carol, bob)))).to.equal('crypto.header-mismatch');
    });
  }

  it('detects a payload that drops the header’s requestRef', async () => {
    const header = headerFrom(bob, [carol], { requestRef: 'req-1' });
    const { requestRef: _dropped, ...metadata } = header;
    const envelope = await sealWithMetadata(header, metadata, { text: 'x' }, bob, [carol, bob]);
    expect(await rejectionCode(openEnvelope(envelope, openOptions(carol, bob)))).to.equal('crypto.header-mismatch');
  });

  it('rejects a payload that is not the documented JSON', async () => {
    const header = headerFrom(bob, [carol]);
    const notJson = await sealRawPayload(header, new TextEncoder().encode('not json\u0080'.padEnd(256, '\0')), bob, [
      carol,
      bob,
    ]);
    expect(await rejectionCode(openEnvelope(notJson, openOptions(carol, bob)))).to.equal('crypto.malformed');
  });
});
