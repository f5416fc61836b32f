import { expect } from 'chai';
import { toBase64Url } from '../../../../shared/crypto/encoding.js';
import { getSodium } from '../../../../shared/crypto/sodium.js';
import {
  clearedMarker,
  detailsKey,
  documentTag,
  newEntryId,
  newRingKey,
  openDetails,
  openOwn,
  sealDetails,
  sealOwn,
  tagger,
  TAG_PURPOSE,
} from '../../../../shared/travel-documents/keyed-crypto.js';

describe('travel documents: keyed cryptography', () => {
  const entry = { id: 'AAAAAAAAAAAAAAAAAAAAAA', state: 'KZ', networkEpoch: 2, version: 1 };
  const details = {
    issuingState: 'KZ',
    documentType: 'passport',
    status: 'stolen',
    date: '2026-11-02',
    notes: 'Almaty',
  };

  it('tags are HMAC-SHA-256 of the purpose, a NUL and the identity, under the network key', async () => {
    const sodium = await getSodium();
    const key = await newRingKey();
    const tag = await documentTag(key, 'KZ:N1234567');
    const expected = sodium.crypto_auth_hmacsha256(
      new Uint8Array([...new TextEncoder().encode(TAG_PURPOSE), 0, ...new TextEncoder().encode('KZ:N1234567')]),
      key,
    );
    expect(toBase64Url(tag)).to.equal(toBase64Url(expected));
    expect(tag.length).to.equal(32);
    expect(toBase64Url((await tagger(key))('KZ:N1234567'))).to.equal(toBase64Url(tag));
  });

  it('the fast tagger answers what documentTag does, for short and overlong identities and two keys in turn', async () => {
    const [one, two] = [await newRingKey(), await newRingKey()];
    const [tagOne, tagTwo] = [await tagger(one), await tagger(two)];
    for (const identity of ['KZ:1', 'RU:7101234567', `KZ:${'A'.repeat(300)}`]) {
      expect(toBase64Url(tagOne(identity)), identity).to.equal(toBase64Url(await documentTag(one, identity)));
      expect(toBase64Url(tagTwo(identity)), identity).to.equal(toBase64Url(await documentTag(two, identity)));
    }
  });

  it('separates tags from details keys, identities and keys', async () => {
    const key = await newRingKey();
    const tag = toBase64Url(await documentTag(key, 'KZ:N1234567'));
    expect(toBase64Url(await detailsKey(key, 'KZ:N1234567'))).to.not.equal(tag);
    expect(toBase64Url(await documentTag(key, 'RU:N1234567'))).to.not.equal(tag);
    expect(toBase64Url(await documentTag(await newRingKey(), 'KZ:N1234567'))).to.not.equal(tag);
  });

  it('details open with the network key and the number, and with nothing else', async () => {
    const key = await newRingKey();
    const sealed = await sealDetails(key, 'KZ:N1234567', entry, details);
    expect(await openDetails(key, 'KZ:N1234567', entry, sealed)).to.deep.equal(details);
    for (const [why, attempt] of [
      ['another number', () => openDetails(key, 'KZ:N1234568', entry, sealed)],
      ['another key', async () => openDetails(await newRingKey(), 'KZ:N1234567', entry, sealed)],
      ['another entry', () => openDetails(key, 'KZ:N1234567', { ...entry, id: 'BBBBBBBBBBBBBBBBBBBBBB' }, sealed)],
      ['another version', () => openDetails(key, 'KZ:N1234567', { ...entry, version: 2 }, sealed)],
      ['another epoch', () => openDetails(key, 'KZ:N1234567', { ...entry, networkEpoch: 3 }, sealed)],
      ['another state', () => openDetails(key, 'KZ:N1234567', { ...entry, state: 'RU' }, sealed)],
    ] as const) {
      let opened = false;
      try {
        await attempt();
        opened = true;
      } catch {
        // refused, as it should be
      }
      expect(opened, why).to.equal(false);
    }
  });

  it("the state's own copy opens with its state key for its entry only", async () => {
    const stateKey = await newRingKey();
    const own = { ...details, number: 'N1234567' };
    const sealed = await sealOwn(stateKey, entry, own);
    expect(await openOwn(stateKey, entry, sealed)).to.deep.equal(own);
    let opened = 0;
    for (const attempt of [
      () => openOwn(stateKey, { ...entry, version: 2 }, sealed),
      async () => openOwn(await newRingKey(), entry, sealed),
    ])
      await attempt().then(
        () => opened++,
        () => undefined,
      );
    expect(opened).to.equal(0);
  });

  it('pads plaintexts so a ciphertext does not give away the length of the notes', async () => {
    const key = await newRingKey();
    const short = await sealDetails(key, 'KZ:1', entry, { ...details, notes: 'a' });
    const longer = await sealDetails(key, 'KZ:1', entry, { ...details, notes: 'abcdefghij' });
    expect(short.length).to.equal(longer.length);
  });

  it('cleared markers are keyed per entry and version', async () => {
    const key = await newRingKey();
    const marker = await clearedMarker(key, entry.id, 1);
    expect(marker).to.equal(await clearedMarker(key, entry.id, 1));
    expect(marker).to.not.equal(await clearedMarker(key, entry.id, 2));
    expect(marker).to.not.equal(await clearedMarker(await newRingKey(), entry.id, 1));
    expect((await newEntryId()).length).to.equal(22);
  });
});
