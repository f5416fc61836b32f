import { expect } from 'chai';
import { prefillFromLocation, prefillHref } from '../../../../client/src/features/requests/request-prefill.js';

describe('requests: a compose page filled in from another page', () => {
  const kind = 'request:document-check' as const;
  const prefill = {
    state: 'KZ',
    urgency: 'urgent' as const,
    fields: { documentType: 'passport', documentNumber: 'N1234567', issuingState: 'KZ' },
  };

  it('keeps the fields in the fragment, out of what the server is sent', () => {
    const href = prefillHref(kind, prefill);
    expect(href).to.equal(
      '/requests/new/document-check?state=KZ&urgency=urgent#documentType=passport&documentNumber=N1234567&issuingState=KZ',
    );
    const url = new URL(href, 'https://focalnet.example');
    expect(url.pathname + url.search).not.to.contain('N1234567');
    expect(prefillFromLocation(kind, url.search, url.hash)).to.deep.equal(prefill);
  });

  it('drops what the template does not accept', () => {
    const got = prefillFromLocation(
      kind,
      '?state=kz&urgency=now',
      '#documentType=spaceship&issuingState=Kazakhstan&documentNumber=' + 'X'.repeat(65) + '&nonsense=1',
    );
    expect(got).to.deep.equal({ fields: {} });
  });

  it('an address without a prefill fills in nothing', () => {
    expect(prefillFromLocation(kind, '', '')).to.deep.equal({ fields: {} });
    expect(prefillHref(kind, { fields: {} })).to.equal('/requests/new/document-check');
  });
});
