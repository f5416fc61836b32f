import { expect } from 'chai';
import { settingsOf, sharingOf } from '../../../../client/src/features/directory/visibility-model.js';

describe('field visibility editor model', () => {
  it('turns rules into per-field sharing and back; fields shared with all become no rule', () => {
    const settings = { rules: [{ field: 'contacts.phone' as const, visibleTo: ['RU'], secretariat: true }, { field: 'title' as const, visibleTo: [], secretariat: false }] };
    const table = sharingOf(settings);
    expect(table.get('contacts.phone')).to.deep.equal({ mode: 'selected', states: ['RU'], secretariat: true });
    expect(table.get('deputy')).to.equal(undefined);
    // Rules come back in the order of RESTRICTABLE_FIELDS, states sorted.
    expect(settingsOf(table)).to.deep.equal({ rules: [settings.rules[1], settings.rules[0]] });
    const opened = new Map(table).set('title', { mode: 'all', states: [], secretariat: true }).set('deputy', { mode: 'selected', states: ['UZ', 'KG'], secretariat: true });
    expect(settingsOf(opened)).to.deep.equal({ rules: [{ field: 'deputy', visibleTo: ['KG', 'UZ'], secretariat: true }, settings.rules[0]] });
  });
});
