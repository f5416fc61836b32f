import { randomBytes } from 'node:crypto';
import { toBase64Url } from '../../shared/crypto/encoding.js';
import type { EntryUpload, RingHolder, RingView } from '../../shared/schemas/travel-documents.js';
import { isApiError } from '../../client/sdk/api-error.js';
import { travelDocumentsApi, type TravelDocumentsApi } from '../../client/sdk/api/travel-documents-api.js';
import type { SdkPerson } from './sdk.js';
import type { TestServer } from './test-server.js';

/** Random bytes as base64url: the server cannot tell a tag or a ciphertext from them. */
export const randomB64 = (bytes: number): string => toBase64Url(randomBytes(bytes));

/** The thin travel documents API as this person. */
export const travelApi = (t: TestServer, person: SdkPerson): TravelDocumentsApi =>
  travelDocumentsApi(t.url, fetch, person.client.session);

/** A grant of random bytes for a holder, as the holder's client would receive it sealed. */
export const fakeGrant = (holder: Pick<RingHolder, 'userId' | 'keyVersion'>) => ({
  holderId: holder.userId,
  keyVersion: holder.keyVersion,
  sealedKey: randomB64(80),
  signature: randomB64(64),
});

/** Opens the ring's next epoch sealed to every current holder; answers the ring after. */
export async function rotate(api: TravelDocumentsApi, ring: string): Promise<RingView> {
  const view = (await api.status()).rings.find((r) => r.ring === ring);
  if (!view) throw new Error(`not a holder of ${ring}`);
  return api.rotate(ring, { epoch: view.epoch + 1, grants: view.holders.map(fakeGrant) });
}

/** The current epochs of the holder's network and state rings. */
export async function epochs(api: TravelDocumentsApi): Promise<{ network: number; state: number }> {
  const rings = (await api.status()).rings;
  return {
    network: rings.find((r) => r.ring === 'network')?.epoch ?? 0,
    state: rings.find((r) => r.ring.startsWith('state:'))?.epoch ?? 0,
  };
}

/** An entry of random bytes under the given epochs. */
export function fakeEntry(e: { network: number; state: number }, tag = randomB64(32)): EntryUpload {
  return {
    id: randomB64(16),
    networkEpoch: e.network,
    tag,
    details: randomB64(300),
    own: { stateEpoch: e.state, ciphertext: randomB64(400) },
  };
}

/** The refusal a call ends in: status and code. */
export async function refusal(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await promise;
  } catch (error) {
    if (isApiError(error)) return { status: error.status, code: error.code };
    throw error;
  }
  throw new Error('expected a refusal');
}
