import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import type { Logger } from 'pino';
import { ferretdbBinaryPath } from './ferretdb-paths.js';

/**
 * Go's collector at its default (GOGC=100) took about a tenth of FerretDB's CPU while it decoded
 * documents for a backlog drain; its live heap is a few tens of MiB, so letting it grow 4× between
 * collections costs little memory, and the soft limit keeps a burst from growing it unbounded.
 * Either can be set in the environment instead.
 */
const FERRETDB_GC = { GOGC: process.env.GOGC ?? '400', GOMEMLIMIT: process.env.GOMEMLIMIT ?? '512MiB' };

/** Unix socket paths are limited to ~107 bytes; leave room. */
const MAX_SOCKET_PATH = 100;
const READY_TIMEOUT_MS = 30_000;

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  logger: Logger;
  /** Restarts allowed within `restartWindowMs` before giving up (then `onGiveUp` is called). */
  maxRestarts?: number;
  restartWindowMs?: number;
  /** Called once when FerretDB keeps dying: the composition root exits with a clear message. */
  onGiveUp?: (reason: string) => void;
  /** Called after each restart that brought it back (the restarts metric). */
  onRestarted?: () => void;
}

export type EmbeddedDatabaseState = 'starting' | 'running' | 'restarting' | 'stopped' | 'failed';

/**
 * Supervises FerretDB on its SQLite backend as a child process, reachable only through a unix
 * socket in a 0700 folder. Policy when it dies unexpectedly: restart it (readiness is red
 * meanwhile, because the driver cannot reach it); after `maxRestarts` deaths within the window,
 * give up and let the server exit with a clear message rather than limp on.
 */
export class EmbeddedFerretDB {
  private child: ChildProcess | undefined;
  private state: EmbeddedDatabaseState = 'stopped';
  private deaths: number[] = [];
  private recentOutput: string[] = [];
  private readonly socketDir: string;
  private readonly ownsSocketDir: boolean;

  constructor(private readonly options: EmbeddedDatabaseOptions) {
    const preferred = path.join(path.resolve(options.dataDir), 'run');
    if (path.join(preferred, 'ferretdb.sock').length <= MAX_SOCKET_PATH) {
      this.socketDir = preferred;
      this.ownsSocketDir = false;
    } else {
      this.socketDir = mkdtempSync(path.join(os.tmpdir(), 'focalnet-db-'));
      this.ownsSocketDir = true;
    }
  }

  private get pidFile(): string {
    return path.join(path.resolve(this.options.dataDir), 'ferretdb-state', 'ferretdb.pid');
  }

