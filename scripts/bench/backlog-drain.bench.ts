/**
 * Backlog drain (quality.md: "10,000 queued envelopes to a reconnecting client in ≤ 5 s, 0 loss,
 * 0 duplicates").
 *
 * 10,000 sealed envelopes from several senders are queued for one recipient straight in the
 * database (the same documents the relay stores). The recipient then connects to the FocalNet
 * server process (core 0) and drains: `message:fetch` a page, check it, `message:ack` it, until
 * `more` is false. Checked: every queued message arrived exactly once, in store order, and a
 * sample decrypts. Baseline in the same run: reading the same documents in pages of the same
 * size straight from FerretDB with the driver (one cursor, a page per getMore). Warm-up, three
 * repeats (acknowledged copies are deleted, so they are queued again between runs), median.
 *
 * Run: npx tsx scripts/bench/backlog-drain.bench.ts [--queued N] [--page N]
 */
import mongoose, { Types } from 'mongoose';
import { performance } from 'node:perf_hooks';
import { messageDocument } from '../../server/db/repositories/messages.repository.js';
import { queuedCopy } from '../../server/db/repositories/delivery-queue.repository.js';
import { openEnvelope } from '../../shared/crypto/envelope-open.js';
import type { Ack } from '../../shared/errors.js';
import type { BacklogPage } from '../../shared/schemas/messaging.js';
import { environmentLine, medianOf } from './lib/stats.js';
import {
  canPin,
  describeProbe,
  processCpuSeconds,
  LOAD_CORE,
  numberFlags,
  pin,
  type BenchChild,
} from './lib/bench-processes.js';
import {
  connectPerson,
  seedFocalPoints,
  startBenchDatabase,
  startFocalNet,
  type BenchPerson,
} from './lib/bench-network.js';
import { planMessages } from './lib/relay-load.js';

const flags = numberFlags({ queued: 10_000, page: 200, senders: 20 });
const REPEATS = 3;
const DB_NAME = 'bench_drain';

interface Drain {
  ms: number;
  received: number;
  unique: number;
  missing: number;
  outOfOrder: number;
  errors: number;
}

async function drain(url: string, recipient: BenchPerson, expected: readonly string[]): Promise<Drain> {
  const begin = performance.now();
  const socket = await connectPerson(url, recipient);
  const ids: string[] = [];
  let errors = 0;
  try {
    for (let pages = 0; pages < expected.length; pages++) {
      const page = (await socket
        .timeout(30_000)
        .emitWithAck('message:fetch', { limit: flags.page })) as Ack<BacklogPage>;
      if (!page.ok) {
        errors += 1;
        if (errors > 10) break;
        continue;
      }
      const got = page.data.messages.map((m) => m.id);
      ids.push(...got);
      if (got.length > 0) {
        const ack = (await socket.timeout(30_000).emitWithAck('message:ack', { ids: got })) as Ack<unknown>;
        if (!ack.ok) errors += 1;
      }
      if (!page.data.more) break;
    }
  } finally {
    socket.disconnect();
  }
  const ms = performance.now() - begin;
  const unique = new Set(ids);
  const want = new Set(expected);
  let outOfOrder = 0;
  const position = new Map(expected.map((id, i) => [id, i]));
  for (let i = 1; i < ids.length; i++)
    if ((position.get(ids[i] ?? '') ?? 0) < (position.get(ids[i - 1] ?? '') ?? 0)) outOfOrder += 1;
  return {
    ms,
    received: ids.length,
    unique: unique.size,
    missing: [...want].filter((id) => !unique.has(id)).length,
    outOfOrder,
    errors,
  };
}

