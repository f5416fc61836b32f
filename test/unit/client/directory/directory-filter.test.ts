import { expect } from 'chai';
import {
  EMPTY_FILTER,
  filterFromQuery,
  filterToQuery,
  toSdkFilter,
} from '../../../../client/src/features/directory/directory-filter.js';

describe('directory search form ↔ address ↔ SDK filter', () => {
  it('round-trips every filter through the query string, leaving defaults out', () => {
    const filter = {
      q: 'финансовому',
      domain: 'economic-crime' as const,
      states: ['KZ', 'RU'],
      language: 'ru',
      role: 'operational' as const,
      available24x7: 'false' as const,
      stale: 'true' as const,
      sort: 'lastConfirmed' as const,
      page: 3,
    };
    const query = filterToQuery(filter);
    expect(filterFromQuery(query)).to.deep.equal(filter);
    expect(filterToQuery(EMPTY_FILTER)).to.equal('');
  });

  it('ignores what is not a valid value instead of sending it on', () => {
    expect(
      filterFromQuery('?domain=Piracy!&state=KZ,xx,RUS,RU&language=rus&role=boss&stale=maybe&sort=age&page=-2'),
    ).to.deep.equal({ ...EMPTY_FILTER, states: ['KZ', 'RU'] });
  });

  it('keeps a well-formed domain this tab does not know yet (a bookmark of a domain added since)', () => {
    expect(filterFromQuery('?domain=maritime-security').domain).to.equal('maritime-security');
    expect(toSdkFilter(filterFromQuery('?domain=maritime-security'), 25)).to.include({ domain: 'maritime-security' });
  });

  it('becomes an SDK filter with booleans and without empty parts', () => {
    expect(toSdkFilter({ ...EMPTY_FILTER, q: '  ', available24x7: 'true', stale: 'false' }, 25)).to.deep.equal({
      available24x7: true,
      stale: false,
      sort: 'name',
      page: 1,
      pageSize: 25,
    });
  });
});
