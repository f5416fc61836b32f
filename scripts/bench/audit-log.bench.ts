/**
 * The audit log on FerretDB:
 * - appends per second, `--concurrency` appends in flight (as the relay makes them), through the
 *   real log (group commit: one segment document per batch, chained, signed) versus the same
 *   events as `insertMany` of one document each, `--concurrency` at a time (baseline);
 * - a consistency proof for a client 100,000 entries behind, over a log of `--entries` entries:
 *   its size (hashes, bytes) and time: with the subtrees the appends stored, cold (empty subtree cache), warm (cache filled, a node new
 *   to the log) and on a node that gave a proof before (its remembered subtrees and segment bounds).
 * Warm-up, then the median of `--repeats`.
 *
 * Run: npx tsx scripts/bench/audit-log.bench.ts [--appends N] [--concurrency N] [--entries N] [--repeats N]
 */
import mongoose from 'mongoose';
import { performance } from 'node:perf_hooks';
import { consistencyProof, verifyConsistency } from '../../shared/audit/merkle.js';
import { fromBase64Url } from '../../shared/crypto/encoding.js';
import { auditLogModel } from '../../server/db/models/audit-log.model.js';
import { auditLogNodeModel } from '../../server/db/models/audit-log-node.model.js';
import { AuditLogNodesRepository } from '../../server/db/repositories/audit-log-nodes.repository.js';
import { AuditRepository } from '../../server/db/repositories/audit.repository.js';
import { sha256 } from '../../server/modules/audit/audit-entry.js';
import { createAuditLog, type AuditEvent } from '../../server/modules/audit/audit-log.js';
import { logKey } from '../../server/modules/audit/log-key.js';
import { SegmentTree } from '../../server/modules/audit/segment-tree.js';
import { systemClock } from '../../server/system/clock.js';
import { environmentLine, medianOf } from './lib/stats.js';
import { numberFlags } from './lib/bench-processes.js';
import { startBenchDatabase } from './lib/bench-network.js';

const flags = numberFlags({ appends: 5_000, concurrency: 50, entries: 110_000, repeats: 3 });
const BEHIND = 100_000;
const STATES = ['KZ', 'RU', 'TJ', 'UZ', 'KG'];
const key = logKey('bench-secret-bench-secret-bench-secret');

const event = (n: number): AuditEvent => ({
  type: 'message.stored',
  actorId: 'a'.repeat(24),
  state: STATES[n % STATES.length] ?? null,
  subjectId: 'b'.repeat(24),
  data: { kind: 'message', domain: 'border', recipients: 1, status: 'accepted', n },
});

