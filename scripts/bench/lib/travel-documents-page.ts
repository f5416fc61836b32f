/**
 * Bundled for the browser by travel-documents.bench.ts: the listings' sync stream made in the
 * page, then the matcher built and a manifest screened, beside a plain Set; answers the figures.
 */
import {
  manifest,
  listingIdentities,
  screeningFigures,
  syncStreamOf,
  type ScreeningFigures,
} from './travel-documents-workload.js';

declare global {
  var travelDocumentsBench: (
    listings: number,
    documents: number,
    key: readonly number[],
  ) => Promise<ScreeningFigures & { streamBytes: number }>;
}

globalThis.travelDocumentsBench = async (listings, documents, key) => {
  const networkKey = new Uint8Array(key);
  const identities = listingIdentities(listings);
  const stream = await syncStreamOf(identities, networkKey);
  const figures = await screeningFigures(stream, identities, manifest(identities, documents), networkKey);
  return { ...figures, streamBytes: stream.length };
};
