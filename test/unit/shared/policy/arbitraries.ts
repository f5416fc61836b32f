import fc from 'fast-check';
import {
  CATEGORY_CODES,
  CLASSIFICATIONS,
  SEEDED_DOMAIN_CODES,
  EXCHANGE_KINDS,
  HANDLING_CODES,
  type ExchangeKind,
  type Labels,
  type StateCode,
} from '../../../../shared/schemas/labels.js';
import { compilePolicy, type CompiledPolicy } from '../../../../shared/policy/index.js';
import type {
  DefaultEffect,
  PolicyBody,
  PolicyConditions,
  PolicyDirection,
  PolicyEffect,
  PolicyRule,
} from '../../../../shared/schemas/policy.js';

/** A small pool of states, so counterparts, senders and recipients often coincide. */
export const STATES = ['KZ', 'RU', 'TR', 'CN'] as const satisfies readonly StateCode[];

/** Instants that validity windows and evaluation times are drawn from, so windows often bite. */
export const INSTANTS = [
  '2025-01-01T00:00:00.000Z',
  '2025-06-01T00:00:00.000Z',
  '2026-01-01T00:00:00.000Z',
  '2026-06-01T00:00:00.000Z',
] as const;

export const stateArb: fc.Arbitrary<StateCode> = fc.constantFrom(...STATES);
export const effectArb: fc.Arbitrary<PolicyEffect> = fc.constantFrom('allow', 'deny', 'approve', 'conditions');
export const defaultEffectArb: fc.Arbitrary<DefaultEffect> = fc.constantFrom('allow', 'deny', 'approve');
export const directionArb: fc.Arbitrary<PolicyDirection> = fc.constantFrom('outbound', 'inbound');
/** Few kinds, so kind-scoped rules still match often. */
export const kindArb: fc.Arbitrary<ExchangeKind> = fc.constantFrom(...EXCHANGE_KINDS.slice(0, 3));

/** The seeded domains and one added later by network decision, which no seeded rule names. */
const DOMAINS: readonly string[] = [...SEEDED_DOMAIN_CODES, 'cyber-security'];

export const labelsArb: fc.Arbitrary<Labels> = fc
  .record({
    domain: fc.constantFrom(...DOMAINS),
    category: fc.constantFrom(...CATEGORY_CODES),
    classification: fc.constantFrom(...CLASSIFICATIONS),
    handling: fc.constantFrom(...HANDLING_CODES),
    evaluation: fc.option(fc.constantFrom('A1', 'B2', 'C3', 'X4'), { nil: undefined }),
  })
  .map(({ evaluation, ...rest }) => (evaluation === undefined ? rest : { ...rest, evaluation }));

/** Evaluation times: the window edges themselves and points between them. */
export const atArb: fc.Arbitrary<Date> = fc.oneof(
  fc.constantFrom(...INSTANTS).map((iso) => new Date(iso)),
  fc
    .integer({ min: Date.parse('2024-06-01T00:00:00Z'), max: Date.parse('2026-12-31T00:00:00Z') })
    .map((ms) => new Date(ms)),
);

/** Conditions that restrict something, as the schema demands for effect 'conditions'. */
export const conditionsArb: fc.Arbitrary<PolicyConditions> = fc
  .record({
    minHandling: fc.option(fc.constantFrom(...HANDLING_CODES), { nil: undefined }),
    noOnwardDissemination: fc.option(fc.boolean(), { nil: undefined }),
    notAsEvidence: fc.option(fc.boolean(), { nil: undefined }),
    retentionDays: fc.option(fc.integer({ min: 1, max: 3650 }), { nil: undefined }),
  })
  .map((c) => {
    const out: PolicyConditions = {};
    if (c.minHandling !== undefined) out.minHandling = c.minHandling;
    if (c.noOnwardDissemination !== undefined) out.noOnwardDissemination = c.noOnwardDissemination;
    if (c.notAsEvidence !== undefined) out.notAsEvidence = c.notAsEvidence;
    if (c.retentionDays !== undefined) out.retentionDays = c.retentionDays;
    const restricts =
      (out.minHandling !== undefined && out.minHandling !== 'H0') ||
      out.noOnwardDissemination === true ||
      out.notAsEvidence === true ||
      out.retentionDays !== undefined;
    return restricts ? out : { ...out, notAsEvidence: true };
  });

/** Mostly omitted (= any), so that rules match often enough for the properties to bite. */
function scopeArb<T>(values: readonly T[]): fc.Arbitrary<T[] | undefined> {
  return fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 3 },
    { arbitrary: fc.shuffledSubarray([...values], { minLength: 1 }), weight: 1 },
  );
}

