import { expect } from 'chai';
import { generateUserKeys, type UserKeys } from '../../../../shared/crypto/keys.js';
import {
  DEFAULT_KDF_LIMITS,
  unwrapWithExportKey,
  unwrapWithPassphrase,
  unwrapWithRecoveryKey,
  wrapForStorage,
  wrapWithExportKey,
  wrapWithPassphrase,
  wrapWithRecoveryKey,
} from '../../../../shared/crypto/key-wrap.js';
import { StoredWrappedKeys, WrappedKeys } from '../../../../shared/crypto/wrapped-keys-format.js';
import { formatRecoveryKey, generateRecoveryKey, parseRecoveryKey } from '../../../../shared/crypto/recovery-key.js';
import { fromBase64Url } from '../../../../shared/crypto/encoding.js';
import { getSodium } from '../../../../shared/crypto/sodium.js';
import { flipByte, rejectionCode } from './fixtures.js';

const FAST = { opsLimit: 1, memLimit: 8192 }; // libsodium's argon2id minimums, for speed
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function expectSameKeys(actual: UserKeys, expected: UserKeys): void {
  expect(actual.identity.publicKey).to.deep.equal(expected.identity.publicKey);
  expect(actual.identity.privateKey).to.deep.equal(expected.identity.privateKey);
  expect(actual.encryption.publicKey).to.deep.equal(expected.encryption.publicKey);
  expect(actual.encryption.privateKey).to.deep.equal(expected.encryption.privateKey);
}

