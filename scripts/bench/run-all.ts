/**
 * `npm run bench`: every `*.bench.ts` in this folder, one after another, at its default size,
 * each in its own process (they pin cores and start their own servers). Bounded: each bench stops
 * on its own; a failing one is reported and the rest still run. Exit 1 if any failed.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => name.startsWith(o))))
  .sort();
const failed: string[] = [];
for (const bench of benches) {
  console.log(`\n=== ${bench}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, bench)], { stdio: 'inherit' });
  if (result.status !== 0) failed.push(bench);
}
console.log(failed.length === 0 ? `\nall ${benches.length} benchmarks ran` : `\nfailed: ${failed.join(', ')}`);
process.exit(failed.length === 0 ? 0 : 1);