/** Mostly any; otherwise a list of states or "every state except" a list, equally often. */
export const counterpartsArb: fc.Arbitrary<PolicyRule['counterparts']> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 3 },
  { arbitrary: fc.shuffledSubarray([...STATES], { minLength: 1 }), weight: 1 },
  { arbitrary: fc.shuffledSubarray([...STATES], { minLength: 1 }).map((except) => ({ except })), weight: 1 },
);

/** Either no window, an open-ended one, or a closed one with from < until. */
const instantIndexArb = fc.option(fc.integer({ min: 0, max: INSTANTS.length - 1 }), { nil: undefined, freq: 2 });
const windowArb = fc.tuple(instantIndexArb, instantIndexArb).map(([a, b]) => {
  if (a !== undefined && b !== undefined && a >= b)
    return { from: INSTANTS[b], until: a === b ? undefined : INSTANTS[a] };
  return { from: a === undefined ? undefined : INSTANTS[a], until: b === undefined ? undefined : INSTANTS[b] };
});

/** One valid rule with the given id; every optional field is sometimes present. */
export function ruleArb(id: string, effect: fc.Arbitrary<PolicyEffect> = effectArb): fc.Arbitrary<PolicyRule> {
  return fc
    .record({
      direction: directionArb,
      domains: scopeArb(SEEDED_DOMAIN_CODES),
      categories: scopeArb(CATEGORY_CODES),
      classifications: scopeArb(CLASSIFICATIONS),
      counterparts: counterpartsArb,
      kinds: scopeArb(EXCHANGE_KINDS.slice(0, 3)),
      effect,
      conditions: conditionsArb,
      ru: fc.option(fc.constant(`основание ${id}`), { nil: undefined }),
      window: windowArb,
      published: fc.option(fc.boolean(), { nil: undefined }),
    })
    .map((r) => {
      const rule: PolicyRule = {
        id,
        direction: r.direction,
        effect: r.effect,
        legalBasis: r.ru === undefined ? { en: `basis ${id}` } : { en: `basis ${id}`, ru: r.ru },
      };
      if (r.domains !== undefined) rule.domains = r.domains;
      if (r.categories !== undefined) rule.categories = r.categories;
      if (r.classifications !== undefined) rule.classifications = r.classifications;
      if (r.counterparts !== undefined) rule.counterparts = r.counterparts;
      if (r.kinds !== undefined) rule.kinds = r.kinds;
      if (r.effect === 'conditions') rule.conditions = r.conditions;
      if (r.window.from !== undefined) rule.validFrom = r.window.from;
      if (r.window.until !== undefined) rule.validUntil = r.window.until;
      if (r.published !== undefined) rule.published = r.published;
      return rule;
    });
}

/** Rules with unique ids drawn from a small pool. */
export const rulesArb: fc.Arbitrary<PolicyRule[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 99 }), { maxLength: 16 })
  .chain((ids) => fc.tuple(...ids.map((n) => ruleArb(`r${n}`))));

export function policyArb(state: StateCode): fc.Arbitrary<PolicyBody> {
  return fc
    .record({ version: fc.integer({ min: 1, max: 50 }), defaultEffect: defaultEffectArb, rules: rulesArb })
    .map(({ version, defaultEffect, rules }) => ({ state, version, defaultEffect, rules }));
}

export interface Scenario {
  /** Policies of some of the states; the others have none. */
  readonly policies: PolicyBody[];
  readonly input: { labels: Labels; kind: ExchangeKind; from: StateCode; to: StateCode[]; at: Date };
}

export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    present: fc.subarray([...STATES]),
    labels: labelsArb,
    kind: kindArb,
    from: stateArb,
    to: fc.array(stateArb, { minLength: 1, maxLength: 4 }),
    at: atArb,
  })
  .chain(({ present, ...input }) => fc.tuple(...present.map(policyArb)).map((policies) => ({ policies, input })));

/** Compiles policies into the map evaluate() takes. */
export function compileAll(policies: readonly PolicyBody[]): ReadonlyMap<StateCode, CompiledPolicy> {
  return new Map(policies.map((policy) => [policy.state, compilePolicy(policy)]));
}

/** Fisher–Yates driven by fast-check-chosen indices, so shrinking and replay stay deterministic. */
export function shuffleWith<T>(items: readonly T[], picks: readonly number[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = (picks[i] ?? 0) % (i + 1);
    const a = out[i];
    const b = out[j];
    if (a !== undefined && b !== undefined) {
      out[i] = b;
      out[j] = a;
    }
  }
  return out;
}
