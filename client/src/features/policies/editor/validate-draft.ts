import type { z } from 'zod';
import { PolicyBody } from '../../../../../shared/schemas/policy';
import { policyBodyFromDraft, type PolicyDraft } from './policy-draft';

/** Form fields a problem can be shown beside. */
export type DraftField =
  | 'id'
  | 'domains'
  | 'categories'
  | 'classifications'
  | 'counterparts'
  | 'kinds'
  | 'conditions'
  | 'retentionDays'
  | 'legalBasisEn'
  | 'legalBasisRu'
  | 'validFrom'
  | 'validUntil'
  | 'other';

export interface DraftIssue {
  /** Index of the rule; undefined for the policy itself. */
  rule: number | undefined;
  field: DraftField;
  /** Key under `policies.validation`, when the problem has a translated wording. */
  messageKey: string | undefined;
  /** The schema's own words, shown when there is no translation. */
  message: string;
}

export type DraftValidation = { ok: true; body: PolicyBody; issues: [] } | { ok: false; issues: DraftIssue[] };

const SCOPES = new Set<DraftField>(['domains', 'categories', 'classifications', 'counterparts', 'kinds']);

function fieldOf(path: readonly PropertyKey[]): DraftField {
  const [first, second] = path.slice(2);
  if (first === 'legalBasis') return second === 'ru' ? 'legalBasisRu' : 'legalBasisEn';
  if (first === 'conditions') return second === 'retentionDays' ? 'retentionDays' : 'conditions';
  if (typeof first === 'string' && SCOPES.has(first as DraftField)) return first as DraftField;
  if (first === 'id' || first === 'validFrom' || first === 'validUntil') return first;
  return 'other';
}

/**
 * Which translated wording fits a schema issue. Decided by field and issue code; the schema's
 * custom refinements are told apart by field, except duplicate vs reserved ids.
 */
function messageKeyOf(field: DraftField, issue: z.core.$ZodIssue, effect: string | undefined): string | undefined {
  if (SCOPES.has(field)) return issue.code === 'too_small' ? 'emptyScope' : 'duplicateEntries';
  switch (field) {
    case 'id':
      if (issue.code === 'custom') return issue.message.startsWith('duplicate') ? 'duplicateId' : 'reservedId';
      return 'ruleIdFormat';
    case 'legalBasisEn':
      return issue.code === 'too_big' ? 'tooLong' : 'legalBasisRequired';
    case 'legalBasisRu':
      return issue.code === 'too_big' ? 'tooLong' : undefined;
    case 'conditions':
      return effect === 'conditions' ? 'needsCondition' : 'conditionsOnlyWithEffect';
    case 'retentionDays':
      return 'retentionDays';
    case 'validFrom':
    case 'validUntil':
      return issue.code === 'custom' ? 'untilAfterFrom' : 'invalidDate';
    default:
      return undefined;
  }
}

/** Checks the draft with the shared PolicyBody schema: the same check the server makes. */
export function validateDraft(draft: PolicyDraft): DraftValidation {
  const parsed = PolicyBody.safeParse(policyBodyFromDraft(draft));
  if (parsed.success) return { ok: true, body: parsed.data, issues: [] };
  const issues = parsed.error.issues.map((issue): DraftIssue => {
    const [head, index] = issue.path;
    const rule = head === 'rules' && typeof index === 'number' ? index : undefined;
    const field = rule === undefined ? 'other' : fieldOf(issue.path);
    return {
      rule,
      field,
      messageKey: messageKeyOf(field, issue, rule === undefined ? undefined : draft.rules[rule]?.effect),
      message: issue.message,
    };
  });
  return { ok: false, issues };
}

/** The issues of one rule, by field. */
export function issuesOfRule(validation: DraftValidation, rule: number): Partial<Record<DraftField, DraftIssue[]>> {
  const byField: Partial<Record<DraftField, DraftIssue[]>> = {};
  for (const issue of validation.issues) {
    if (issue.rule !== rule) continue;
    (byField[issue.field] ??= []).push(issue);
  }
  return byField;
}
