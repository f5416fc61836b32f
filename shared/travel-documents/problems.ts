/** Why an input cannot be keyed: a closed union of codes with an English message for people. */
export type DocumentProblemCode =
  | 'number.missing'
  | 'number.invalid'
  | 'number.too-long'
  | 'state.missing'
  | 'state.invalid'
  | 'check-digit.misread'
  | 'mrz.unrecognised'
  | 'field.invalid';

export interface DocumentProblem {
  code: DocumentProblemCode;
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: DocumentProblem };

export const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
export const problem = <T = never>(code: DocumentProblemCode, message: string): Checked<T> => ({
  ok: false,
  problem: { code, message },
});
