import { toBase64Url } from '../../../shared/crypto/encoding.js';
import type { BucketEntry } from '../../../shared/schemas/travel-documents.js';
import { clearedMarker, openDetails, tagger } from '../../../shared/travel-documents/keyed-crypto.js';
import { bucketPrefixChars, type ListingMatcher } from '../../../shared/travel-documents/matcher.js';
import type { TravelDocumentsApi } from '../api/travel-documents-api.js';
import { EntryDetails } from './entry-content.js';
import type { Hit, ScreeningInput } from './types.js';

/** A document to screen, its identity made. */
export interface Screenable {
  at: number;
  input: ScreeningInput;
  identity: string;
  number: string;
}

interface Candidate extends Screenable {
  networkEpoch: number;
  tag: Uint8Array;
}

const hex = (bytes: Uint8Array, chars: number): string =>
  [...bytes.subarray(0, Math.ceil(chars / 2))]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, chars);

/**
 * Matches locally: for each document and each network epoch held, its tag's first 8 bytes against
 * the matcher. Nothing leaves the client here.
 */
export async function localCandidates(
  documents: readonly Screenable[],
  matcher: ListingMatcher,
  networkKeys: ReadonlyMap<number, Uint8Array>,
): Promise<Candidate[]> {
  const candidates: Candidate[] = [];
  for (const epoch of matcher.epochs) {
    const key = networkKeys.get(epoch);
    if (!key) continue;
    const tagOf = await tagger(key);
    for (const document of documents) {
      const tag = tagOf(document.identity);
      if (matcher.candidates(epoch, tag).length > 0) candidates.push({ ...document, networkEpoch: epoch, tag });
    }
  }
  return candidates;
}

/**
 * Confirms candidates against their buckets (a crowd of entries sharing the first hex characters
 * of the tag), checks the full tag and opens the details with the key only the number gives. An
 * entry that does not open (planted, or changed) is no hit. Hits cleared for their version are
 * counted, not raised.
 */
export async function confirmCandidates(
  api: TravelDocumentsApi,
  candidates: readonly Candidate[],
  matcher: ListingMatcher,
  networkKeys: ReadonlyMap<number, Uint8Array>,
  isCleared: (entryId: string, version: number) => Promise<boolean>,
): Promise<{ hits: Hit[]; clearedHits: number }> {
  const chars = bucketPrefixChars(matcher.size);
  const buckets = new Map<string, Promise<BucketEntry[]>>();
  const bucketOf = (prefix: string) => {
    let entries = buckets.get(prefix);
    if (!entries) buckets.set(prefix, (entries = api.bucket(prefix).then((answer) => answer.entries)));
    return entries;
  };
  const hits: Hit[] = [];
  const seen = new Set<string>();
  let clearedHits = 0;
  for (const candidate of candidates) {
    const key = networkKeys.get(candidate.networkEpoch);
    if (!key) continue;
    const tag = toBase64Url(candidate.tag);
    for (const entry of await bucketOf(hex(candidate.tag, chars))) {
      if (entry.tag !== tag || entry.networkEpoch !== candidate.networkEpoch) continue;
      if (seen.has(`${candidate.at}|${entry.id}`)) continue;
      let details: EntryDetails;
      try {
        details = EntryDetails.parse(
          await openDetails(
            key,
            candidate.identity,
            { id: entry.id, state: entry.state, networkEpoch: entry.networkEpoch, version: entry.version },
            entry.details,
          ),
        );
      } catch {
        continue;
      }
      seen.add(`${candidate.at}|${entry.id}`);
      if (await isCleared(entry.id, entry.version)) {
        clearedHits++;
        continue;
      }
      hits.push({
        at: candidate.at,
        input: candidate.input,
        entryId: entry.id,
        version: entry.version,
        listingState: entry.state,
        issuingState: details.issuingState,
        documentType: details.documentType,
        number: candidate.number,
        status: details.status,
        date: details.date,
        listedAt: entry.listedAt,
        ...(details.notes ? { notes: details.notes } : {}),
      });
    }
  }
  hits.sort((a, b) => a.at - b.at);
  return { hits, clearedHits };
}

/** Recognises the screening state's cleared markers with the state keys held (the server cannot). */
export async function clearedChecker(
  api: TravelDocumentsApi,
  stateKeys: ReadonlyMap<number, Uint8Array>,
): Promise<(entryId: string, version: number) => Promise<boolean>> {
  const markers = (await api.cleared()).markers;
  const byEpoch = new Map<number, Set<string>>();
  for (const marker of markers) {
    let set = byEpoch.get(marker.stateEpoch);
    if (!set) byEpoch.set(marker.stateEpoch, (set = new Set()));
    set.add(marker.marker);
  }
  return async (entryId, version) => {
    for (const [epoch, set] of byEpoch) {
      const key = stateKeys.get(epoch);
      if (key && set.has(await clearedMarker(key, entryId, version))) return true;
    }
    return false;
  };
}
