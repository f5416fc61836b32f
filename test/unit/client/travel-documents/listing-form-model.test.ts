import { expect } from 'chai';
import {
  listingOfDraft,
  normalisedNumber,
  type ListingDraft,
} from '../../../../client/src/features/travel-documents/listing-form-model.js';
import { listingDay } from '../../../../client/src/features/travel-documents/listing-day.js';

const draft: ListingDraft = {
  issuingState: 'kz',
  documentType: 'passport',
  number: ' N 1234-567 ',
  checkDigit: '',
  status: 'stolen',
  date: '2026-11-30',
  notes: '  stolen at the airport ',
};

describe('travel documents: the listing form', () => {
  it('gives the SDK a clean listing (number as typed, trimmed; the SDK normalises it)', () => {
    expect(listingOfDraft(draft, '2026-12-07')).to.deep.equal({
      ok: true,
      listing: {
        issuingState: 'KZ',
        documentType: 'passport',
        number: 'N 1234-567',
        status: 'stolen',
        date: '2026-11-30',
        notes: 'stolen at the airport',
      },
    });
    expect(normalisedNumber(' n 123-45.6/7<')).to.equal('N1234567');
  });

  it('names every wrong field, in the order of the form', () => {
    expect(
      listingOfDraft(
        {
          ...draft,
          issuingState: 'Kazakhstan',
          number: '—',
          checkDigit: '12',
          date: '2026-02-30',
          notes: 'x'.repeat(501),
        },
        '2026-12-07',
      ),
    ).to.deep.equal({ ok: false, problems: ['issuingState', 'number', 'checkDigit', 'date', 'notes'] });
  });

  it('refuses a day still to come, takes today and a check digit', () => {
    expect(listingOfDraft({ ...draft, date: '2026-12-08' }, '2026-12-07')).to.deep.equal({
      ok: false,
      problems: ['date'],
    });
    const today = listingOfDraft({ ...draft, date: '2026-12-07', checkDigit: '6' }, '2026-12-07');
    expect(today.ok && today.listing.checkDigit).to.equal('6');
  });
});

describe('travel documents: a listing day written out', () => {
  it('in English and Russian, the day itself in any time zone; a time stamp gives its day', () => {
    expect(listingDay('2026-11-30', 'en')).to.equal('30 November 2026');
    expect(listingDay('2026-11-30', 'ru')).to.equal('30 ноября 2026 г.');
    expect(listingDay('2026-12-07T23:59:00.000Z', 'en')).to.equal('7 December 2026');
    expect(listingDay('not a day', 'en')).to.equal('not a day');
  });
});
