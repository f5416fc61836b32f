/**
 * Policy decision benchmark (quality.md: "policy decision, 1,000 rules — median ≤ 20 µs").
 *
 * Compiles a sender and a recipient policy of 1,000 rules each, then times evaluate() for one
 * sender → one recipient against a naive linear scan over the uncompiled rules, measured in the
 * same run. Both must give the same decision for every input (asserted before timing).
 * Warm-up, three repeats, median. Run: npx tsx scripts/bench/policy-decision.bench.ts
 */
import { deepStrictEqual } from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import {
  compilePolicy,
  DEFAULT_LEGAL_BASIS,
  effectRank,
  evaluate,
  mergeConditions,
  NO_POLICY_LEGAL_BASIS,
  stricterEffect,
  type Decision,
  type EvaluationInput,
  type Reason,
} from '../../shared/policy/index.js';
import {
  CATEGORY_CODES,
  CLASSIFICATIONS,
  SEEDED_DOMAIN_CODES,
  EXCHANGE_KINDS,
  HANDLING_CODES,
  type StateCode,
} from '../../shared/schemas/labels.js';
import { PolicyBody, type PolicyDirection, type PolicyEffect, type PolicyRule } from '../../shared/schemas/policy.js';
import { environmentLine, medianOf, reportRatio, summarize } from './lib/stats.js';

const RULES_PER_POLICY = 1000;
const INPUTS = 512;
const REPEATS = 3;
const WARM_UP_MS = 300;
const SAMPLE_MS = 1200;
const TARGET_US = 20;

/** mulberry32: a seeded generator, so every run benches the same policies. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20260301);
const chance = (p: number): boolean => random() < p;
function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}
function some<T>(items: readonly T[], max: number): T[] {
  const count = 1 + Math.floor(random() * Math.min(max, items.length));
  return [...new Set(Array.from({ length: count }, () => pick(items)))];
}

/** Member states of a conference of this size (ISO 3166-1 alpha-2). */
const STATES: readonly StateCode[] = [
  'AF',
  'AZ',
  'BH',
  'BD',
  'KH',
  'CN',
  'EG',
  'IN',
  'IR',
  'IQ',
  'IL',
  'JO',
  'KZ',
  'KG',
  'MN',
  'PK',
  'PS',
  'QA',
  'KR',
  'RU',
  'LK',
  'TJ',
  'TH',
  'TR',
  'AE',
  'UZ',
  'VN',
  'TM',
];
/** 60% allow, 20% conditions, 12% approve, 8% deny. */
const EFFECT_MIX: readonly PolicyEffect[] = [
  ...Array<PolicyEffect>(15).fill('allow'),
  ...Array<PolicyEffect>(5).fill('conditions'),
  'approve',
  'approve',
  'approve',
  'deny',
  'deny',
];
const WINDOWS = [
  { validFrom: '2024-01-01T00:00:00Z', validUntil: '2025-01-01T00:00:00Z' }, // expired
  { validFrom: '2025-01-01T00:00:00Z' },
  { validUntil: '2027-01-01T00:00:00+06:00' },
  { validFrom: '2027-01-01T00:00:00Z' }, // not yet valid
];

/** A realistic rule: mostly one domain and category, often a few named counterparts. */
function makeRule(id: string, direction: PolicyDirection): PolicyRule {
  const effect = pick(EFFECT_MIX);
  const rule: PolicyRule = {
    id,
    direction,
    effect,
    legalBasis: { en: `Law ${id}, art. ${1 + Math.floor(random() * 90)}` },
  };
  // Restrictions are narrow (one domain and category, named states); permissions are broader.
  const narrow = effect === 'deny' || effect === 'approve';
  if (narrow || !chance(0.1)) rule.domains = some(SEEDED_DOMAIN_CODES, narrow ? 1 : 2);
  if (narrow || !chance(0.15)) rule.categories = some(CATEGORY_CODES, narrow ? 1 : 2);
  if (chance(0.5)) rule.classifications = some(CLASSIFICATIONS, 2);
  // Some rules name the states they spare ("all except …") rather than those they cover.
  if (effect !== 'allow' || chance(0.6))
    rule.counterparts = chance(0.2) ? { except: some(STATES, 2) } : some(STATES, narrow ? 3 : 5);
  if (chance(0.3)) rule.kinds = some(EXCHANGE_KINDS, 3);
  if (effect === 'conditions')
    rule.conditions = chance(0.5)
      ? { minHandling: pick(HANDLING_CODES.slice(1)), retentionDays: 30 + Math.floor(random() * 335) }
      : { noOnwardDissemination: true, notAsEvidence: chance(0.5) };
  if (chance(0.2)) Object.assign(rule, pick(WINDOWS));
  if (chance(0.5)) rule.legalBasis.ru = `Закон ${id}`;
  if (chance(0.5)) rule.published = true;
  return rule;
}

