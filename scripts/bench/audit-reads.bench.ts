/**
 * Reading the audit trail on FerretDB, by key versus by the sorted read each replaced (baseline),
 * over a trail of `--entries` entries appended through the real audit log (five states in turn):
 * - the head (what a node reads before its first append, and after a write error):
 *   `AuditRepository.head` versus `sortedHead`;
 * - a page of the audit page (newest first, 50, one state's entries, as a national admin reads
 *   it): `list` versus `sortedList`.
 * Checks both answer the same. Warm-up, then the median of `--repeats` reads each.
 *
 * Run: npx tsx scripts/bench/audit-reads.bench.ts [--entries N] [--repeats N]
 */
import mongoose from 'mongoose';
import { performance } from 'node:perf_hooks';
import { auditEntryModel } from '../../server/db/models/audit-entry.model.js';
import { AuditRepository } from '../../server/db/repositories/audit.repository.js';
import { createAuditLog } from '../../server/modules/audit/audit-log.js';
import { systemClock } from '../../server/system/clock.js';
import { environmentLine, medianOf } from './lib/stats.js';
import { numberFlags } from './lib/bench-processes.js';
import { startBenchDatabase } from './lib/bench-network.js';

const flags = numberFlags({ entries: 30_000, repeats: 5 });
const STATES = ['KZ', 'RU', 'TJ', 'UZ', 'KG'];
const PAGE = { state: 'KZ', order: 'desc' as const, limit: 50 };

async function timed<T>(read: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const begin = performance.now();
  const value = await read();
  return { ms: performance.now() - begin, value };
}

async function main(): Promise<void> {
  console.log(`audit reads: ${flags.entries} entries; warm-up + ${flags.repeats} reads each, median`);
  const db = await startBenchDatabase();
  const connection = await mongoose.createConnection(db.uri('bench_audit_head')).asPromise();
  try {
    const model = auditEntryModel(connection);
    await model.createIndexes();
    const repository = new AuditRepository(model);
    const log = createAuditLog(repository, systemClock);
    const fill = performance.now();
    for (let i = 0; i < flags.entries; i += 500) {
      await Promise.all(
        Array.from({ length: Math.min(500, flags.entries - i) }, (_, k) =>
          log.append({
            type: 'message.stored',
            actorId: 'a'.repeat(24),
            state: STATES[(i + k) % STATES.length] ?? null,
            subjectId: 'b'.repeat(24),
            data: { kind: 'message', domain: 'border', recipients: 1, status: 'accepted', n: i + k },
          }),
        ),
      );
    }
    console.log(`appended in ${((performance.now() - fill) / 1000).toFixed(1)} s`);
    await repository.head();
    await repository.sortedHead();
    await repository.list(PAGE);
    await repository.sortedList(PAGE);
    let seq = 0;
    const keyed: number[] = [];
    const sorted: number[] = [];
    for (let r = 0; r < flags.repeats; r++) {
      const a = await timed(() => repository.head());
      const b = await timed(() => repository.sortedHead());
      if (a.value?.seq !== b.value?.seq || a.value?.hash !== b.value?.hash)
        throw new Error(`the reads disagree: ${a.value?.seq} vs ${b.value?.seq}`);
      seq = a.value?.seq ?? 0;
      keyed.push(a.ms);
      sorted.push(b.ms);
    }
    const k = medianOf(keyed);
    const s = medianOf(sorted);
    console.log(
      `head by key lookups: ${k.toFixed(1)} ms   sorted read (baseline): ${s.toFixed(1)} ms   ratio ${(k / s).toFixed(3)} (both answer entry ${seq})`,
    );

    const keyedPage: number[] = [];
    const sortedPage: number[] = [];
    for (let r = 0; r < flags.repeats; r++) {
      const a = await timed(() => repository.list(PAGE));
      const b = await timed(() => repository.sortedList(PAGE));
      if (JSON.stringify(a.value.map((e) => e.hash)) !== JSON.stringify(b.value.map((e) => e.hash)))
        throw new Error('the pages disagree');
      keyedPage.push(a.ms);
      sortedPage.push(b.ms);
    }
    const kp = medianOf(keyedPage);
    const sp = medianOf(sortedPage);
    console.log(
      `audit page (KZ, newest 50) by key: ${kp.toFixed(1)} ms   sorted read (baseline): ${sp.toFixed(1)} ms   ratio ${(kp / sp).toFixed(3)}`,
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
