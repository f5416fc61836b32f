import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FetchLike } from '../../client/sdk/index.js';
import { startTestRedis, type TestRedis } from './redis-server.js';
import { runServerProcess, type ServerProcess } from './server-process.js';
import { testMongoUri } from './test-database.js';
import { startNginx, type TestNginx } from './topology-nginx.js';
import { fetchTrusting, makeTestCertificates } from './topology-tls.js';

/**
 * The reference topology of deploy/ as processes on loopback: nginx (TLS, the repository's
 * template) in front of two FocalNet nodes sharing Redis and the test database.
 */
export interface Topology {
  /** https://127.0.0.1:<port>: the public origin, through the proxy. */
  origin: string;
  /** http://127.0.0.1:<port>: the proxy's plain-HTTP listener (redirects). */
  plainOrigin: string;
  /** PEM of the test CA, for socket.io-client's `ca`. */
  ca: string;
  /** A fetch that trusts the test CA, for the SDK. */
  fetch: FetchLike;
  nodes: [TopologyNode, TopologyNode];
  nginx: TestNginx;
  stop(): Promise<void>;
}

export interface TopologyNode {
  port: number;
  /** The running process (a new one after each restart). */
  process: ServerProcess;
  /** SIGTERM, and the exit code, how long the node took to exit, and what it printed (JSON log lines). */
  stop(): Promise<{ code: number | null; ms: number; output: string }>;
  /** Starts the node again on the same port; resolves once it listens. */
  start(): Promise<void>;
}

export interface TopologyOptions {
  /** The test database name both nodes use (seed it first, e.g. with startNetwork). */
  dbName: string;
  jwtSecret: string;
  /** More settings for both nodes. */
  env?: Record<string, string>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}

async function startNode(port: number, env: Record<string, string>): Promise<TopologyNode> {
  const nodeEnv = { ...env, PORT: String(port) };
  const node: TopologyNode = {
    port,
    process: await runServerProcess(nodeEnv),
    async stop() {
      const started = Date.now();
      node.process.kill('SIGTERM');
      const code = await node.process.exited;
      return { code, ms: Date.now() - started, output: node.process.stdout() + node.process.stderr() };
    },
    async start() {
      node.process = await runServerProcess(nodeEnv);
      await node.process.listening(60_000);
    },
  };
  await node.process.listening(60_000);
  return node;
}

async function killIfRunning(process: ServerProcess | undefined): Promise<void> {
  if (!process || process.child.exitCode !== null || process.child.signalCode !== null) return;
  process.kill('SIGKILL');
  await process.exited;
}

/** Starts Redis, two nodes and nginx; `stop()` stops all of them and removes the temp dir. */
export async function startTopology(options: TopologyOptions): Promise<Topology> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'focalnet-topology-'));
  const started: { redis?: TestRedis; nodes: TopologyNode[]; nginx?: TestNginx; closeFetch?: () => Promise<void> } = {
    nodes: [],
  };
  const stop = async (): Promise<void> => {
    await started.nginx?.stop();
    await Promise.all(started.nodes.map((node) => killIfRunning(node.process)));
    await started.redis?.stop();
    await started.closeFetch?.();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const certificates = makeTestCertificates(dir);
    const [httpPort, httpsPort, port1, port2] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    const origin = `https://127.0.0.1:${httpsPort}`;
    started.redis = await startTestRedis();
    const env = {
      MONGODB_URI: testMongoUri(),
      DB_NAME: options.dbName,
      JWT_SECRET: options.jwtSecret,
      REDIS_URL: started.redis.url,
      HOST: '127.0.0.1',
      TRUST_PROXY: 'loopback',
      PUBLIC_ORIGIN: origin,
      DATA_DIR: dir,
      ...options.env,
    };
    for (const port of [port1, port2]) started.nodes.push(await startNode(port, env));
    started.nginx = await startNginx(path.join(dir, 'nginx'), {
      FOCALNET_NODE_1: `127.0.0.1:${port1}`,
      FOCALNET_NODE_2: `127.0.0.1:${port2}`,
      FOCALNET_PUBLIC_ORIGIN: origin,
      // host:port, so the proxy listens on loopback only (the template's `listen` takes either).
      HTTP_PORT: `127.0.0.1:${httpPort}`,
      HTTPS_PORT: `127.0.0.1:${httpsPort}`,
      TLS_CERT: certificates.certFile,
      TLS_KEY: certificates.keyFile,
    });
    const trusting = fetchTrusting(certificates.ca);
    started.closeFetch = trusting.close;
    const [node1, node2] = started.nodes as [TopologyNode, TopologyNode];
    return {
      origin,
      plainOrigin: `http://127.0.0.1:${httpPort}`,
      ca: certificates.ca,
      fetch: trusting.fetch,
      nodes: [node1, node2],
      nginx: started.nginx,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
