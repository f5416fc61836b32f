import type { ScreeningInput } from '../../../sdk/travel-documents/types';

/** A state as the desk's state field offers it. */
export interface StateChoice {
  code: string;
  name: { en: string; ru: string };
}

export type DeskProblem = 'numberMissing' | 'stateMissing' | 'stateUnknown';
export type DeskInput = { ok: true; input: ScreeningInput } | { ok: false; problem: DeskProblem };

const MRZ_LINE = /^[A-Z0-9<]{30,44}$/;
/** Lines of each ICAO 9303 format, by the length of one line: TD1 3 × 30, TD2 2 × 36, TD3 (passports) 2 × 44. */
const LINES_OF_LENGTH: Record<number, number> = { 30: 3, 36: 2, 44: 2 };

const compact = (line: string): string => line.replace(/\s+/g, '').toUpperCase();

/** The MRZ typed or pasted, one line per row; a whole MRZ pasted as one run of characters is cut into its lines. */
export function mrzLines(text: string): string[] {
  const lines = text.split(/\r?\n/).map(compact).filter(Boolean);
  if (lines.length !== 1) return lines;
  const [one = ''] = lines;
  for (const [size, count] of Object.entries(LINES_OF_LENGTH)) {
    const width = Number(size);
    if (one.length === width * count)
      return Array.from({ length: count }, (_, i) => one.slice(i * width, (i + 1) * width));
  }
  return lines;
}

/** An MRZ rather than a number: it has fillers (`<`), or is as long as an MRZ line. */
export function looksLikeMrz(text: string): boolean {
  const lines = mrzLines(text);
  return lines.length > 0 && (text.includes('<') || lines.every((line) => MRZ_LINE.test(line)));
}

/**
 * Whether Enter should start the MRZ's next line rather than screen: a scanner types each line and
 * Enter; the passport's number is on the second line, so the first alone must not be screened.
 */
export function awaitsMoreMrz(text: string): boolean {
  const lines = mrzLines(text.replace(/\r?\n$/, ''));
  const last = lines.at(-1) ?? '';
  if (!text.includes('<') || !MRZ_LINE.test(last)) return false;
  const expected = LINES_OF_LENGTH[last.length];
  return expected !== undefined && lines.length < expected;
}

/** The state the officer means: a two-letter code, a member's name in either language, or "KZ — Kazakhstan". */
export function stateCodeOf(text: string, states: readonly StateChoice[]): string | undefined {
  const typed = text.trim();
  if (typed === '') return undefined;
  const code = typed.split(/\s+[—-]\s+/)[0]?.toUpperCase() ?? '';
  if (/^[A-Z]{2}$/.test(code)) return code;
  const lower = typed.toLocaleLowerCase();
  return states.find((s) => s.name.en.toLocaleLowerCase() === lower || s.name.ru.toLocaleLowerCase() === lower)?.code;
}

/** What the desk screens: an MRZ (which names its state), or the issuing state and the number. */
export function deskInput(stateText: string, numberText: string, states: readonly StateChoice[]): DeskInput {
  if (numberText.trim() === '') return { ok: false, problem: 'numberMissing' };
  if (looksLikeMrz(numberText)) return { ok: true, input: { mrz: mrzLines(numberText).join('\n') } };
  if (stateText.trim() === '') return { ok: false, problem: 'stateMissing' };
  const issuingState = stateCodeOf(stateText, states);
  if (!issuingState) return { ok: false, problem: 'stateUnknown' };
  return { ok: true, input: { issuingState, number: numberText.trim() } };
}
