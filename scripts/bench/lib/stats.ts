/** Summary statistics for benchmark samples (any unit; the caller names it). */
export interface Summary {
  count: number;
  median: number;
  p99: number;
  min: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return {
    count: sorted.length,
    median: at(0.5),
    p99: at(0.99),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** Median of repeated runs: benches repeat three times and report the median run. */
export function medianOf(values: readonly number[]): number {
  return summarize(values).median;
}

/** One line per result, with the ratio to the baseline measured in the same run. */
export function reportRatio(name: string, value: number, baseline: number, unit: string, target: string): void {
  const ratio = value / baseline;
  console.log(
    `${name}: ${value.toFixed(3)} ${unit} vs baseline ${baseline.toFixed(3)} ${unit} → ratio ${ratio.toFixed(2)} (target: ${target})`,
  );
}

/** Runtime facts recorded beside every benchmark result. */
export function environmentLine(): string {
  const mem = process.memoryUsage();
  return `node ${process.version}, rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, cpu ${(process.cpuUsage().user / 1e6).toFixed(2)} s user`;
}
