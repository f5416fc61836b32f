/**
 * Lost and stolen travel documents: screening a manifest of 100,000 documents against 1,000,000
 * listings, in Node and in headless Chromium, against a plain `Set` of the same identities in
 * the same run; the sync stream of 1,000,000 listings (bytes, decode + build, the server's
 * endpoint over entries inserted straight into FerretDB) and a daily increment; listing by CSV
 * import through the SDK against a running server.
 * Run: npx tsx scripts/bench/travel-documents.bench.ts [--listings 1000000] [--documents 100000]
 *      [--import 100000] [--db-entries 1000000] [--budget-s 240] [--only local|server]
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { toBase64Url } from '../../shared/crypto/encoding.js';
import { ListingMatcher } from '../../shared/travel-documents/matcher.js';
import { parseListingCsv } from '../../shared/travel-documents/listing-csv.js';
import { sealNewEntry } from '../../client/sdk/travel-documents/entry-content.js';
import { startSdkNetwork } from '../../test/helpers/network.js';
import { startTestDatabase, stopTestDatabase } from '../../test/helpers/test-database.js';
import { withBundledPage } from './lib/bundled-page.js';
import { environmentLine, reportRatio } from './lib/stats.js';
import { listingIdentities, manifest, screeningFigures, syncStreamOf } from './lib/travel-documents-workload.js';

const { values } = parseArgs({
  options: {
    listings: { type: 'string', default: '1000000' },
    documents: { type: 'string', default: '100000' },
    import: { type: 'string', default: '100000' },
    'db-entries': { type: 'string', default: '1000000' },
    'budget-s': { type: 'string', default: '240' },
    /** `local` (Node and Chromium) or `server`; both by default. */
    only: { type: 'string', default: '' },
  },
});
const LISTINGS = Number(values.listings);
const DOCUMENTS = Number(values.documents);
const IMPORT = Number(values.import);
const DB_ENTRIES = Number(values['db-entries']);
const BUDGET_MS = Number(values['budget-s']) * 1000;
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(2)} MiB`;

console.log(
  `travel-documents: ${DOCUMENTS} documents against ${LISTINGS} listings (Node, Chromium); sync of ${DB_ENTRIES} stored entries; CSV import of up to ${IMPORT}`,
);
console.log(environmentLine());

const local = values.only !== 'server';
const server = values.only !== 'local';

// 1. Node: the stream, the matcher, screening; the plain Set beside them.
if (local) {
  const networkKey = new Uint8Array(randomBytes(32));
  let t0 = performance.now();
  const identities = listingIdentities(LISTINGS);
  const documents = manifest(identities, DOCUMENTS);
  console.log(`generated in ${(performance.now() - t0).toFixed(0)} ms`);
  t0 = performance.now();
  const stream = await syncStreamOf(identities, networkKey);
  const encodeMs = performance.now() - t0;
  const plainBytes = identities.reduce((sum, identity) => sum + identity.length + 1, 0);
  console.log(`sync stream of ${LISTINGS}: ${mib(stream.length)} (tags and encoding ${encodeMs.toFixed(0)} ms)`);
  reportRatio('sync stream size', stream.length / 2 ** 20, plainBytes / 2 ** 20, 'MiB', 'plain identities one a line');
  const node = await screeningFigures(stream, identities, documents, networkKey);
  console.log(`node: ${node.candidates} candidates, ${node.baselineHits} plain hits`);
  reportRatio('node decode + build', node.build, node.baselineBuild, 'ms', 'a Set of the identities');
  reportRatio(`node screen ${DOCUMENTS}`, node.screen, node.baselineScreen, 'ms', '≤ 2,000 ms');

  // 2. Headless Chromium: the same code, bundled.
  await withBundledPage('scripts/bench/lib/travel-documents-page.ts', async (page) => {
    const inPage = await page.evaluate(([l, d, k]) => globalThis.travelDocumentsBench(l, d, k), [
      LISTINGS,
      DOCUMENTS,
      [...networkKey],
    ] as const);
    console.log(`chromium: ${inPage.candidates} candidates, ${inPage.baselineHits} plain hits`);
    reportRatio('chromium decode + build', inPage.build, inPage.baselineBuild, 'ms', 'a Set of the identities');
    reportRatio(`chromium screen ${DOCUMENTS}`, inPage.screen, inPage.baselineScreen, 'ms', '≤ 2,000 ms');
  });
}

// 3. Against a running server: CSV import, the sync endpoint over bulk-inserted entries, an increment.
if (server) {
  await startTestDatabase();
  const net = await startSdkNetwork({
    states: { KZ: { focalPoints: { border: 1 } }, RU: { focalPoints: { border: 1 } } },
  });
  try {
    const kz = net.focalPoint('KZ');
    const ru = net.focalPoint('RU');
    for (const state of ['KZ', 'RU']) await net.admin(state).client.travelDocuments.setParticipation(true);
    await kz.client.travelDocuments.prepare();
    await ru.client.travelDocuments.prepare();

    const csvOf = (from: number, count: number): string =>
      [
        'issuing_state,document_type,document_number,status,date',
        ...listingIdentities(from + count, 99)
          .slice(from)
          .map((identity) => `${identity.slice(0, 2)},passport,${identity.slice(3)}-${from},stolen,2026-11-02`),
      ].join('\n');
    const CHUNK = 10_000;
    let imported = 0;
    let importMs = 0;
    let parseMs = 0;
    while (imported < IMPORT && importMs < BUDGET_MS) {
      const csv = csvOf(imported, Math.min(CHUNK, IMPORT - imported));
      let t = performance.now();
      parseListingCsv(csv);
      parseMs += performance.now() - t;
      t = performance.now();
      const outcome = await kz.client.travelDocuments.importCsv(csv);
      importMs += performance.now() - t;
      imported += outcome.listed;
      if (outcome.problems.length + outcome.duplicates.length > 0)
        throw new Error(`import refused rows: ${JSON.stringify(outcome.problems.slice(0, 3))}`);
    }
    // How much of it is the client's: keying and sealing as many listings, no server.
    const sealKeys = { network: { epoch: 1, key: new Uint8Array(32) }, state: { epoch: 1, key: new Uint8Array(32) } };
    const sample = parseListingCsv(csvOf(0, Math.min(imported, 2000))).rows;
    let sealMs = performance.now();
    for (const row of sample) await sealNewEntry('KZ', row.listing, sealKeys);
    sealMs = ((performance.now() - sealMs) / Math.max(1, sample.length)) * imported;
    console.log(
      `client keying and sealing alone: ${(sealMs / 1000).toFixed(1)} s for ${imported} (timed on ${sample.length})`,
    );
    console.log(
      `csv import: ${imported} listed in ${(importMs / 1000).toFixed(1)} s = ${(imported / (importMs / 1000)).toFixed(0)} listings/s`,
    );
    reportRatio(`csv import ${imported}`, importMs, parseMs, 'ms', 'parsing and checking the same CSV alone');

    // Entries straight into the collection, as the repository stores them (tags of random bytes),
    // before anything syncs: the server's copy of the listed set is built by its first full sync
    // (cold, one scan), then served from memory (warm).
    const entries = net.t.server.database.connection.collection('travel_document_entries');
    const api = ru.client.travelDocuments.api;
    const BATCH = 5000;
    const started = performance.now();
    const now = new Date();
    let inserted = 0;
    const toWithdraw: string[] = [];
    while (inserted < DB_ENTRIES && performance.now() - started < BUDGET_MS) {
      const docs = Array.from({ length: Math.min(BATCH, DB_ENTRIES - inserted) }, () => {
        const tag = randomBytes(32);
        return {
          _id: toBase64Url(randomBytes(16)),
          state: 'KZ',
          version: 1,
          status: 'listed',
          networkEpoch: 1,
          tag: toBase64Url(tag),
          tagHex: tag.toString('hex'),
          details: 'AAAA',
          own: { stateEpoch: 1, ciphertext: 'AAAA' },
          listedBy: kz.id,
          listedAt: now,
          updatedAt: now,
          withdrawnAt: null,
          withdrawReason: null,
        };
      });
      await entries.insertMany(docs as never[], { ordered: false });
      inserted += docs.length;
      if (toWithdraw.length === 0) toWithdraw.push(...docs.slice(0, 50).map((doc) => doc._id));
    }
    console.log(`bulk insert: ${inserted} entries in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (const phase of ['cold', 'warm', 'warm']) {
      const t1 = performance.now();
      const bytes = await api.sync(0, []);
      const endpointMs = performance.now() - t1;
      const t2 = performance.now();
      const header = new ListingMatcher().applyStream(bytes);
      console.log(
        `server full sync (${phase}) of ${header.added} entries: ${mib(bytes.length)}, endpoint ${endpointMs.toFixed(0)} ms (fetch included), client decode + build ${(performance.now() - t2).toFixed(0)} ms`,
      );
    }
    const fresh = performance.now();
    const outcome = await ru.client.travelDocuments.sync();
    console.log(
      `sdk sync() fresh client, end to end: ${outcome.entries} entries in ${(performance.now() - fresh).toFixed(0)} ms`,
    );

    // A day's change: 1,000 listed, 50 withdrawn.
    await kz.client.travelDocuments.importCsv(csvOf(10_000_000, 1000));
    // By id: a query for a state's own entries scans the collection on FerretDB.
    for (const id of toWithdraw) await kz.client.travelDocuments.api.withdraw(id, { reason: 'recovered' });
    const t = performance.now();
    const increment = await ru.client.travelDocuments.sync();
    console.log(
      `daily increment (1,000 listed, 50 withdrawn): ${increment.bytes} bytes, full=${increment.full}, sync() ${(performance.now() - t).toFixed(0)} ms; now ${increment.entries} entries`,
    );
  } finally {
    await net.stop();
    await stopTestDatabase();
  }
}
