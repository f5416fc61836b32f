import { useTranslation } from 'react-i18next';
import { CATEGORY_CODES, CLASSIFICATIONS, EXCHANGE_KINDS } from '../../../../../shared/schemas/labels';
import { PolicyDirection, PolicyEffect } from '../../../../../shared/schemas/policy';
import { Field } from '../../../components/field';
import { useDomains } from '../../../services/domains';
import { otherStates } from '../counterpart-states';
import { ConditionsFields } from './conditions-fields';
import { useIssueText } from './field-issues';
import type { RuleDraft } from './rule-draft';
import { ScopeField } from './scope-field';
import { usePolicyLabels } from '../use-policy-labels';
import type { DraftField, DraftIssue } from './validate-draft';

const EFFECTS = ['deny', 'approve', 'conditions', 'allow'] as const;

/** Every field of one rule; problems found by the shared schema appear beside their field. */
export function RuleForm({
  draft,
  state,
  issues,
  onChange,
  onDone,
  onRemove,
}: {
  draft: RuleDraft;
  state: string;
  issues: Partial<Record<DraftField, DraftIssue[]>>;
  onChange: (next: RuleDraft) => void;
  onDone: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const l = usePolicyLabels();
  const issueText = useIssueText();
  const domains = useDomains().map(({ code }) => code);
  const set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]): void => onChange({ ...draft, [key]: value });
  const options = <T extends string>(codes: readonly T[], word: (code: T) => string) =>
    codes.map((value) => ({ value, label: word(value) }));
  const states = l
    .sortedStates()
    .filter((s) => s.code !== state)
    .map((s) => ({ value: s.code, label: s.name[l.language] }));
  const issueList = (field: DraftField): readonly DraftIssue[] | undefined => issues[field];

  return (
    <div className="rule-form form" data-testid="rule-form" data-rule-key={draft.key}>
      <div className="form-row">
        <Field label={t('policies.rule.id')} hint={t('policies.rule.idHint')} error={issueText(issueList('id'))}>
          {(field) => (
            <input
              {...field}
              name="rule-id"
              className="mono"
              value={draft.id}
              onChange={(e) => set('id', e.target.value)}
              maxLength={128}
            />
          )}
        </Field>
        <Field label={t('policies.rule.direction')}>
          {(field) => (
            <select
              {...field}
              name="rule-direction"
              value={draft.direction}
              onChange={(e) => set('direction', PolicyDirection.safeParse(e.target.value).data ?? draft.direction)}
            >
              {PolicyDirection.options.map((d) => (
                <option key={d} value={d}>
                  {l.direction(d)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('policies.rule.effect')} hint={t('policies.rule.effectHint')}>
          {(field) => (
            <select
              {...field}
              name="rule-effect"
              value={draft.effect}
              onChange={(e) => set('effect', PolicyEffect.safeParse(e.target.value).data ?? draft.effect)}
            >
              {EFFECTS.map((effect) => (
                <option key={effect} value={effect}>
                  {l.effect(effect)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ScopeField
        legend={t('policies.rule.domains')}
        options={options(domains, l.domain)}
        value={draft.domains}
        onChange={(v) => set('domains', v)}
        issues={issueList('domains')}
      />
      <ScopeField
        legend={t('policies.rule.categories')}
        options={options(CATEGORY_CODES, l.category)}
        value={draft.categories}
        onChange={(v) => set('categories', v)}
        issues={issueList('categories')}
      />
      <ScopeField
        legend={t('policies.rule.classifications')}
        options={options(CLASSIFICATIONS, l.classification)}
        value={draft.classifications}
        onChange={(v) => set('classifications', v)}
        issues={issueList('classifications')}
      />
      <ScopeField
        legend={t(`policies.rule.counterparts.${draft.direction}`)}
        options={states}
        value={draft.counterparts}
        onChange={(v) => set('counterparts', v)}
        issues={issueList('counterparts')}
        modes={['any', 'only', 'except']}
        modeLabels={{
          any: t('policies.rule.scope.anyState'),
          only: t('policies.rule.scope.onlyStates'),
          except: t('policies.rule.scope.exceptStates', { count: otherStates(state).length }),
        }}
        hints={{ except: t('policies.rule.scope.exceptHint') }}
      />
      <ScopeField
        legend={t('policies.rule.kinds')}
        options={options(EXCHANGE_KINDS, l.kind)}
        value={draft.kinds}
        onChange={(v) => set('kinds', v)}
        issues={issueList('kinds')}
      />
      {draft.effect === 'conditions' && (
        <ConditionsFields value={draft.conditions} onChange={(v) => set('conditions', v)} issues={issues} />
      )}
      <Field
        label={t('policies.rule.legalBasisEn')}
        hint={t('policies.rule.legalBasisEnHint')}
        error={issueText(issueList('legalBasisEn'))}
      >
        {(field) => (
          <textarea
            {...field}
            name="legal-basis-en"
            lang="en"
            rows={2}
            value={draft.legalBasisEn}
            onChange={(e) => set('legalBasisEn', e.target.value)}
          />
        )}
      </Field>
      <Field
        label={t('policies.rule.legalBasisRu')}
        hint={t('policies.rule.legalBasisRuHint')}
        error={issueText(issueList('legalBasisRu'))}
      >
        {(field) => (
          <textarea
            {...field}
            name="legal-basis-ru"
            lang="ru"
            rows={2}
            value={draft.legalBasisRu}
            onChange={(e) => set('legalBasisRu', e.target.value)}
          />
        )}
      </Field>
      <div className="form-row">
        <Field
          label={t('policies.rule.validFrom')}
          hint={t('policies.rule.utcHint')}
          error={issueText(issueList('validFrom'))}
        >
          {(field) => (
            <input
              {...field}
              name="valid-from"
              type="datetime-local"
              value={draft.validFrom}
              onChange={(e) => set('validFrom', e.target.value)}
            />
          )}
        </Field>
        <Field
          label={t('policies.rule.validUntil')}
          hint={t('policies.rule.utcHint')}
          error={issueText(issueList('validUntil'))}
        >
          {(field) => (
            <input
              {...field}
              name="valid-until"
              type="datetime-local"
              value={draft.validUntil}
              onChange={(e) => set('validUntil', e.target.value)}
            />
          )}
        </Field>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          name="rule-published"
          checked={draft.published}
          onChange={(e) => set('published', e.target.checked)}
        />
        {t('policies.rule.published')}
      </label>
      <p className="hint">{t('policies.rule.publishedHint')}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={onDone}>
          {t('policies.rule.done')}
        </button>
        <button type="button" className="danger" onClick={onRemove}>
          {t('policies.rule.remove')}
        </button>
      </div>
    </div>
  );
}
