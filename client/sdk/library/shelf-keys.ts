import type { UserKeys } from '../../../shared/crypto/keys.js';
import type { GrantUpload, ShelfView } from '../../../shared/schemas/library.js';
import { isApiError } from '../api-error.js';
import type { LibraryApi } from '../api/library-api.js';
import { openGrant, randomKey, sealGrant } from './library-crypto.js';

/** The shelf keys this client opened, by "shelf|epoch"; only keys whose grant verified. */
export class ShelfKeys {
  private readonly keys = new Map<string, Uint8Array>();

  get(shelf: string, epoch: number): Uint8Array | undefined {
    return this.keys.get(`${shelf}|${epoch}`);
  }

  /** Opens the grants of a shelf view that are not open yet. */
  async learn(view: ShelfView, keys: UserKeys): Promise<void> {
    for (const grant of view.myGrants) {
      if (this.get(grant.audience, grant.epoch)) continue;
      const key = await openGrant(grant, {
        encryptionPublicKey: keys.encryption.publicKey,
        encryptionPrivateKey: keys.encryption.privateKey,
      });
      if (key) this.keys.set(`${grant.audience}|${grant.epoch}`, key);
    }
  }

  remember(shelf: string, epoch: number, key: Uint8Array): void {
    this.keys.set(`${shelf}|${epoch}`, key);
  }
}

async function grantsFor(
  view: ShelfView,
  epoch: number,
  key: Uint8Array,
  readers: ShelfView['readers'],
  keys: UserKeys,
): Promise<GrantUpload[]> {
  const grants: GrantUpload[] = [];
  for (const reader of readers) {
    const statement = { shelf: view.audienceKey, epoch, readerId: reader.userId, keyVersion: reader.keyVersion };
    grants.push({
      readerId: reader.userId,
      keyVersion: reader.keyVersion,
      ...(await sealGrant(key, statement, reader.keys, keys.identity.privateKey)),
    });
  }
  return grants;
}

/**
 * The key to publish under: the current epoch's, or a new epoch's when the shelf is new, a reader
 * left since the epoch began, or this publisher does not hold the current key (a new one is sealed
 * to every reader; older items stay under their epochs).
 */
export async function publishingKey(
  api: LibraryApi,
  shelfKeys: ShelfKeys,
  keys: UserKeys,
  shelf: string,
): Promise<{ epoch: number; key: Uint8Array }> {
  const view = await api.shelf(shelf);
  await shelfKeys.learn(view, keys);
  const held = shelfKeys.get(view.audienceKey, view.epoch);
  if (held && view.epoch > 0 && !view.rotationNeeded) return { epoch: view.epoch, key: held };
  const epoch = view.epoch + 1;
  const key = await randomKey();
  await api.rotate(shelf, { epoch, grants: await grantsFor(view, epoch, key, view.readers, keys) });
  shelfKeys.remember(view.audienceKey, epoch, key);
  return { epoch, key };
}

/**
 * Shares the keys this client holds with readers lacking them (newcomers, re-keyed readers): each
 * reader's bundle is checked before sealing. Another client sharing the same key first is no error.
 */
export async function shareWithNewcomers(api: LibraryApi, shelfKeys: ShelfKeys, keys: UserKeys): Promise<number> {
  let granted = 0;
  for (const view of await api.shelves()) {
    await shelfKeys.learn(view, keys);
    const epochs = [...new Set(view.pending.map((p) => p.epoch))];
    for (const epoch of epochs) {
      const key = shelfKeys.get(view.audienceKey, epoch);
      if (!key) continue;
      const readers = view.pending.filter((p) => p.epoch === epoch).map((p) => p.reader);
      const grants = await grantsFor(view, epoch, key, readers, keys);
      try {
        granted += (await api.grant(view.audienceKey, { epoch, grants })).granted;
      } catch (error) {
        if (!isApiError(error, 'library.grant-refused')) throw error;
        // Someone shared part of them meanwhile: the rest one by one.
        for (const grant of grants) {
          try {
            granted += (await api.grant(view.audienceKey, { epoch, grants: [grant] })).granted;
          } catch (single) {
            if (!isApiError(single, 'library.grant-refused')) throw single;
          }
        }
      }
    }
  }
  return granted;
}
