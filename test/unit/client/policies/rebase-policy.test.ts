import { expect } from 'chai';
import type { PolicyBody, PolicyRule } from '../../../../shared/schemas/policy.js';
import { rebasePolicy } from '../../../../client/src/features/policies/editor/rebase-policy.js';

const rule = (id: string, extra: Partial<PolicyRule> = {}): PolicyRule => ({
  id,
  direction: 'outbound',
  effect: 'deny',
  legalBasis: { en: `Law ${id}` },
  ...extra,
});
const body = (
  version: number,
  rules: PolicyRule[],
  defaultEffect: PolicyBody['defaultEffect'] = 'allow',
): PolicyBody => ({ state: 'KZ', version, defaultEffect, rules });

describe('policy editor: reapplying changes after someone else published', () => {
  it('keeps their changes and adds mine on top, as the version after theirs', () => {
    const base = body(1, [rule('a'), rule('b'), rule('c')]);
    const mine = body(2, [rule('a', { effect: 'approve' }), rule('c'), rule('mine')], 'deny');
    const theirs = body(2, [rule('a'), rule('b'), rule('c', { published: true }), rule('theirs')]);
    const rebased = rebasePolicy(base, mine, theirs);
    expect(rebased.body.version).to.equal(3);
    expect(rebased.body.defaultEffect).to.equal('deny');
    expect(rebased.body.rules).to.deep.equal([
      rule('a', { effect: 'approve' }),
      rule('c', { published: true }),
      rule('theirs'),
      rule('mine'),
    ]);
    expect(rebased.conflicts).to.deep.equal([]);
    expect(rebased.defaultEffectConflict).to.equal(false);
  });

  it('reports rules both changed differently (mine kept) and a default both changed', () => {
    const base = body(1, [rule('a'), rule('b'), rule('gone')]);
    const mine = body(
      2,
      [rule('a', { effect: 'allow' }), rule('gone', { published: true }), rule('new', { effect: 'approve' })],
      'approve',
    );
    const theirs = body(2, [rule('a', { effect: 'approve' }), rule('b', { published: true }), rule('new')], 'deny');
    const rebased = rebasePolicy(base, mine, theirs);
    // b: I removed it, they changed it. gone: I changed it, they removed it. new: both added it differently.
    expect(rebased.conflicts).to.deep.equal(['a', 'b', 'gone', 'new']);
    expect(rebased.body.rules.map((r) => [r.id, r.effect])).to.deep.equal([
      ['a', 'allow'],
      ['new', 'approve'],
      ['gone', 'deny'],
    ]);
    expect(rebased.body.defaultEffect).to.equal('approve');
    expect(rebased.defaultEffectConflict).to.equal(true);
  });

  it('the same change on both sides is no conflict', () => {
    const base = body(1, [rule('a')]);
    const same = body(2, [rule('a', { counterparts: ['RU', 'CN'] })]);
    const rebased = rebasePolicy(base, same, body(2, [rule('a', { counterparts: ['CN', 'RU'] })]));
    expect(rebased.conflicts).to.deep.equal([]);
  });
});

describe('policy editor: directory fields travel with the rules', () => {
  it('a draft keeps the directory fields of the version it starts from, and a reapply keeps the newest ones', async () => {
    const { draftFromPolicy, policyBodyFromDraft } =
      await import('../../../../client/src/features/policies/editor/policy-draft.js');
    const fields: PolicyBody['directoryFields'] = [{ field: 'title', visibleTo: ['RU'], secretariat: true }];
    const current: PolicyBody = { ...body(2, [rule('a')]), directoryFields: fields };
    expect(policyBodyFromDraft(draftFromPolicy(current)).directoryFields).to.deep.equal(fields);
    const theirs: PolicyBody = {
      ...body(3, [rule('a')]),
      directoryFields: [{ field: 'deputy', visibleTo: [], secretariat: false }],
    };
    const rebased = rebasePolicy(current, { ...current, version: 3, rules: [rule('a'), rule('b')] }, theirs);
    expect(rebased.body.directoryFields).to.deep.equal(theirs.directoryFields);
  });
});
