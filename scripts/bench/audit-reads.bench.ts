/**
 * Reading the audit trail on FerretDB, by key versus by the sorted read each replaced (baseline),
 * over a trail of `--entries` entries appended through the real audit log (five states in turn):
 * - the newest segment (what a node reads before its first append, and after losing a race):
 *   `AuditRepository.lastSegment` versus `sortedLast`;
 * - a page of the audit page (newest first, 50, one state's entries, as a national admin reads
 *   it): `list` by key windows versus the filtered, sorted query alone (no windows).
 * Checks both answer the same. Warm-up, then the median of `--repeats` reads each.
 *
 * Run: npx tsx scripts/bench/audit-reads.bench.ts [--entries N] [--repeats N]
 */
import mongoose from 'mongoose';
import { performance } from 'node:perf_hooks';
import { auditLogModel } from '../../server/db/models/audit-log.model.js';
import { AuditRepository } from '../../server/db/repositories/audit.repository.js';
import { createAuditLog } from '../../server/modules/audit/audit-log.js';
import { logKey } from '../../server/modules/audit/log-key.js';
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
    const model = auditLogModel(connection);
    await model.createIndexes();
    const repository = new AuditRepository(model);
    const unkeyed = new AuditRepository(model, { window: 1, windows: 0 });
    const log = createAuditLog(repository, systemClock, logKey('bench-secret-bench-secret-bench-secret'));
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
    await repository.lastSegment();
    await repository.sortedLast();
    await repository.list(PAGE);
    await unkeyed.list(PAGE);
    let seq = 0;
    const keyed: number[] = [];
    const sorted: number[] = [];
    for (let r = 0; r < flags.repeats; r++) {
      const a = await timed(() => repository.lastSegment());
      const b = await timed(() => repository.sortedLast());
      if (a.value?.id !== b.value?.id || a.value?.root !== b.value?.root)
        throw new Error(`the reads disagree: ${a.value?.id} vs ${b.value?.id}`);
      seq = a.value?.id ?? 0;
      keyed.push(a.ms);
      sorted.push(b.ms);
    }
    const k = medianOf(keyed);
    const s = medianOf(sorted);
    console.log(
      `head by key lookups: ${k.toFixed(1)} ms   sorted read (baseline): ${s.toFixed(1)} ms   ratio ${(k / s).toFixed(3)} (both answer segment ${seq})`,
    );

    const keyedPage: number[] = [];
    const sortedPage: number[] = [];
    for (let r = 0; r < flags.repeats; r++) {
      const a = await timed(() => repository.list(PAGE));
      const b = await timed(() => unkeyed.list(PAGE));
      if (JSON.stringify(a.value.map((e) => e.seq)) !== JSON.stringify(b.value.map((e) => e.seq)))
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