describe('shared/crypto/key-wrap', () => {
  let keys: UserKeys;
  before(async () => {
    keys = await generateUserKeys();
  });

  describe('passphrase', () => {
    it('round-trips and stores the KDF parameters beside the blob', async () => {
      const wrapped = await wrapWithPassphrase(keys, 'correct horse battery staple', 'user-1', FAST);
      expect(wrapped.kdf).to.include({ alg: 'argon2id13', opsLimit: 1, memLimit: 8192 });
      expect(WrappedKeys.parse(JSON.parse(JSON.stringify(wrapped)))).to.deep.equal(wrapped);
      expectSameKeys(await unwrapWithPassphrase(wrapped, 'correct horse battery staple', 'user-1'), keys);
    });

    it('uses the handbook parameters by default (argon2id, ops 3, 64 MiB)', async function () {
      this.timeout(20_000);
      const wrapped = await wrapWithPassphrase(keys, 'pass', 'user-1');
      expect(wrapped.kdf).to.include({ opsLimit: 3, memLimit: 64 * 2 ** 20 });
      expect(DEFAULT_KDF_LIMITS).to.deep.equal({ opsLimit: 3, memLimit: 64 * 2 ** 20 });
      expectSameKeys(await unwrapWithPassphrase(wrapped, 'pass', 'user-1'), keys);
    });

    it('unwraps with the parameters read from the blob', async () => {
      const wrapped = await wrapWithPassphrase(keys, 'pass', 'user-1', { opsLimit: 2, memLimit: 16384 });
      expectSameKeys(await unwrapWithPassphrase(wrapped, 'pass', 'user-1'), keys);
      expect(
        await rejectionCode(
          unwrapWithPassphrase({ ...wrapped, kdf: { ...wrapped.kdf, opsLimit: 1 } }, 'pass', 'user-1'),
        ),
      ).to.equal('crypto.wrong-passphrase');
    });

    it('rejects a wrong passphrase with a typed error', async () => {
      const wrapped = await wrapWithPassphrase(keys, 'pass', 'user-1', FAST);
      expect(await rejectionCode(unwrapWithPassphrase(wrapped, 'Pass', 'user-1'))).to.equal('crypto.wrong-passphrase');
      expect(await rejectionCode(unwrapWithPassphrase(wrapped, '', 'user-1'))).to.equal('crypto.wrong-passphrase');
    });

    it('rejects a blob presented for another user (associated data)', async () => {
      const wrapped = await wrapWithPassphrase(keys, 'pass', 'user-1', FAST);
      expect(await rejectionCode(unwrapWithPassphrase(wrapped, 'pass', 'user-2'))).to.equal('crypto.wrong-passphrase');
    });

    it('rejects a tampered ciphertext, nonce or salt', async () => {
      const wrapped = await wrapWithPassphrase(keys, 'pass', 'user-1', FAST);
      for (const tampered of [
        { ...wrapped, ciphertext: flipByte(wrapped.ciphertext, 5) },
        { ...wrapped, nonce: flipByte(wrapped.nonce, 5) },
        { ...wrapped, kdf: { ...wrapped.kdf, salt: flipByte(wrapped.kdf.salt, 5) } },
      ]) {
        expect(await rejectionCode(unwrapWithPassphrase(tampered, 'pass', 'user-1'))).to.equal(
          'crypto.wrong-passphrase',
        );
      }
    });

    it('refuses stored parameters outside safe bounds (a server must not make clients hang)', async () => {
      const wrapped = await wrapWithPassphrase(keys, 'pass', 'user-1', FAST);
      expect(
        await rejectionCode(
          unwrapWithPassphrase({ ...wrapped, kdf: { ...wrapped.kdf, memLimit: 2 ** 40 } }, 'pass', 'user-1'),
        ),
      ).to.equal('crypto.unsupported-params');
      expect(
        await rejectionCode(
          unwrapWithPassphrase({ ...wrapped, kdf: { ...wrapped.kdf, opsLimit: 1000 } }, 'pass', 'user-1'),
        ),
      ).to.equal('crypto.unsupported-params');
      expect(await rejectionCode(wrapWithPassphrase(keys, 'pass', 'user-1', { opsLimit: 0, memLimit: 8192 }))).to.equal(
        'crypto.unsupported-params',
      );
    });

    it('treats canonically equivalent Unicode passphrases as equal (NFC)', async () => {
      const wrapped = await wrapWithPassphrase(keys, 'caf\u00e9', 'user-1', FAST);
      expectSameKeys(await unwrapWithPassphrase(wrapped, 'cafe\u0301', 'user-1'), keys);
    });
  });

  describe('recovery key', () => {
    it('renders 32 bytes as 14 groups of 4 Crockford base32 characters and parses back', async () => {
      const recovery = await generateRecoveryKey();
      expect(recovery.bytes).to.have.length(32);
      expect(recovery.text).to.match(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){13}$/);
      expect(await parseRecoveryKey(recovery.text)).to.deep.equal(recovery.bytes);
      expect(await formatRecoveryKey(recovery.bytes)).to.equal(recovery.text);
    });

    it('forgives case, spacing and look-alike letters', async () => {
      const recovery = await generateRecoveryKey();
      const typed = recovery.text.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
      expect(await parseRecoveryKey(typed)).to.deep.equal(recovery.bytes);
    });

    it('detects every single-character typo', async () => {
      const recovery = await generateRecoveryKey();
      const chars = recovery.text.replace(/-/g, '');
      for (let i = 0; i < chars.length; i++) {
        const replacement = ALPHABET[(ALPHABET.indexOf(chars[i]!) + 1 + (i % 31)) % 32]!;
        const typo = chars.slice(0, i) + replacement + chars.slice(i + 1);
        expect(await rejectionCode(parseRecoveryKey(typo)), `position ${i}`).to.equal('crypto.recovery-key-typo');
      }
    });

    it('detects swapped neighbours, a missing character and a foreign character', async () => {
      const recovery = await generateRecoveryKey();
      const chars = recovery.text.replace(/-/g, '');
      const i = [...chars].findIndex((c, k) => k > 0 && c !== chars[k - 1]);
      const swapped = chars.slice(0, i - 1) + chars[i] + chars[i - 1] + chars.slice(i + 1);
      expect(await rejectionCode(parseRecoveryKey(swapped))).to.equal('crypto.recovery-key-typo');
      expect(await rejectionCode(parseRecoveryKey(chars.slice(1)))).to.equal('crypto.recovery-key-typo');
      expect(await rejectionCode(parseRecoveryKey(`U${chars.slice(1)}`))).to.equal('crypto.recovery-key-typo');
    });

    it('round-trips private keys through the recovery key', async () => {
      const recovery = await generateRecoveryKey();
      const wrapped = await wrapWithRecoveryKey(keys, recovery.bytes, 'user-1');
      expect(WrappedKeys.parse(wrapped).method).to.equal('recovery-key');
      const typed = await parseRecoveryKey(recovery.text);
      expectSameKeys(await unwrapWithRecoveryKey(wrapped, typed, 'user-1'), keys);
    });

    it('rejects a wrong (well-formed) recovery key or another user with a typed error', async () => {
      const recovery = await generateRecoveryKey();
      const other = await generateRecoveryKey();
      const wrapped = await wrapWithRecoveryKey(keys, recovery.bytes, 'user-1');
      expect(await rejectionCode(unwrapWithRecoveryKey(wrapped, other.bytes, 'user-1'))).to.equal(
        'crypto.wrong-recovery-key',
      );
      expect(await rejectionCode(unwrapWithRecoveryKey(wrapped, recovery.bytes, 'user-2'))).to.equal(
        'crypto.wrong-recovery-key',
      );
      expect(await rejectionCode(unwrapWithRecoveryKey(wrapped, recovery.bytes.subarray(1), 'user-1'))).to.equal(
        'crypto.malformed',
      );
    });

    it('a passphrase blob cannot be opened as a recovery blob', async () => {
      const recovery = await generateRecoveryKey();
      const wrapped = await wrapWithPassphrase(keys, 'pass', 'user-1', FAST);
      const { kdf: _kdf, ...rest } = wrapped;
      expect(
        await rejectionCode(unwrapWithRecoveryKey({ ...rest, method: 'recovery-key' }, recovery.bytes, 'user-1')),
      ).to.equal('crypto.wrong-recovery-key');
    });
  });

  describe('export key (OPAQUE)', () => {
    const exportKey = new Uint8Array(64).map((_, i) => i);
    it('opens with the same export key and user only', async () => {
      const wrapped = await wrapWithExportKey(keys, exportKey, 'user-1');
      expectSameKeys(await unwrapWithExportKey(wrapped, exportKey, 'user-1'), keys);
      const other = exportKey.slice();
      other[0] = 255;
      expect(await rejectionCode(unwrapWithExportKey(wrapped, other, 'user-1'))).to.equal('crypto.wrong-passphrase');
      expect(await rejectionCode(unwrapWithExportKey(wrapped, exportKey, 'user-2'))).to.equal(
        'crypto.wrong-passphrase',
      );
      expect(await rejectionCode(unwrapWithExportKey(wrapped, exportKey.subarray(0, 32), 'user-1'))).to.equal(
        'crypto.malformed',
      );
    });
    it('never uses the export key itself as the cipher key (its own derivation context)', async () => {
      const wrapped = await wrapWithExportKey(keys, exportKey, 'user-1');
      const sodium = await getSodium();
      const ad = new Uint8Array(0);
      expect(() =>
        sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
          null,
          fromBase64Url(wrapped.ciphertext),
          ad,
          fromBase64Url(wrapped.nonce),
          exportKey.subarray(0, 32),
        ),
      ).to.throw();
    });
  });

  it('wraps both ways for storage, in the format the server validates', async () => {
    const recovery = await generateRecoveryKey();
    const exportKey = new Uint8Array(64).fill(7);
    const stored = await wrapForStorage(keys, exportKey, recovery.bytes, 'user-1');
    const wire = StoredWrappedKeys.parse(JSON.parse(JSON.stringify(stored)));
    expectSameKeys(await unwrapWithExportKey(wire.exportKey, exportKey, 'user-1'), keys);
    expectSameKeys(await unwrapWithRecoveryKey(wire.recovery, recovery.bytes, 'user-1'), keys);
    expect(StoredWrappedKeys.safeParse({ ...stored, extra: true }).success).to.equal(false);
  });
});
