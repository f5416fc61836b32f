import { expect } from 'chai';
import { checkDigitMatches, icaoCheckDigit } from '../../../../shared/travel-documents/check-digit.js';
import { identityOf, normaliseIssuingState, normaliseNumber } from '../../../../shared/travel-documents/normalise.js';

const value = <T>(checked: { ok: true; value: T } | { ok: false }): T | undefined =>
  checked.ok ? checked.value : undefined;
const code = (checked: { ok: true } | { ok: false; problem: { code: string } }): string | undefined =>
  checked.ok ? undefined : checked.problem.code;

describe('travel documents: normalisation', () => {
  it('reads a number however it was written', () => {
    for (const written of [
      'N1234567',
      'n1234567',
      'N 123 4567',
      'N-123-4567',
      'n.123/4567',
      'N1234567<<',
      ' N\t1234567 ',
      'N‐1234567',
    ])
      expect(value(normaliseNumber(written)), written).to.equal('N1234567');
  });

  it('reads Cyrillic look-alike letters typed on a Russian layout as Latin', () => {
    expect(value(normaliseNumber('N1234567'.replace('N', 'Н')))).to.equal('H1234567');
    expect(value(normaliseNumber('АВ 123456'))).to.equal('AB123456');
  });

  it('refuses empty, foreign and overlong numbers with a reason', () => {
    expect(code(normaliseNumber(' - '))).to.equal('number.missing');
    expect(code(normaliseNumber('AB12#45'))).to.equal('number.invalid');
    expect(code(normaliseNumber('Ж1234567'))).to.equal('number.invalid');
    expect(code(normaliseNumber('A'.repeat(25)))).to.equal('number.too-long');
  });

  it('takes two-letter codes and the ICAO three-letter codes of member states and others', () => {
    expect(value(normaliseIssuingState('kz'))).to.equal('KZ');
    expect(value(normaliseIssuingState('KAZ'))).to.equal('KZ');
    expect(value(normaliseIssuingState('rus'))).to.equal('RU');
    expect(value(normaliseIssuingState('D<<'))).to.equal('DE');
    expect(value(normaliseIssuingState('GBR'))).to.equal('GB');
    expect(code(normaliseIssuingState('XYZ'))).to.equal('state.invalid');
    expect(code(normaliseIssuingState(''))).to.equal('state.missing');
    expect(code(normaliseIssuingState('Kazakhstan'))).to.equal('state.invalid');
  });

  it('makes the identity XX:NUMBER, the same for every way of writing it', () => {
    expect(value(identityOf('kaz', 'n 123-4567'))?.identity).to.equal('KZ:N1234567');
    expect(value(identityOf('KZ', 'N1234567'))?.identity).to.equal('KZ:N1234567');
  });
});

describe('travel documents: ICAO 9303 check digits', () => {
  it("computes the digits of ICAO's own examples", () => {
    expect(icaoCheckDigit('L898902C3')).to.equal(6); // Part 4, TD3 specimen
    expect(icaoCheckDigit('D23145890')).to.equal(7); // Parts 5 and 6, TD1 and TD2 specimens
    expect(icaoCheckDigit('740812')).to.equal(2);
    expect(icaoCheckDigit('120415')).to.equal(9);
    expect(icaoCheckDigit('ZE184226B<<<<<')).to.equal(1);
    expect(icaoCheckDigit('520727')).to.equal(3); // Part 3's worked example
  });

  it('treats < as zero and refuses other characters', () => {
    expect(icaoCheckDigit('AB<')).to.equal(icaoCheckDigit('AB'));
    expect(() => icaoCheckDigit('ab')).to.throw(RangeError);
    expect(checkDigitMatches('L898902C3', '6')).to.equal(true);
    expect(checkDigitMatches('L898902C3', '5')).to.equal(false);
    expect(checkDigitMatches('L898902C3', 'x')).to.equal(false);
  });

  it('refuses a listing whose check digit does not match as misread, and accepts the right one', () => {
    expect(value(identityOf('KZ', 'l898902c3', '6'))?.identity).to.equal('KZ:L898902C3');
    expect(code(identityOf('KZ', 'L898902C3', '5'))).to.equal('check-digit.misread');
    expect(value(identityOf('KZ', 'L898902C3', ''))?.identity).to.equal('KZ:L898902C3');
  });
});
