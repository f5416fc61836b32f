import { useTranslation } from 'react-i18next';
import type { PolicyDiffView as Diff } from '../../../../../shared/schemas/policy-api';
import type { DirectoryFieldRule, PolicyRule } from '../../../../../shared/schemas/policy';
import { RuleSummary } from '../rule-summary';
import { usePolicyLabels } from '../use-policy-labels';
import { useScrollIntoView } from '../use-scroll-into-view';
import { keyFor } from '../../../i18n/keys';

const FIELDS = [
  'direction',
  'domains',
  'categories',
  'classifications',
  'counterparts',
  'kinds',
  'effect',
  'conditions',
  'legalBasis',
  'validFrom',
  'validUntil',
  'published',
] as const;

/** Which fields of a rule differ; scope lists compared as sets, like diffPolicies does. */
export function changedFields(before: PolicyRule, after: PolicyRule): (typeof FIELDS)[number][] {
  const sorted = (list: readonly unknown[]): string[] => list.map(String).sort();
  const norm = (value: unknown): string => {
    if (Array.isArray(value)) return JSON.stringify(sorted(value));
    // { except: [...] }: a set too, but never equal to a list of the same states.
    if (value !== null && typeof value === 'object' && 'except' in value && Array.isArray(value.except))
      return JSON.stringify({ except: sorted(value.except) });
    return JSON.stringify(value ?? null);
  };
  return FIELDS.filter((field) => norm(before[field]) !== norm(after[field]));
}

/** The directory fields whose visibility differs between two versions. */
export function changedDirectoryFields(
  before: readonly DirectoryFieldRule[],
  after: readonly DirectoryFieldRule[],
): string[] {
  const key = (rule: DirectoryFieldRule | undefined): string =>
    rule === undefined ? '' : JSON.stringify([[...rule.visibleTo].sort(), rule.secretariat, rule.legalBasis ?? null]);
  const fields = [...new Set([...before, ...after].map((rule) => rule.field))];
  return fields
    .filter((field) => key(before.find((r) => r.field === field)) !== key(after.find((r) => r.field === field)))
    .sort();
}

/** Rules added, removed and changed between two versions, and a change of the default effect or of directory field visibility. */
export function PolicyDiffView({ diff }: { diff: Diff }) {
  const { t } = useTranslation();
  const l = usePolicyLabels();
  const ref = useScrollIntoView<HTMLElement>(diff);
  const nothing =
    diff.added.length + diff.removed.length + diff.changed.length === 0 &&
    !diff.defaultEffectChanged &&
    !diff.directoryFieldsChanged;
  return (
    <section ref={ref} className="card policy-diff" data-testid="policy-diff" aria-labelledby="diff-title">
      <h3 id="diff-title">{t('policies.diff.title', { from: diff.from, to: diff.to })}</h3>
      {nothing && <p>{t('policies.diff.none')}</p>}
      {diff.defaultEffectChanged && (
        <p data-testid="diff-default">
          {t('policies.diff.default', {
            before: l.effect(diff.defaultEffectChanged.before),
            after: l.effect(diff.defaultEffectChanged.after),
          })}
        </p>
      )}
      {diff.directoryFieldsChanged && (
        <p data-testid="diff-directory-fields">
          {t('policies.diff.directoryFields', {
            fields: changedDirectoryFields(diff.directoryFieldsChanged.before, diff.directoryFieldsChanged.after)
              .map((f) => t(keyFor('directory.fieldName', f)))
              .join(', '),
          })}
        </p>
      )}
      {diff.added.length > 0 && (
        <div className="diff-group added" data-testid="diff-added">
          <h4>{t('policies.diff.added', { count: diff.added.length })}</h4>
          {diff.added.map((rule) => (
            <RuleSummary key={rule.id} rule={rule} state={diff.state} showPublished />
          ))}
        </div>
      )}
      {diff.removed.length > 0 && (
        <div className="diff-group removed" data-testid="diff-removed">
          <h4>{t('policies.diff.removed', { count: diff.removed.length })}</h4>
          {diff.removed.map((rule) => (
            <RuleSummary key={rule.id} rule={rule} state={diff.state} showPublished />
          ))}
        </div>
      )}
      {diff.changed.length > 0 && (
        <div className="diff-group changed" data-testid="diff-changed">
          <h4>{t('policies.diff.changed', { count: diff.changed.length })}</h4>
          {diff.changed.map(({ id, before, after }) => (
            <div key={id} className="diff-pair" data-rule-id={id}>
              <p>
                <code>{id}</code>:{' '}
                {t('policies.diff.fields', {
                  fields: changedFields(before, after)
                    .map((f) => t(`policies.diff.field.${f}`))
                    .join(', '),
                })}
              </p>
              <div className="diff-columns">
                <div>
                  <p className="detail">{t('policies.diff.before', { version: diff.from })}</p>
                  <RuleSummary rule={before} state={diff.state} showPublished />
                </div>
                <div>
                  <p className="detail">{t('policies.diff.after', { version: diff.to })}</p>
                  <RuleSummary rule={after} state={diff.state} showPublished />
                </div>
              </div>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
