import {
  CATEGORY_CODES,
  CLASSIFICATIONS,
  EXCHANGE_KINDS,
  type CategoryCode,
  type Classification,
  type DomainCode,
  type ExchangeKind,
  type HandlingCode,
} from '../../../../../shared/schemas/labels';
import type { PolicyConditions, PolicyDirection, PolicyEffect, PolicyRule } from '../../../../../shared/schemas/policy';
import { inNetworkOrder } from '../../../services/domains';
import { otherStates } from '../counterpart-states';

/** any: the list is omitted; only: these; except: every other member state but these (counterparts only). */
export type ScopeMode = 'any' | 'only' | 'except';

export interface ScopeDraft<T extends string> {
  mode: ScopeMode;
  selected: T[];
}

export interface ConditionsDraft {
  /** '' for none. */
  minHandling: HandlingCode | '';
  noOnwardDissemination: boolean;
  notAsEvidence: boolean;
  /** As typed; '' for none. */
  retentionDays: string;
}

/** One rule as the form holds it: strings as typed, scopes with their mode. */
export interface RuleDraft {
  /** React key, stable while the rule id is being edited. */
  key: string;
  id: string;
  direction: PolicyDirection;
  domains: ScopeDraft<DomainCode>;
  categories: ScopeDraft<CategoryCode>;
  classifications: ScopeDraft<Classification>;
  counterparts: ScopeDraft<string>;
  kinds: ScopeDraft<ExchangeKind>;
  effect: PolicyEffect;
  conditions: ConditionsDraft;
  legalBasisEn: string;
  legalBasisRu: string;
  /** `YYYY-MM-DDTHH:mm` in UTC (a datetime-local input), or ''. */
  validFrom: string;
  validUntil: string;
  published: boolean;
  /** The rule this draft was loaded from: given back unchanged while the draft is untouched. */
  origin?: PolicyRule;
}

let keys = 0;
const newKey = (): string => `rule-draft-${(keys += 1)}`;

const ANY = { mode: 'any', selected: [] } as const;
const any = <T extends string>(): ScopeDraft<T> => ({ ...ANY, selected: [] });

export function emptyRuleDraft(id: string): RuleDraft {
  return {
    key: newKey(),
    id,
    direction: 'outbound',
    domains: any(),
    categories: any(),
    classifications: any(),
    counterparts: any(),
    kinds: any(),
    effect: 'deny',
    conditions: { minHandling: '', noOnwardDissemination: false, notAsEvidence: false, retentionDays: '' },
    legalBasisEn: '',
    legalBasisRu: '',
    validFrom: '',
    validUntil: '',
    published: true,
  };
}

/** `rule-N` for the smallest N not taken. */
export function nextRuleId(rules: readonly { id: string }[]): string {
  const taken = new Set(rules.map((rule) => rule.id));
  let n = rules.length + 1;
  while (taken.has(`rule-${n}`)) n += 1;
  return `rule-${n}`;
}

/** An ISO instant as a UTC datetime-local value (minutes). */
export function toUtcInput(iso: string | undefined): string {
  if (iso === undefined) return '';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString().slice(0, 16);
}

/** A UTC datetime-local value as ISO 8601 with Z; anything else is passed on for the schema to refuse. */
export function fromUtcInput(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(trimmed)) return `${trimmed}:00Z`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(trimmed)) return `${trimmed}Z`;
  return trimmed;
}

function scopeOf<T extends string>(list: readonly T[] | undefined): ScopeDraft<T> {
  return list === undefined ? any() : { mode: 'only', selected: [...list] };
}

/** `{ except }` is the editor's "all other member states except …" (the own state is always among the exceptions). */
function counterpartsOf(counterparts: PolicyRule['counterparts'], own: string | null): ScopeDraft<string> {
  if (counterparts === undefined) return any();
  if (Array.isArray(counterparts)) return { mode: 'only', selected: [...counterparts] };
  return { mode: 'except', selected: counterparts.except.filter((code) => code !== own) };
}

