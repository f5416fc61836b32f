import { expect } from 'chai';
import { icaoCheckDigit } from '../../../../shared/travel-documents/check-digit.js';
import { parseMrz } from '../../../../shared/travel-documents/mrz.js';

// ICAO 9303's specimens (Parts 4, 5, 6), with the issuing state changed from the fictional UTO
// to KAZ/RUS (the check digits checked here do not cover it).
const TD3 = ['P<KAZERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36RUS7408122F1204159ZE184226B<<<<<10'];
const TD2 = ['I<KAZERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907RUS7408122F1204159<<<<<<<6'];
const TD1 = ['I<KAZD231458907<<<<<<<<<<<<<<<', '7408122F1204159RUS<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];

const read = (text: string) => {
  const parsed = parseMrz(text);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.value;
};
const problemOf = (text: string) => {
  const parsed = parseMrz(text);
  return parsed.ok ? undefined : parsed.problem.code;
};

describe('travel documents: MRZ', () => {
  it('reads a TD3 passport MRZ: issuing state, number, type', () => {
    expect(read(TD3.join('\n'))).to.deep.equal({
      format: 'TD3',
      number: 'L898902C3',
      documentType: 'passport',
      issuingState: 'KZ',
      nationality: 'RU',
    });
    expect(read(TD3.join('')).number, 'run together').to.equal('L898902C3');
    expect(read(TD3.join('\r\n').toLowerCase()).number, 'lower case').to.equal('L898902C3');
  });

  it('reads a TD2 and a TD1 card MRZ', () => {
    expect(read(TD2.join('\n'))).to.include({ format: 'TD2', number: 'D23145890', issuingState: 'KZ' });
    expect(read(TD1.join('\n'))).to.deep.equal({
      format: 'TD1',
      number: 'D23145890',
      documentType: 'identity-card',
      issuingState: 'KZ',
      nationality: 'RU',
    });
  });

  it('reads the one line that holds the number', () => {
    expect(read(TD3[1] ?? '')).to.deep.equal({
      format: 'TD3',
      number: 'L898902C3',
      documentType: 'passport',
      nationality: 'RU',
    });
    expect(read(TD2[1] ?? '')).to.include({ format: 'TD2', number: 'D23145890', nationality: 'RU' });
    expect(read(TD1[0] ?? '')).to.include({ format: 'TD1', number: 'D23145890', issuingState: 'KZ' });
  });

  it('reads a TD1 number longer than nine characters from the optional data', () => {
    // Part 5: the number's check digit is `<` and the rest of the number and its digit follow.
    const head = 'D23145890';
    const rest = 'AB';
    const line = `I<KAZ${head}<${rest}${icaoCheckDigit(head + rest)}`.padEnd(30, '<');
    expect(read(line).number).to.equal('D23145890AB');
  });

  it('refuses a wrong check digit as a misreading', () => {
    expect(problemOf(TD3.join('\n').replace('L898902C36', 'L898902C35'))).to.equal('check-digit.misread');
    expect(problemOf((TD1[0] ?? '').replace('D231458907', 'D231458807'))).to.equal('check-digit.misread');
    expect(problemOf(TD2[1]?.replace('D23145890', 'D23145899') ?? '')).to.equal('check-digit.misread');
  });

  it('says which line to give when given the wrong one, and refuses what is no MRZ', () => {
    expect(parseMrz(TD3[0] ?? '')).to.deep.include({ ok: false });
    expect(problemOf(TD3[0] ?? '')).to.equal('mrz.unrecognised');
    expect(problemOf(TD1[1] ?? '')).to.equal('mrz.unrecognised');
    expect(problemOf('hello')).to.equal('mrz.unrecognised');
    expect(problemOf('P<KAZ#')).to.equal('mrz.unrecognised');
  });
});
