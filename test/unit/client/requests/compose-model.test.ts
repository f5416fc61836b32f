import { expect } from 'chai';
import { buildFields, routeStates } from '../../../../client/src/features/requests/compose-model.js';

describe('requests: compose model', () => {
  it('trims text, leaves out empty optional fields and accepts a complete document check', () => {
    const result = buildFields('request:document-check', {
      documentType: 'passport',
      documentNumber: ' N1234567 ',
      issuingState: 'TJ',
      holderName: 'A. B.',
      holderBirthDate: '',
      circumstances: '  ',
      purpose: 'border check',
    });
    expect(result).to.deep.equal({
      ok: true,
      fields: {
        documentType: 'passport',
        documentNumber: 'N1234567',
        issuingState: 'TJ',
        holderName: 'A. B.',
        purpose: 'border check',
      },
    });
  });

  it('names each missing or invalid field', () => {
    const result = buildFields('request:document-check', {
      documentType: 'spaceship',
      documentNumber: 'N1',
      issuingState: '',
      holderName: 'A',
      issueDate: '31.12.2020',
      purpose: '',
    });
    expect(result).to.deep.equal({
      ok: false,
      problems: { documentType: 'invalid', issuingState: 'required', issueDate: 'invalid', purpose: 'required' },
    });
  });

  it('addresses route information to origin, transit and destination, each state once', () => {
    expect(routeStates({ originState: 'AF', transitStates: ['TJ', 'UZ', 'AF'], destinationState: 'KZ' })).to.deep.equal(
      ['AF', 'TJ', 'UZ', 'KZ'],
    );
    expect(routeStates({ originState: '', transitStates: [], destinationState: 'KZ' })).to.deep.equal(['KZ']);
  });
});
