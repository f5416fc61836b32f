import { expect } from 'chai';
import { diffPolicies, publishedSummary } from '../../../../shared/policy/index.js';
import type { PolicyBody, PolicyRule } from '../../../../shared/schemas/policy.js';

const A: PolicyRule = {
  id: 'a',
  direction: 'outbound',
  effect: 'deny',
  legalBasis: { en: 'basis a' },
  published: true,
};
const B: PolicyRule = {
  id: 'b',
  direction: 'inbound',
  domains: ['border', 'law-enforcement'],
  effect: 'allow',
  legalBasis: { en: 'basis b' },
};
const C: PolicyRule = {
  id: 'c',
  direction: 'inbound',
  effect: 'approve',
  legalBasis: { en: 'basis c' },
  published: false,
};

function body(rules: PolicyRule[], defaultEffect: PolicyBody['defaultEffect'] = 'deny', version = 1): PolicyBody {
  return { state: 'KZ', version, defaultEffect, rules };
}

describe('policy engine: diffPolicies and publishedSummary', () => {
  it('no change', () => {
    expect(diffPolicies(body([A, B]), body([A, B], 'deny', 2))).to.deep.equal({ added: [], removed: [], changed: [] });
  });

  it('rule order and scope-list order are not changes', () => {
    const reordered: PolicyRule = { ...B, domains: ['law-enforcement', 'border'] };
    expect(diffPolicies(body([A, B]), body([reordered, A]))).to.deep.equal({ added: [], removed: [], changed: [] });
  });

  it('"except" lists are sets too; a list and an exclusion of the same states differ', () => {
    const except: PolicyRule = { ...A, counterparts: { except: ['RU', 'CN'] } };
    expect(
      diffPolicies(body([except]), body([{ ...except, counterparts: { except: ['CN', 'RU'] } }])).changed,
    ).to.deep.equal([]);
    const listed: PolicyRule = { ...A, counterparts: ['CN', 'RU'] };
    expect(diffPolicies(body([except]), body([listed])).changed.map((c) => c.id)).to.deep.equal(['a']);
  });

  it('added, removed and changed, keyed by id and sorted by id', () => {
    const z: PolicyRule = { ...C, id: 'z' };
    const changedA: PolicyRule = { ...A, effect: 'approve' };
    const changedB: PolicyRule = { ...B, legalBasis: { en: 'basis b', ru: 'основание b' } };
    expect(
      diffPolicies(body([z, A, B, C]), body([changedB, { ...C, id: 'y' }, changedA, { ...C, id: 'd' }])),
    ).to.deep.equal({
      added: [
        { ...C, id: 'd' },
        { ...C, id: 'y' },
      ],
      removed: [C, z],
      changed: [
        { id: 'a', before: A, after: changedA },
        { id: 'b', before: B, after: changedB },
      ],
    });
  });

  it('a field that appears or disappears is a change', () => {
    const narrowed: PolicyRule = { ...A, kinds: ['message'] };
    expect(diffPolicies(body([A]), body([narrowed])).changed).to.deep.equal([{ id: 'a', before: A, after: narrowed }]);
    expect(diffPolicies(body([narrowed]), body([A])).changed).to.deep.equal([{ id: 'a', before: narrowed, after: A }]);
  });

  it('default effect change', () => {
    expect(diffPolicies(body([]), body([], 'approve'))).to.deep.equal({
      added: [],
      removed: [],
      changed: [],
      defaultEffectChanged: { before: 'deny', after: 'approve' },
    });
  });

  it('publishedSummary returns only published rules, in policy order', () => {
    const d: PolicyRule = { ...B, id: 'd', published: true };
    expect(publishedSummary(body([d, A, B, C]))).to.deep.equal([d, A]);
    expect(publishedSummary(body([B, C]))).to.deep.equal([]);
  });
});
