import type { DefaultEffect, DirectoryFieldRule, PolicyBody, PolicyRule } from '../schemas/policy.js';

export interface PolicyDiff {
  /** Rules only in the newer policy, by id. */
  readonly added: PolicyRule[];
  /** Rules only in the older policy, by id. */
  readonly removed: PolicyRule[];
  /** Rules in both whose content differs, by id. */
  readonly changed: Array<{ readonly id: string; readonly before: PolicyRule; readonly after: PolicyRule }>;
  /** Present only when the default effect differs. */
  readonly defaultEffectChanged?: { readonly before: DefaultEffect; readonly after: DefaultEffect };
  /** Present only when who sees which directory fields differs (omitted counts as no restriction). */
  readonly directoryFieldsChanged?: { readonly before: DirectoryFieldRule[]; readonly after: DirectoryFieldRule[] };
}

const SCOPE_KEYS = new Set([
  'domains',
  'categories',
  'classifications',
  'counterparts',
  'kinds',
  'except',
  'visibleTo',
]);

/** Sorted keys, undefined dropped, scope lists sorted (they are sets: order means nothing). */
function canonical(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    const items: unknown[] = value.map((item) => canonical(item));
    return SCOPE_KEYS.has(key) ? items.map((item) => JSON.stringify(item)).sort() : items;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]): [string, unknown] => [k, canonical(v, k)]);
    return Object.fromEntries(entries);
  }
  return value;
}

function sameRule(a: PolicyRule, b: PolicyRule): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * What changed from policy `a` (before) to policy `b` (after), keyed by rule id; each list is
 * sorted by id. Rule order and the order inside scope lists are not changes, since neither
 * changes what a policy decides.
 */
export function diffPolicies(a: PolicyBody, b: PolicyBody): PolicyDiff {
  const before = new Map(a.rules.map((rule) => [rule.id, rule]));
  const after = new Map(b.rules.map((rule) => [rule.id, rule]));
  const added = b.rules.filter((rule) => !before.has(rule.id)).sort(byId);
  const removed = a.rules.filter((rule) => !after.has(rule.id)).sort(byId);
  const changed: Array<{ id: string; before: PolicyRule; after: PolicyRule }> = [];
  for (const rule of a.rules) {
    const next = after.get(rule.id);
    if (next !== undefined && !sameRule(rule, next)) changed.push({ id: rule.id, before: rule, after: next });
  }
  changed.sort(byId);
  const fieldsBefore = a.directoryFields ?? [];
  const fieldsAfter = b.directoryFields ?? [];
  return {
    added,
    removed,
    changed,
    ...(a.defaultEffect !== b.defaultEffect
      ? { defaultEffectChanged: { before: a.defaultEffect, after: b.defaultEffect } }
      : {}),
    ...(!sameFields(fieldsBefore, fieldsAfter)
      ? { directoryFieldsChanged: { before: fieldsBefore, after: fieldsAfter } }
      : {}),
  };
}

/** Field rules are one per field: their order means nothing, nor does the order of `visibleTo`. */
function sameFields(a: readonly DirectoryFieldRule[], b: readonly DirectoryFieldRule[]): boolean {
  const key = (rules: readonly DirectoryFieldRule[]): string =>
    JSON.stringify(rules.map((rule) => JSON.stringify(canonical(rule))).sort());
  return key(a) === key(b);
}
