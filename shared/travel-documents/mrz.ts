import type { DocumentType } from '../schemas/travel-documents.js';
import { checkDigitMatches } from './check-digit.js';
import { normaliseIssuingState } from './normalise.js';
import { ok, problem, type Checked } from './problems.js';

/** What an MRZ says about the document (ICAO 9303 Parts 4–6). */
export interface MrzDocument {
  format: 'TD1' | 'TD2' | 'TD3';
  /** ISO alpha-2; absent when only a TD2/TD3 second line was given (it names the nationality, not the issuer). */
  issuingState?: string;
  nationality?: string;
  /** As in the MRZ, fillers removed (not otherwise normalised). */
  number: string;
  documentType: DocumentType;
}

const misread = (what: string): Checked<never> =>
  problem('check-digit.misread', `${what}: the number's check digit does not match (misread?)`);

function typeOf(code: string): DocumentType {
  if (code.startsWith('P')) return 'passport';
  if (code.startsWith('V')) return 'visa';
  if (/^[IAC]/.test(code)) return 'identity-card';
  return 'travel-document';
}

/**
 * The number field at `at` (9 characters and its check digit). A longer number (TD1, TD2) has
 * `<` as its check digit and runs on in the optional data at `overflowAt`, ending with its check
 * digit before the first filler.
 */
function numberField(line: string, at: number, overflowAt: number | undefined, what: string): Checked<string> {
  const head = line.slice(at, at + 9);
  const digit = line.charAt(at + 9);
  if (digit === '<' && overflowAt !== undefined) {
    const overflow = /^[A-Z0-9]+/.exec(line.slice(overflowAt))?.[0] ?? '';
    if (overflow.length >= 2) {
      const number = head + overflow.slice(0, -1);
      if (!checkDigitMatches(number, overflow.slice(-1))) return misread(what);
      return ok(number);
    }
  }
  if (!checkDigitMatches(head, digit)) return misread(what);
  return ok(head.replace(/</g, ''));
}

function state(code: string): string | undefined {
  const checked = normaliseIssuingState(code.replace(/</g, ''));
  return checked.ok ? checked.value : undefined;
}

function fromLines(lines: string[]): Checked<MrzDocument> {
  const [first = '', second = ''] = lines;
  if (lines.length === 3 && lines.every((line) => line.length === 30)) {
    const number = numberField(first, 5, 15, 'TD1 MRZ');
    if (!number.ok) return number;
    return ok(withStates('TD1', number.value, typeOf(first.slice(0, 2)), first.slice(2, 5), second.slice(15, 18)));
  }
  if (lines.length === 2 && (first.length === 44 || first.length === 36) && second.length === first.length) {
    const format = first.length === 44 ? 'TD3' : 'TD2';
    const number = numberField(second, 0, format === 'TD2' ? 28 : undefined, `${format} MRZ`);
    if (!number.ok) return number;
    return ok(withStates(format, number.value, typeOf(first.slice(0, 2)), first.slice(2, 5), second.slice(10, 13)));
  }
  if (lines.length === 1) return fromOneLine(first);
  return problem('mrz.unrecognised', 'not an MRZ of 3×30 (TD1), 2×36 (TD2) or 2×44 (TD3) characters');
}

/** One line holding the number: TD1's first, or TD2's/TD3's second. */
function fromOneLine(line: string): Checked<MrzDocument> {
  if (line.length === 30) {
    if (/^[0-9]{6}/.test(line))
      return problem('mrz.unrecognised', 'this TD1 MRZ line holds the dates: give the first line');
    if (/^[A-Z<]+$/.test(line))
      return problem('mrz.unrecognised', 'this TD1 MRZ line holds the names: give the first line');
    const number = numberField(line, 5, 15, 'TD1 MRZ line');
    if (!number.ok) return number;
    return ok(withStates('TD1', number.value, typeOf(line.slice(0, 2)), line.slice(2, 5), undefined));
  }
  if (line.length === 44 || line.length === 36) {
    const format = line.length === 44 ? 'TD3' : 'TD2';
    if (/^[A-Z][A-Z<][A-Z<]{3}[A-Z<]+$/.test(line))
      return problem('mrz.unrecognised', `this ${format} MRZ line holds the names: give the line below it`);
    const number = numberField(line, 0, format === 'TD2' ? 28 : undefined, `${format} MRZ line`);
    if (!number.ok) return number;
    return ok(
      withStates(
        format,
        number.value,
        format === 'TD3' ? 'passport' : 'travel-document',
        undefined,
        line.slice(10, 13),
      ),
    );
  }
  return problem('mrz.unrecognised', 'an MRZ line has 30, 36 or 44 characters');
}

function withStates(
  format: MrzDocument['format'],
  number: string,
  documentType: DocumentType,
  issuer: string | undefined,
  nationalityCode: string | undefined,
): MrzDocument {
  const issuingState = issuer === undefined ? undefined : state(issuer);
  const nationality = nationalityCode === undefined ? undefined : state(nationalityCode);
  return {
    format,
    number,
    documentType,
    ...(issuingState ? { issuingState } : {}),
    ...(nationality ? { nationality } : {}),
  };
}

/**
 * Reads a whole MRZ (lines split by line breaks, or run together) or the one line holding the
 * number, checking the number's check digit: a wrong digit is a misreading, refused.
 */
export function parseMrz(raw: string): Checked<MrzDocument> {
  const text = raw.toUpperCase().replace(/[ \t]/g, '');
  let lines = text.split(/\r?\n|\r/).filter((line) => line !== '');
  if (lines.length === 1) {
    const [only = ''] = lines;
    if (only.length === 90) lines = [only.slice(0, 30), only.slice(30, 60), only.slice(60)];
    else if (only.length === 88 || only.length === 72)
      lines = [only.slice(0, only.length / 2), only.slice(only.length / 2)];
  }
  if (lines.some((line) => !/^[A-Z0-9<]+$/.test(line)))
    return problem('mrz.unrecognised', 'an MRZ has capital Latin letters, digits and < only');
  return fromLines(lines);
}
