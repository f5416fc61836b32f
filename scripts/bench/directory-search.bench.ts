/**
 * Directory search benchmark (issue: "over 10,000 entries: p99 ≤ 50 ms at 200 requests/s on the
 * embedded database").
 *
 * A child process runs the real server on a throw-away embedded FerretDB with 10,000 active
 * focal points (lib/seeded-directory-server.ts); this process is the load generator, pinned to
 * another core with `taskset` when there are two or more. Searches go at a fixed 200 requests/s
 * for 10 s from 200 different signed-in readers (three repeats after a warm-up); latency counts
 * from the scheduled send time. Baseline in the same run: GET /api/health at the same rate
 * through the same stack. Run: npx tsx scripts/bench/directory-search.bench.ts (BENCH_NO_PIN=1: no taskset)
 */
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { environmentLine, medianOf, summarize } from './lib/stats.js';
import { fixedRate } from './lib/fixed-rate.js';

const RATE = Number(process.env.RATE ?? 200);
const SECONDS = Number(process.env.SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.WARMUP_SECONDS ?? 30);
const QUERIES = ['domain=economic-crime&language=ru', 'q=financial%20monitoring&pageSize=50', 'state=KZ,RU&sort=state', 'role=policy&available24x7=true', 'q=officer%2012&domain=border'];

const hasTaskset = !process.env.BENCH_NO_PIN && os.cpus().length >= 2 && spawnSync('taskset', ['-V']).status === 0;

function startServerProcess(): Promise<{ url: string; tokens: string[]; stop: () => void }> {
  const script = fileURLToPath(new URL('./lib/seeded-directory-server.ts', import.meta.url));
  const command = [process.execPath, ...(process.env.BENCH_SERVER_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE}`] : []), '--import', 'tsx', script];
  // Server (and its FerretDB child) on core 0, this load generator on core 1.
  const child = hasTaskset ? spawn('taskset', ['-c', '0', ...command], { stdio: ['pipe', 'pipe', 'inherit'] }) : spawn(command[0] ?? 'node', command.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
  if (hasTaskset) spawnSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      const ready = JSON.parse(line) as { url: string; tokens: string[] };
      resolve({ ...ready, stop: () => child.stdin.end() });
    });
  });
}

async function main(): Promise<void> {
  const server = await startServerProcess();
  try {
    const search = async (i: number): Promise<void> => {
      const response = await fetch(`${server.url}/api/directory?${QUERIES[i % QUERIES.length]}`, { headers: { authorization: `Bearer ${server.tokens[i % server.tokens.length]}` } });
      if (response.status !== 200) throw new Error(String(response.status));
      await response.arrayBuffer();
    };
    const health = async (): Promise<void> => {
      const response = await fetch(`${server.url}/api/health`);
      if (response.status !== 200) throw new Error(String(response.status));
      await response.arrayBuffer();
    };

    console.log(`directory search: 10,000 entries on embedded FerretDB, ${RATE} req/s for ${SECONDS} s from ${server.tokens.length} readers, 3 repeats after warm-up; ${hasTaskset ? 'server on core 0, load generator on core 1' : 'not pinned (taskset or a second core missing)'}`);
    // Warm-up at the measured rate, long enough for the session cache's first expiries (15–30 s
    // after an account is first read) to fall before the measured runs.
    await fixedRate(search, { rate: RATE, seconds: WARMUP_SECONDS });
    const runs: Array<{ search: ReturnType<typeof summarize>; health: ReturnType<typeof summarize>; errors: number }> = [];
    for (let repeat = 0; repeat < 3; repeat++) {
      const baseline = await fixedRate(health, { rate: RATE, seconds: SECONDS });
      const measured = await fixedRate(search, { rate: RATE, seconds: SECONDS });
      const run = { search: summarize(measured.latenciesMs), health: summarize(baseline.latenciesMs), errors: measured.errors + baseline.errors };
      runs.push(run);
      console.log(`  run ${repeat + 1}: search p50 ${run.search.median.toFixed(2)} ms, p99 ${run.search.p99.toFixed(2)} ms; health p50 ${run.health.median.toFixed(2)} ms, p99 ${run.health.p99.toFixed(2)} ms; errors ${run.errors}`);
    }
    const p99 = medianOf(runs.map((r) => r.search.p99));
    const baseP99 = medianOf(runs.map((r) => r.health.p99));
    console.log(`directory search p99 (median of 3): ${p99.toFixed(2)} ms vs baseline /api/health p99 ${baseP99.toFixed(2)} ms → ratio ${(p99 / baseP99).toFixed(2)}`);
    console.log(`target p99 ≤ 50 ms at ${RATE} req/s: ${p99 <= 50 ? 'met' : 'NOT met'} (${p99.toFixed(2)} ms); load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log(environmentLine());
  } finally {
    server.stop();
  }
}

void main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
