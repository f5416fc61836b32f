/**
 * Idle capacity (quality.md: "10,000 authenticated sockets in one process, RSS ≤ 1 GB").
 *
 * 10,000 focal points are seeded; this load generator (core 1) opens one authenticated
 * socket.io connection for each to the FocalNet server process (core 0) — a minimal Engine.IO v4
 * client over `ws` (open, CONNECT with the token, answer pings), so the generator itself stays
 * small — and holds them idle. Reported: the server's RSS before and with the sockets, against a
 * raw `ws` server holding the same number of idle connections in the same run. Both processes
 * get the hard open-file limit (`ulimit -n`); the generator needs one descriptor per socket too.
 *
 * Run: npx tsx scripts/bench/idle-sockets.bench.ts [--sockets N] [--hold N seconds]
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import {
  canPin,
  describeProbe,
  LOAD_CORE,
  numberFlags,
  pin,
  SERVER_CORE,
  startChild,
  type BenchChild,
} from './lib/bench-processes.js';
import { seedFocalPoints, startBenchDatabase, startFocalNet, tokenFor, type BenchPerson } from './lib/bench-network.js';
import { environmentLine } from './lib/stats.js';

const flags = numberFlags({ sockets: 10_000, hold: 10 });
const DB_NAME = 'bench_idle';

/** Opens `count` sockets, 100 handshakes at a time; resolves with the open ones and the failures. */
async function openAll(
  count: number,
  open: (i: number) => Promise<WebSocket>,
): Promise<{ sockets: WebSocket[]; failed: number }> {
  const sockets: WebSocket[] = [];
  let failed = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: 100 }, async () => {
      for (let i = next++; i < count; i = next++) {
        try {
          sockets.push(await open(i));
        } catch {
          failed += 1;
        }
      }
    }),
  );
  return { sockets, failed };
}

/** Engine.IO v4 + Socket.IO v5 by hand: open packet, CONNECT with auth, pong every ping. */
function socketIoClient(url: string, person: BenchPerson): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const timer = setTimeout(() => reject(new Error('handshake timed out')), 60_000);
    socket.on('message', (data) => {
      const text = data.toString();
      if (text.startsWith('0')) socket.send(`40${JSON.stringify({ token: tokenFor(person) })}`);
      else if (text === '2') socket.send('3');
      else if (text.startsWith('40')) {
        clearTimeout(timer);
        resolve(socket);
      } else if (text.startsWith('44')) reject(new Error(text));
    });
    socket.once('error', reject);
  });
}

function rawClient(url: string, i: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url}/?id=${i}`);
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

async function hold(
  server: BenchChild,
  name: string,
  open: (i: number) => Promise<WebSocket>,
): Promise<{ before: number; after: number; opened: number; failed: number; seconds: number }> {
  const before = await server.probe();
  const begin = performance.now();
  const { sockets, failed } = await openAll(flags.sockets, open);
  const seconds = (performance.now() - begin) / 1000;
  await new Promise((resolve) => setTimeout(resolve, flags.hold * 1000));
  const after = await server.probe();
  const stillOpen = sockets.filter((s) => s.readyState === WebSocket.OPEN).length;
  console.log(
    `  ${name}: ${stillOpen} of ${flags.sockets} sockets open after ${flags.hold} s idle (${failed} failed to open, opened in ${seconds.toFixed(1)} s); rss ${before.rssMiB.toFixed(0)} → ${after.rssMiB.toFixed(0)} MiB; ${describeProbe('server', after)}`,
  );
  for (const socket of sockets) socket.terminate();
  return { before: before.rssMiB, after: after.rssMiB, opened: stillOpen, failed, seconds };
}

async function main(): Promise<void> {
  const limit = Number(execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim());
  if (Number.isFinite(limit) && limit < flags.sockets + 200) {
    throw new Error(
      `the open-file limit is ${limit}; run \`ulimit -n ${flags.sockets + 1000}\` (or higher, up to \`ulimit -Hn\`) in this shell first`,
    );
  }
  pin(process.pid, LOAD_CORE);
  console.log(
    `idle capacity: ${flags.sockets} authenticated sockets held ${flags.hold} s; baseline: raw ws server, same count`,
  );
  console.log(
    canPin
      ? 'pinned: servers and database on core 0, load generator on core 1'
      : 'not pinned (needs 2 cores and taskset)',
  );
  const db = await startBenchDatabase();
  const children: BenchChild[] = [];
  try {
    const people = await seedFocalPoints(db.uri(DB_NAME), flags.sockets, { withKeys: false });
    const ws = await startChild('ws', 'scripts/bench/lib/ws-relay-server.ts', {
      core: SERVER_CORE,
      env: {},
      ready: /listening at (ws:\/\/\S+)/,
    });
    children.push(ws);
    const raw = await hold(ws, 'raw ws', (i) => rawClient(ws.ready, i));
    await ws.stop();
    const focalnet = await startFocalNet('focalnet', { uri: db.uri(DB_NAME), dbName: DB_NAME });
    children.push(focalnet);
    const fn = await hold(focalnet, 'focalnet', (i) => socketIoClient(focalnet.url, people[i] as BenchPerson));
    const perSocket = (r: { before: number; after: number; opened: number }): number =>
      ((r.after - r.before) * 1024) / Math.max(1, r.opened);
    console.log(
      `focalnet: ${fn.opened} sockets, rss ${fn.after.toFixed(0)} MiB (${perSocket(fn).toFixed(1)} KiB per socket) vs raw ws ${raw.after.toFixed(0)} MiB (${perSocket(raw).toFixed(1)} KiB per socket) → ratio ${(fn.after / raw.after).toFixed(2)} (target: ${flags.sockets} sockets, rss ≤ 1 GB: ${fn.opened === flags.sockets && fn.after <= 1024 ? 'met' : 'NOT met'})`,
    );
    console.log(`load generator: ${environmentLine()}`);
  } finally {
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
