import type { TFunction } from 'i18next';
import type { FieldProblem } from './entry-form-model';

/** A field's problem in the reader's language; the schema's own words only where nothing fits. */
export function problemText(t: TFunction, key: string, problem: FieldProblem): string {
  if (key === 'languages')
    return problem.code === 'too_big' ? t('directory.form.errors.tooMany') : t('directory.form.errors.language');
  if (key === 'timeZone') return t('directory.form.errors.timeZone');
  if (key === 'deputyUserId') return t('directory.form.errors.deputy');
  if (key === 'workingHours.days') return t('directory.form.errors.days');
  if (/^workingHours\.(from|to)$/.test(key)) return t('directory.form.errors.time');
  if (problem.code === 'too_small') return t('directory.form.errors.required');
  if (problem.code === 'too_big')
    return problem.origin === 'array' ? t('directory.form.errors.tooMany') : t('directory.form.errors.tooLong');
  return problem.message;
}
