/**
 * The travel-documents benchmark's work, the same in Node and bundled for Chromium: listings
 * and a manifest from a seeded generator, the sync stream of the listings, the matcher built
 * from it, and screening against it, beside a plain `Set` of the same identities.
 */
import { screeningIdentity, type ScreeningFields } from '../../../shared/travel-documents/inputs.js';
import { tagger } from '../../../shared/travel-documents/keyed-crypto.js';
import { ListingMatcher } from '../../../shared/travel-documents/matcher.js';
import { encodeSync, type SyncRecord } from '../../../shared/travel-documents/sync-format.js';

const STATES = ['KZ', 'RU', 'CN', 'IN', 'TR', 'UZ', 'KG', 'TJ', 'AZ', 'MN'];

/** xorshift32: the same documents in every run and runtime. */
function generator(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

/** A document of the generator: an issuing state and a number of a letter and eight digits. */
function documentOf(next: () => number): { state: string; number: string } {
  const state = STATES[next() % STATES.length] ?? 'KZ';
  const letter = String.fromCharCode(65 + (next() % 26));
  return { state, number: `${letter}${String(next() % 100_000_000).padStart(8, '0')}` };
}

export function listingIdentities(count: number, seed = 1): string[] {
  const next = generator(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const { state, number } = documentOf(next);
    out.push(`${state}:${number}`);
  }
  return out;
}

/**
 * A manifest of `count` documents, `listedShare` of them taken from the listings and written as
 * a person might (lower case, spaces, an alpha-3 state), the rest from another seed.
 */
export function manifest(listings: readonly string[], count: number, listedShare = 0.01, seed = 7): ScreeningFields[] {
  const next = generator(seed);
  const out: ScreeningFields[] = [];
  for (let i = 0; i < count; i++) {
    if (next() % 10_000 < listedShare * 10_000) {
      const [state = 'KZ', number = ''] = (listings[next() % listings.length] ?? '').split(':');
      out.push({ issuingState: state.toLowerCase(), number: `${number.slice(0, 3)} ${number.slice(3)}`.toLowerCase() });
    } else {
      const { state, number } = documentOf(next);
      out.push({ issuingState: state, number });
    }
  }
  return out;
}

/** The sync stream a fresh client receives for these listings (all under network epoch 1). */
export async function syncStreamOf(identities: readonly string[], networkKey: Uint8Array): Promise<Uint8Array> {
  const tagOf = await tagger(networkKey);
  const added: SyncRecord[] = identities.map((identity) => ({
    state: identity.slice(0, 2),
    networkEpoch: 1,
    tagPrefix: tagOf(identity).subarray(0, 8),
  }));
  return encodeSync({ full: true, cursor: 1, allowedStates: STATES, added, removed: [] });
}

export interface ScreeningFigures {
  /** Decoding the stream and building the matcher, ms. */
  build: number;
  /** Screening the manifest: normalise, tag, look up; ms. */
  screen: number;
  candidates: number;
  /** Baseline: building a Set of the plain identities, ms. */
  baselineBuild: number;
  /** Baseline: normalise and look up in the Set, ms. */
  baselineScreen: number;
  baselineHits: number;
}

/** Builds the matcher from the stream and screens the manifest, and does the same with a plain Set. */
export async function screeningFigures(
  stream: Uint8Array,
  identities: readonly string[],
  documents: readonly ScreeningFields[],
  networkKey: Uint8Array,
): Promise<ScreeningFigures> {
  let t0 = performance.now();
  const matcher = new ListingMatcher();
  matcher.applyStream(stream);
  const build = performance.now() - t0;

  t0 = performance.now();
  const tagOf = await tagger(networkKey);
  let candidates = 0;
  for (const document of documents) {
    const checked = screeningIdentity(document);
    if (checked.ok && matcher.candidates(1, tagOf(checked.value.identity)).length > 0) candidates++;
  }
  const screen = performance.now() - t0;

  t0 = performance.now();
  const plain = new Set(identities);
  const baselineBuild = performance.now() - t0;
  t0 = performance.now();
  let baselineHits = 0;
  for (const document of documents) {
    const checked = screeningIdentity(document);
    if (checked.ok && plain.has(checked.value.identity)) baselineHits++;
  }
  const baselineScreen = performance.now() - t0;
  return { build, screen, candidates, baselineBuild, baselineScreen, baselineHits };
}
