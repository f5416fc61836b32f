/**
 * Relay with online recipients (quality.md: "1 KB envelopes, fixed rate: throughput ≥ 0.5× a raw
 * ws echo in the same run; p99 ≤ 25 ms at 2,000 msg/s with 1,000 sockets").
 *
 * The FocalNet server (server/main.ts on a throw-away FerretDB) and a raw `ws` relay (parse,
 * forward, ack: scripts/bench/lib/ws-relay-server.ts) run as separate processes pinned to core 0;
 * this load generator is pinned to core 1. The same sealed envelopes, socket count, rate and
 * duration go to both, in turn: a fixed-rate phase (latency from the scheduled send time to the
 * recipient's arrival) and a saturation phase (`window` sends awaiting their ack; deliveries per
 * second). Warm-up, then three repeats, median reported. Recipients acknowledge what they got.
 *
 * Run: npx tsx scripts/bench/relay.bench.ts            (scaled: 200 sockets, 500 msg/s, 5 s)
 *      npx tsx scripts/bench/relay.bench.ts --full     (1,000 sockets, 2,000 msg/s, 10 s)
 *      options: --sockets N --rate N --seconds N --window N --saturate N
 */
import { summarize, medianOf, environmentLine } from './lib/stats.js';
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
  type ProbeResult,
} from './lib/bench-processes.js';
import { seedFocalPoints, startBenchDatabase, startFocalNet } from './lib/bench-network.js';
import {
  focalNetTarget,
  planMessages,
  runPhase,
  wsRelayTarget,
  type PhaseResult,
  type PlannedMessage,
  type RelayTarget,
} from './lib/relay-load.js';

const flags = numberFlags(
  fullSize
    ? { sockets: 1000, rate: 2000, seconds: 10, window: 200, saturate: 10_000 }
    : { sockets: 200, rate: 500, seconds: 5, window: 100, saturate: 2000 },
);
const REPEATS = 3;

interface Measured {
  fixed: PhaseResult;
  window: PhaseResult;
  fixedProbe: ProbeResult;
  windowProbe: ProbeResult;
}

async function measure(
  target: RelayTarget,
  server: BenchChild,
  plan: readonly PlannedMessage[],
  offset: number,
): Promise<Measured> {
  const perFixed = flags.rate * flags.seconds;
  const fixedPlan = plan.slice(offset, offset + perFixed);
  const windowPlan = plan.slice(offset + perFixed, offset + perFixed + flags.saturate);
  await server.probe();
  const fixed = await runPhase(target, fixedPlan, offset, { rate: flags.rate });
  const fixedProbe = await server.probe();
  const window = await runPhase(target, windowPlan, offset + perFixed, { window: flags.window });
  const windowProbe = await server.probe();
  return { fixed, window, fixedProbe, windowProbe };
}

function line(name: string, m: Measured): string {
  const f = summarize(m.fixed.latenciesMs.length ? m.fixed.latenciesMs : [Number.NaN]);
  return `${name}: fixed ${flags.rate}/s → p50 ${f.median.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms, delivered ${m.fixed.delivered}/${m.fixed.sent} (undelivered in grace ${m.fixed.undelivered}, dup ${m.fixed.duplicates}, errors ${m.fixed.errors}), server loop p99 ${m.fixedProbe.loopP99Ms.toFixed(1)} ms | saturation ${m.window.throughput.toFixed(0)} msg/s (undelivered in grace ${m.window.undelivered}, dup ${m.window.duplicates}, errors ${m.window.errors})${(m.fixed.firstError ?? m.window.firstError) ? ` first error: ${m.fixed.firstError ?? m.window.firstError}` : ''}`;
}

