import { useTranslation } from 'react-i18next';
import type { PolicyRule } from '../../../../../shared/schemas/policy';
import { RuleSummary } from '../rule-summary';

export type RuleChange = 'new' | 'changed' | 'unchanged';

/** A rule of the draft, read-only, with what the admin can do to it. */
export function RuleCard({
  rule,
  state,
  change,
  issueCount,
  conflict,
  onEdit,
  onRemove,
}: {
  rule: PolicyRule;
  state: string;
  change: RuleChange;
  issueCount: number;
  conflict: boolean;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <article
      className={`rule-card${issueCount > 0 ? ' has-issues' : ''}`}
      data-testid="rule-card"
      data-rule-id={rule.id}
      data-change={change}
    >
      <div className="rule-card-side">
        {change !== 'unchanged' && (
          <span className={`badge change-${change}`}>{t(`policies.editor.change.${change}`)}</span>
        )}
        {conflict && <span className="badge conflict">{t('policies.editor.conflictBadge')}</span>}
        {issueCount > 0 && (
          <span className="badge problem">{t('policies.editor.problems', { count: issueCount })}</span>
        )}
      </div>
      <RuleSummary rule={rule} state={state} showPublished />
      <div className="row-actions">
        <button type="button" onClick={onEdit}>
          {t('policies.editor.edit')}
        </button>
        <button type="button" onClick={onRemove}>
          {t('policies.editor.remove')}
        </button>
      </div>
    </article>
  );
}
