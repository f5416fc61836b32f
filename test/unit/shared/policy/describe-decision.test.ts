import { expect } from 'chai';
import { compilePolicy, describeDecision, evaluate, type Decision } from '../../../../shared/policy/index.js';
import type { PolicyBody } from '../../../../shared/schemas/policy.js';

const AT = new Date('2026-03-01T00:00:00Z');

const KZ: PolicyBody = {
  state: 'KZ',
  version: 3,
  defaultEffect: 'allow',
  rules: [
    {
      id: 'pd-ru',
      direction: 'outbound',
      categories: ['personal-data'],
      counterparts: ['RU'],
      effect: 'conditions',
      conditions: { minHandling: 'H2', noOnwardDissemination: true, notAsEvidence: true, retentionDays: 21 },
      legalBasis: { en: 'Law on Personal Data, art. 16', ru: 'Закон о персональных данных, ст. 16' },
    },
    {
      id: 'pd-tr',
      direction: 'outbound',
      categories: ['personal-data'],
      counterparts: ['TR'],
      effect: 'deny',
      legalBasis: { en: 'No agreement on personal data with TR' },
    },
  ],
};
const RU: PolicyBody = { state: 'RU', version: 8, defaultEffect: 'approve', rules: [] };

function decide(to: string[]): Decision {
  const policies = new Map([
    ['KZ', compilePolicy(KZ)],
    ['RU', compilePolicy(RU)],
  ]);
  return evaluate(
    {
      labels: { domain: 'border', category: 'personal-data', classification: 'restricted', handling: 'H1' },
      kind: 'message',
      from: 'KZ',
      to,
      at: AT,
    },
    policies,
  );
}

describe('policy engine: describeDecision', () => {
  it('English', () => {
    expect(describeDecision(decide(['RU', 'TR', 'CN']), 'en')).to.deep.equal([
      'Overall: denied',
      'Conditions: handling code at least H2; no onward dissemination; not to be used as evidence; keep for at most 21 days',
      'RU: held for approval by a national admin',
      'RU: allowed with conditions — outbound rule "pd-ru" of KZ (policy version 3). Legal basis: Law on Personal Data, art. 16',
      'RU: held for approval by a national admin — inbound default of RU (policy version 8). Legal basis: No rule of the policy applies; the default effect of the policy is used',
      'RU: Conditions: handling code at least H2; no onward dissemination; not to be used as evidence; keep for at most 21 days',
      'TR: denied',
      'TR: denied — outbound rule "pd-tr" of KZ (policy version 3). Legal basis: No agreement on personal data with TR',
      'CN: allowed',
      'CN: allowed — outbound default of KZ (policy version 3). Legal basis: No rule of the policy applies; the default effect of the policy is used',
      'CN: allowed — CN (no policy). Legal basis: No disclosure policy published by this state',
    ]);
  });

  it('Russian, falling back to English where a rule has no Russian legal basis', () => {
    expect(describeDecision(decide(['RU', 'TR']), 'ru')).to.deep.equal([
      'Итог: запрещено',
      'Условия: код обработки не ниже H2; без дальнейшей передачи; не использовать в качестве доказательства; хранить не более 21 день',
      'RU: требует одобрения национального администратора',
      'RU: разрешено с условиями — правило «pd-ru» для исходящих, KZ (версия политики 3). Правовое основание: Закон о персональных данных, ст. 16',
      'RU: требует одобрения национального администратора — действие по умолчанию для входящих, RU (версия политики 8). Правовое основание: Ни одно правило политики не применимо; действует результат политики по умолчанию',
      'RU: Условия: код обработки не ниже H2; без дальнейшей передачи; не использовать в качестве доказательства; хранить не более 21 день',
      'TR: запрещено',
      'TR: запрещено — правило «pd-tr» для исходящих, KZ (версия политики 3). Правовое основание: No agreement on personal data with TR',
    ]);
  });

  const DAYS: Array<[number, string, string]> = [
    [1, '1 day', '1 день'],
    [2, '2 days', '2 дня'],
    [5, '5 days', '5 дней'],
    [11, '11 days', '11 дней'],
    [12, '12 days', '12 дней'],
    [22, '22 days', '22 дня'],
    [111, '111 days', '111 дней'],
    [101, '101 days', '101 день'],
  ];
  for (const [days, en, ru] of DAYS) {
    it(`retention of ${days} days in both languages`, () => {
      const decision: Decision = { effect: 'conditions', perRecipient: [], conditions: { retentionDays: days } };
      expect(describeDecision(decision, 'en')[1]).to.equal(`Conditions: keep for at most ${en}`);
      expect(describeDecision(decision, 'ru')[1]).to.equal(`Условия: хранить не более ${ru}`);
    });
  }

  it('a single recipient has no separate conditions line', () => {
    const lines = describeDecision(decide(['RU']), 'en');
    expect(lines.filter((line) => line.includes('Conditions:'))).to.have.length(1);
  });
});