async function main(): Promise<void> {
  pin(process.pid, LOAD_CORE);
  console.log(
    `relay: ${flags.sockets} sockets, ~1 KB envelopes, fixed ${flags.rate} msg/s for ${flags.seconds} s, saturation ${flags.saturate} msgs with ${flags.window} in flight; warm-up + ${REPEATS} repeats, median`,
  );
  console.log(
    canPin
      ? `pinned: servers and database on core ${SERVER_CORE}, load generator on core ${LOAD_CORE}`
      : 'not pinned (needs 2 cores and taskset)',
  );
  const db = await startBenchDatabase();
  const children: BenchChild[] = [];
  const targets: RelayTarget[] = [];
  try {
    const uri = db.uri('bench_relay');
    const people = await seedFocalPoints(uri, flags.sockets, { withKeys: true });
    const perRepeat = flags.rate * flags.seconds + flags.saturate;
    const plan = await planMessages(people, perRepeat * (REPEATS + 1));
    console.log(`sealed ${plan.length} envelopes of ${JSON.stringify(plan[0]?.envelope).length} bytes of JSON each`);
    const focalnet = await startFocalNet('focalnet', { uri, dbName: 'bench_relay' });
    children.push(focalnet);
    const ws = await startChild('ws relay', 'scripts/bench/lib/ws-relay-server.ts', {
      core: SERVER_CORE,
      env: {},
      ready: /listening at (ws:\/\/\S+)/,
    });
    children.push(ws);
    const fnTarget = await focalNetTarget('focalnet', focalnet.url, focalnet.url, people);
    const wsTarget = await wsRelayTarget(ws.ready, flags.sockets);
    targets.push(fnTarget, wsTarget);

    // Warm-up (plan slice 0), then repeats: same envelopes for both targets (the baseline stores nothing).
    await measure(wsTarget, ws, plan, 0);
    await measure(fnTarget, focalnet, plan, 0);
    const runs: Array<{ ws: Measured; fn: Measured }> = [];
    for (let r = 1; r <= REPEATS; r++) {
      const offset = r * perRepeat;
      const wsRun = await measure(wsTarget, ws, plan, offset);
      const fnRun = await measure(fnTarget, focalnet, plan, offset);
      runs.push({ ws: wsRun, fn: fnRun });
      console.log(`  run ${r}\n    ${line('raw ws  ', wsRun)}\n    ${line('focalnet', fnRun)}`);
    }
    const p99 = (m: Measured): number => summarize(m.fixed.latenciesMs.length ? m.fixed.latenciesMs : [Number.NaN]).p99;
    const fnP99 = medianOf(runs.map((r) => p99(r.fn)));
    const wsP99 = medianOf(runs.map((r) => p99(r.ws)));
    const fnTput = medianOf(runs.map((r) => r.fn.window.throughput));
    const wsTput = medianOf(runs.map((r) => r.ws.window.throughput));
    const undelivered = runs.reduce((n, r) => n + r.fn.fixed.undelivered + r.fn.window.undelivered, 0);
    const dup = runs.reduce((n, r) => n + r.fn.fixed.duplicates + r.fn.window.duplicates, 0);
    console.log(
      `throughput (median): focalnet ${fnTput.toFixed(0)} msg/s vs raw ws ${wsTput.toFixed(0)} msg/s → ratio ${(fnTput / wsTput).toFixed(2)} (target ≥ 0.5: ${fnTput / wsTput >= 0.5 ? 'met' : 'NOT met'})`,
    );
    console.log(
      `fixed-rate p99 (median): focalnet ${fnP99.toFixed(1)} ms vs raw ws ${wsP99.toFixed(1)} ms at ${flags.rate} msg/s, ${flags.sockets} sockets (target ≤ 25 ms at 2,000 msg/s, 1,000 sockets: ${fnP99 <= 25 ? 'met' : 'NOT met'}${fullSize ? '' : ' — scaled run, use --full for the target size'})`,
    );
    console.log(
      `focalnet: ${undelivered} acknowledged messages not received within the 15 s grace (left queued), ${dup} duplicates over the measured runs`,
    );
    console.log(
      describeProbe('focalnet server (last saturation phase)', runs.at(-1)?.fn.windowProbe ?? (await focalnet.probe())),
    );
    console.log(
      describeProbe('raw ws server (last saturation phase)', runs.at(-1)?.ws.windowProbe ?? (await ws.probe())),
    );
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
