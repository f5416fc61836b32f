import { expect } from 'chai';
import { PolicyBody } from '../../../../shared/schemas/policy.js';
import { policyWithFields, rulesOf, sharingOf } from '../../../../client/src/features/directory/visibility-model.js';

describe('field visibility editor model', () => {
  it('turns rules into per-field sharing and back; fields shared with all become no rule', () => {
    const rules = [
      {
        field: 'contacts.phone' as const,
        visibleTo: ['RU'],
        secretariat: true,
        legalBasis: { en: 'Law on communications, art. 5', ru: 'Закон о связи, ст. 5' },
      },
      { field: 'title' as const, visibleTo: [], secretariat: false },
    ];
    const table = sharingOf(rules);
    expect(table.get('contacts.phone')).to.deep.equal({
      mode: 'selected',
      states: ['RU'],
      secretariat: true,
      legalBasisEn: 'Law on communications, art. 5',
      legalBasisRu: 'Закон о связи, ст. 5',
    });
    expect(table.get('deputy')).to.equal(undefined);
    // Rules come back in the order of RESTRICTABLE_FIELDS, states sorted, legal bases kept.
    expect(rulesOf(table)).to.deep.equal([rules[1], rules[0]]);
    const opened = new Map(table)
      .set('title', { mode: 'all', states: [], secretariat: true, legalBasisEn: '' })
      .set('deputy', { mode: 'selected', states: ['UZ', 'KG'], secretariat: true, legalBasisEn: '  ' });
    expect(rulesOf(opened)).to.deep.equal([{ field: 'deputy', visibleTo: ['KG', 'UZ'], secretariat: true }, rules[0]]);
  });

  it('makes the next policy version: rules and default kept, directory fields replaced, valid for signing', () => {
    const current: PolicyBody = {
      state: 'KZ',
      version: 4,
      defaultEffect: 'deny',
      rules: [{ id: 'r1', direction: 'outbound', effect: 'allow', legalBasis: { en: 'Law 1' } }],
      directoryFields: [{ field: 'title', visibleTo: [], secretariat: false }],
    };
    const next = policyWithFields(
      current,
      sharingOf([{ field: 'contacts.email', visibleTo: ['RU'], secretariat: true }]),
    );
    expect(next).to.deep.equal({
      ...current,
      version: 5,
      directoryFields: [{ field: 'contacts.email', visibleTo: ['RU'], secretariat: true }],
    });
    expect(PolicyBody.safeParse(next).success).to.equal(true);
  });
});
