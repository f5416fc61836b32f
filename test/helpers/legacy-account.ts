import { wrapWithPassphrase, wrapWithRecoveryKey } from '../../shared/crypto/key-wrap.js';
import { generateUserKeys, publicKeyBundle, type UserKeys } from '../../shared/crypto/keys.js';
import { generateRecoveryKey } from '../../shared/crypto/recovery-key.js';
import { hashPassword } from '../../server/modules/accounts/passwords.js';
import type { TestServer } from './test-server.js';

/** An active focal point of KZ as builds before OPAQUE stored one: an argon2id hash and the keys wrapped under the password. */
export async function legacyAccount(
  t: TestServer,
  username: string,
  password: string,
): Promise<{ keys: UserKeys; recoveryText: string }> {
  const keys = await generateUserKeys();
  const recovery = await generateRecoveryKey();
  const now = t.clock.now();
  await t.server.database.connection.collection('users').insertOne({
    username,
    displayName: 'Old account',
    role: 'focal-point',
    state: 'KZ',
    domains: ['border'],
    status: 'active',
    passwordHash: await hashPassword(password),
    totpEnabled: false,
    requireTotp: false,
    keys: { ...(await publicKeyBundle(keys)), keyVersion: 1, createdAt: now, verifiedAt: now, verifiedBy: null },
    keyHistory: [],
    tokenVersion: 0,
    invitedBy: null,
    createdAt: now,
    updatedAt: now,
    wrappedKeys: {
      passphrase: await wrapWithPassphrase(keys, password, username, { opsLimit: 1, memLimit: 8192 }),
      recovery: await wrapWithRecoveryKey(keys, recovery.bytes, username),
    },
  });
  return { keys, recoveryText: recovery.text };
}