function makePolicy(state: StateCode, version: number): PolicyBody {
  const rules = Array.from({ length: RULES_PER_POLICY }, (_, i) =>
    makeRule(`${state.toLowerCase()}-${i}`, chance(0.5) ? 'outbound' : 'inbound'),
  );
  return PolicyBody.parse({ state, version, defaultEffect: 'allow', rules });
}

// ---- baseline: a naive linear scan over the uncompiled rules ----

function naiveMatches(
  rule: PolicyRule,
  direction: PolicyDirection,
  input: EvaluationInput,
  counterpart: StateCode,
): boolean {
  const at = input.at.getTime();
  return (
    rule.direction === direction &&
    (rule.domains === undefined || rule.domains.includes(input.labels.domain)) &&
    (rule.categories === undefined || rule.categories.includes(input.labels.category)) &&
    (rule.classifications === undefined || rule.classifications.includes(input.labels.classification)) &&
    (rule.counterparts === undefined ||
      (Array.isArray(rule.counterparts)
        ? rule.counterparts.includes(counterpart)
        : !rule.counterparts.except.includes(counterpart))) &&
    (rule.kinds === undefined || rule.kinds.includes(input.kind)) &&
    (rule.validFrom === undefined || at >= Date.parse(rule.validFrom)) &&
    (rule.validUntil === undefined || at < Date.parse(rule.validUntil))
  );
}

interface NaiveSide {
  policy: PolicyBody | undefined;
  effect: PolicyEffect;
  matched: PolicyRule[];
  fallback: Reason;
}

function naiveSide(
  policy: PolicyBody | undefined,
  state: StateCode,
  direction: PolicyDirection,
  input: EvaluationInput,
  counterpart: StateCode,
): NaiveSide {
  if (policy === undefined) {
    const fallback: Reason = {
      state,
      policyVersion: null,
      ruleId: 'no-policy',
      direction,
      effect: 'allow',
      legalBasis: NO_POLICY_LEGAL_BASIS,
      published: true,
    };
    return { policy, effect: 'allow', matched: [], fallback };
  }
  const matched = policy.rules.filter((rule) => naiveMatches(rule, direction, input, counterpart));
  const fallback: Reason = {
    state,
    policyVersion: policy.version,
    ruleId: 'default',
    direction,
    effect: policy.defaultEffect,
    legalBasis: DEFAULT_LEGAL_BASIS,
    published: true,
  };
  const effect =
    matched.length === 0
      ? policy.defaultEffect
      : matched.reduce<PolicyEffect>((e, r) => stricterEffect(e, r.effect), 'allow');
  return { policy, effect, matched, fallback };
}

function naiveEvaluate(input: EvaluationInput, policies: readonly PolicyBody[]): Decision {
  const find = (state: StateCode) => policies.find((p) => p.state === state);
  const perRecipient = [...new Set(input.to)].map((to) => {
    const sides = [
      naiveSide(find(input.from), input.from, 'outbound', input, to),
      naiveSide(find(to), to, 'inbound', input, input.from),
    ];
    const effect = stricterEffect(sides[0]?.effect ?? 'allow', sides[1]?.effect ?? 'allow');
    const reasons = sides.flatMap((s) => {
      if (s.matched.length === 0 || s.policy === undefined) return s.fallback.effect === effect ? [s.fallback] : [];
      const { state, version } = s.policy;
      return s.matched
        .filter((r) => r.effect === effect || (effect === 'approve' && r.effect === 'conditions'))
        .sort((a, b) => effectRank(b.effect) - effectRank(a.effect) || (a.id < b.id ? -1 : 1))
        .map((r): Reason => ({
          state,
          policyVersion: version,
          ruleId: r.id,
          direction: r.direction,
          effect: r.effect,
          legalBasis: r.legalBasis,
          published: r.published === true,
        }));
    });
    const conditions =
      effect === 'deny'
        ? {}
        : mergeConditions(
            sides.flatMap((s) =>
              s.matched.flatMap((r) => (r.effect === 'conditions' && r.conditions ? [r.conditions] : [])),
            ),
          );
    const policyVersions = Object.fromEntries(
      sides.flatMap((s) => (s.policy ? [[s.policy.state, s.policy.version]] : [])),
    );
    return { state: to, effect, conditions, reasons, policyVersions };
  });
  return {
    effect: perRecipient.reduce<PolicyEffect>((e, r) => stricterEffect(e, r.effect), 'allow'),
    perRecipient,
    conditions: mergeConditions(perRecipient.map((r) => r.conditions)),
  };
}

