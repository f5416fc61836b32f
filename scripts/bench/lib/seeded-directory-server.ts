/**
 * Child process of directory-search.bench.ts: starts the real server on a throw-away embedded
 * FerretDB, inserts `ENTRIES` active focal points with entries, prints one JSON line
 * { url, tokens } on stdout and runs until SIGTERM. Kept apart from the load
 * generator so the two can be pinned to different cores.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { Types } from 'mongoose';
import { SEEDED_DOMAIN_CODES } from '../../../shared/schemas/labels.js';
import { MEMBER_STATES } from '../../../shared/reference/member-states.js';
import { loadConfig } from '../../../server/config.js';
import { startServer } from '../../../server/start-server.js';

const ENTRIES = Number(process.env.ENTRIES ?? 10_000);
const READERS = 200;
const LANGUAGES = ['ru', 'en', 'kk', 'zh', 'ar', 'tr', 'fa', 'uz', 'ko', 'th'];
const WORDS = [
  'Border',
  'Customs',
  'Police',
  'Financial',
  'Monitoring',
  'Migration',
  'Security',
  'Export',
  'Control',
  'Agency',
  'Service',
  'Ministry',
];

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'focalnet-bench-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'b'.repeat(48),
  });
  const server = await startServer(config, {
    logger: pino({ level: 'silent' }),
    announceBootstrap: false,
    clientDir: dataDir,
  });
  const stop = async (): Promise<void> => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());

  const now = new Date();
  const db = server.database.connection;
  await db.collection('member_states').updateMany({}, { $set: { domains: [...SEEDED_DOMAIN_CODES] } });
  const users = Array.from({ length: ENTRIES }, (_, i) => ({
    _id: new Types.ObjectId(),
    username: `bench${i}`,
    displayName: `Person ${i}`,
    role: 'focal-point',
    state: MEMBER_STATES[i % MEMBER_STATES.length]?.code,
    domains: [SEEDED_DOMAIN_CODES[i % 4], SEEDED_DOMAIN_CODES[(i + 1) % 4]],
    status: 'active',
    passwordHash: 'x',
    totpEnabled: false,
    requireTotp: false,
    keys: {
      identityKey: 'A'.repeat(43),
      encryptionKey: 'A'.repeat(43),
      encryptionKeySig: 'A'.repeat(86),
      keyVersion: 1,
      createdAt: now,
      verifiedAt: now,
      verifiedBy: null,
    },
    tokenVersion: 0,
    invitedBy: null,
    createdAt: now,
    updatedAt: now,
  }));
  for (let i = 0; i < users.length; i += 1000) await db.collection('users').insertMany(users.slice(i, i + 1000));
  const entries = users.map((user, i) => ({
    userId: user._id,
    kind: 'person',
    name: { en: `${WORDS[i % WORDS.length]} officer ${i}` },
    authority: { en: `${WORDS[(i * 7) % WORDS.length]} ${WORDS[(i * 3) % WORDS.length]}` },
    role: i % 3 === 0 ? 'policy' : 'operational',
    languages: [LANGUAGES[i % LANGUAGES.length], 'en'],
    available24x7: i % 5 === 0,
    contacts: [{ type: 'email', value: `p${i}@example.org` }],
    lastConfirmedAt: now,
    updatedAt: now,
  }));
  for (let i = 0; i < entries.length; i += 1000)
    await db.collection('directory_entries').insertMany(entries.slice(i, i + 1000));
  await server.accounts.directoryChanged();
  // Many different signed-in readers, as in real use: no reader is looked up twice in a row.
  const tokens = users
    .slice(0, READERS)
    .map((user) =>
      server.accounts.tokens.sign({ id: user._id.toHexString(), role: 'focal-point', tokenVersion: 0 }, new Date()),
    );
  process.stdout.write(`${JSON.stringify({ url: server.url, tokens })}\n`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