async function main(): Promise<void> {
  pin(process.pid, LOAD_CORE);
  console.log(
    `backlog drain: ${flags.queued} queued envelopes, pages of ${flags.page}; warm-up + ${REPEATS} repeats, median`,
  );
  console.log(
    canPin
      ? 'pinned: server and database on core 0, load generator on core 1'
      : 'not pinned (needs 2 cores and taskset)',
  );
  const db = await startBenchDatabase();
  let server: (BenchChild & { url: string }) | undefined;
  const connection = await mongoose.createConnection(db.uri(DB_NAME)).asPromise();
  try {
    const people = await seedFocalPoints(db.uri(DB_NAME), flags.senders + 1, { withKeys: true });
    const recipient = people[0];
    if (!recipient?.keys) throw new Error('no recipient');
    const plan = await planMessages(people, flags.queued, (k) => ({ sender: 1 + (k % flags.senders), recipient: 0 }));
    const start = Date.now();
    const messages = plan.map((m, i) =>
      messageDocument(new Types.ObjectId().toHexString(), {
        senderId: m.envelope.header.from.userId,
        envelope: m.envelope,
        attachmentIds: [],
        status: 'accepted',
        conditions: {},
        storedAt: new Date(start + i),
        retentionUntil: null,
      }),
    );
    // The relay's own queue documents (acknowledged copies are deleted, so each run re-queues them).
    const copies = messages.map((m) =>
      queuedCopy(recipient.id, {
        id: m._id.toHexString(),
        senderId: m.senderId.toHexString(),
        msgId: m.msgId,
        storedAt: m.storedAt,
      }),
    );
    const queueAll = async (): Promise<void> => {
      for (let i = 0; i < copies.length; i += 500)
        await connection.collection('deliveries').insertMany(copies.slice(i, i + 500));
    };
    for (let i = 0; i < messages.length; i += 500)
      await connection.collection('messages').insertMany(messages.slice(i, i + 500));
    await queueAll();
    const expected = messages.map((m) => m._id.toHexString());
    server = await startFocalNet('focalnet', { uri: db.uri(DB_NAME), dbName: DB_NAME });

    // A sample decrypts: what is drained is the recipient's real ciphertext.
    const sample = plan[plan.length - 1];
    const sender = people.find((p) => p.id === sample?.envelope.header.from.userId);
    if (!sample || !sender?.keys) throw new Error('no sample');
    await openEnvelope(sample.envelope, {
      myUserId: recipient.id,
      myEncryptionKeyPair: recipient.keys.encryption,
      senderIdentityKey: sender.keys.identity.publicKey,
    });

    const reset = async (): Promise<void> => {
      await connection.collection('deliveries').deleteMany({});
      await queueAll();
    };
    // One cursor over the same documents, a page per round trip (getMore): what reading them
    // in pages costs the database without the relay (no rescans, no sort: FerretDB would read and
    // sort the whole collection for every page).
    const baseline = async (): Promise<number> => {
      const begin = performance.now();
      const cursor = connection.collection('messages').find({}).batchSize(flags.page);
      let read = 0;
      for await (const _doc of cursor) read += 1;
      if (read < messages.length) throw new Error(`baseline read ${read} of ${messages.length}`);
      return performance.now() - begin;
    };
    await drain(server.url, recipient, expected);
    const runs: Array<{ drain: Drain; baselineMs: number }> = [];
    for (let r = 1; r <= REPEATS; r++) {
      await reset();
      await server.probe();
      const dbCpu = processCpuSeconds(db.pid);
      const result = await drain(server.url, recipient, expected);
      const probe = await server.probe();
      const dbCpuUsed = processCpuSeconds(db.pid) - dbCpu;
      const baselineMs = await baseline();
      runs.push({ drain: result, baselineMs });
      console.log(
        `  run ${r}: drained ${result.received} in ${result.ms.toFixed(0)} ms (unique ${result.unique}, missing ${result.missing}, duplicates ${result.received - result.unique}, out of order ${result.outOfOrder}, errors ${result.errors}); raw paged read ${baselineMs.toFixed(0)} ms; ${describeProbe('server', probe)}; FerretDB cpu ${dbCpuUsed.toFixed(2)} s`,
      );
    }
    const ms = medianOf(runs.map((r) => r.drain.ms));
    const base = medianOf(runs.map((r) => r.baselineMs));
    const lost = runs.reduce((n, r) => n + r.drain.missing, 0);
    const dups = runs.reduce((n, r) => n + r.drain.received - r.drain.unique, 0);
    console.log(
      `backlog drain (median): ${ms.toFixed(0)} ms vs raw paged read ${base.toFixed(0)} ms → ratio ${(ms / base).toFixed(2)}; lost ${lost}, duplicates ${dups} (target ≤ 5,000 ms, 0 loss, 0 duplicates: ${ms <= 5000 && lost === 0 && dups === 0 ? 'met' : 'NOT met'})`,
    );
    console.log(`load generator: ${environmentLine()}`);
  } finally {
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