// ---- measurement ----

/** Runs `decide` over every input once per batch; returns the median µs per decision of one repeat. */
function measure(decide: (input: EvaluationInput) => Decision, inputs: readonly EvaluationInput[], ms: number): number {
  const samples: number[] = [];
  let sink = 0;
  const end = performance.now() + ms;
  while (performance.now() < end || samples.length < 5) {
    const start = performance.now();
    for (const input of inputs) sink += effectRank(decide(input).effect);
    samples.push(((performance.now() - start) * 1000) / inputs.length);
  }
  if (sink < 0) console.log(sink); // keeps the results observable so nothing is optimised away
  return summarize(samples).median;
}

function main(): void {
  const sender = makePolicy('KZ', 12);
  const recipient = makePolicy('RU', 31);
  const compileStart = performance.now();
  const compiled = new Map([
    [sender.state, compilePolicy(sender)],
    [recipient.state, compilePolicy(recipient)],
  ]);
  const compileMs = performance.now() - compileStart;
  const instants = ['2024-06-01T00:00:00Z', '2025-09-15T08:30:00Z', '2026-03-01T12:00:00Z', '2027-06-01T00:00:00Z'].map(
    (iso) => new Date(iso),
  );
  const inputs: EvaluationInput[] = Array.from({ length: INPUTS }, () => ({
    labels: {
      domain: pick(SEEDED_DOMAIN_CODES),
      category: pick(CATEGORY_CODES),
      classification: pick(CLASSIFICATIONS),
      handling: pick(HANDLING_CODES),
    },
    kind: pick(EXCHANGE_KINDS),
    from: 'KZ',
    to: ['RU'],
    at: pick(instants),
  }));

  const effects = new Map<PolicyEffect, number>();
  for (const input of inputs) {
    const decision = evaluate(input, compiled);
    deepStrictEqual(decision, naiveEvaluate(input, [sender, recipient]), 'compiled engine and naive scan disagree');
    effects.set(decision.effect, (effects.get(decision.effect) ?? 0) + 1);
  }
  const mix = [...effects]
    .sort(([a], [b]) => effectRank(a) - effectRank(b))
    .map(([e, n]) => `${e} ${n}`)
    .join(', ');
  console.log(
    `policy decision: 2 policies × ${RULES_PER_POLICY} rules, compiled in ${compileMs.toFixed(1)} ms; ${INPUTS} inputs KZ → RU, all equal to the naive scan (${mix})`,
  );

  const compiledRun = (input: EvaluationInput) => evaluate(input, compiled);
  const naiveRun = (input: EvaluationInput) => naiveEvaluate(input, [sender, recipient]);
  measure(compiledRun, inputs, WARM_UP_MS);
  measure(naiveRun, inputs, WARM_UP_MS);
  const compiledRepeats: number[] = [];
  const naiveRepeats: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    compiledRepeats.push(measure(compiledRun, inputs, SAMPLE_MS));
    naiveRepeats.push(measure(naiveRun, inputs, SAMPLE_MS));
  }
  const value = medianOf(compiledRepeats);
  const baseline = medianOf(naiveRepeats);
  console.log(
    `repeats (µs/decision): compiled ${compiledRepeats.map((v) => v.toFixed(3)).join(' / ')}; naive ${naiveRepeats.map((v) => v.toFixed(3)).join(' / ')}`,
  );
  reportRatio(
    'policy decision, 1 sender → 1 recipient, 1,000 rules each (median µs per decision)',
    value,
    baseline,
    'µs',
    `median ≤ ${TARGET_US} µs`,
  );
  console.log(`target median ≤ ${TARGET_US} µs: ${value <= TARGET_US ? 'met' : 'NOT met'} (${value.toFixed(3)} µs)`);
  console.log(environmentLine());
}

main();
