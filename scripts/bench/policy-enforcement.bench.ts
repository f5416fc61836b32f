/**
 * Policy enforcement benchmark: what one decideExchange() costs on the embedded database, and
 * what the compiled-policy cache saves.
 *
 * Starts the real server on a throw-away embedded FerretDB, publishes (signed) policies of every
 * member state — KZ and RU with 1,000 rules, 10 versions of history each — and times, per call,
 * sequentially: the pure engine (baseline); the store's per-call check of the versions in force
 * (cache hit); loading per call without the cache (read, parse, signature check, compile); and
 * the whole decideExchange() with its audit entry. Warm-up, three repeats, median.
 * Run: npx tsx scripts/bench/policy-enforcement.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { canonicalJson } from '../../shared/crypto/canonical-json.js';
import { toBase64Url } from '../../shared/crypto/encoding.js';
import { generateIdentityKeyPair } from '../../shared/crypto/keys.js';
import { signPolicy } from '../../shared/crypto/policy-sign.js';
import { evaluate, type CompiledPolicy } from '../../shared/policy/index.js';
import { MEMBER_STATES } from '../../shared/reference/member-states.js';
import { CATEGORY_CODES, CLASSIFICATIONS, SEEDED_DOMAIN_CODES, type Labels } from '../../shared/schemas/labels.js';
import type { PolicyBody, PolicyEffect, PolicyRule } from '../../shared/schemas/policy.js';
import { loadConfig } from '../../server/config.js';
import { decideExchange } from '../../server/modules/policies/enforce-policy.js';
import { createPolicyStore } from '../../server/modules/policies/policy-store.js';
import { startServer } from '../../server/start-server.js';
import { environmentLine, medianOf, summarize } from './lib/stats.js';

const BIG_RULES = 1000;
const VERSIONS = 10;
const CALLS = 100;
const REPEATS = 3;
const EFFECTS: readonly PolicyEffect[] = ['allow', 'allow', 'allow', 'deny', 'approve'];

function rules(state: string, count: number): PolicyRule[] {
  return Array.from({ length: count }, (_, i): PolicyRule => ({
    id: `${state.toLowerCase()}-${i}`,
    direction: i % 2 === 0 ? 'outbound' : 'inbound',
    domains: [SEEDED_DOMAIN_CODES[i % SEEDED_DOMAIN_CODES.length] ?? 'border'],
    categories: [CATEGORY_CODES[(i >> 2) % CATEGORY_CODES.length] ?? 'general'],
    classifications: [CLASSIFICATIONS[i % CLASSIFICATIONS.length] ?? 'public'],
    counterparts: [MEMBER_STATES[i % MEMBER_STATES.length]?.code ?? 'RU'],
    effect: EFFECTS[i % EFFECTS.length] ?? 'allow',
    legalBasis: { en: `Law ${i}, art. ${i % 90}` },
    ...(i % 2 === 0 ? { published: true } : {}),
  }));
}

/** Median ms per call of `run`, over CALLS sequential calls. */
async function perCall(run: (i: number) => Promise<unknown> | unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  return summarize(samples).median;
}

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
  try {
    const deps = server.policies;
    const signer = await generateIdentityKeyPair();
    const now = new Date();
    for (const { code } of MEMBER_STATES) {
      const big = code === 'KZ' || code === 'RU';
      for (let version = 1; version <= (big ? VERSIONS : 1); version++) {
        const body: PolicyBody = {
          state: code,
          version,
          defaultEffect: 'allow',
          rules: rules(code, big ? BIG_RULES : 5),
        };
        const { policy, signature } = await signPolicy(body, signer.privateKey);
        await deps.policies.insertVersion({
          state: code,
          version,
          bodyJson: canonicalJson(policy),
          defaultEffect: 'allow',
          ruleCount: policy.rules.length,
          publishedRuleCount: 0,
          signature,
          signedBy: '0123456789abcdef01234567',
          signerIdentityKey: toBase64Url(signer.publicKey),
          signerKeyVersion: 1,
          createdAt: now,
        });
        await deps.policies.putInForce(code, version, now);
      }
    }
    const labels = (i: number): Labels => ({
      domain: SEEDED_DOMAIN_CODES[i % 4] ?? 'border',
      category: CATEGORY_CODES[i % 6] ?? 'general',
      classification: CLASSIFICATIONS[i % 3] ?? 'public',
      handling: 'H1',
    });
    const states = ['KZ', 'RU'];
    const loaded = await deps.store.current(states);
    const compiled = new Map<string, CompiledPolicy>([...loaded].map(([state, p]) => [state, p.compiled]));
    const bodyKb = ((await deps.policies.findVersion('KZ', VERSIONS))?.bodyJson.length ?? 0) / 1024;

    const cases: Array<[string, (i: number) => Promise<unknown> | unknown]> = [
      [
        'engine only: evaluate() on compiled policies (baseline)',
        (i) => evaluate({ labels: labels(i), kind: 'message', from: 'KZ', to: ['RU'], at: now }, compiled),
      ],
      ['versions in force, cache hit: store.current([KZ, RU])', () => deps.store.current(states)],
      ['no cache: read + parse + verify + compile per call', () => createPolicyStore(deps.policies).current(states)],
      [
        'audit append alone (one entry, hash chain)',
        (i) => deps.audit.append({ type: 'policy.decision', state: 'KZ', data: { i } }),
      ],
      [
        'decideExchange(): versions check + evaluate + audit append',
        (i) => decideExchange(deps, { labels: labels(i), kind: 'message', fromState: 'KZ', toStates: ['RU'], at: now }),
      ],
    ];
    console.log(
      `policy enforcement on embedded FerretDB: ${MEMBER_STATES.length} states, KZ and RU ${BIG_RULES} rules × ${VERSIONS} versions (${bodyKb.toFixed(0)} KiB each); ${CALLS} sequential calls, ${REPEATS} repeats after warm-up`,
    );
    for (const [, run] of cases) await perCall(run);
    const results = new Map<string, number[]>();
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      for (const [name, run] of cases) results.set(name, [...(results.get(name) ?? []), await perCall(run)]);
    }
    const baseline = medianOf(results.get(cases[0]?.[0] ?? '') ?? []);
    for (const [name] of cases) {
      const value = medianOf(results.get(name) ?? []);
      console.log(
        `  ${name}: median ${value < 0.1 ? `${(value * 1000).toFixed(1)} µs` : `${value.toFixed(2)} ms`} per call (× ${(value / baseline).toFixed(0)} the engine)`,
      );
    }
    const hit = medianOf(results.get(cases[1]?.[0] ?? '') ?? []);
    const miss = medianOf(results.get(cases[2]?.[0] ?? '') ?? []);
    console.log(
      `the cache saves ${(miss - hit).toFixed(2)} ms per decision (${(miss / hit).toFixed(1)}× faster than loading per call)`,
    );
    console.log(environmentLine());
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
