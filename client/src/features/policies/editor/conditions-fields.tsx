import { useTranslation } from 'react-i18next';
import { HANDLING_CODES, HandlingCode } from '../../../../../shared/schemas/labels';
import { Field } from '../../../components/field';
import type { ConditionsDraft } from './rule-draft';
import { FieldIssues, useIssueText } from './field-issues';
import { usePolicyLabels } from '../use-policy-labels';
import type { DraftField, DraftIssue } from './validate-draft';

/** The conditions of an 'allow under conditions' rule. */
export function ConditionsFields({
  value,
  onChange,
  issues,
}: {
  value: ConditionsDraft;
  onChange: (next: ConditionsDraft) => void;
  issues: Partial<Record<DraftField, DraftIssue[]>>;
}) {
  const { t } = useTranslation();
  const l = usePolicyLabels();
  const issueText = useIssueText();
  const set = <K extends keyof ConditionsDraft>(key: K, next: ConditionsDraft[K]): void =>
    onChange({ ...value, [key]: next });
  return (
    <fieldset className="conditions-fields">
      <legend>{t('policies.rule.conditions')}</legend>
      <Field label={t('policies.rule.minHandling')} hint={t('policies.rule.minHandlingHint')}>
        {(field) => (
          <select
            {...field}
            value={value.minHandling}
            onChange={(e) => set('minHandling', HandlingCode.safeParse(e.target.value).data ?? '')}
          >
            <option value="">{t('policies.rule.noMinHandling')}</option>
            {HANDLING_CODES.map((code) => (
              <option key={code} value={code}>
                {l.handling(code)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={value.noOnwardDissemination}
          onChange={(e) => set('noOnwardDissemination', e.target.checked)}
        />
        {t('policies.rule.noOnwardDissemination')}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={value.notAsEvidence} onChange={(e) => set('notAsEvidence', e.target.checked)} />
        {t('policies.rule.notAsEvidence')}
      </label>
      <Field
        label={t('policies.rule.retentionDays')}
        hint={t('policies.rule.retentionDaysHint')}
        error={issueText(issues.retentionDays)}
      >
        {(field) => (
          <input
            {...field}
            inputMode="numeric"
            value={value.retentionDays}
            onChange={(e) => set('retentionDays', e.target.value)}
            className="narrow"
          />
        )}
      </Field>
      <FieldIssues issues={issues.conditions} />
    </fieldset>
  );
}
