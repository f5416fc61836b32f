import { CATEGORY_CODES, CLASSIFICATIONS, type StateCode } from '../schemas/labels.js';
import type {
  DefaultEffect,
  PolicyBody,
  PolicyConditions,
  PolicyDirection,
  PolicyEffect,
  PolicyRule,
} from '../schemas/policy.js';
import { effectRank } from './combine-effects.js';
import { DEFAULT_RULE_ID, type Reason } from './decision.js';
import { DEFAULT_LEGAL_BASIS } from './engine-legal-basis.js';
import { BUCKET_COUNT, bucketOf, checkedDomain, kindMask } from './label-index.js';

/** A rule prepared for matching: scopes as a bitmask and a Set, validity as epoch milliseconds. */
export interface CompiledRule {
  readonly id: string;
  readonly effect: PolicyEffect;
  /** Set only when the effect is 'conditions'. */
  readonly conditions: PolicyConditions | undefined;
  readonly kindMask: number;
  /** null matches any counterpart state. */
  readonly counterparts: ReadonlySet<string> | null;
  /** True when `counterparts` lists the states the rule does NOT apply to (`{ except }`). */
  readonly exceptCounterparts: boolean;
  /** Inclusive, epoch ms; -Infinity when open. */
  readonly validFrom: number;
  /** Exclusive, epoch ms; +Infinity when open. */
  readonly validUntil: number;
  /** Shared, frozen reason object reported whenever this rule decides. */
  readonly reason: Reason;
}

/** Rules of one (domain, direction), bucketed by (category, classification); see label-index.ts. */
export type LabelBuckets = readonly (readonly CompiledRule[])[];

/**
 * Rules of one direction. A domain that no rule names gets only the rules that name no domain
 * (`anyDomain`): so a domain added to the network later is covered by those at once.
 */
export interface RuleBuckets {
  readonly byDomain: ReadonlyMap<string, LabelBuckets>;
  readonly anyDomain: LabelBuckets;
}

/** A policy indexed for fast evaluation. Built by compilePolicy; treat as opaque and immutable. */
export interface CompiledPolicy {
  readonly state: StateCode;
  readonly version: number;
  readonly defaultEffect: DefaultEffect;
  readonly outbound: RuleBuckets;
  readonly inbound: RuleBuckets;
  readonly defaultReasons: Readonly<Record<PolicyDirection, Reason>>;
}

/** Code-unit order: the same everywhere, unlike localeCompare. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Strictest first, then by id: matches come out of a bucket already in reason order. */
function compareRules(a: PolicyRule, b: PolicyRule): number {
  return effectRank(b.effect) - effectRank(a.effect) || compareIds(a.id, b.id);
}

function parseInstant(value: string | undefined, open: number, ruleId: string): number {
  if (value === undefined) return open;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`policy rule "${ruleId}": invalid date-time "${value}"`);
  return ms;
}

function compileRule(rule: PolicyRule, policy: PolicyBody): CompiledRule {
  const reason: Reason = Object.freeze({
    state: policy.state,
    policyVersion: policy.version,
    ruleId: rule.id,
    direction: rule.direction,
    effect: rule.effect,
    legalBasis: Object.freeze({ ...rule.legalBasis }),
    published: rule.published === true,
  });
  return {
    id: rule.id,
    effect: rule.effect,
    conditions:
      rule.effect === 'conditions' && rule.conditions !== undefined ? Object.freeze({ ...rule.conditions }) : undefined,
    kindMask: kindMask(rule.kinds),
    counterparts:
      rule.counterparts === undefined
        ? null
        : new Set(Array.isArray(rule.counterparts) ? rule.counterparts : rule.counterparts.except),
    exceptCounterparts: rule.counterparts !== undefined && !Array.isArray(rule.counterparts),
    validFrom: parseInstant(rule.validFrom, Number.NEGATIVE_INFINITY, rule.id),
    validUntil: parseInstant(rule.validUntil, Number.POSITIVE_INFINITY, rule.id),
    reason,
  };
}

function bucketsOf(rules: readonly PolicyRule[], policy: PolicyBody): RuleBuckets {
  const named = new Set(rules.flatMap((rule) => (rule.domains ?? []).map(checkedDomain)));
  const byDomain = new Map<string, CompiledRule[][]>([...named].map((domain) => [domain, emptyBuckets()]));
  const anyDomain = emptyBuckets();
  for (const rule of rules) {
    const compiled = compileRule(rule, policy);
    // Sets: a repeated scope entry (rejected by the schema) must not list a rule twice.
    const targets =
      rule.domains === undefined
        ? [anyDomain, ...byDomain.values()]
        : [...new Set(rule.domains)].map((domain) => byDomain.get(domain) ?? emptyBuckets());
    for (const category of new Set(rule.categories ?? CATEGORY_CODES)) {
      for (const classification of new Set(rule.classifications ?? CLASSIFICATIONS)) {
        const bucket = bucketOf(category, classification);
        for (const buckets of targets) buckets[bucket]?.push(compiled);
      }
    }
  }
  return { byDomain, anyDomain };
}

function emptyBuckets(): CompiledRule[][] {
  return Array.from({ length: BUCKET_COUNT }, () => []);
}

function defaultReason(policy: PolicyBody, direction: PolicyDirection): Reason {
  return Object.freeze({
    state: policy.state,
    policyVersion: policy.version,
    ruleId: DEFAULT_RULE_ID,
    direction,
    effect: policy.defaultEffect,
    legalBasis: DEFAULT_LEGAL_BASIS,
    published: true,
  });
}

/**
 * Indexes a parsed policy for evaluate(): rules are bucketed per direction by every
 * (domain, category, classification) they cover, strictest first, so one evaluation reads
 * one short bucket per policy. Throws on duplicate rule ids or unparseable dates (input that
 * PolicyBody.parse would have rejected). Does not keep references to the input.
 */
export function compilePolicy(policy: PolicyBody): CompiledPolicy {
  const ids = new Set<string>();
  for (const rule of policy.rules) {
    if (ids.has(rule.id))
      throw new RangeError(`policy ${policy.state} v${policy.version}: duplicate rule id "${rule.id}"`);
    ids.add(rule.id);
  }
  const sorted = [...policy.rules].sort(compareRules);
  return Object.freeze({
    state: policy.state,
    version: policy.version,
    defaultEffect: policy.defaultEffect,
    outbound: bucketsOf(
      sorted.filter((rule) => rule.direction === 'outbound'),
      policy,
    ),
    inbound: bucketsOf(
      sorted.filter((rule) => rule.direction === 'inbound'),
      policy,
    ),
    defaultReasons: Object.freeze({
      outbound: defaultReason(policy, 'outbound'),
      inbound: defaultReason(policy, 'inbound'),
    }),
  });
}
