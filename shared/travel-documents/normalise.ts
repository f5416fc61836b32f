import { ALPHA3_TO_ALPHA2 } from './country-codes.js';
import { checkDigitMatches } from './check-digit.js';
import { ok, problem, type Checked } from './problems.js';

/** Longest document number kept (ICAO's 9 characters, or a TD1's number run on into optional data). */
export const MAX_NUMBER_LENGTH = 24;

/** Cyrillic letters that look like Latin ones: a number typed on a Russian keyboard layout is still the same number. */
const CYRILLIC_LOOKALIKES: Readonly<Record<string, string>> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  І: 'I',
};

/**
 * A document number as it is keyed: upper case; spaces, dashes, dots, slashes and MRZ fillers `<`
 * removed; Cyrillic look-alike letters read as Latin. What is left must be Latin letters and digits.
 */
export function normaliseNumber(raw: string): Checked<string> {
  const cleaned = raw
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\p{Pd}./\\<]/gu, '')
    .replace(/[АВЕКМНОРСТХУІ]/g, (letter) => CYRILLIC_LOOKALIKES[letter] ?? letter);
  if (cleaned === '') return problem('number.missing', 'the document number is missing');
  if (!/^[A-Z0-9]+$/.test(cleaned))
    return problem('number.invalid', 'a document number has Latin letters and digits only');
  if (cleaned.length > MAX_NUMBER_LENGTH)
    return problem('number.too-long', `a document number has at most ${MAX_NUMBER_LENGTH} characters`);
  return ok(cleaned);
}

/**
 * An issuing state as ISO 3166-1 alpha-2: two letters as given, or an ICAO three-letter code of
 * an MRZ (`KAZ` → `KZ`, `D` → `DE`) where the table knows it.
 */
export function normaliseIssuingState(raw: string): Checked<string> {
  const code = raw.trim().toUpperCase().replace(/<+$/, '');
  if (code === '') return problem('state.missing', 'the issuing state is missing');
  if (/^[A-Z]{2}$/.test(code)) return ok(code);
  const alpha2 = ALPHA3_TO_ALPHA2.get(code);
  if (alpha2) return ok(alpha2);
  return problem(
    'state.invalid',
    /^[A-Z]{3}$/.test(code)
      ? `issuing state ${code}: give its two-letter ISO code`
      : `issuing state "${raw.trim()}" is not a country code`,
  );
}

/** The identity that is keyed: `XX:NUMBER` (the type is not part of it: a manifest may not know it). */
export const documentIdentity = (issuingState: string, number: string): string => `${issuingState}:${number}`;

/**
 * The number and the identity, checked against an ICAO check digit where one is given. The digit
 * checks the number as printed in the MRZ (fillers count), so it is checked against the cleaned
 * number padded to 9 characters.
 */
export function identityOf(
  issuingState: string,
  number: string,
  checkDigit?: string,
): Checked<{ issuingState: string; number: string; identity: string }> {
  const state = normaliseIssuingState(issuingState);
  if (!state.ok) return state;
  const normal = normaliseNumber(number);
  if (!normal.ok) return normal;
  const digit = checkDigit?.trim();
  if (digit !== undefined && digit !== '' && !checkDigitMatches(normal.value.padEnd(9, '<'), digit))
    return problem(
      'check-digit.misread',
      `the check digit ${digit} does not match the number: misread? Check the document and type it again`,
    );
  return ok({
    issuingState: state.value,
    number: normal.value,
    identity: documentIdentity(state.value, normal.value),
  });
}
