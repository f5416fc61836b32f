import { expect } from 'chai';
import { generateUserKeys, publicKeyBundle } from '../../../../shared/crypto/keys.js';
import { PublicKeyBundle, verifyKeyBundle } from '../../../../shared/crypto/verify-key-bundle.js';
import { flipByte } from './fixtures.js';

describe('shared/crypto/keys and verify-key-bundle', () => {
  it('generates Ed25519 and X25519 key pairs of the documented sizes', async () => {
    const keys = await generateUserKeys();
    expect(keys.identity.publicKey).to.have.length(32);
    expect(keys.identity.privateKey).to.have.length(64);
    expect(keys.encryption.publicKey).to.have.length(32);
    expect(keys.encryption.privateKey).to.have.length(32);
  });

  it('publishes a bundle that parses and verifies', async () => {
    const bundle = await publicKeyBundle(await generateUserKeys());
    expect(PublicKeyBundle.parse(bundle)).to.deep.equal(bundle);
    expect(bundle.identityKey).to.have.length(43);
    expect(bundle.encryptionKeySig).to.have.length(86);
    expect(await verifyKeyBundle(bundle)).to.equal(true);
  });

  it('rejects a bundle with any field tampered', async () => {
    const bundle = await publicKeyBundle(await generateUserKeys());
    for (const field of ['identityKey', 'encryptionKey', 'encryptionKeySig'] as const) {
      for (const index of [0, 17, 31]) {
        expect(
          await verifyKeyBundle({ ...bundle, [field]: flipByte(bundle[field], index) }),
          `${field}[${index}]`,
        ).to.equal(false);
      }
    }
  });

  it('rejects an encryption key swapped in from another user, or signed by another identity', async () => {
    const alice = await publicKeyBundle(await generateUserKeys());
    const mallory = await publicKeyBundle(await generateUserKeys());
    expect(await verifyKeyBundle({ ...alice, encryptionKey: mallory.encryptionKey })).to.equal(false);
    expect(
      await verifyKeyBundle({
        ...alice,
        encryptionKey: mallory.encryptionKey,
        encryptionKeySig: mallory.encryptionKeySig,
      }),
    ).to.equal(false);
    expect(await verifyKeyBundle({ ...mallory, identityKey: alice.identityKey })).to.equal(false);
  });

  it('answers false, never throws, for malformed bundles', async () => {
    const bundle = await publicKeyBundle(await generateUserKeys());
    expect(await verifyKeyBundle({ ...bundle, identityKey: 'not base64url!' })).to.equal(false);
    expect(await verifyKeyBundle({ ...bundle, encryptionKeySig: bundle.encryptionKeySig.slice(0, 43) })).to.equal(
      false,
    );
  });
});
