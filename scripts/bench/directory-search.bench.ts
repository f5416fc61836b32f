/**
 * Directory search benchmark (issue: "over 10,000 entries: p99 ≤ 50 ms at 200 requests/s on the
 * embedded database").
 *
 * A child process runs the real server on a throw-away embedded FerretDB with 10,000 active
 * focal points (lib/seeded-directory-server.ts), with the V8 flags of `npm start`, pinned with
 * its FerretDB to core 0; this
 * process is the load generator, on core 1. Searches go at a fixed 200 requests/s for 10 s from
 * 200 different signed-in readers (three repeats after a warm-up); latency counts from the
 * scheduled send time. Baseline in the same run: GET /api/health at the same rate through the
 * same stack. Each run also prints the server's event-loop delay and GC pauses, FerretDB's CPU
 * and the load generator's own event-loop delay, so a slow run shows where it stalled.
 * Run: npx tsx scripts/bench/directory-search.bench.ts (BENCH_NO_PIN=1: no taskset)
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { environmentLine, medianOf, summarize } from './lib/stats.js';
import { fixedRate } from './lib/fixed-rate.js';
import {
  canPin,
  describeProbe,
  LOAD_CORE,
  pin,
  processCpuSeconds,
  SERVER_CORE,
  startChild,
  stolenCpuSeconds,
} from './lib/bench-processes.js';

const RATE = Number(process.env.RATE ?? 200);
const SECONDS = Number(process.env.SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.WARMUP_SECONDS ?? 30);
const QUERIES = [
  'domain=economic-crime&language=ru',
  'q=financial%20monitoring&pageSize=50',
  'state=KZ,RU&sort=state',
  'role=policy&available24x7=true',
  'q=officer%2012&domain=border',
];

/** The embedded FerretDB the server process started (its only child). */
function childPid(pid: number | undefined): number | undefined {
  try {
    return (
      Number(
        execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
          .trim()
          .split('\n')[0],
      ) || undefined
    );
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  pin(process.pid, LOAD_CORE);
  const server = await startChild('directory server', 'scripts/bench/lib/seeded-directory-server.ts', {
    env: {},
    core: SERVER_CORE,
    ready: /^(\{.*\})$/m,
    timeoutMs: 180_000,
    server: true,
  });
  const { url, tokens } = JSON.parse(server.ready) as { url: string; tokens: string[] };
  const ferretPid = childPid(server.child.pid);
  try {
    const search = async (i: number): Promise<void> => {
      const response = await fetch(`${url}/api/directory?${QUERIES[i % QUERIES.length]}`, {
        headers: { authorization: `Bearer ${tokens[i % tokens.length]}` },
      });
      if (response.status !== 200) throw new Error(String(response.status));
      await response.arrayBuffer();
    };
    const health = async (): Promise<void> => {
      const response = await fetch(`${url}/api/health`);
      if (response.status !== 200) throw new Error(String(response.status));
      await response.arrayBuffer();
    };

    console.log(
      `directory search: 10,000 entries on embedded FerretDB, ${RATE} req/s for ${SECONDS} s from ${tokens.length} readers, 3 repeats after a ${WARMUP_SECONDS} s warm-up; ${canPin ? 'server and FerretDB on core 0, load generator on core 1' : 'not pinned (taskset or a second core missing)'}`,
    );
    // Warm-up at the measured rate, long enough for the session cache's first expiries (15–30 s
    // after an account is first read) to fall before the measured runs.
    await fixedRate(search, { rate: RATE, seconds: WARMUP_SECONDS });
    await server.probe();
    const runs: Array<{ search: ReturnType<typeof summarize>; health: ReturnType<typeof summarize>; errors: number }> =
      [];
    for (let repeat = 0; repeat < 3; repeat++) {
      const baseline = await fixedRate(health, { rate: RATE, seconds: SECONDS });
      const ferretCpu = processCpuSeconds(ferretPid);
      const stolen = stolenCpuSeconds();
      await server.probe();
      const measured = await fixedRate(search, { rate: RATE, seconds: SECONDS });
      const probe = await server.probe();
      const run = {
        search: summarize(measured.latenciesMs),
        health: summarize(baseline.latenciesMs),
        errors: measured.errors + baseline.errors,
      };
      runs.push(run);
      console.log(
        `  run ${repeat + 1}: search p50 ${run.search.median.toFixed(2)} ms, p99 ${run.search.p99.toFixed(2)} ms; health p50 ${run.health.median.toFixed(2)} ms, p99 ${run.health.p99.toFixed(2)} ms; errors ${run.errors}`,
      );
      console.log(
        `    during search: ${describeProbe('server', probe)}; FerretDB cpu ${(processCpuSeconds(ferretPid) - ferretCpu).toFixed(2)} s; load generator event-loop delay p99 ${measured.loopDelayP99Ms.toFixed(1)} ms; cpu stolen by the hypervisor ${(stolenCpuSeconds() - stolen).toFixed(2)} s`,
      );
    }
    const p99 = medianOf(runs.map((r) => r.search.p99));
    const baseP99 = medianOf(runs.map((r) => r.health.p99));
    console.log(
      `directory search p99 (median of 3): ${p99.toFixed(2)} ms vs baseline /api/health p99 ${baseP99.toFixed(2)} ms → ratio ${(p99 / baseP99).toFixed(2)}`,
    );
    console.log(
      `target p99 ≤ 50 ms at ${RATE} req/s: ${p99 <= 50 ? 'met' : 'NOT met'} (${p99.toFixed(2)} ms); load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(environmentLine());
  } finally {
    await server.stop();
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
