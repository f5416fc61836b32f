import { diffPolicies } from '../../../../../shared/policy/index';
import type { PolicyBody, PolicyRule } from '../../../../../shared/schemas/policy';

export interface Rebased {
  /** The admin's changes applied on top of `theirs`, as version theirs + 1. */
  body: PolicyBody;
  /** Ids of rules both sides changed differently: the admin's version was kept; they must check. */
  conflicts: string[];
  /** Both sides changed the default effect differently; the admin's was kept. */
  defaultEffectConflict: boolean;
}

function same(a: PolicyRule | undefined, b: PolicyRule | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    diffPolicies(
      { state: 'XX', version: 1, defaultEffect: 'allow', rules: [a] },
      { state: 'XX', version: 1, defaultEffect: 'allow', rules: [b] },
    ).changed.length === 0
  );
}

/**
 * Someone published `theirs` while the admin edited `base` into `mine`: re-applies the admin's
 * changes (rules added, removed, changed; the default effect) on top of `theirs` rather than
 * overwriting what the other admin did. Where both changed the same rule differently, the
 * admin's version wins and the rule is reported, so they look at it before signing again.
 */
export function rebasePolicy(base: PolicyBody, mine: PolicyBody, theirs: PolicyBody): Rebased {
  const mineDiff = diffPolicies(base, mine);
  const baseById = new Map(base.rules.map((rule) => [rule.id, rule]));
  const rules = new Map(theirs.rules.map((rule) => [rule.id, rule]));
  const conflicts: string[] = [];
  const theyChanged = (id: string): boolean => !same(baseById.get(id), rules.get(id));

  for (const rule of mineDiff.removed) {
    if (theyChanged(rule.id) && rules.has(rule.id)) conflicts.push(rule.id);
    rules.delete(rule.id);
  }
  for (const { id, after } of mineDiff.changed) {
    if (theyChanged(id) && !same(rules.get(id), after)) conflicts.push(id);
    rules.set(id, after);
  }
  for (const rule of mineDiff.added) {
    const theirsRule = rules.get(rule.id);
    if (theirsRule !== undefined && !same(theirsRule, rule)) conflicts.push(rule.id);
    rules.set(rule.id, rule);
  }

  const mineChangedDefault = mine.defaultEffect !== base.defaultEffect;
  const theyChangedDefault = theirs.defaultEffect !== base.defaultEffect;
  // The rule editor never changes directory fields: theirs (the newest) are kept.
  const body: PolicyBody = {
    ...(theirs.directoryFields !== undefined ? { directoryFields: theirs.directoryFields } : {}),
    state: theirs.state,
    version: theirs.version + 1,
    defaultEffect: mineChangedDefault ? mine.defaultEffect : theirs.defaultEffect,
    // Their order first, then what the admin added, as in the admin's own order.
    rules: [
      ...theirs.rules.map((rule) => rules.get(rule.id)),
      ...mine.rules.filter((rule) => !theirs.rules.some((r) => r.id === rule.id)).map((rule) => rules.get(rule.id)),
    ].filter((rule): rule is PolicyRule => rule !== undefined),
  };
  return {
    body,
    conflicts: [...new Set(conflicts)].sort(),
    defaultEffectConflict: mineChangedDefault && theyChangedDefault && mine.defaultEffect !== theirs.defaultEffect,
  };
}