async function main(): Promise<void> {
  console.log(
    `audit log: ${flags.appends} appends at ${flags.concurrency} in flight; proof ${BEHIND} behind over ${flags.entries} entries; median of ${flags.repeats}`,
  );
  const db = await startBenchDatabase();
  const connection = await mongoose.createConnection(db.uri('bench_audit_log')).asPromise();
  try {
    // Appends per second.
    const logRates: number[] = [];
    const baseRates: number[] = [];
    for (let r = 0; r <= flags.repeats; r++) {
      const segments = auditLogModel(connection);
      await segments.deleteMany({});
      const log = createAuditLog(new AuditRepository(segments), systemClock, key);
      let begin = performance.now();
      for (let i = 0; i < flags.appends; i += flags.concurrency)
        await Promise.all(
          Array.from({ length: Math.min(flags.concurrency, flags.appends - i) }, (_, k) => log.append(event(i + k))),
        );
      const logRate = flags.appends / ((performance.now() - begin) / 1000);
      const baseline = connection.collection(`bench_audit_baseline_${r}`);
      begin = performance.now();
      for (let i = 0; i < flags.appends; i += flags.concurrency)
        await baseline.insertMany(
          Array.from({ length: Math.min(flags.concurrency, flags.appends - i) }, (_, k) => ({
            seq: i + k + 1,
            at: new Date(),
            ...event(i + k),
          })),
        );
      const baseRate = flags.appends / ((performance.now() - begin) / 1000);
      await baseline.drop();
      if (r === 0) continue; // warm-up
      logRates.push(logRate);
      baseRates.push(baseRate);
    }
    const segmentsWritten = await auditLogModel(connection).estimatedDocumentCount();
    const a = medianOf(logRates);
    const b = medianOf(baseRates);
    console.log(
      `appends: ${a.toFixed(0)}/s through the log (${segmentsWritten} segment documents for ${flags.appends} entries)   insertMany of one document each (baseline): ${b.toFixed(0)}/s   ratio ${(a / b).toFixed(2)}`,
    );

    // A consistency proof for a client 100,000 entries behind.
    const segments = auditLogModel(connection);
    await segments.deleteMany({});
    const store = new AuditRepository(segments);
    const nodes = auditLogNodeModel(connection);
    await nodes.createIndexes();
    await nodes.deleteMany({});
    // As the server appends: the 2^8 and 2^16 subtrees completed are stored on the way.
    const log = createAuditLog(store, systemClock, key, new AuditLogNodesRepository(nodes));
    const fill = performance.now();
    for (let i = 0; i < flags.entries; i += 1_000)
      await Promise.all(Array.from({ length: Math.min(1_000, flags.entries - i) }, (_, k) => log.append(event(i + k))));
    console.log(`log of ${flags.entries} entries appended in ${((performance.now() - fill) / 1000).toFixed(1)} s`);
    const last = await store.lastSegment();
    if (!last) throw new Error('empty log');
    const appended: number[] = [];
    const cold: number[] = [];
    const warm: number[] = [];
    const hot: number[] = [];
    let hashes = 0;
    // The saved head: a segment end about 100,000 behind.
    const tree = new SegmentTree(store, new AuditLogNodesRepository(nodes));
    const fromSegment = await store.segment(await tree.segmentHolding(Math.max(1, last.size - BEHIND)));
    if (!fromSegment) throw new Error('no segment');
    // The cache as the appends left it, on a node new to the log: the normal case.
    for (let r = 0; r < flags.repeats; r++) {
      const begin = performance.now();
      await consistencyProof(
        sha256,
        new SegmentTree(store, new AuditLogNodesRepository(nodes)),
        fromSegment.size,
        last.size,
      );
      appended.push(performance.now() - begin);
    }
    for (let r = 0; r < flags.repeats; r++) {
      await nodes.deleteMany({});
      const node = new SegmentTree(store, new AuditLogNodesRepository(nodes));
      for (const into of [cold, warm, hot]) {
        // Cold and warm: a node new to the log (the stored cache empty, then filled); hot: the same node again.
        const fresh = into === hot ? node : new SegmentTree(store, new AuditLogNodesRepository(nodes));
        if (into === warm) await consistencyProof(sha256, node, fromSegment.size, last.size);
        const begin = performance.now();
        const proof = await consistencyProof(sha256, fresh, fromSegment.size, last.size);
        into.push(performance.now() - begin);
        hashes = proof.length;
        const ok = verifyConsistency(
          sha256,
          fromSegment.size,
          last.size,
          fromBase64Url(fromSegment.root),
          fromBase64Url(last.root),
          proof,
        );
        if (!ok) throw new Error('the proof does not verify');
      }
    }
    console.log(
      `consistency proof ${fromSegment.size} → ${last.size} (${last.size - fromSegment.size} behind): ${hashes} hashes, ${hashes * 32} bytes (≈ ${Math.ceil((hashes * 32 * 4) / 3) + hashes * 3} bytes as JSON); with the subtrees stored while appending ${medianOf(appended).toFixed(1)} ms; cold cache (emptied: a migrated or restored log) ${medianOf(cold).toFixed(0)} ms, warm ${medianOf(warm).toFixed(1)} ms (a new node), ${medianOf(hot).toFixed(1)} ms (a node that gave one before)`,
    );
    console.log(environmentLine());
  } finally {
    await connection.close();
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
