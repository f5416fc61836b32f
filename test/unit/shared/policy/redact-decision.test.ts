import { expect } from 'chai';
import {
  compilePolicy,
  describeDecision,
  evaluate,
  redactDecision,
  type Decision,
} from '../../../../shared/policy/index.js';
import type { PolicyBody } from '../../../../shared/schemas/policy.js';

const AT = new Date('2026-03-01T00:00:00Z');
const LABELS = { domain: 'border', category: 'personal-data', classification: 'restricted', handling: 'H1' } as const;

/** KZ sends; RU and TR receive. RU has two unpublished inbound rules and one published; TR one unpublished deny. */
const KZ: PolicyBody = {
  state: 'KZ',
  version: 2,
  defaultEffect: 'allow',
  rules: [
    {
      id: 'kz-secret-out',
      direction: 'outbound',
      counterparts: ['RU'],
      effect: 'conditions',
      conditions: { retentionDays: 30 },
      legalBasis: { en: 'KZ internal order 7' },
    },
  ],
};
const RU: PolicyBody = {
  state: 'RU',
  version: 5,
  defaultEffect: 'allow',
  rules: [
    {
      id: 'ru-hidden-a',
      direction: 'inbound',
      effect: 'conditions',
      conditions: { minHandling: 'H3' },
      legalBasis: { en: 'RU secret decree 12', ru: 'Секретный указ 12' },
    },
    {
      id: 'ru-hidden-b',
      direction: 'inbound',
      effect: 'conditions',
      conditions: { notAsEvidence: true },
      legalBasis: { en: 'RU secret decree 13' },
    },
    {
      id: 'ru-public',
      direction: 'inbound',
      effect: 'conditions',
      conditions: { noOnwardDissemination: true },
      legalBasis: { en: 'RU Law on Police, art. 17' },
      published: true,
    },
  ],
};
const TR: PolicyBody = {
  state: 'TR',
  version: 1,
  defaultEffect: 'allow',
  rules: [
    {
      id: 'tr-no-kz',
      direction: 'inbound',
      counterparts: ['KZ'],
      effect: 'deny',
      legalBasis: { en: 'TR confidential protocol 3' },
    },
  ],
};

function decide(to: string[]): Decision {
  const policies = new Map([KZ, RU, TR].map((p) => [p.state, compilePolicy(p)]));
  return evaluate({ labels: LABELS, kind: 'message', from: 'KZ', to, at: AT }, policies);
}

describe("policy engine: redactDecision (what a sender may read of other states' rules)", () => {
  it('other states\' unpublished rules become one "not published" restriction each; own and published rules stay explained', () => {
    const full = decide(['RU', 'TR']);
    const seen = redactDecision(full, 'KZ');
    const text = describeDecision(seen, 'en').join('\n');
    expect(text).to.contain('KZ internal order 7').and.contain('kz-secret-out');
    expect(text).to.contain('RU Law on Police, art. 17').and.contain('ru-public');
    for (const hidden of [
      'RU secret decree 12',
      'RU secret decree 13',
      'ru-hidden-a',
      'ru-hidden-b',
      'TR confidential protocol 3',
      'tr-no-kz',
    ]) {
      expect(text).not.to.contain(hidden);
    }
    expect(describeDecision(seen, 'en')).to.include.members([
      'RU: allowed with conditions — a restriction of RU (not published).',
      'TR: denied — a restriction of TR (not published).',
    ]);
    // Two hidden RU rules: one stand-in, so their number does not show either.
    expect(seen.perRecipient[0]?.reasons.map((r) => r.ruleId)).to.deep.equal([
      'kz-secret-out',
      'unpublished',
      'ru-public',
    ]);
    expect(describeDecision(seen, 'ru').join('\n'))
      .to.contain('ограничение, установленное TR (не опубликовано)')
      .and.not.contain('Секретный указ');
  });

  it('changes no effect, condition or version, and leaves the input untouched', () => {
    const full = decide(['RU', 'TR']);
    const before = JSON.stringify(full);
    const seen = redactDecision(full, 'KZ');
    expect(JSON.stringify(full)).to.equal(before);
    expect(seen.effect).to.equal(full.effect);
    expect(seen.conditions).to.deep.equal(full.conditions);
    expect(seen.perRecipient.map((r) => [r.state, r.effect, r.conditions, r.policyVersions])).to.deep.equal(
      full.perRecipient.map((r) => [r.state, r.effect, r.conditions, r.policyVersions]),
    );
  });

  it("the recipient state sees its own rules; the secretariat sees no state's unpublished rules", () => {
    const full = decide(['RU']);
    expect(describeDecision(redactDecision(full, 'RU'), 'en').join('\n'))
      .to.contain('RU secret decree 12')
      .and.not.contain('KZ internal order 7');
    const secretariat = describeDecision(redactDecision(full, null), 'en').join('\n');
    expect(secretariat).not.to.contain('RU secret decree').and.not.to.contain('KZ internal order 7');
    expect(secretariat).to.contain('RU Law on Police, art. 17');
  });

  it('defaults and missing policies are public: never redacted', () => {
    const policies = new Map([['KZ', compilePolicy({ state: 'KZ', version: 1, defaultEffect: 'approve', rules: [] })]]);
    const decision = evaluate({ labels: LABELS, kind: 'message', from: 'RU', to: ['KZ'], at: AT }, policies);
    expect(redactDecision(decision, 'RU')).to.deep.equal(decision);
  });
});
