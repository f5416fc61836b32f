import { expect } from 'chai';
import { MEMBER_STATES } from '../../../../shared/reference/member-states.js';
import { PolicyRule } from '../../../../shared/schemas/policy.js';
import { draftFromPolicy, policyBodyFromDraft } from '../../../../client/src/features/policies/editor/policy-draft.js';
import {
  draftFromRule,
  emptyRuleDraft,
  fromUtcInput,
  nextRuleId,
  ruleFromDraft,
  toUtcInput,
  type RuleDraft,
} from '../../../../client/src/features/policies/editor/rule-draft.js';

describe('policy editor: form ↔ PolicyBody mapping', () => {
  it('a new rule maps to a minimal rule: scopes omitted, published, conditions only with their effect', () => {
    const draft: RuleDraft = { ...emptyRuleDraft('rule-1'), legalBasisEn: '  Law on data, art. 16  ' };
    expect(ruleFromDraft(draft, 'KZ')).to.deep.equal({
      id: 'rule-1',
      direction: 'outbound',
      effect: 'deny',
      legalBasis: { en: 'Law on data, art. 16' },
      published: true,
    });
    const withConditions: RuleDraft = {
      ...draft,
      conditions: { minHandling: 'H2', noOnwardDissemination: true, notAsEvidence: false, retentionDays: '30' },
    };
    expect(ruleFromDraft(withConditions, 'KZ')).not.to.have.property('conditions');
    expect(ruleFromDraft({ ...withConditions, effect: 'conditions' }, 'KZ').conditions).to.deep.equal({
      minHandling: 'H2',
      noOnwardDissemination: true,
      retentionDays: 30,
    });
    expect(PolicyRule.safeParse(ruleFromDraft({ ...withConditions, effect: 'conditions' }, 'KZ')).success).to.equal(
      true,
    );
  });

  it('"all other member states except RU" is signed as an exclusion (own state included), so states admitted later are covered', () => {
    const draft: RuleDraft = {
      ...emptyRuleDraft('no-pd'),
      categories: { mode: 'only', selected: ['personal-data'] },
      counterparts: { mode: 'except', selected: ['RU'] },
      legalBasisEn: 'National law, article 16',
    };
    const rule = ruleFromDraft(draft, 'KZ');
    expect(rule.counterparts).to.deep.equal({ except: ['KZ', 'RU'] });
    expect(PolicyRule.safeParse(rule).success).to.equal(true);
    // Loaded back, it is the same "except" choice, without the own state.
    expect(draftFromRule(rule, 'KZ').counterparts).to.deep.equal({ mode: 'except', selected: ['RU'] });
    // An explicit list, however long, stays a list: it does not cover later states, and the editor does not pretend it does.
    const everyOther = MEMBER_STATES.map((s) => s.code)
      .filter((c) => c !== 'KZ' && c !== 'RU')
      .sort();
    expect(draftFromRule({ ...rule, counterparts: everyOther }, 'KZ').counterparts).to.deep.equal({
      mode: 'only',
      selected: everyOther,
    });
    expect(draftFromRule({ ...rule, counterparts: ['CN', 'RU'] }, 'KZ').counterparts).to.deep.equal({
      mode: 'only',
      selected: ['CN', 'RU'],
    });
    // "All other member states" with none excepted.
    expect(
      ruleFromDraft({ ...draft, counterparts: { mode: 'except', selected: [] } }, 'KZ').counterparts,
    ).to.deep.equal({ except: ['KZ'] });
  });

  it('scope lists come out in vocabulary order whatever order they were ticked in', () => {
    const draft: RuleDraft = {
      ...emptyRuleDraft('x'),
      classifications: { mode: 'only', selected: ['confidential', 'public'] },
      kinds: { mode: 'only', selected: ['request:arms-tracing', 'message'] },
      counterparts: { mode: 'only', selected: ['UZ', 'CN'] },
      legalBasisEn: 'x',
    };
    const rule = ruleFromDraft(draft, 'KZ');
    expect(rule.classifications).to.deep.equal(['public', 'confidential']);
    expect(rule.kinds).to.deep.equal(['message', 'request:arms-tracing']);
    expect(rule.counterparts).to.deep.equal(['CN', 'UZ']);
  });

  it('an untouched rule is given back exactly as loaded, so publishing changes nothing else', () => {
    const loaded: PolicyRule = {
      id: 'fin',
      direction: 'inbound',
      counterparts: ['UZ', 'CN'],
      domains: ['economic-crime'],
      effect: 'conditions',
      conditions: { retentionDays: 90, noOnwardDissemination: false },
      legalBasis: { en: 'Law 5', ru: 'Закон 5' },
      validFrom: '2026-01-01T05:00:00+05:00',
      published: false,
    };
    const draft = draftFromRule(loaded, 'KZ');
    expect(ruleFromDraft(draft, 'KZ')).to.equal(loaded);
    const edited = ruleFromDraft({ ...draft, legalBasisRu: '' }, 'KZ');
    expect(edited).to.deep.equal({
      id: 'fin',
      direction: 'inbound',
      domains: ['economic-crime'],
      counterparts: ['CN', 'UZ'],
      effect: 'conditions',
      conditions: { retentionDays: 90 },
      legalBasis: { en: 'Law 5' },
      validFrom: '2026-01-01T00:00:00Z',
    });
  });

  it('validity: UTC datetime-local values ↔ ISO instants; anything else is left for the schema to refuse', () => {
    expect(toUtcInput('2026-03-01T12:30:00+03:00')).to.equal('2026-03-01T09:30');
    expect(toUtcInput(undefined)).to.equal('');
    expect(fromUtcInput('2026-03-01T09:30')).to.equal('2026-03-01T09:30:00Z');
    expect(fromUtcInput('2026-03-01T09:30:15')).to.equal('2026-03-01T09:30:15Z');
    expect(fromUtcInput('  ')).to.equal(undefined);
    expect(fromUtcInput('tomorrow')).to.equal('tomorrow');
  });

  it('a policy becomes the draft of its next version and back', () => {
    const body = {
      state: 'KZ',
      version: 3,
      defaultEffect: 'approve' as const,
      rules: [{ id: 'a', direction: 'outbound' as const, effect: 'deny' as const, legalBasis: { en: 'L' } }],
    };
    const draft = draftFromPolicy(body);
    expect(draft.version).to.equal(4);
    expect(policyBodyFromDraft(draft)).to.deep.equal({ ...body, version: 4 });
  });

  it('new rule ids do not collide', () => {
    expect(nextRuleId([])).to.equal('rule-1');
    expect(nextRuleId([{ id: 'rule-2' }, { id: 'x' }])).to.equal('rule-3');
    expect(nextRuleId([{ id: 'rule-1' }])).to.equal('rule-2');
  });
});
