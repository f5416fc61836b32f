import { canonicalJsonBytes } from '../../../shared/crypto/canonical-json.js';
import type { UserKeys } from '../../../shared/crypto/keys.js';
import type { RingGrantUpload, RingGrantView, RingHolder, RingView } from '../../../shared/schemas/travel-documents.js';
import { newRingKey } from '../../../shared/travel-documents/keyed-crypto.js';
import { isApiError } from '../api-error.js';
import type { TravelDocumentsApi } from '../api/travel-documents-api.js';
import { openKeyGrant, sealKeyGrant, type KeyGrantStatement } from '../key-grant.js';

/**
 * The statement a ring grant's granter signs: its own purpose and key-hash context, so a ring
 * grant is never mistaken for a library shelf grant (or the other way round).
 */
const ringGrant = (statement: {
  ring: string;
  epoch: number;
  holderId: string;
  keyVersion: number;
}): KeyGrantStatement => ({
  context: 'focalnet/travel-documents-ring-key/v1',
  message: (commitment) =>
    canonicalJsonBytes({ v: 1, purpose: 'focalnet/travel-documents-ring-grant', ...statement, key: commitment }),
});

export async function sealRingGrant(
  key: Uint8Array,
  ring: string,
  epoch: number,
  holder: Pick<RingHolder, 'userId' | 'keyVersion' | 'keys'>,
  granterIdentityKey: Uint8Array,
): Promise<RingGrantUpload> {
  const statement = { ring, epoch, holderId: holder.userId, keyVersion: holder.keyVersion };
  return {
    holderId: holder.userId,
    keyVersion: holder.keyVersion,
    ...(await sealKeyGrant(key, ringGrant(statement), holder.keys, `holder ${holder.userId}`, granterIdentityKey)),
  };
}

export function openRingGrant(grant: RingGrantView, keys: UserKeys): Promise<Uint8Array | undefined> {
  const statement = { ring: grant.ring, epoch: grant.epoch, holderId: grant.holderId, keyVersion: grant.keyVersion };
  return openKeyGrant(grant, ringGrant(statement), {
    encryptionPublicKey: keys.encryption.publicKey,
    encryptionPrivateKey: keys.encryption.privateKey,
  });
}

/** The ring keys this client opened, by ring and epoch; only keys whose grant verified. */
export class RingKeys {
  private readonly keys = new Map<string, Map<number, Uint8Array>>();

  get(ring: string, epoch: number): Uint8Array | undefined {
    return this.keys.get(ring)?.get(epoch);
  }

  /** Every epoch of a ring held, newest first. */
  epochs(ring: string): number[] {
    return [...(this.keys.get(ring)?.keys() ?? [])].sort((a, b) => b - a);
  }

  remember(ring: string, epoch: number, key: Uint8Array): void {
    let epochs = this.keys.get(ring);
    if (!epochs) this.keys.set(ring, (epochs = new Map()));
    epochs.set(epoch, key);
  }

  /** Opens the grants of a ring view not opened yet. */
  async learn(view: RingView, keys: UserKeys): Promise<void> {
    for (const grant of view.myGrants) {
      if (this.get(grant.ring, grant.epoch)) continue;
      const key = await openRingGrant(grant, keys);
      if (key) this.remember(grant.ring, grant.epoch, key);
    }
  }
}

/**
 * Opens the next epoch of a ring when it has none or a holder of the current one left: a new
 * key sealed to exactly the current holders. Answers whether this client rotated it; another
 * client rotating first is no error (its epoch is learnt on the next status).
 */
export async function rotateIfNeeded(
  api: TravelDocumentsApi,
  ringKeys: RingKeys,
  keys: UserKeys,
  view: RingView,
): Promise<boolean> {
  if (view.epoch > 0 && !view.rotationNeeded) return false;
  const epoch = view.epoch + 1;
  const key = await newRingKey();
  const grants: RingGrantUpload[] = [];
  for (const holder of view.holders)
    grants.push(await sealRingGrant(key, view.ring, epoch, holder, keys.identity.privateKey));
  try {
    await api.rotate(view.ring, { epoch, grants });
  } catch (error) {
    if (isApiError(error, 'travel-documents.conflict') || isApiError(error, 'travel-documents.stale-epoch'))
      return false;
    throw error;
  }
  ringKeys.remember(view.ring, epoch, key);
  return true;
}

/** Shares the epochs this client holds with holders lacking them; answers how many grants were made. */
export async function shareWithNewcomers(
  api: TravelDocumentsApi,
  ringKeys: RingKeys,
  keys: UserKeys,
  view: RingView,
): Promise<number> {
  let granted = 0;
  for (const epoch of new Set(view.pending.map((pending) => pending.epoch))) {
    const key = ringKeys.get(view.ring, epoch);
    if (!key) continue;
    const grants: RingGrantUpload[] = [];
    for (const { holder } of view.pending.filter((pending) => pending.epoch === epoch))
      grants.push(await sealRingGrant(key, view.ring, epoch, holder, keys.identity.privateKey));
    for (let at = 0; at < grants.length; at += 500) {
      try {
        granted += (await api.grant(view.ring, { epoch, grants: grants.slice(at, at + 500) })).granted;
      } catch (error) {
        // Another holder shared them meanwhile: nothing lost.
        if (!isApiError(error, 'travel-documents.grant-refused')) throw error;
      }
    }
  }
  return granted;
}
