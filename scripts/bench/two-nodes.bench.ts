/**
 * Two nodes + Redis (quality.md: "cross-node p99 ≤ single-node p99 + 5 ms").
 *
 * Same seeded focal points, same sealed envelopes, same fixed rate, one after the other:
 * (1) one FocalNet node without Redis, senders and recipients on it; (2) two nodes sharing a
 * Redis (Debian's redis-server, throw-away, loopback), senders on node A and recipients on
 * node B, so every delivery crosses the socket.io Redis adapter. Servers and FerretDB on core 0,
 * this load generator on core 1 (Redis is not pinned). Latency from the scheduled send time to the
 * recipient's arrival. Warm-up, three repeats, median p99.
 *
 * Run: npx tsx scripts/bench/two-nodes.bench.ts [--full] [--sockets N] [--rate N] [--seconds N]
 */
import { startTestRedis, type TestRedis } from '../../test/helpers/redis-server.js';
import { environmentLine, medianOf, summarize } from './lib/stats.js';
import {
  canPin,
  describeProbe,
  fullSize,
  LOAD_CORE,
  numberFlags,
  pin,
  SERVER_CORE,
  type BenchChild,
} from './lib/bench-processes.js';
import { seedFocalPoints, startBenchDatabase, startFocalNet } from './lib/bench-network.js';
import { focalNetTarget, planMessages, runPhase, type PlannedMessage, type RelayTarget } from './lib/relay-load.js';

const flags = numberFlags(
  fullSize ? { sockets: 1000, rate: 2000, seconds: 10 } : { sockets: 100, rate: 100, seconds: 5 },
);
const REPEATS = 3;
const DB_NAME = 'bench_two_nodes';

async function p99s(
  target: RelayTarget,
  plan: readonly PlannedMessage[],
  perRun: number,
): Promise<{ p99: number; undelivered: number; duplicates: number; errors: number }[]> {
  const results = [];
  for (let r = 0; r <= REPEATS; r++) {
    const phase = await runPhase(target, plan.slice(r * perRun, (r + 1) * perRun), r * perRun, { rate: flags.rate });
    const p99 = summarize(phase.latenciesMs.length ? phase.latenciesMs : [Number.NaN]).p99;
    console.log(
      `  ${target.name} ${r === 0 ? 'warm-up' : `run ${r}`}: p99 ${p99.toFixed(1)} ms, delivered ${phase.delivered}/${phase.sent} (undelivered in grace ${phase.undelivered}, dup ${phase.duplicates}, errors ${phase.errors})${phase.firstError ? ` first error: ${phase.firstError}` : ''}`,
    );
    if (r > 0)
      results.push({ p99, undelivered: phase.undelivered, duplicates: phase.duplicates, errors: phase.errors });
  }
  return results;
}

async function main(): Promise<void> {
  pin(process.pid, LOAD_CORE);
  console.log(
    `two nodes + Redis vs one node: ${flags.sockets} sockets, fixed ${flags.rate} msg/s for ${flags.seconds} s; warm-up + ${REPEATS} repeats, median p99`,
  );
  console.log(
    canPin
      ? `pinned: servers and database on core ${SERVER_CORE} (Redis not pinned), load generator on core ${LOAD_CORE}`
      : 'not pinned (needs 2 cores and taskset)',
  );
  const db = await startBenchDatabase();
  const children: BenchChild[] = [];
  let redis: TestRedis | undefined;
  try {
    const uri = db.uri(DB_NAME);
    const people = await seedFocalPoints(uri, flags.sockets, { withKeys: true });
    const perRun = flags.rate * flags.seconds;
    const single = await planMessages(people, perRun * (REPEATS + 1));
    const cross = await planMessages(people, perRun * (REPEATS + 1));

    const alone = await startFocalNet('single node', { uri, dbName: DB_NAME });
    children.push(alone);
    const one = await focalNetTarget('one node', alone.url, alone.url, people);
    const singleRuns = await p99s(one, single, perRun);
    console.log(describeProbe('single node', await alone.probe()));
    await one.close();
    await alone.stop();

    redis = await startTestRedis();
    const a = await startFocalNet('node A', { uri, dbName: DB_NAME, redisUrl: redis.url });
    const b = await startFocalNet('node B', { uri, dbName: DB_NAME, redisUrl: redis.url });
    children.push(a, b);
    const two = await focalNetTarget('A → B via Redis', a.url, b.url, people);
    const crossRuns = await p99s(two, cross, perRun);
    console.log(describeProbe('node A', await a.probe()));
    console.log(describeProbe('node B', await b.probe()));
    await two.close();

    const singleP99 = medianOf(singleRuns.map((r) => r.p99));
    const crossP99 = medianOf(crossRuns.map((r) => r.p99));
    const undelivered = crossRuns.reduce((n, r) => n + r.undelivered, 0);
    console.log(
      `cross-node p99 (median) ${crossP99.toFixed(1)} ms vs single-node ${singleP99.toFixed(1)} ms → +${(crossP99 - singleP99).toFixed(1)} ms, ratio ${(crossP99 / singleP99).toFixed(2)}; cross-node undelivered in grace ${undelivered} (target ≤ +5 ms: ${crossP99 <= singleP99 + 5 ? 'met' : 'NOT met'})`,
    );
    console.log(`load generator: ${environmentLine()}`);
  } finally {
    for (const child of children) await child.stop();
    await redis?.stop();
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