  /**
   * A server killed with SIGKILL leaves its FerretDB running on the same SQLite files; stop that
   * one before starting ours, so two processes never write the same data.
   */
  private killOrphan(): void {
    if (!existsSync(this.pidFile)) return;
    const pid = Number(readFileSync(this.pidFile, 'utf8').split('\n')[0]);
    rmSync(this.pidFile, { force: true });
    if (!Number.isInteger(pid) || pid <= 1) return;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes(ferretdbBinaryPath())) return;
      process.kill(pid, 'SIGKILL');
      this.options.logger.warn({ pid }, 'stopped an embedded database left running by an earlier server');
    } catch {
      // Not running any more (or not ours): nothing to do.
    }
  }

  /**
   * The socket of a FerretDB that a running server started on `dataDir`, if any: the CLI talks
   * to it instead of starting a second process on the same files.
   */
  static runningSocket(dataDir: string): string | undefined {
    const file = path.join(path.resolve(dataDir), 'ferretdb-state', 'ferretdb.pid');
    if (!existsSync(file)) return undefined;
    const [pidText, socket] = readFileSync(file, 'utf8').split('\n');
    try {
      process.kill(Number(pidText), 0);
    } catch {
      return undefined;
    }
    return socket && existsSync(socket) ? socket : undefined;
  }

  get socketPath(): string {
    return path.join(this.socketDir, 'ferretdb.sock');
  }

  /** mongodb:// URI over the unix socket, for mongoose. */
  uri(database: string): string {
    return `mongodb://${encodeURIComponent(this.socketPath)}/${database}`;
  }

  get status(): EmbeddedDatabaseState {
    return this.state;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    const binary = ferretdbBinaryPath();
    if (!existsSync(binary)) {
      throw new Error(
        `the embedded database is not installed (${binary} is missing): run \`npm run install:db\` (needs Go >= 1.24), or set MONGODB_URI`,
      );
    }
    this.state = 'starting';
    try {
      await this.launch(binary);
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  private async launch(binary: string): Promise<void> {
    const dataDir = path.resolve(this.options.dataDir);
    const sqliteDir = path.join(dataDir, 'ferretdb');
    const stateDir = path.join(dataDir, 'ferretdb-state');
    for (const dir of [sqliteDir, stateDir, this.socketDir]) mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(this.socketDir, 0o700);
    rmSync(this.socketPath, { force: true });
    this.killOrphan();

    const child = spawn(
      binary,
      [
        '--handler=sqlite',
        `--sqlite-url=file:${sqliteDir}/`,
        `--state-dir=${stateDir}`,
        '--listen-addr=', // no TCP listener: only the unix socket below
        `--listen-unix=${this.socketPath}`,
        '--debug-addr=-', // no debug HTTP listener
        '--telemetry=disable',
        '--log-level=error',
        '--log-format=text',
        // Own process group: a terminal's Ctrl-C reaches the server, which stops FerretDB in order.
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, ...FERRETDB_GC } },
    );
    this.child = child;
    if (child.pid) writeFileSync(this.pidFile, `${child.pid}\n${this.socketPath}\n`, { mode: 0o600 });
    const remember = (chunk: Buffer): void => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        this.recentOutput = [...this.recentOutput.slice(-19), line];
        this.options.logger.debug({ ferretdb: line }, 'ferretdb output');
      }
    };
    child.stdout?.on('data', remember);
    child.stderr?.on('data', remember);
    child.on('exit', (code, signal) => this.onExit(child, code, signal));

    await this.waitUntilReady(child);
    this.state = 'running';
    this.options.logger.info({ pid: child.pid, socket: this.socketPath }, 'embedded database ready');
  }

  private async waitUntilReady(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let lastError = 'no answer';
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `the embedded database exited during start-up: ${this.recentOutput.slice(-5).join(' | ') || 'no output'}`,
        );
      }
      if (existsSync(this.socketPath) && (await this.ping())) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
      lastError = 'no ping answer';
    }
    throw new Error(`the embedded database did not answer within ${READY_TIMEOUT_MS / 1000} s (${lastError})`);
  }

  private async ping(): Promise<boolean> {
    const client = new mongoose.mongo.MongoClient(this.uri('admin'), {
      serverSelectionTimeoutMS: 500,
      connectTimeoutMS: 500,
    });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return true;
    } catch {
      return false;
    } finally {
      await client.close().catch(() => undefined);
    }
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    // During the first start, start() reports the failure itself.
    if (child !== this.child || this.state === 'stopped' || this.state === 'starting') return;
    const { logger, maxRestarts = 5, restartWindowMs = 60_000 } = this.options;
    const now = Date.now();
    this.deaths = [...this.deaths.filter((t) => now - t < restartWindowMs), now];
    logger.error({ code, signal, output: this.recentOutput.slice(-5) }, 'embedded database exited unexpectedly');
    if (this.deaths.length > maxRestarts) {
      this.state = 'failed';
      this.options.onGiveUp?.(
        `the embedded database (FerretDB) exited ${this.deaths.length} times within ${restartWindowMs / 1000} s; last: code ${code}, signal ${signal}`,
      );
      return;
    }
    this.state = 'restarting';
    const delay = Math.min(1_000 * 2 ** (this.deaths.length - 1), 10_000);
    setTimeout(() => {
      if (this.state !== 'restarting') return;
      this.launch(ferretdbBinaryPath()).then(
        () => {
          logger.warn({ pid: this.child?.pid, deaths: this.deaths.length }, 'embedded database restarted');
          this.options.onRestarted?.();
        },
        (error: unknown) => {
          // A child that exited is handled by its own exit event; one that hangs is killed so it is.
          logger.error({ err: error }, 'embedded database restart failed');
          this.child?.kill('SIGKILL');
        },
      );
    }, delay).unref();
  }

  /** Stops FerretDB (SIGTERM, then SIGKILL after 5 s). */
  async stop(): Promise<void> {
    this.state = 'stopped';
    const child = this.child;
    this.child = undefined;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(this.pidFile, { force: true });
    if (this.ownsSocketDir) rmSync(this.socketDir, { recursive: true, force: true });
  }
}
