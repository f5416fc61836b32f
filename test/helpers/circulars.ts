import { Types } from 'mongoose';
import { generateUserKeys, publicKeyBundle } from '../../shared/crypto/keys.js';
import type { TestServer } from './test-server.js';

/**
 * Active focal points with real, admin-verified key bundles written straight into the database
 * (hundreds in a second, where registering each would take minutes); the directory is reloaded.
 */
export async function seedFocalPoints(
  t: TestServer,
  options: { state: string; domains: string[]; count: number },
): Promise<string[]> {
  const now = t.clock.now();
  const docs = [];
  for (let i = 0; i < options.count; i++) {
    const bundle = await publicKeyBundle(await generateUserKeys());
    const id = new Types.ObjectId();
    docs.push({
      _id: id,
      username: `seeded-${id.toHexString()}`,
      displayName: `Seeded focal point ${i}`,
      role: 'focal-point',
      state: options.state,
      domains: options.domains,
      status: 'active',
      passwordHash: 'not-used',
      totpEnabled: false,
      requireTotp: false,
      tokenVersion: 0,
      invitedBy: null,
      createdAt: now,
      updatedAt: now,
      keys: { ...bundle, keyVersion: 1, createdAt: now, verifiedAt: now, verifiedBy: null },
    });
  }
  await t.server.database.connection.collection('users').insertMany(docs);
  await t.server.accounts.directoryChanged();
  return docs.map((doc) => doc._id.toHexString());
}
