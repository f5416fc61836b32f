import { expect } from 'chai';
import { mayOpenTravelDocuments } from '../../../../client/src/features/travel-documents/travel-documents-nav.js';

describe('travel documents: who finds the pages in the menu', () => {
  const person = (role: 'focal-point' | 'national-admin' | 'network-admin', domains: string[], status = 'active') =>
    ({ role, domains, status }) as Parameters<typeof mayOpenTravelDocuments>[0];

  it('border and law-enforcement focal points (they may hold the key) and national admins (they decide)', () => {
    expect(mayOpenTravelDocuments(person('focal-point', ['border']))).to.equal(true);
    expect(mayOpenTravelDocuments(person('focal-point', ['economic-crime', 'law-enforcement']))).to.equal(true);
    expect(mayOpenTravelDocuments(person('national-admin', []))).to.equal(true);
  });

  it('nobody else, and nobody inactive', () => {
    expect(mayOpenTravelDocuments(person('focal-point', ['economic-crime']))).to.equal(false);
    expect(mayOpenTravelDocuments(person('network-admin', []))).to.equal(false);
    expect(mayOpenTravelDocuments(person('focal-point', ['border'], 'suspended'))).to.equal(false);
  });
});
