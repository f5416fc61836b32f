/**
 * Live delivery to online recipients under bursts (quality.md: "0 acknowledged messages missed
 * live; p99 send→arrival ≤ 30 ms at 200 msg/s with server + embedded database on one core").
 *
 * N sender→recipient pairs, all online. Burst phases keep W sends in flight (1, 10, 50); fixed-rate
 * phases send at 50 and 200 msg/s. For each: acknowledged sends per second, arrival latency
 * (p50/p99, from the send, or from the scheduled send at a fixed rate), and how many acknowledged
 * messages did not reach their online recipient within the grace period — "missed live", which
 * before this change was 61–69 % of a 50-in-flight burst (pushes were volatile). A recipient
 * that is nudged (`sync:behind`) drains its queue as the SDK does, without reconnecting; that counts
 * as live. The same phases go to a raw `ws` relay (no storage) in the same run, as the ratio's
 * baseline.
 *
 * Server and FerretDB are pinned to core 0, this load generator to core 1.
 * Run: npx tsx scripts/bench/live-delivery.bench.ts     (10 pairs, 600 messages a phase)
 *      npx tsx scripts/bench/live-delivery.bench.ts --full   (6,000 messages a phase)
 *      options: --pairs N --messages N
 */
import {
  describeProbe,
  fullSize,
  LOAD_CORE,
  numberFlags,
  pin,
  SERVER_CORE,
  startChild,
  canPin,
  type BenchChild,
} from './lib/bench-processes.js';
import { seedFocalPoints, startBenchDatabase, startFocalNet } from './lib/bench-network.js';
import {
  focalNetTarget,
  planMessages,
  runPhase,
  wsRelayTarget,
  type PhaseResult,
  type RelayTarget,
} from './lib/relay-load.js';
import { environmentLine, summarize } from './lib/stats.js';

const flags = numberFlags(fullSize ? { pairs: 10, messages: 6000 } : { pairs: 10, messages: 600 });
const PHASES: Array<{ name: string; mode: { window: number } | { rate: number } }> = [
  { name: 'burst, 1 in flight', mode: { window: 1 } },
  { name: 'burst, 10 in flight', mode: { window: 10 } },
  { name: 'burst, 50 in flight', mode: { window: 50 } },
  { name: 'fixed 50 msg/s', mode: { rate: 50 } },
  { name: 'fixed 200 msg/s', mode: { rate: 200 } },
];

function describe(result: PhaseResult): string {
  const latency = summarize(result.latenciesMs.length ? result.latenciesMs : [Number.NaN]);
  const acked = result.sent - result.errors;
  return `acked ${acked}/${result.sent}, ${result.throughput.toFixed(0)} delivered/s, p50 ${latency.median.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms, missed live ${result.undelivered}, twice ${result.duplicates}${result.firstError ? `, first error: ${result.firstError}` : ''}`;
}

async function main(): Promise<void> {
  pin(process.pid, LOAD_CORE);
  const pairs = flags.pairs;
  console.log(`live delivery: ${pairs} pairs online, ${flags.messages} messages a phase, ~1 KB envelopes`);
  console.log(
    canPin
      ? `pinned: server and database on core ${SERVER_CORE}, load generator on core ${LOAD_CORE}`
      : 'not pinned (needs 2 cores and taskset)',
  );
  const db = await startBenchDatabase();
  const children: BenchChild[] = [];
  const targets: RelayTarget[] = [];
  try {
    const uri = db.uri('bench_live');
    const people = await seedFocalPoints(uri, pairs * 2, { withKeys: true });
    // Person 2i sends to person 2i+1: the pairs never cross.
    const perPhase = flags.messages;
    const plan = await planMessages(people, perPhase * (PHASES.length + 1), (k) => ({
      sender: 2 * (k % pairs),
      recipient: 2 * (k % pairs) + 1,
    }));
    const focalnet = await startFocalNet('focalnet', { uri, dbName: 'bench_live' });
    children.push(focalnet);
    const ws = await startChild('ws relay', 'scripts/bench/lib/ws-relay-server.ts', {
      core: SERVER_CORE,
      env: {},
      ready: /listening at (ws:\/\/\S+)/,
    });
    children.push(ws);
    const fn = await focalNetTarget('focalnet', focalnet.url, focalnet.url, people);
    const raw = await wsRelayTarget(ws.ready, people.length);
    targets.push(fn, raw);

    // Warm-up on slice 0, then each phase on its own slice, raw ws first.
    await runPhase(fn, plan.slice(0, perPhase), 0, { window: 10 });
    let missed = 0;
    for (const [i, phase] of PHASES.entries()) {
      const offset = (i + 1) * perPhase;
      const slice = plan.slice(offset, offset + perPhase);
      const baseline = await runPhase(raw, slice, offset, phase.mode);
      const measured = await runPhase(fn, slice, offset, phase.mode);
      missed += measured.undelivered;
      console.log(
        `${phase.name}\n  raw ws  : ${describe(baseline)}\n  focalnet: ${describe(measured)}\n  ratio focalnet/raw ws: ${(measured.throughput / baseline.throughput).toFixed(2)} delivered/s`,
      );
    }
    console.log(`missed live over all phases: ${missed} (target 0); sync:behind nudges: ${fn.nudges?.() ?? 0}`);
    console.log(describeProbe('focalnet server (after the last phase)', await focalnet.probe()));
    console.log(`load generator: ${environmentLine()}`);
  } finally {
    for (const target of targets) await target.close();
    for (const child of children) await child.stop();
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
