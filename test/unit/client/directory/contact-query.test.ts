import { expect } from 'chai';
import {
  contactDomain,
  contactFromQuery,
  contactQuery,
} from '../../../../client/src/features/directory/contact-query.js';

describe('directory → compose: the counterpart in the address', () => {
  const target = { userId: '64b000000000000000000001', state: 'KZ', domain: 'economic-crime' };

  it('round-trips through the query string', () => {
    expect(contactFromQuery(contactQuery(target))).to.deep.equal(target);
  });

  it('names nobody unless every part is well-formed', () => {
    expect(contactFromQuery('')).to.equal(undefined);
    expect(contactFromQuery('?to=64b000000000000000000001&state=KZ')).to.equal(undefined);
    expect(contactFromQuery('?to=not-an-id&state=KZ&domain=border')).to.equal(undefined);
    expect(contactFromQuery('?to=64b000000000000000000001&state=kz&domain=border')).to.equal(undefined);
    expect(contactFromQuery('?to=64b000000000000000000001&state=KZ&domain=Border!')).to.equal(undefined);
  });

  it("writes in a domain both serve, else in the counterpart's first", () => {
    expect(contactDomain(['law-enforcement', 'border'], ['border'])).to.equal('border');
    expect(contactDomain(['economic-crime'], ['border'])).to.equal('economic-crime');
    expect(contactDomain([], ['border'])).to.equal(undefined);
  });
});
