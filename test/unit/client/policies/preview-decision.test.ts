import { expect } from 'chai';
import type { FullPolicyView, PublishedPolicyView } from '../../../../shared/schemas/policy-api.js';
import { describeRecipient } from '../../../../client/src/features/policies/preview/describe-recipient.js';
import {
  compileReadable,
  previewDecision,
  readablePolicies,
} from '../../../../client/src/features/policies/preview/readable-policies.js';

const at = new Date('2026-06-01T00:00:00Z');
const own: FullPolicyView = {
  scope: 'full',
  policy: {
    state: 'KZ',
    version: 2,
    defaultEffect: 'allow',
    rules: [
      {
        id: 'no-pd',
        direction: 'outbound',
        categories: ['personal-data'],
        counterparts: ['CN'],
        effect: 'deny',
        legalBasis: { en: 'National law, article 16', ru: 'Национальный закон, статья 16' },
      },
      {
        id: 'conf',
        direction: 'outbound',
        classifications: ['confidential'],
        effect: 'conditions',
        conditions: { minHandling: 'H3' },
        legalBasis: { en: 'Order 4' },
      },
    ],
  },
  signature: 'x',
  signedBy: { userId: '0123456789abcdef01234567', identityKey: 'k', keyVersion: 1 },
  createdAt: at.toISOString(),
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
    const labels = {
      domain: 'border' as const,
      category: 'personal-data' as const,
      classification: 'restricted' as const,
      handling: 'H1' as const,
    };
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
    const labels = {
      domain: 'border' as const,
      category: 'general' as const,
      classification: 'confidential' as const,
      handling: 'H1' as const,
    };
    const result = previewDecision({ labels, kind: 'message', from: 'KZ', to: ['RU'], at }, policies, compiled);
    const ru = result.recipients[0]?.decision;
    if (!ru) throw new Error('no RU decision');
    expect(describeRecipient(ru, 'en')).to.deep.equal({
      conditions: 'Conditions: handling code at least H3',
      reasons: ['allowed with conditions — outbound rule "conf" of KZ (policy version 2). Legal basis: Order 4'],
    });
  });

  it("previewing another state's sending, the own state's unpublished rule still shows in full", () => {
    const labels = {
      domain: 'border' as const,
      category: 'personal-data' as const,
      classification: 'restricted' as const,
      handling: 'H1' as const,
    };
    const withInbound = readablePolicies(published, {
      ...own,
      policy: {
        ...own.policy,
        rules: [
          ...own.policy.rules,
          {
            id: 'no-cn-pd-in',
            direction: 'inbound',
            counterparts: ['CN'],
            categories: ['personal-data'],
            effect: 'deny',
            legalBasis: { en: 'Inbound order 9' },
          },
        ],
      },
    });
    const result = previewDecision(
      { labels, kind: 'message', from: 'CN', to: ['KZ'], at },
      withInbound,
      compileReadable(withInbound),
    );
    const kz = result.recipients[0]?.decision;
    if (!kz) throw new Error('no KZ decision');
    expect(describeRecipient(kz, 'en').reasons).to.deep.equal([
      'denied — inbound rule "no-cn-pd-in" of KZ (policy version 2). Legal basis: Inbound order 9',
    ]);
  });

  it('should a client hold another state\'s unpublished rule, the preview shows it only as "not published"', () => {
    const labels = {
      domain: 'border' as const,
      category: 'general' as const,
      classification: 'restricted' as const,
      handling: 'H1' as const,
    };
    const leaky: PublishedPolicyView = {
      ...(published[1] as PublishedPolicyView),
      rules: [{ id: 'cn-hidden', direction: 'inbound', effect: 'deny', legalBasis: { en: 'CN secret order' } }],
    };
    const policies2 = readablePolicies([leaky], own);
    const result = previewDecision(
      { labels, kind: 'message', from: 'KZ', to: ['CN'], at },
      policies2,
      compileReadable(policies2),
    );
    const cn = result.recipients[0]?.decision;
    if (!cn) throw new Error('no CN decision');
    expect(describeRecipient(cn, 'en').reasons).to.deep.equal(['denied — a restriction of CN (not published).']);
  });
});
