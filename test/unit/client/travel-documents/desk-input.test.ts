import { expect } from 'chai';
import {
  awaitsMoreMrz,
  deskInput,
  looksLikeMrz,
  mrzLines,
  stateCodeOf,
} from '../../../../client/src/features/travel-documents/desk-input.js';

// The ICAO 9303 specimen passport (Utopia), as a scanner reads it.
const TD3_1 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<';
const TD3_2 = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10';
const STATES = [
  { code: 'KZ', name: { en: 'Kazakhstan', ru: 'Казахстан' } },
  { code: 'RU', name: { en: 'Russian Federation', ru: 'Российская Федерация' } },
];

describe('travel documents: what the border desk typed', () => {
  it('takes a code, a name in either language, or the offered "KZ — Kazakhstan"', () => {
    expect(stateCodeOf('kz', STATES)).to.equal('KZ');
    expect(stateCodeOf(' Kazakhstan ', STATES)).to.equal('KZ');
    expect(stateCodeOf('российская федерация', STATES)).to.equal('RU');
    expect(stateCodeOf('KZ — Kazakhstan', STATES)).to.equal('KZ');
    expect(stateCodeOf('DE', STATES)).to.equal('DE');
    expect(stateCodeOf('Atlantis', STATES)).to.equal(undefined);
    expect(stateCodeOf('', STATES)).to.equal(undefined);
  });

  it('a number goes with its state; an MRZ brings its own', () => {
    expect(deskInput('KZ', ' n 123-4567 ', STATES)).to.deep.equal({
      ok: true,
      input: { issuingState: 'KZ', number: 'n 123-4567' },
    });
    expect(deskInput('', `${TD3_1}\n${TD3_2}`, STATES)).to.deep.equal({
      ok: true,
      input: { mrz: `${TD3_1}\n${TD3_2}` },
    });
  });

  it('says what is missing', () => {
    expect(deskInput('KZ', '  ', STATES)).to.deep.equal({ ok: false, problem: 'numberMissing' });
    expect(deskInput('', 'N1234567', STATES)).to.deep.equal({ ok: false, problem: 'stateMissing' });
    expect(deskInput('Atlantis', 'N1234567', STATES)).to.deep.equal({ ok: false, problem: 'stateUnknown' });
  });

  it('cuts an MRZ pasted as one run into its lines', () => {
    expect(mrzLines(TD3_1 + TD3_2)).to.deep.equal([TD3_1, TD3_2]);
    expect(mrzLines(`${TD3_1.toLowerCase()} \r\n ${TD3_2}`)).to.deep.equal([TD3_1, TD3_2]);
    expect(looksLikeMrz(TD3_2)).to.equal(true);
    expect(looksLikeMrz('N1234567')).to.equal(false);
  });

  it('Enter after a scanned first line waits for the line holding the number', () => {
    expect(awaitsMoreMrz(TD3_1)).to.equal(true);
    expect(awaitsMoreMrz(`${TD3_1}\n${TD3_2}`)).to.equal(false);
    expect(awaitsMoreMrz('N1234567')).to.equal(false);
    expect(awaitsMoreMrz('I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6')).to.equal(true);
  });
});
