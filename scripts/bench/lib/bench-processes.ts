import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../../../server/node-flags.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const probePath = path.join(repoRoot, 'scripts', 'bench', 'lib', 'loop-probe.ts');

/** Server side on core 0, load generator on core 1 — when the machine has two cores and taskset. */
export const SERVER_CORE = 0;
export const LOAD_CORE = 1;

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
export const canPin = os.availableParallelism() >= 2 && process.env.BENCH_NO_PIN === undefined && hasTaskset();

/** Pins a process (all its threads) to one core; a no-op where pinning is not possible. */
export function pin(pid: number, core: number): void {
  if (canPin) execFileSync('taskset', ['-a', '-p', '-c', String(core), String(pid)], { stdio: 'ignore' });
}

export interface ProbeResult {
  loopP99Ms: number;
  loopMaxMs: number;
  rssMiB: number;
  heapMiB: number;
  cpuSeconds: number;
  gcCount: number;
  gcTotalMs: number;
  gcMaxMs: number;
  gcMajors: number;
}

/** A Node child process (a server or a baseline) with the loop probe preloaded. */
export interface BenchChild {
  name: string;
  child: ChildProcess;
  /** The first capture group of `ready` in its stdout (e.g. the URL it listens on). */
  ready: string;
  /** Event-loop delay since the previous probe, RSS and CPU seconds so far. */
  probe(): Promise<ProbeResult>;
  stop(): Promise<void>;
}

/**
 * Starts `node --import tsx <script>` pinned to `core`, waits until stdout matches `ready`.
 * `server`: with the V8 flags `npm start` uses (server/node-flags.ts).
 * The soft open-file limit is raised to the hard limit first (idle-socket benches need it).
 */
export async function startChild(
  name: string,
  script: string,
  options: { env: Record<string, string>; core: number; ready: RegExp; timeoutMs?: number; server?: boolean },
): Promise<BenchChild> {
  // e.g. BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile the children
  const extra = [
    ...(options.server ? SERVER_NODE_FLAGS : []),
    ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
  ];
  const node = [process.execPath, ...extra, '--import', 'tsx', '--import', probePath, script]
    .map((part) => `'${part}'`)
    .join(' ');
  const pinning = canPin ? `taskset -c ${options.core} ` : '';
  const child = spawn('sh', ['-c', `ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec ${pinning}${node}`], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...(process.env.FOCALNET_TOOLS_DIR ? { FOCALNET_TOOLS_DIR: process.env.FOCALNET_TOOLS_DIR } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const probeWaiters: Array<(result: ProbeResult) => void> = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
    for (;;) {
      const match = /BENCH_PROBE (\{.*\})\n/.exec(err);
      if (!match?.[1]) break;
      err = err.slice(0, match.index) + err.slice(match.index + match[0].length);
      probeWaiters.shift()?.(JSON.parse(match[1]) as ProbeResult);
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<string>((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const match = options.ready.exec(out);
      if (match) {
        clearInterval(poll);
        resolve(match[1] ?? match[0]);
      } else if (child.exitCode !== null || Date.now() - started > (options.timeoutMs ?? 60_000)) {
        clearInterval(poll);
        child.kill('SIGKILL');
        reject(new Error(`${name} did not start: ${err.slice(-2000) || out.slice(-2000)}`));
      }
    }, 50);
  });
  return {
    name,
    child,
    ready,
    probe: () =>
      new Promise<ProbeResult>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${name} did not answer the probe`)), 10_000);
        probeWaiters.push((result) => {
          clearTimeout(timer);
          resolve(result);
        });
        child.kill('SIGUSR2');
      }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** `--name value` and `--flag` command-line options with numeric defaults. */
export function numberFlags<T extends Record<string, number>>(defaults: T): T {
  const result: Record<string, number> = { ...defaults };
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const name = args[i]?.replace(/^--/, '') ?? '';
    if (!(name in defaults)) {
      if (args[i] === '--full') continue;
      throw new Error(
        `unknown option ${args[i]}; known: ${Object.keys(defaults)
          .map((k) => `--${k}`)
          .join(' ')} --full`,
      );
    }
    const value = Number(args[i + 1]);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
    result[name] = value;
    i += 1;
  }
  return result as T;
}

export const fullSize = process.argv.includes('--full');

/** One line with the probe's numbers. */
export function describeProbe(name: string, probe: ProbeResult): string {
  return `${name}: event-loop delay p99 ${probe.loopP99Ms.toFixed(2)} ms (max ${probe.loopMaxMs.toFixed(1)} ms), gc ${probe.gcCount}× (${probe.gcMajors} major) ${probe.gcTotalMs.toFixed(0)} ms (max ${probe.gcMaxMs.toFixed(1)} ms), heap ${probe.heapMiB.toFixed(0)} MiB, rss ${probe.rssMiB.toFixed(0)} MiB, cpu ${probe.cpuSeconds.toFixed(2)} s`;
}

/** CPU seconds (user + system) a process has used so far, from /proc (0 where there is none). */
export function processCpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds the hypervisor took from this virtual machine so far ("steal", all cores; 0 where unknown). */
export function stolenCpuSeconds(): number {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/) ?? [];
    return Number(fields[8] ?? 0) / 100;
  } catch {
    return 0;
  }
}
