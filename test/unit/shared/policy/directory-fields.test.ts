import { expect } from 'chai';
import { diffPolicies, withheldDirectoryFields } from '../../../../shared/policy/index.js';
import { PolicyBody } from '../../../../shared/schemas/policy.js';

const KZ: PolicyBody = {
  state: 'KZ',
  version: 3,
  defaultEffect: 'allow',
  rules: [],
  directoryFields: [
    { field: 'contacts.phone', visibleTo: ['RU'], secretariat: true },
    { field: 'title', visibleTo: [], secretariat: false, legalBasis: { en: 'Civil service law, art. 12' } },
  ],
};

describe('directory field visibility from the signed policy', () => {
  it('withholds restricted fields from other states and the secretariat as the rules say', () => {
    expect(withheldDirectoryFields(KZ, 'KZ', { state: 'CN' })).to.deep.equal(['title', 'contacts.phone']);
    expect(withheldDirectoryFields(KZ, 'KZ', { state: 'RU' })).to.deep.equal(['title']);
    expect(withheldDirectoryFields(KZ, 'KZ', { state: null })).to.deep.equal(['title']);
  });

  it('the own state sees everything; no policy or no directoryFields withholds nothing', () => {
    expect(withheldDirectoryFields(KZ, 'KZ', { state: 'KZ' })).to.deep.equal([]);
    expect(withheldDirectoryFields(undefined, 'KZ', { state: 'CN' })).to.deep.equal([]);
    const { directoryFields: _omitted, ...older } = KZ;
    expect(withheldDirectoryFields(older, 'KZ', { state: 'CN' })).to.deep.equal([]);
  });

  it('refuses a policy filed under another state', () => {
    expect(() => withheldDirectoryFields(KZ, 'RU', { state: 'CN' })).to.throw(RangeError);
  });

  it('the schema rejects a field twice and the own state in visibleTo; a body without the section still parses unchanged', () => {
    const twice = PolicyBody.safeParse({
      ...KZ,
      directoryFields: [...(KZ.directoryFields ?? []), { field: 'title', visibleTo: ['RU'], secretariat: true }],
    });
    expect(twice.success).to.equal(false);
    expect(
      PolicyBody.safeParse({ ...KZ, directoryFields: [{ field: 'title', visibleTo: ['KZ'], secretariat: true }] })
        .success,
    ).to.equal(false);
    expect(
      PolicyBody.safeParse({ ...KZ, directoryFields: [{ field: 'name', visibleTo: [], secretariat: true }] }).success,
    ).to.equal(false);
    const { directoryFields: _omitted, ...older } = KZ;
    expect(PolicyBody.parse(older)).to.deep.equal(older);
  });

  it('diff reports a change of field visibility, but not a reordering', () => {
    const reordered: PolicyBody = { ...KZ, version: 4, directoryFields: [...(KZ.directoryFields ?? [])].reverse() };
    expect(diffPolicies(KZ, reordered)).to.not.have.property('directoryFieldsChanged');
    const opened: PolicyBody = {
      ...KZ,
      version: 4,
      directoryFields: [{ field: 'contacts.phone', visibleTo: ['RU', 'CN'], secretariat: true }],
    };
    expect(diffPolicies(KZ, opened).directoryFieldsChanged).to.deep.equal({
      before: KZ.directoryFields,
      after: opened.directoryFields,
    });
    const { directoryFields: _omitted, ...none } = KZ;
    expect(diffPolicies(none, { ...none, directoryFields: [] })).to.not.have.property('directoryFieldsChanged');
  });
});
