import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { getSodium } from '../../../shared/crypto/sodium.js';
import { fromBase64Url, utf8Encode } from '../../../shared/crypto/encoding.js';
import { unwrapWithExportKey, unwrapWithRecoveryKey } from '../../../shared/crypto/key-wrap.js';
import { StoredWrappedKeys } from '../../../shared/crypto/wrapped-keys-format.js';
import {
  activeFocalPoint,
  activeNationalAdmin,
  bootstrapNetworkAdmin,
  type TestPerson,
} from '../../helpers/accounts.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

/** Every key a thief of the server's data could try: each stored string, hashed every usual way, and with the password. */
async function candidateKeys(stored: string[], password?: string): Promise<Uint8Array[]> {
  const sodium = await getSodium();
  const inputs = [...stored, ...(password ? [password] : [])].map((text) => utf8Encode(text));
  for (const text of stored) {
    try {
      inputs.push(fromBase64Url(text));
    } catch {
      // not base64url
    }
  }
  const keys: Uint8Array[] = [];
  for (const input of inputs) {
    keys.push(new Uint8Array(createHash('sha512').update(input).digest()), sodium.crypto_generichash(64, input, null));
    if (input.length === 64) keys.push(input);
    if (password)
      keys.push(
        sodium.crypto_generichash(64, utf8Encode(password), input.length >= 16 && input.length <= 64 ? input : null),
      );
  }
  if (password) {
    // argon2id of the password with the same cost a client might use, salted with every stored value.
    keys.push(
      sodium.crypto_pwhash(64, utf8Encode(password), new Uint8Array(16), 1, 8192, sodium.crypto_pwhash_ALG_ARGON2ID13),
    );
  }
  return keys;
}

async function opens(wrapped: StoredWrappedKeys, username: string, keys: Uint8Array[]): Promise<number> {
  let opened = 0;
  for (const key of keys) {
    if (
      await unwrapWithExportKey(wrapped.exportKey, key, username).then(
        () => true,
        () => false,
      )
    )
      opened += 1;
    if (
      key.length >= 32 &&
      (await unwrapWithRecoveryKey(wrapped.recovery, key.subarray(0, 32), username).then(
        () => true,
        () => false,
      ))
    )
      opened += 1;
  }
  return opened;
}

describe('what the server stores opens no key', function () {
  this.timeout(60_000);
  let t: TestServer;
  let fp: TestPerson;
  before(async () => {
    t = await startTestServer();
    fp = await activeFocalPoint(t, await activeNationalAdmin(t, await bootstrapNetworkAdmin(t), 'KZ'));
  });
  after(() => t.close());

  const dump = async (): Promise<{ user: Record<string, unknown>; strings: string[] }> => {
    const user = await t.server.database.connection.collection('users').findOne({ username: fp.username });
    if (!user) throw new Error('no user');
    const strings: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string') strings.push(value);
      else if (value && typeof value === 'object') for (const inner of Object.values(value)) walk(inner);
    };
    walk(user);
    // DATA_DIR's secrets (the generated JWT secret) and OPAQUE's server setup (configured for tests).
    for (const name of readdirSync(t.dataDir)) {
      const file = path.join(t.dataDir, name);
      try {
        strings.push(readFileSync(file, 'utf8').trim());
      } catch {
        // a folder
      }
    }
    strings.push(t.server.accounts.opaque.serverSetup);
    return { user: user as Record<string, unknown>, strings };
  };

  it('the database holds an OPAQUE record and wrapped blobs, no password hash; nothing stored opens the blobs', async () => {
    const { user, strings } = await dump();
    expect(readdirSync(t.dataDir)).to.include('jwt-secret'); // read into `strings` above
    expect(user.passwordHash ?? null).to.equal(null);
    expect(user.opaqueRecord).to.be.a('string');
    const wrapped = StoredWrappedKeys.parse(user.wrappedKeys);
    expect(JSON.stringify(user)).not.to.contain(fp.password);
    expect(await opens(wrapped, fp.username, await candidateKeys(strings))).to.equal(0);
    // The check can succeed: the export key of the person's own sign-in opens the blob.
    expect(await opens(wrapped, fp.username, [fp.exportKey ?? new Uint8Array(64)])).to.equal(1);
  });

  it('with the password and the record too, but not the OPAQUE derivation, the blobs stay shut', async () => {
    const { user, strings } = await dump();
    const wrapped = StoredWrappedKeys.parse(user.wrappedKeys);
    expect(await opens(wrapped, fp.username, await candidateKeys(strings, fp.password))).to.equal(0);
  });
});
