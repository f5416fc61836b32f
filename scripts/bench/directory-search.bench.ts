/**
 * Directory search benchmark (issue: "over 10,000 entries: p99 ≤ 50 ms at 200 requests/s on the
 * embedded database").
 *
 * Starts the real server on a throw-away embedded FerretDB, inserts 10,000 active focal points
 * with entries, then sends searches at a fixed 200 requests/s for 10 s (three repeats, after a
 * warm-up) and reports p50/p99 against a baseline in the same run: GET /api/health at the same
 * rate through the same stack. Run: npx tsx scripts/bench/directory-search.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { Types } from 'mongoose';
import { DOMAIN_CODES } from '../../shared/schemas/labels.js';
import { MEMBER_STATES } from '../../shared/reference/member-states.js';
import { loadConfig } from '../../server/config.js';
import { startServer } from '../../server/start-server.js';
import { environmentLine, medianOf, summarize } from './lib/stats.js';
import { fixedRate } from './lib/fixed-rate.js';

const ENTRIES = 10_000;
const RATE = 200;
const SECONDS = 10;
const LANGUAGES = ['ru', 'en', 'kk', 'zh', 'ar', 'tr', 'fa', 'uz', 'ko', 'th'];
const WORDS = ['Border', 'Customs', 'Police', 'Financial', 'Monitoring', 'Migration', 'Security', 'Export', 'Control', 'Agency', 'Service', 'Ministry'];

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'focalnet-bench-'));
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', JWT_SECRET: 'b'.repeat(48) });
  const server = await startServer(config, { logger: pino({ level: 'silent' }), announceBootstrap: false, clientDir: dataDir });
  try {
    const now = new Date();
    const db = server.database.connection;
    await db.collection('member_states').updateMany({}, { $set: { domains: [...DOMAIN_CODES] } });
    const users = Array.from({ length: ENTRIES }, (_, i) => ({
      _id: new Types.ObjectId(),
      username: `bench${i}`, displayName: `Person ${i}`, role: 'focal-point', state: MEMBER_STATES[i % MEMBER_STATES.length]?.code,
      domains: [DOMAIN_CODES[i % 4], DOMAIN_CODES[(i + 1) % 4]], status: 'active', passwordHash: 'x', totpEnabled: false, requireTotp: false,
      keys: { identityKey: 'A'.repeat(43), encryptionKey: 'A'.repeat(43), encryptionKeySig: 'A'.repeat(86), keyVersion: 1, createdAt: now, verifiedAt: now, verifiedBy: null },
      tokenVersion: 0, invitedBy: null, createdAt: now, updatedAt: now,
    }));
    for (let i = 0; i < users.length; i += 1000) await db.collection('users').insertMany(users.slice(i, i + 1000));
    const entries = users.map((user, i) => ({
      userId: user._id, kind: 'person', name: { en: `${WORDS[i % WORDS.length]} officer ${i}` }, authority: { en: `${WORDS[(i * 7) % WORDS.length]} ${WORDS[(i * 3) % WORDS.length]}` },
      role: i % 3 === 0 ? 'policy' : 'operational', languages: [LANGUAGES[i % LANGUAGES.length], 'en'], available24x7: i % 5 === 0, contacts: [{ type: 'email', value: `p${i}@example.org` }],
      lastConfirmedAt: now, updatedAt: now,
    }));
    for (let i = 0; i < entries.length; i += 1000) await db.collection('directory_entries').insertMany(entries.slice(i, i + 1000));
    await server.accounts.directoryChanged();
    const reader = users[0];
    if (!reader) throw new Error('no users');
    const token = server.accounts.tokens.sign({ id: reader._id.toHexString(), role: 'focal-point', tokenVersion: 0 }, new Date());
    const headers = { authorization: `Bearer ${token}` };
    const queries = ['domain=economic-crime&language=ru', 'q=financial%20monitoring&pageSize=50', 'state=KZ,RU&sort=state', 'role=policy&available24x7=true', 'q=officer%2012&domain=border'];
    const search = async (i: number): Promise<void> => {
      const response = await fetch(`${server.url}/api/directory?${queries[i % queries.length]}`, { headers });
      if (response.status !== 200) throw new Error(String(response.status));
      await response.arrayBuffer();
    };
    const health = async (): Promise<void> => {
      const response = await fetch(`${server.url}/api/health`);
      if (response.status !== 200) throw new Error(String(response.status));
      await response.arrayBuffer();
    };

    console.log(`directory search: ${ENTRIES} entries on embedded FerretDB, ${RATE} req/s for ${SECONDS} s, 3 repeats after warm-up`);
    await fixedRate(search, { rate: RATE, seconds: 2 });
    const runs: Array<{ search: ReturnType<typeof summarize>; health: ReturnType<typeof summarize>; errors: number; loop: number }> = [];
    for (let repeat = 0; repeat < 3; repeat++) {
      const baseline = await fixedRate(health, { rate: RATE, seconds: SECONDS });
      const measured = await fixedRate(search, { rate: RATE, seconds: SECONDS });
      runs.push({ search: summarize(measured.latenciesMs), health: summarize(baseline.latenciesMs), errors: measured.errors + baseline.errors, loop: measured.loopDelayP99Ms });
      console.log(`  run ${repeat + 1}: search p50 ${runs.at(-1)?.search.median.toFixed(2)} ms, p99 ${runs.at(-1)?.search.p99.toFixed(2)} ms; health p99 ${runs.at(-1)?.health.p99.toFixed(2)} ms; errors ${runs.at(-1)?.errors}`);
    }
    const p99 = medianOf(runs.map((r) => r.search.p99));
    const baseP99 = medianOf(runs.map((r) => r.health.p99));
    console.log(`directory search p99 (median of 3): ${p99.toFixed(2)} ms vs baseline /api/health p99 ${baseP99.toFixed(2)} ms → ratio ${(p99 / baseP99).toFixed(2)} (target: p99 ≤ 50 ms at ${RATE} req/s)`);
    console.log(`target p99 ≤ 50 ms: ${p99 <= 50 ? 'met' : 'NOT met'} (${p99.toFixed(2)} ms); load generator shares the process: event-loop delay p99 ${medianOf(runs.map((r) => r.loop)).toFixed(2)} ms`);
    console.log(environmentLine());
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
