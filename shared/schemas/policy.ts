import { z } from 'zod';
import { RESTRICTABLE_FIELDS, RestrictableField } from './directory.js';
import { CategoryCode, Classification, DomainCode, ExchangeKind, HandlingCode, StateCode } from './labels.js';

/** Rule ids the engine itself uses in reasons; a policy may not claim them. */
export const RESERVED_RULE_IDS = ['default', 'no-policy', 'unpublished'] as const;

/** Largest number of rules one policy may hold. */
export const MAX_POLICY_RULES = 5000;

export const PolicyDirection = z.enum(['outbound', 'inbound']);
export type PolicyDirection = z.infer<typeof PolicyDirection>;

/** What a rule does, least to most strict: allow < conditions < approve (held for a national admin) < deny. */
export const PolicyEffect = z.enum(['allow', 'deny', 'approve', 'conditions']);
export type PolicyEffect = z.infer<typeof PolicyEffect>;

/** A policy's fallback when none of its rules match; 'conditions' needs a rule to say which. */
export const DefaultEffect = z.enum(['allow', 'deny', 'approve']);
export type DefaultEffect = z.infer<typeof DefaultEffect>;

/** Conditions attached to an exchange; also the shape of merged conditions (may be empty there). */
export const PolicyConditions = z.strictObject({
  minHandling: HandlingCode.optional(),
  noOnwardDissemination: z.boolean().optional(),
  notAsEvidence: z.boolean().optional(),
  /** Days the recipient may keep the information. */
  retentionDays: z.int().positive().optional(),
});
export type PolicyConditions = z.infer<typeof PolicyConditions>;

export const LegalBasis = z.strictObject({
  en: z.string().trim().min(1).max(2000),
  ru: z.string().trim().min(1).max(2000).optional(),
});
export type LegalBasis = z.infer<typeof LegalBasis>;

/**
 * A scope list: omitted means "any"; an empty list is rejected because it could mean either
 * "nothing" or "anything". Duplicates are rejected so a signed policy has one spelling.
 */
function scopeList<T extends z.ZodType<string>>(item: T) {
  return nonEmptySet(item).optional();
}

function nonEmptySet<T extends z.ZodType<string>>(item: T) {
  return z
    .array(item)
    .min(1, 'omit the list to match anything; an empty list is ambiguous')
    .refine((list) => new Set(list).size === list.length, 'list entries must be unique');
}

/**
 * The other state of an exchange a rule applies to: a list of states, or every state except
 * those listed (`{ except: [...] }`), which also covers states admitted after the rule was
 * signed. "All other member states except RU" in KZ's policy is `{ except: ['KZ', 'RU'] }`.
 */
export const Counterparts = z.union([nonEmptySet(StateCode), z.strictObject({ except: nonEmptySet(StateCode) })]);
export type Counterparts = z.infer<typeof Counterparts>;

/** ISO 8601 date-time with Z or an explicit offset (never local time, which would be ambiguous). */
const IsoDateTime = z.iso.datetime({ offset: true });

/** Letters, digits and `._:-`, starting with a letter or digit: safe in logs, audit entries and URLs. */
const RuleId = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/,
    'rule id: 1-128 of A-Z a-z 0-9 . _ : -, starting with a letter or digit',
  )
  .refine((id) => !RESERVED_RULE_IDS.some((reserved) => reserved === id), 'rule id is reserved');

/** A 'conditions' rule whose conditions change nothing would show "allowed with conditions" and impose none. */
function restrictsSomething(c: PolicyConditions): boolean {
  return (
    (c.minHandling !== undefined && c.minHandling !== 'H0') ||
    c.noOnwardDissemination === true ||
    c.notAsEvidence === true ||
    c.retentionDays !== undefined
  );
}

export const PolicyRule = z
  .strictObject({
    id: RuleId,
    direction: PolicyDirection,
    domains: scopeList(DomainCode),
    categories: scopeList(CategoryCode),
    classifications: scopeList(Classification),
    /** The other state of the exchange: the recipient for outbound rules, the sender for inbound. */
    counterparts: Counterparts.optional(),
    kinds: scopeList(ExchangeKind),
    effect: PolicyEffect,
    conditions: PolicyConditions.optional(),
    legalBasis: LegalBasis,
    /** Inclusive start of validity. */
    validFrom: IsoDateTime.optional(),
    /** Exclusive end of validity. */
    validUntil: IsoDateTime.optional(),
    /** Whether other states may read this rule. */
    published: z.boolean().optional(),
  })
  .superRefine((rule, ctx) => {
    if (rule.effect === 'conditions') {
      if (rule.conditions === undefined || !restrictsSomething(rule.conditions)) {
        ctx.addIssue({
          code: 'custom',
          path: ['conditions'],
          message: "effect 'conditions' needs at least one condition that restricts something",
        });
      }
    } else if (rule.conditions !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['conditions'],
        message: "conditions are allowed only with effect 'conditions'",
      });
    }
    if (
      rule.validFrom !== undefined &&
      rule.validUntil !== undefined &&
      Date.parse(rule.validFrom) >= Date.parse(rule.validUntil)
    ) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'validUntil must be after validFrom' });
    }
  });
export type PolicyRule = z.infer<typeof PolicyRule>;

/**
 * Who else sees one field of the state's directory entries. A field without such a rule is
 * visible to every state; with one, only to the states listed (and the secretariat if it says
 * so). The entry's own state always sees every field.
 */
export const DirectoryFieldRule = z.strictObject({
  field: RestrictableField,
  /** Other member states that see the field; may be empty (no other state sees it). */
  visibleTo: z
    .array(StateCode)
    .max(64)
    .refine((list) => new Set(list).size === list.length, 'list entries must be unique'),
  /** Whether the secretariat (network admins) sees it. */
  secretariat: z.boolean(),
  legalBasis: LegalBasis.optional(),
});
export type DirectoryFieldRule = z.infer<typeof DirectoryFieldRule>;

/** The signed content of a state's disclosure policy (signature and signer travel beside it). */
export const PolicyBody = z
  .strictObject({
    state: StateCode,
    version: z.int().positive(),
    defaultEffect: DefaultEffect,
    rules: z.array(PolicyRule).max(MAX_POLICY_RULES),
    /**
     * Which directory fields other states see. Omitted (as in versions signed before it existed)
     * means every field is visible to everyone, exactly like an empty list.
     */
    directoryFields: z.array(DirectoryFieldRule).max(RESTRICTABLE_FIELDS.length).optional(),
  })
  .superRefine((policy, ctx) => {
    const seen = new Set<string>();
    policy.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) {
        ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `duplicate rule id "${rule.id}"` });
      }
      seen.add(rule.id);
    });
    const fields = new Set<string>();
    policy.directoryFields?.forEach((rule, index) => {
      if (fields.has(rule.field)) {
        ctx.addIssue({
          code: 'custom',
          path: ['directoryFields', index, 'field'],
          message: `one rule per field: "${rule.field}" is repeated`,
        });
      }
      fields.add(rule.field);
      if (rule.visibleTo.includes(policy.state)) {
        ctx.addIssue({
          code: 'custom',
          path: ['directoryFields', index, 'visibleTo'],
          message: `${policy.state} always sees its own entries`,
        });
      }
    });
  });
export type PolicyBody = z.infer<typeof PolicyBody>;
