import { mkdtempSync, rmSync } from 'node:fs';
import * as opaque from '@serenity-kit/opaque';
import os from 'node:os';
import path from 'node:path';
import mongoose, { Types } from 'mongoose';
import pino from 'pino';
import { io as connectClient, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/events.js';
import { generateUserKeys, type UserKeys } from '../../../shared/crypto/keys.js';
import { toBase64Url } from '../../../shared/crypto/encoding.js';
import { SEEDED_DOMAIN_CODES, type StateCode } from '../../../shared/schemas/labels.js';
import { MEMBER_STATES } from '../../../shared/reference/member-states.js';
import { EmbeddedFerretDB } from '../../../server/db/embedded-ferretdb.js';
import { accessTokenSigner } from '../../../server/modules/accounts/access-tokens.js';
import { pin, SERVER_CORE, startChild, type BenchChild } from './bench-processes.js';

export type BenchSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A seeded, active focal point serving every domain; keys only when the bench signs. */
export interface BenchPerson {
  id: string;
  state: StateCode;
  keys: UserKeys | undefined;
}

export const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-48chars!!';
const STATES: StateCode[] = ['KZ', 'RU'];

/** A throw-away embedded FerretDB (pinned to the server core: it is part of the server side). */
export async function startBenchDatabase(): Promise<{
  uri: (db: string) => string;
  pid: number | undefined;
  stop(): Promise<void>;
}> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'focalnet-bench-db-'));
  const db = new EmbeddedFerretDB({ dataDir: dir, logger: pino({ level: 'silent' }), maxRestarts: 0 });
  await db.start();
  if (db.pid) pin(db.pid, SERVER_CORE);
  return {
    uri: (name) => db.uri(name),
    pid: db.pid,
    async stop() {
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Seeds `count` active focal points (alternately KZ and RU, every domain, both states taking part
 * in every domain) straight into the database, as the directory bench does. With `withKeys`
 * each gets real Ed25519/X25519 keys so envelopes verify; otherwise placeholder keys.
 */
export async function seedFocalPoints(
  uri: string,
  count: number,
  options: { withKeys: boolean },
): Promise<BenchPerson[]> {
  const connection = await mongoose.createConnection(uri).asPromise();
  try {
    const now = new Date();
    await connection.collection('member_states').insertMany(
      MEMBER_STATES.map((state) => ({
        code: state.code,
        name: state.name,
        domains: [...SEEDED_DOMAIN_CODES],
        visibility: [],
        updatedAt: now,
      })),
    );
    const people: BenchPerson[] = [];
    for (let start = 0; start < count; start += 1000) {
      const docs = [];
      for (let i = start; i < Math.min(count, start + 1000); i++) {
        const keys = options.withKeys ? await generateUserKeys() : undefined;
        const id = new Types.ObjectId();
        const state = STATES[i % STATES.length] ?? 'KZ';
        people.push({ id: id.toHexString(), state, keys });
        docs.push({
          _id: id,
          username: `bench${i}`,
          displayName: `Bench person ${i}`,
          role: 'focal-point',
          state,
          domains: [...SEEDED_DOMAIN_CODES],
          status: 'active',
          passwordHash: 'not-used',
          totpEnabled: false,
          requireTotp: false,
          tokenVersion: 0,
          invitedBy: null,
          createdAt: now,
          updatedAt: now,
          keys: {
            identityKey: keys ? toBase64Url(keys.identity.publicKey) : 'A'.repeat(43),
            encryptionKey: keys ? toBase64Url(keys.encryption.publicKey) : 'A'.repeat(43),
            encryptionKeySig: 'A'.repeat(86),
            keyVersion: 1,
            createdAt: now,
            verifiedAt: now,
            verifiedBy: null,
          },
        });
      }
      await connection.collection('users').insertMany(docs);
    }
    return people;
  } finally {
    await connection.close();
  }
}

/** One OPAQUE server setup per bench run, shared by its nodes (production requires one, as it does JWT_SECRET). */
let opaqueSetup: Promise<string> | undefined;
const benchOpaqueSetup = (): Promise<string> => (opaqueSetup ??= opaque.ready.then(() => opaque.server.createSetup()));

/** A FocalNet server process (server/main.ts, as `npm start` runs it) over the bench database. */
export async function startFocalNet(
  name: string,
  env: { uri: string; dbName: string; redisUrl?: string; core?: number },
): Promise<BenchChild & { url: string }> {
  const OPAQUE_SERVER_SETUP = await benchOpaqueSetup();
  const child = await startChild(name, 'server/main.ts', {
    core: env.core ?? SERVER_CORE,
    env: {
      NODE_ENV: 'production',
      LOG_LEVEL: 'error',
      PORT: '0',
      HOST: '127.0.0.1',
      MONGODB_URI: process.env.BENCH_URI_SUFFIX ? env.uri + process.env.BENCH_URI_SUFFIX : env.uri,
      DB_NAME: env.dbName,
      JWT_SECRET,
      OPAQUE_SERVER_SETUP,
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'focalnet-bench-data-')),
      ...(env.redisUrl ? { REDIS_URL: env.redisUrl } : {}),
      // BENCH_METRICS=1: the server with its metrics on (METRICS_PORT), to measure what they cost.
      ...(process.env.BENCH_METRICS ? { METRICS_PORT: '0' } : {}),
    },
    ready: /FocalNet is running at (http:\/\/\S+)/,
    server: true,
  });
  return { ...child, url: child.ready };
}

const signer = accessTokenSigner(JWT_SECRET);

/** An access token for a seeded person (15 minutes: every bench finishes well within). */
export function tokenFor(person: BenchPerson): string {
  return signer.sign({ id: person.id, role: 'focal-point', tokenVersion: 0 }, new Date());
}

/** A socket.io client for `person`, connected (websocket only, its own connection). */
export async function connectPerson(url: string, person: BenchPerson): Promise<BenchSocket> {
  const socket: BenchSocket = connectClient(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: { token: tokenFor(person) },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return socket;
}

/** Connects everyone, `parallel` handshakes at a time. */
export async function connectAll(url: string, people: readonly BenchPerson[], parallel = 50): Promise<BenchSocket[]> {
  const sockets: BenchSocket[] = new Array<BenchSocket>(people.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let i = next++; i < people.length; i = next++) {
        const person = people[i];
        if (person) sockets[i] = await connectPerson(url, person);
      }
    }),
  );
  return sockets;
}
