/**
 * The server's side of the lost and stolen travel documents sync on FerretDB, over `--entries`
 * listings of five states (random tags and ciphertexts of realistic size, inserted through the
 * repository as the listing route does, in calls of 1,000):
 * - the node's copy of the listed set (`ListedSet`): built by one projected scan (once per
 *   process), then a full stream from it as a fresh client gets it, versus the baseline of reading
 *   whole documents and encoding them with `encodeSync`; time, bytes on the wire, heap growth;
 * - a day's increment (`--daily` listings and a tenth as many withdrawals, as change-log batches),
 *   and the copy catching up with it;
 * - a bucket of a 2-hex-character prefix (what a client asks after a local match): candidates
 *   from the copy and the entries by id, versus a range query on the tag's hex (baseline).
 *
 * Run: npx tsx scripts/bench/travel-documents-sync.bench.ts [--entries N] [--daily N] [--repeats N]
 */
import mongoose from 'mongoose';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { fromBase64Url, toBase64Url } from '../../shared/crypto/encoding.js';
import { TRAVEL_DOCUMENT_LIMITS } from '../../shared/schemas/travel-documents.js';
import { decodeSyncHeader, encodeSync } from '../../shared/travel-documents/sync-format.js';
import { travelDocumentModels } from '../../server/db/models/travel-documents.model.js';
import {
  TravelDocumentChangeLog,
  TravelDocumentEntriesRepository,
} from '../../server/db/repositories/travel-document-entries.repository.js';
import { SettingsRepository } from '../../server/db/repositories/settings.repository.js';
import { settingModel } from '../../server/db/models/setting.model.js';
import { syncRowOf } from '../../server/modules/travel-documents/entries.js';
import type { TravelDocumentEntry } from '../../server/modules/travel-documents/ports.js';
import { ListedSet } from '../../server/modules/travel-documents/listed-set.js';
import { environmentLine, medianOf } from './lib/stats.js';
import { numberFlags } from './lib/bench-processes.js';
import { startBenchDatabase } from './lib/bench-network.js';

const flags = numberFlags({ entries: 100_000, daily: 1_000, repeats: 3 });
const STATES = ['CN', 'KG', 'KZ', 'RU', 'UZ'];
const b64 = (bytes: number): string => toBase64Url(randomBytes(bytes));

function entry(state: string, at: Date): TravelDocumentEntry {
  return {
    id: b64(16),
    state,
    version: 1,
    status: 'listed',
    networkEpoch: 1,
    tag: b64(32),
    // Sealed details (issuing state, type, status, date, short notes) and the state's own copy.
    details: b64(160),
    own: { stateEpoch: 1, ciphertext: b64(200) },
    listedBy: 'a'.repeat(24),
    listedAt: at,
    updatedAt: at,
    withdrawnAt: null,
    withdrawReason: null,
  };
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T; heapMb: number }> {
  global.gc?.();
  const heap = process.memoryUsage().heapUsed;
  const begin = performance.now();
  const value = await run();
  return { ms: performance.now() - begin, value, heapMb: (process.memoryUsage().heapUsed - heap) / 2 ** 20 };
}

