import type { HandlingCode, StateCode } from '../schemas/labels.js';
import type { PolicyDirection, PolicyEffect } from '../schemas/policy.js';

export type DescribeLanguage = 'en' | 'ru';

/** Wording of describeDecision in one language. */
export interface DescribeMessages {
  readonly effect: Readonly<Record<PolicyEffect, string>>;
  readonly overall: (effect: string) => string;
  readonly conditions: (parts: readonly string[]) => string;
  readonly minHandling: (code: HandlingCode) => string;
  readonly noOnwardDissemination: string;
  readonly notAsEvidence: string;
  readonly retentionDays: (days: number) => string;
  readonly rule: (direction: PolicyDirection, ruleId: string, state: StateCode, version: number) => string;
  readonly defaultOf: (direction: PolicyDirection, state: StateCode, version: number) => string;
  readonly noPolicy: (state: StateCode) => string;
  readonly unpublished: (state: StateCode) => string;
  readonly legalBasis: (text: string) => string;
}

/** Russian noun form after a number: 1 день, 2 дня, 5 дней, 11 дней, 21 день. */
function russianDays(n: number): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return 'день';
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return 'дня';
  return 'дней';
}

export const DESCRIBE_MESSAGES: Readonly<Record<DescribeLanguage, DescribeMessages>> = {
  en: {
    effect: {
      allow: 'allowed',
      conditions: 'allowed with conditions',
      approve: 'held for approval by a national admin',
      deny: 'denied',
    },
    overall: (effect) => `Overall: ${effect}`,
    conditions: (parts) => `Conditions: ${parts.join('; ')}`,
    minHandling: (code) => `handling code at least ${code}`,
    noOnwardDissemination: 'no onward dissemination',
    notAsEvidence: 'not to be used as evidence',
    retentionDays: (days) => `keep for at most ${days} ${days === 1 ? 'day' : 'days'}`,
    rule: (direction, ruleId, state, version) =>
      `${direction} rule "${ruleId}" of ${state} (policy version ${version})`,
    defaultOf: (direction, state, version) => `${direction} default of ${state} (policy version ${version})`,
    noPolicy: (state) => `${state} (no policy)`,
    unpublished: (state) => `a restriction of ${state} (not published)`,
    legalBasis: (text) => `Legal basis: ${text}`,
  },
  ru: {
    effect: {
      allow: 'разрешено',
      conditions: 'разрешено с условиями',
      approve: 'требует одобрения национального администратора',
      deny: 'запрещено',
    },
    overall: (effect) => `Итог: ${effect}`,
    conditions: (parts) => `Условия: ${parts.join('; ')}`,
    minHandling: (code) => `код обработки не ниже ${code}`,
    noOnwardDissemination: 'без дальнейшей передачи',
    notAsEvidence: 'не использовать в качестве доказательства',
    retentionDays: (days) => `хранить не более ${days} ${russianDays(days)}`,
    rule: (direction, ruleId, state, version) =>
      `правило «${ruleId}» для ${direction === 'outbound' ? 'исходящих' : 'входящих'}, ${state} (версия политики ${version})`,
    defaultOf: (direction, state, version) =>
      `действие по умолчанию для ${direction === 'outbound' ? 'исходящих' : 'входящих'}, ${state} (версия политики ${version})`,
    noPolicy: (state) => `${state} (политика не опубликована)`,
    unpublished: (state) => `ограничение, установленное ${state} (не опубликовано)`,
    legalBasis: (text) => `Правовое основание: ${text}`,
  },
};
