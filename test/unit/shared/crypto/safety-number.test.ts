import { expect } from 'chai';
import { getSodium } from '../../../../shared/crypto/sodium.js';
import { keyFingerprint, safetyNumber, safetyNumberMatches } from '../../../../shared/crypto/safety-number.js';
import { rejectionCode } from './fixtures.js';

describe('shared/crypto/safety-number', () => {
  let keyA: Uint8Array;
  let keyB: Uint8Array;
  let keyC: Uint8Array;
  before(async () => {
    const sodium = await getSodium();
    keyA = sodium.crypto_sign_keypair().publicKey;
    keyB = sodium.crypto_sign_keypair().publicKey;
    keyC = sodium.crypto_sign_keypair().publicKey;
  });

  it('is the same for both sides', async () => {
    const ab = await safetyNumber({ userId: 'alice', identityKey: keyA }, { userId: 'bob', identityKey: keyB });
    const ba = await safetyNumber({ userId: 'bob', identityKey: keyB }, { userId: 'alice', identityKey: keyA });
    expect(ab).to.deep.equal(ba);
  });

  it('is 12 groups of 5 digits, with a compact QR form', async () => {
    const sn = await safetyNumber({ userId: 'alice', identityKey: keyA }, { userId: 'bob', identityKey: keyB });
    expect(sn.groups).to.have.length(12);
    for (const group of sn.groups) expect(group).to.match(/^\d{5}$/);
    expect(sn.text).to.match(/^\d{5}( \d{5}){11}$/);
    expect(sn.qr).to.match(/^FNSN1:\d{60}$/);
    expect(safetyNumberMatches(sn, sn.qr)).to.equal(true);
    expect(safetyNumberMatches(sn, sn.text)).to.equal(true);
    expect(
      safetyNumberMatches(
        sn,
        sn.text.replace(/^\d/, (d) => String((Number(d) + 1) % 10)),
      ),
    ).to.equal(false);
  });

  it('differs when either key or user differs', async () => {
    const base = await safetyNumber({ userId: 'alice', identityKey: keyA }, { userId: 'bob', identityKey: keyB });
    const otherKey = await safetyNumber({ userId: 'alice', identityKey: keyA }, { userId: 'bob', identityKey: keyC });
    const otherUser = await safetyNumber(
      { userId: 'alice', identityKey: keyA },
      { userId: 'carol', identityKey: keyB },
    );
    const swapped = await safetyNumber({ userId: 'alice', identityKey: keyB }, { userId: 'bob', identityKey: keyA });
    expect(otherKey.text).not.to.equal(base.text);
    expect(otherUser.text).not.to.equal(base.text);
    expect(swapped.text).not.to.equal(base.text);
  });

  it('gives each key a stable fingerprint of 10 groups of 4 hex digits', async () => {
    const fp = await keyFingerprint(keyA);
    expect(fp).to.match(/^[0-9A-F]{4}( [0-9A-F]{4}){9}$/);
    expect(await keyFingerprint(keyA)).to.equal(fp);
    expect(await keyFingerprint(keyB)).not.to.equal(fp);
  });

  it('rejects keys of the wrong size', async () => {
    expect(await rejectionCode(keyFingerprint(new Uint8Array(31)))).to.equal('crypto.malformed');
    expect(
      await rejectionCode(
        safetyNumber({ userId: 'a', identityKey: keyA }, { userId: 'b', identityKey: new Uint8Array(33) }),
      ),
    ).to.equal('crypto.malformed');
  });
});
