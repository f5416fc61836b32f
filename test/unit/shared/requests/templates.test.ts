import { expect } from 'chai';
import { REQUEST_KINDS, REQUEST_TEMPLATES, requestFieldsSchema } from '../../../../shared/requests/templates.js';
import { EXCHANGE_KINDS } from '../../../../shared/schemas/labels.js';
import { DOCUMENT_TYPES } from '../../../../shared/schemas/travel-documents.js';

describe('shared/requests/templates', () => {
  it('has a template for every request kind of the envelope, with EN and RU labels', () => {
    expect(REQUEST_KINDS).to.have.members(
      EXCHANGE_KINDS.filter((k) => k.startsWith('request:') && k !== 'request:transition'),
    );
    for (const kind of REQUEST_KINDS) {
      const template = REQUEST_TEMPLATES[kind];
      expect(template.kind).to.equal(kind);
      expect(template.domains.length).to.be.greaterThan(0);
      for (const field of template.fields) {
        expect(field.label.en, `${kind}.${field.name}`).to.not.equal('');
        expect(field.label.ru, `${kind}.${field.name}`).to.match(/[а-яё]/i);
      }
    }
  });

  it("takes every listed document's type, so a screening hit's confirmation request is always valid", () => {
    const schema = requestFieldsSchema('request:document-check');
    for (const documentType of DOCUMENT_TYPES)
      expect(
        schema.safeParse({
          documentType,
          documentNumber: 'N1234567',
          issuingState: 'KZ',
          holderName: 'A. B.',
          purpose: 'confirm a hit',
        }).success,
        documentType,
      ).to.equal(true);
  });

  it('checks request fields against the template', () => {
    const schema = requestFieldsSchema('request:document-check');
    const valid = {
      documentType: 'passport',
      documentNumber: 'N1234567',
      issuingState: 'TJ',
      holderName: 'A. B.',
      purpose: 'border control',
    };
    expect(schema.safeParse(valid).success).to.equal(true);
    expect(schema.safeParse({ ...valid, documentNumber: '' }).success).to.equal(false);
    expect(schema.safeParse({ ...valid, documentType: 'library-card' }).success).to.equal(false);
    expect(schema.safeParse({ ...valid, issuingState: 'Tajikistan' }).success).to.equal(false);
    expect(schema.safeParse({ ...valid, extra: 'x' }).success).to.equal(false);
    const { purpose: _omitted, ...missing } = valid;
    expect(schema.safeParse(missing).success).to.equal(false);
  });
});
