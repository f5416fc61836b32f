import { expect } from 'chai';
import type { FullPolicyView, PublishedPolicyView } from '../../../../shared/schemas/policy-api.js';
import { describeRecipient } from '../../../../client/src/features/policies/preview/describe-recipient.js';
import { compileReadable, previewDecision, readablePolicies } from '../../../../client/src/features/policies/preview/readable-policies.js';

const at = new Date('2026-06-01T00:00:00Z');
const own: FullPolicyView = {
  scope: 'full',
  policy: {
    state: 'KZ', version: 2, defaultEffect: 'allow', rules: [
      { id: 'no-pd', direction: 'outbound', categories: ['personal-data'], counterparts: ['CN'], effect: 'deny', legalBasis: { en: 'National law, article 16', ru: 'Национальный закон, статья 16' } },
      { id: 'conf', direction: 'outbound', classifications: ['confidential'], effect: 'conditions', conditions: { minHandling: 'H3' }, legalBasis: { en: 'Order 4' } },
    ],
  },
  signature: 'x', signedBy: { userId: '0123456789abcdef01234567', identityKey: 'k', keyVersion: 1 }, createdAt: at.toISOString(),
};
const published: PublishedPolicyView[] = [
  { scope: 'published', state: 'KZ', version: 2, defaultEffect: 'allow', rules: [], createdAt: at.toISOString() },
  { scope: 'published', state: 'CN', version: 1, defaultEffect: 'approve', rules: [], createdAt: at.toISOString() },
];

describe('disclosure preview: the shared engine on the policies the client can read', () => {
  const policies = readablePolicies(published, own);
  const compiled = compileReadable(policies);

  it('uses the own state in full (its unpublished rule decides) and flags states known only by published rules', () => {
    expect(policies.get('KZ')?.scope).to.equal('full');
    const labels = { domain: 'border' as const, category: 'personal-data' as const, classification: 'restricted' as const, handling: 'H1' as const };
    const result = previewDecision({ labels, kind: 'message', from: 'KZ', to: ['CN', 'RU'], at }, policies, compiled);
    expect(result.recipients.map((r) => [r.decision.state, r.decision.effect, r.partialStates])).to.deep.equal([
      ['CN', 'deny', ['CN']],
      ['RU', 'allow', []],
    ]);
    const cn = result.recipients[0]?.decision;
    if (!cn) throw new Error('no CN decision');
    expect(describeRecipient(cn, 'en')).to.deep.equal({
      conditions: undefined,
      reasons: ['denied — outbound rule "no-pd" of KZ (policy version 2). Legal basis: National law, article 16'],
    });
    expect(describeRecipient(cn, 'ru').reasons[0]).to.contain('Правовое основание: Национальный закон, статья 16');
  });

  it('describes conditions of one recipient', () => {
    const labels = { domain: 'border' as const, category: 'general' as const, classification: 'confidential' as const, handling: 'H1' as const };
    const result = previewDecision({ labels, kind: 'message', from: 'KZ', to: ['RU'], at }, policies, compiled);
    const ru = result.recipients[0]?.decision;
    if (!ru) throw new Error('no RU decision');
    expect(describeRecipient(ru, 'en')).to.deep.equal({
      conditions: 'Conditions: handling code at least H3',
      reasons: ['allowed with conditions — outbound rule "conf" of KZ (policy version 2). Legal basis: Order 4'],
    });
  });
});
