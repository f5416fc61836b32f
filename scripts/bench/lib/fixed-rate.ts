import { performance } from 'node:perf_hooks';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Sends `request` at a fixed rate for `seconds` and measures each latency from its *scheduled*
 * send time (so a stalled server cannot hide queueing: coordinated omission). Bounded: at most
 * rate × seconds requests, and it stops on its own.
 */
export async function fixedRate(
  request: (i: number) => Promise<void>,
  options: { rate: number; seconds: number },
): Promise<{ latenciesMs: number[]; errors: number; loopDelayP99Ms: number }> {
  const total = Math.round(options.rate * options.seconds);
  const intervalMs = 1000 / options.rate;
  const latenciesMs: number[] = [];
  let errors = 0;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const start = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const scheduled = start + i * intervalMs;
    const wait = scheduled - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inflight.push(
      request(i).then(
        () => {
          latenciesMs.push(performance.now() - scheduled);
        },
        () => {
          errors += 1;
        },
      ),
    );
  }
  await Promise.all(inflight);
  loop.disable();
  return { latenciesMs, errors, loopDelayP99Ms: loop.percentile(99) / 1e6 };
}
