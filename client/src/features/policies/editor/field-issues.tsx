import { useTranslation } from 'react-i18next';
import type { DraftIssue } from './validate-draft';

/** Turns the schema's problems with one field into one line in the current language (undefined: none). */
export function useIssueText(): (issues: readonly DraftIssue[] | undefined) => string | undefined {
  const { t, i18n } = useTranslation();
  const text = (issue: DraftIssue): string => {
    const key = `policies.validation.${issue.messageKey ?? ''}`;
    return issue.messageKey !== undefined && i18n.exists(key) ? t(key) : issue.message;
  };
  return (issues) => (issues === undefined || issues.length === 0 ? undefined : [...new Set(issues.map(text))].join(' '));
}

/** The problems of a field that is not a single labelled control (a group of boxes). */
export function FieldIssues({ issues, id }: { issues: readonly DraftIssue[] | undefined; id?: string }) {
  const text = useIssueText()(issues);
  if (text === undefined) return null;
  return <span className="field-error" id={id} data-testid="field-issue">{text}</span>;
}