export function draftFromRule(rule: PolicyRule, own: string | null): RuleDraft {
  const c: PolicyConditions = rule.conditions ?? {};
  return {
    key: newKey(),
    id: rule.id,
    direction: rule.direction,
    domains: scopeOf(rule.domains),
    categories: scopeOf(rule.categories),
    classifications: scopeOf(rule.classifications),
    counterparts: counterpartsOf(rule.counterparts, own),
    kinds: scopeOf(rule.kinds),
    effect: rule.effect,
    conditions: {
      minHandling: c.minHandling ?? '',
      noOnwardDissemination: c.noOnwardDissemination === true,
      notAsEvidence: c.notAsEvidence === true,
      retentionDays: c.retentionDays === undefined ? '' : String(c.retentionDays),
    },
    legalBasisEn: rule.legalBasis.en,
    legalBasisRu: rule.legalBasis.ru ?? '',
    validFrom: toUtcInput(rule.validFrom),
    validUntil: toUtcInput(rule.validUntil),
    published: rule.published === true,
    origin: rule,
  };
}

/** The list in vocabulary order: one spelling for one meaning, so a diff shows only real changes. */
function listOf<T extends string>(scope: ScopeDraft<T>, vocabulary: readonly T[]): T[] | undefined {
  return scope.mode === 'any' ? undefined : vocabulary.filter((item) => scope.selected.includes(item));
}

function counterpartList(scope: ScopeDraft<string>, own: string | null): PolicyRule['counterparts'] {
  if (scope.mode === 'any') return undefined;
  // Signed as an exclusion, so a state admitted later is covered too; the own state is excluded
  // explicitly (its own people exchanging is no disclosure to another state).
  if (scope.mode === 'except')
    return { except: [...new Set([...(own === null ? [] : [own]), ...scope.selected])].sort() };
  // Codes outside the member-state list (kept from a loaded rule) stay, after the known ones.
  const known = otherStates(null).filter((code) => scope.selected.includes(code));
  return [...known, ...scope.selected.filter((code) => !known.includes(code)).sort()];
}

function conditionsOf(draft: ConditionsDraft): PolicyConditions {
  const days = draft.retentionDays.trim();
  return {
    ...(draft.minHandling !== '' ? { minHandling: draft.minHandling } : {}),
    ...(draft.noOnwardDissemination ? { noOnwardDissemination: true } : {}),
    ...(draft.notAsEvidence ? { notAsEvidence: true } : {}),
    // A non-number becomes NaN, which the schema refuses with its own message.
    ...(days !== '' ? { retentionDays: Number(days) } : {}),
  };
}

function editable(draft: RuleDraft): string {
  const { key: _key, origin: _origin, ...rest } = draft;
  return JSON.stringify(rest);
}

/**
 * The rule a draft stands for (not yet validated: PolicyRule.safeParse says what is wrong).
 * Conditions are sent only with effect 'conditions' (the schema refuses them otherwise), while
 * the draft keeps them in case the effect is switched back.
 */
export function ruleFromDraft(draft: RuleDraft, own: string | null): PolicyRule {
  if (draft.origin !== undefined && editable(draftFromRule(draft.origin, own)) === editable(draft)) return draft.origin;
  const domains = draft.domains.mode === 'any' ? undefined : inNetworkOrder(draft.domains.selected);
  const categories = listOf(draft.categories, CATEGORY_CODES);
  const classifications = listOf(draft.classifications, CLASSIFICATIONS);
  const counterparts = counterpartList(draft.counterparts, own);
  const kinds = listOf(draft.kinds, EXCHANGE_KINDS);
  const validFrom = fromUtcInput(draft.validFrom);
  const validUntil = fromUtcInput(draft.validUntil);
  const ru = draft.legalBasisRu.trim();
  return {
    id: draft.id.trim(),
    direction: draft.direction,
    ...(domains ? { domains } : {}),
    ...(categories ? { categories } : {}),
    ...(classifications ? { classifications } : {}),
    ...(counterparts ? { counterparts } : {}),
    ...(kinds ? { kinds } : {}),
    effect: draft.effect,
    ...(draft.effect === 'conditions' ? { conditions: conditionsOf(draft.conditions) } : {}),
    legalBasis: { en: draft.legalBasisEn.trim(), ...(ru !== '' ? { ru } : {}) },
    ...(validFrom !== undefined ? { validFrom } : {}),
    ...(validUntil !== undefined ? { validUntil } : {}),
    ...(draft.published ? { published: true } : {}),
  };
}
