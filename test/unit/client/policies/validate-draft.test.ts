import { expect } from 'chai';
import { en } from '../../../../client/src/i18n/en.js';
import { emptyRuleDraft, type RuleDraft } from '../../../../client/src/features/policies/editor/rule-draft.js';
import { issuesOfRule, validateDraft } from '../../../../client/src/features/policies/editor/validate-draft.js';
import type { PolicyDraft } from '../../../../client/src/features/policies/editor/policy-draft.js';

const ok = (id: string): RuleDraft => ({ ...emptyRuleDraft(id), legalBasisEn: 'Law, art. 1' });
const policy = (...rules: RuleDraft[]): PolicyDraft => ({ state: 'KZ', version: 1, defaultEffect: 'allow', rules });

describe('policy editor: validation with the shared schema, per field', () => {
  it('a valid draft yields the parsed body to sign', () => {
    const result = validateDraft(policy(ok('a')));
    expect(result.ok).to.equal(true);
    if (result.ok) expect(result.body.rules[0]).to.include({ id: 'a', effect: 'deny' });
  });

  it('puts each problem beside its field, with a translated wording', () => {
    const bad: RuleDraft = {
      ...emptyRuleDraft('bad id'),
      categories: { mode: 'only', selected: [] },
      counterparts: { mode: 'except', selected: [] },
      effect: 'conditions',
      conditions: { minHandling: 'H0', noOnwardDissemination: false, notAsEvidence: false, retentionDays: '-3' },
    };
    const result = validateDraft(policy(ok('a'), bad, ok('a')));
    expect(result.ok).to.equal(false);
    const fields = issuesOfRule(result, 1);
    const keys = Object.fromEntries(
      Object.entries(fields).map(([field, issues]) => [field, issues.map((i) => i.messageKey)]),
    );
    expect(keys).to.deep.equal({
      id: ['ruleIdFormat'],
      categories: ['emptyScope'],
      retentionDays: ['retentionDays'],
      legalBasisEn: ['legalBasisRequired'],
    });
    expect(issuesOfRule(result, 2).id?.map((i) => i.messageKey)).to.deep.equal(['duplicateId']);
    expect(issuesOfRule(result, 0)).to.deep.equal({});
    // Every wording used exists in the catalogue (ru has the same keys: the catalogue test).
    for (const issue of result.issues) {
      expect(issue.messageKey, issue.message).to.be.a('string');
      expect(en.policies.validation).to.have.property(issue.messageKey ?? '');
    }
  });

  it('the rule-wide checks (conditions, validity window) follow once the fields themselves parse', () => {
    const rule: RuleDraft = {
      ...ok('c'),
      effect: 'conditions',
      conditions: { minHandling: 'H0', noOnwardDissemination: false, notAsEvidence: false, retentionDays: '' },
      validFrom: '2026-05-01T00:00',
      validUntil: '2026-04-01T00:00',
    };
    const fields = issuesOfRule(validateDraft(policy(rule)), 0);
    expect(fields.conditions?.map((i) => i.messageKey)).to.deep.equal(['needsCondition']);
    expect(fields.validUntil?.map((i) => i.messageKey)).to.deep.equal(['untilAfterFrom']);
  });

  it('refuses reserved ids and unparseable dates', () => {
    const result = validateDraft(policy({ ...ok('default'), validFrom: 'soon' }));
    const fields = issuesOfRule(result, 0);
    expect(fields.id?.map((i) => i.messageKey)).to.deep.equal(['reservedId']);
    expect(fields.validFrom?.map((i) => i.messageKey)).to.deep.equal(['invalidDate']);
  });
});