async function main(): Promise<void> {
  console.log(`travel documents sync: ${flags.entries} listings of ${STATES.length} states; ${environmentLine()}`);
  const db = await startBenchDatabase();
  const connection = await mongoose.createConnection(db.uri('bench_sltd')).asPromise();
  try {
    const models = travelDocumentModels(connection);
    for (const model of Object.values(models)) await model.createIndexes();
    const entries = new TravelDocumentEntriesRepository(models.entries);
    const changes = new TravelDocumentChangeLog(models.changes, new SettingsRepository(settingModel(connection)));

    const fill = performance.now();
    for (let i = 0; i < flags.entries; i += TRAVEL_DOCUMENT_LIMITS.entriesPerCall) {
      const state = STATES[(i / TRAVEL_DOCUMENT_LIMITS.entriesPerCall) % STATES.length] ?? 'KZ';
      const batch = Array.from({ length: Math.min(TRAVEL_DOCUMENT_LIMITS.entriesPerCall, flags.entries - i) }, () =>
        entry(state, new Date()),
      );
      await entries.insertMany(batch);
      await changes.append({ at: new Date(), added: batch.map(syncRowOf), removed: [] });
    }
    const fillS = (performance.now() - fill) / 1000;
    console.log(
      `listed in ${fillS.toFixed(1)} s (${Math.round(flags.entries / fillS)} entries/s, calls of 1,000, with the change log)`,
    );

    const listed = new ListedSet({ entries, changes });
    const build = await timed(() => listed.current());
    console.log(
      `node's copy built by one projected scan: ${build.ms.toFixed(0)} ms, heap +${build.heapMb.toFixed(0)} MiB`,
    );
    const served: number[] = [];
    const whole: number[] = [];
    let bytes = 0;
    let heap = 0;
    let wholeHeap = 0;
    for (let r = 0; r < flags.repeats; r++) {
      const a = await timed(async () => listed.fullStream(STATES, await listed.current()));
      const { header } = decodeSyncHeader(a.value);
      if (header.added !== flags.entries) throw new Error(`the stream holds ${header.added} records`);
      served.push(a.ms);
      bytes = a.value.length;
      heap = Math.max(heap, a.heapMb);
      // Baseline: whole documents read, then every record built as an object for encodeSync.
      const b = await timed(async () => {
        const docs = await models.entries.find({ status: 'listed', state: { $in: STATES } }).lean();
        return encodeSync({
          full: true,
          cursor: 0,
          allowedStates: STATES,
          added: docs.map((doc) => ({
            state: doc.state,
            networkEpoch: doc.networkEpoch,
            tagPrefix: fromBase64Url(doc.tag).subarray(0, TRAVEL_DOCUMENT_LIMITS.syncTagBytes),
          })),
          removed: [],
        });
      });
      whole.push(b.ms);
      wholeHeap = Math.max(wholeHeap, b.heapMb);
    }
    const p = medianOf(served);
    const w = medianOf(whole);
    console.log(
      `full stream from the copy: ${p.toFixed(0)} ms, ${(bytes / 2 ** 20).toFixed(2)} MiB (${(bytes / flags.entries).toFixed(2)} bytes/entry), heap +${heap.toFixed(0)} MiB` +
        ` vs whole documents + encodeSync (baseline): ${w.toFixed(0)} ms, heap +${wholeHeap.toFixed(0)} MiB → ratio ${(p / w).toFixed(3)}`,
    );
    console.log(`  process heap with the copy: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);

    const cursor = await changes.head();
    const day = Array.from({ length: flags.daily }, () => entry('KZ', new Date()));
    for (let i = 0; i < day.length; i += 100) {
      await entries.insertMany(day.slice(i, i + 100));
      await changes.append({ at: new Date(), added: day.slice(i, i + 100).map(syncRowOf), removed: [] });
    }
    const gone = day.slice(0, Math.ceil(flags.daily / 10));
    for (const e of gone) {
      await entries.withdraw(e.id, 1, 'recovered', new Date());
      await changes.append({ at: new Date(), added: [], removed: [syncRowOf(e)] });
    }
    const inc = await timed(async () => {
      const batches = await changes.since(cursor);
      return encodeSync({
        full: false,
        cursor: batches.at(-1)?.seq ?? cursor,
        allowedStates: STATES,
        added: batches.flatMap((b) => b.added),
        removed: batches.flatMap((b) => b.removed),
      });
    });
    const caughtUp = await timed(() => listed.current());
    console.log(`the copy catching up with the day: ${caughtUp.ms.toFixed(0)} ms`);
    console.log(
      `daily increment (${flags.daily} listed, ${gone.length} withdrawn, ${(await changes.head()) - cursor} log batches): ${inc.ms.toFixed(0)} ms, ${(inc.value.length / 1024).toFixed(1)} KiB`,
    );

    const bucketTimes: number[] = [];
    const scanTimes: number[] = [];
    let bucketSize = 0;
    for (let r = 0; r < flags.repeats; r++) {
      const prefix = randomBytes(1).toString('hex');
      const b = await timed(async () => entries.findMany(listed.bucket(prefix, STATES)));
      bucketTimes.push(b.ms);
      bucketSize = b.value.length;
      const scan = await timed(() =>
        models.entries.find({ tagHex: { $gte: prefix, $lt: `${prefix}g` }, status: 'listed' }).lean(),
      );
      if (scan.value.length !== b.value.filter((e) => e.status === 'listed').length)
        throw new Error('the bucket reads disagree');
      scanTimes.push(scan.ms);
    }
    console.log(
      `bucket of a 2-hex prefix (~${bucketSize} entries): ${medianOf(bucketTimes).toFixed(0)} ms vs range query on the tag hex (baseline): ${medianOf(scanTimes).toFixed(0)} ms`,
    );
  } finally {
    await connection.close();
    await db.stop();
  }
}

await main();
