/**
 * Preloaded (`--import`) into benchmark child processes (servers, baselines): on SIGUSR2 it
 * prints one line `BENCH_PROBE {json}` to stderr with the event-loop delay since the last probe,
 * RSS and CPU seconds so far, then resets the delay histogram. Lets the load generator record
 * the server's own numbers without sharing its process.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
process.on('SIGUSR2', () => {
  const cpu = process.cpuUsage();
  const line = {
    loopP99Ms: loop.percentile(99) / 1e6,
    loopMaxMs: loop.max / 1e6,
    rssMiB: process.memoryUsage().rss / 2 ** 20,
    heapMiB: process.memoryUsage().heapUsed / 2 ** 20,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
  loop.reset();
  process.stderr.write(`BENCH_PROBE ${JSON.stringify(line)}\n`);
});
