import { expect } from 'chai';
import { memoryKnownKeys } from '../../../../client/sdk/index.js';
import { contactKeyring } from '../../../../client/sdk/messaging/contact-keys.js';
import { generateUserKeys, publicKeyBundle } from '../../../../shared/crypto/keys.js';
import type { EntryView } from '../../../../shared/schemas/directory.js';

const USER = 'b'.repeat(24);

async function entryWith(
  keyVersion: number,
  overrides: Partial<NonNullable<EntryView['keys']>> = {},
): Promise<EntryView> {
  const bundle = await publicKeyBundle(await generateUserKeys());
  return {
    userId: USER,
    state: 'KG',
    domains: ['border'],
    kind: 'person',
    name: { en: 'Test' },
    authority: null,
    role: null,
    languages: [],
    timeZone: null,
    available24x7: false,
    contacts: [],
    lastConfirmedAt: '2026-01-01T00:00:00.000Z',
    stale: false,
    status: 'incomplete',
    withheld: [],
    keys: { ...bundle, keyVersion, fingerprint: `fp-${keyVersion}`, verified: true, verifiedAt: null, ...overrides },
  };
}

describe('client SDK: contact keys', () => {
  it('flags a key version or fingerprint other than the one last seen, until accepted; the store remembers across keyrings', async () => {
    let served = await entryWith(1);
    const known = memoryKnownKeys();
    const keyring = contactKeyring({ entry: async () => served }, known);
    const seen: string[] = [];
    keyring.onKeyChanged((change) => seen.push(`${change.previous.keyVersion}->${change.current.keyVersion}`));
    await keyring.resolve(USER);
    expect(keyring.changes()).to.deep.equal([]);

    served = await entryWith(2);
    await keyring.resolve(USER, { fresh: true });
    await keyring.resolve(USER, { fresh: true });
    expect(seen).to.deep.equal(['1->2']); // told once, not on every read
    expect(keyring.changes().map((c) => c.userId)).to.deep.equal([USER]);

    // A new session (reload) with the same store still sees the unaccepted change.
    const again = contactKeyring({ entry: async () => served }, known);
    await again.resolve(USER);
    expect(again.changes()).to.have.length(1);
    again.accept(USER);
    expect(again.changes()).to.deep.equal([]);
    expect(known.get(USER)).to.deep.equal({ keyVersion: 2, fingerprint: 'fp-2' });
  });

  it('refuses a bundle whose encryption key is not signed by its identity key', async () => {
    const good = await entryWith(1);
    const other = await publicKeyBundle(await generateUserKeys());
    if (!good.keys) throw new Error('no keys');
    const forged: EntryView = { ...good, keys: { ...good.keys, encryptionKey: other.encryptionKey } };
    const keyring = contactKeyring({ entry: async () => forged }, memoryKnownKeys());
    let error: unknown;
    try {
      await keyring.resolve(USER);
    } catch (caught) {
      error = caught;
    }
    expect(error).to.have.property('code', 'client.bad-response');
  });
});
