import { useTranslation } from 'react-i18next';
import type { DraftIssue } from './validate-draft';
import { keyFor } from '../../../i18n/keys';

/** Turns the schema's problems with one field into one line in the current language (undefined: none). */
export function useIssueText(): (issues: readonly DraftIssue[] | undefined) => string | undefined {
  const { t, i18n } = useTranslation();
  // Not i18n.exists itself: as a type guard it would turn the key into a selector t() cannot type.
  const known = (key: string): boolean => i18n.exists(key);
  const text = (issue: DraftIssue): string => {
    const key = keyFor('policies.validation', issue.messageKey ?? '');
    return issue.messageKey !== undefined && known(key) ? t(key) : issue.message;
  };
  return (issues) =>
    issues === undefined || issues.length === 0 ? undefined : [...new Set(issues.map(text))].join(' ');
}

/** The problems of a field that is not a single labelled control (a group of boxes). */
export function FieldIssues({ issues, id }: { issues: readonly DraftIssue[] | undefined; id?: string }) {
  const text = useIssueText()(issues);
  if (text === undefined) return null;
  return (
    <span className="field-error" id={id} data-testid="field-issue">
      {text}
    </span>
  );
}
