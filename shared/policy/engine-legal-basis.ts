import type { LegalBasis } from '../schemas/policy.js';

/** Stated as the legal basis when no rule of a policy matched and its default effect applied. */
export const DEFAULT_LEGAL_BASIS: LegalBasis = Object.freeze({
  en: 'No rule of the policy applies; the default effect of the policy is used',
  ru: 'Ни одно правило политики не применимо; действует результат политики по умолчанию',
});

/** Stands in for the legal basis of a rule the viewer may not read (redactDecision). */
export const UNPUBLISHED_LEGAL_BASIS: LegalBasis = Object.freeze({
  en: 'Not published by this state',
  ru: 'Не опубликовано этим государством',
});

/** Stated as the legal basis when a state has no disclosure policy. */
export const NO_POLICY_LEGAL_BASIS: LegalBasis = Object.freeze({
  en: 'No disclosure policy published by this state',
  ru: 'Это государство не опубликовало политику раскрытия информации',
});
