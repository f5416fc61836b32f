import {
  unwrapWithPassphrase,
  unwrapWithRecoveryKey,
  wrapWithExportKey,
  wrapWithRecoveryKey,
} from '../../shared/crypto/key-wrap.js';
import { generateUserKeys, publicKeyBundle } from '../../shared/crypto/keys.js';
import { generateRecoveryKey, parseRecoveryKey } from '../../shared/crypto/recovery-key.js';
import type { KeyCrypto } from './key-crypto.js';

/** Runs on the calling thread: fine for Node and inside a Web Worker. */
export const localKeyCrypto: KeyCrypto = {
  async enrol({ username, exportKey }, onStep) {
    onStep?.('generating-keys');
    const keys = await generateUserKeys();
    const bundle = await publicKeyBundle(keys);
    onStep?.('making-recovery-key');
    const recovery = await generateRecoveryKey();
    onStep?.('wrapping-with-password');
    const exportWrapped = await wrapWithExportKey(keys, exportKey, username);
    onStep?.('wrapping-with-recovery-key');
    const recoveryWrapped = await wrapWithRecoveryKey(keys, recovery.bytes, username);
    recovery.bytes.fill(0);
    return {
      keys,
      bundle,
      wrappedKeys: { exportKey: exportWrapped, recovery: recoveryWrapped },
      recoveryKeyText: recovery.text,
    };
  },
  unwrapWithPassphrase: (wrapped, passphrase, username) => unwrapWithPassphrase(wrapped, passphrase, username),
  async unwrapWithRecoveryKey(wrapped, recoveryKeyText, username) {
    const bytes = await parseRecoveryKey(recoveryKeyText);
    try {
      return await unwrapWithRecoveryKey(wrapped, bytes, username);
    } finally {
      bytes.fill(0);
    }
  },
};
