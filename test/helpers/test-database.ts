import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { EmbeddedFerretDB } from '../../server/db/embedded-ferretdb.js';

/**
 * One throw-away FerretDB per test run (started by the root hooks), shared by all tests; each
 * test server gets a database name of its own, so tests never see each other's data.
 */
let instance: { db: EmbeddedFerretDB; dir: string } | undefined;
let counter = 0;

export async function startTestDatabase(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'focalnet-test-db-'));
  const db = new EmbeddedFerretDB({ dataDir: dir, logger: pino({ level: 'silent' }), maxRestarts: 0 });
  await db.start();
  instance = { db, dir };
}

export async function stopTestDatabase(): Promise<void> {
  await instance?.db.stop();
  if (instance) rmSync(instance.dir, { recursive: true, force: true });
  instance = undefined;
}

/** mongodb:// URI of the shared test database server (no database name in it). */
export function testMongoUri(): string {
  if (!instance) throw new Error('the test database is not running (root hooks not loaded?)');
  return instance.db.uri('');
}

/** A database name no other test uses. */
export function uniqueDbName(label: string): string {
  counter += 1;
  return `t_${label.replace(/[^A-Za-z0-9]/g, '').slice(0, 20)}_${process.pid}_${counter}`;
}

/** The shared test database server's process id (to inspect its environment). */
export function testDatabasePid(): number | undefined {
  return instance?.db.pid;
}

/** The shared test database server's data folder (where a running server's socket is found). */
export function testDatabaseDir(): string {
  if (!instance) throw new Error('the test database is not running (root hooks not loaded?)');
  return instance.dir;
}
