/**
 * Durable relay (quality.md: "stored before ack — group commits: ≥ 0.5× a raw insertMany baseline
 * at the same batch size on the same database").
 *
 * The FocalNet server process (core 0, with its FerretDB) receives `message:send` from this load
 * generator (core 1) with `batch` sends in flight, so concurrent sends can share a commit; every
 * ack comes only after the durable write. Baseline on the same FerretDB, from this process:
 * `insertMany` of the same stored-message documents, `batch` at a time. Result: acknowledged
 * messages per second vs documents inserted per second. Warm-up, three repeats, median.
 *
 * Run: npx tsx scripts/bench/relay-durable.bench.ts [--full] [--batch N] [--messages N] [--senders N]
 */
import mongoose, { Types } from 'mongoose';
import { performance } from 'node:perf_hooks';
import { messageDocument } from '../../server/db/repositories/messages.repository.js';
import type { Ack } from '../../shared/errors.js';
import { environmentLine, medianOf } from './lib/stats.js';
import {
  canPin,
  describeProbe,
  processCpuSeconds,
  fullSize,
  LOAD_CORE,
  numberFlags,
  pin,
  type BenchChild,
} from './lib/bench-processes.js';
import {
  connectAll,
  seedFocalPoints,
  startBenchDatabase,
  startFocalNet,
  type BenchSocket,
} from './lib/bench-network.js';
import { planMessages, type PlannedMessage } from './lib/relay-load.js';

const flags = numberFlags(
  fullSize ? { batch: 100, messages: 5000, senders: 200 } : { batch: 50, messages: 1000, senders: 100 },
);
const REPEATS = 3;
const DB_NAME = 'bench_durable';

/** Acknowledged sends per second with `batch` in flight (bounded to 60 s). */
async function relayRate(
  sockets: readonly BenchSocket[],
  plan: readonly PlannedMessage[],
): Promise<{ perSecond: number; errors: number }> {
  let next = 0;
  let acked = 0;
  let errors = 0;
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: flags.batch }, async () => {
      for (let i = next++; i < plan.length && performance.now() - begin < 60_000; i = next++) {
        const message = plan[i];
        const socket = message && sockets[message.sender];
        if (!message || !socket) continue;
        const ack = (await socket
          .timeout(30_000)
          .emitWithAck('message:send', { envelope: message.envelope })
          .catch(() => undefined)) as Ack<unknown> | undefined;
        if (ack?.ok) acked += 1;
        else {
          if (errors === 0)
            console.log(`    first error: ${ack ? `${ack.error.code} ${ack.error.message}` : 'no answer within 30 s'}`);
          errors += 1;
        }
      }
    }),
  );
  return { perSecond: acked / ((performance.now() - begin) / 1000), errors };
}

/** The same documents the relay stores, inserted `batch` at a time, one batch after another. */
async function insertManyRate(collection: mongoose.mongo.Collection, plan: readonly PlannedMessage[]): Promise<number> {
  const docs = plan.map((m) =>
    messageDocument(new Types.ObjectId().toHexString(), {
      senderId: m.envelope.header.from.userId,
      envelope: m.envelope,
      attachmentIds: [],
      status: 'accepted',
      conditions: {},
      storedAt: new Date(),
      retentionUntil: null,
    }),
  );
  const begin = performance.now();
  for (let i = 0; i < docs.length; i += flags.batch) await collection.insertMany(docs.slice(i, i + flags.batch));
  return docs.length / ((performance.now() - begin) / 1000);
}

async function main(): Promise<void> {
  pin(process.pid, LOAD_CORE);
  console.log(
    `durable relay: ${flags.messages} messages per run from ${flags.senders} senders, ${flags.batch} in flight; baseline insertMany of ${flags.batch}; warm-up + ${REPEATS} repeats, median`,
  );
  console.log(
    canPin
      ? 'pinned: server and database on core 0, load generator on core 1'
      : 'not pinned (needs 2 cores and taskset)',
  );
  const db = await startBenchDatabase();
  let server: (BenchChild & { url: string }) | undefined;
  let sockets: BenchSocket[] = [];
  const connection = await mongoose.createConnection(db.uri(DB_NAME)).asPromise();
  try {
    const people = await seedFocalPoints(db.uri(DB_NAME), flags.senders, { withKeys: true });
    const plan = await planMessages(people, flags.messages * (REPEATS + 1));
    server = await startFocalNet('focalnet', { uri: db.uri(DB_NAME), dbName: DB_NAME });
    sockets = await connectAll(server.url, people);
    const baseline = connection.collection('bench_insertmany');
    const slice = (r: number): PlannedMessage[] => plan.slice(r * flags.messages, (r + 1) * flags.messages);
    await relayRate(sockets, slice(0));
    await insertManyRate(baseline, slice(0));
    const runs: Array<{ relay: number; insertMany: number; dbPerMessage: number; dbPerDoc: number }> = [];
    for (let r = 1; r <= REPEATS; r++) {
      await server.probe();
      const dbCpu = processCpuSeconds(db.pid);
      const relay = await relayRate(sockets, slice(r));
      const probe = await server.probe();
      const dbCpuUsed = processCpuSeconds(db.pid) - dbCpu;
      const dbCpuBaseline = processCpuSeconds(db.pid);
      const insertMany = await insertManyRate(baseline, slice(r));
      const dbCpuPerDoc = (processCpuSeconds(db.pid) - dbCpuBaseline) / flags.messages;
      runs.push({
        relay: relay.perSecond,
        insertMany,
        dbPerMessage: dbCpuUsed / flags.messages,
        dbPerDoc: dbCpuPerDoc,
      });
      console.log(
        `  run ${r}: relay ${relay.perSecond.toFixed(0)} acked msg/s (errors ${relay.errors}); insertMany ${insertMany.toFixed(0)} docs/s; ${describeProbe('server', probe)}; FerretDB cpu ${dbCpuUsed.toFixed(2)} s`,
      );
    }
    // The database's own share: a relayed message stores four documents (the message, two audit
    // entries, a queued copy) where the baseline stores one, on the core the server shares.
    const dbPerMessage = medianOf(runs.map((r) => r.dbPerMessage));
    const dbPerDoc = medianOf(runs.map((r) => r.dbPerDoc));
    console.log(
      `FerretDB cpu: ${(dbPerMessage * 1000).toFixed(2)} ms per relayed message vs ${(dbPerDoc * 1000).toFixed(2)} ms per baseline document (×${(dbPerMessage / dbPerDoc).toFixed(1)})`,
    );
    const relay = medianOf(runs.map((r) => r.relay));
    const insertMany = medianOf(runs.map((r) => r.insertMany));
    console.log(
      `durable relay (median): ${relay.toFixed(0)} msg/s vs insertMany ${insertMany.toFixed(0)} docs/s at batch ${flags.batch} → ratio ${(relay / insertMany).toFixed(2)} (target ≥ 0.5: ${relay / insertMany >= 0.5 ? 'met' : 'NOT met'})`,
    );
    console.log(`load generator: ${environmentLine()}`);
  } finally {
    for (const socket of sockets) socket.disconnect();
    await connection.close();
    await server?.stop();
    await db.stop();
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
