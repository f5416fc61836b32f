/**
 * Preloaded (`--import`) into benchmark child processes (servers, baselines): on SIGUSR2 it
 * prints one line `BENCH_PROBE {json}` to stderr with the event-loop delay and garbage-collection
 * pauses since the last probe, RSS and CPU seconds so far, then resets. Lets the load generator
 * record the server's own numbers without sharing its process.
 */
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
let gc = { count: 0, totalMs: 0, maxMs: 0, majors: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gc.count += 1;
    gc.totalMs += entry.duration;
    gc.maxMs = Math.max(gc.maxMs, entry.duration);
    if ((entry as unknown as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)
      gc.majors += 1;
  }
}).observe({ entryTypes: ['gc'] });

process.on('SIGUSR2', () => {
  const cpu = process.cpuUsage();
  const line = {
    loopP99Ms: loop.percentile(99) / 1e6,
    loopMaxMs: loop.max / 1e6,
    rssMiB: process.memoryUsage().rss / 2 ** 20,
    heapMiB: process.memoryUsage().heapUsed / 2 ** 20,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    gcCount: gc.count,
    gcTotalMs: gc.totalMs,
    gcMaxMs: gc.maxMs,
    gcMajors: gc.majors,
  };
  loop.reset();
  gc = { count: 0, totalMs: 0, maxMs: 0, majors: 0 };
  process.stderr.write(`BENCH_PROBE ${JSON.stringify(line)}\n`);
});
