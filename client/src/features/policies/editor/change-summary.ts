import type { TFunction } from 'i18next';
import type { PolicyDiff } from '../../../../../shared/policy/index';
import type { PolicyEffect } from '../../../../../shared/schemas/policy';

/** One line saying what a new version changes, e.g. "1 rule added · default: allow → deny". */
export function changeSummary(diff: PolicyDiff, t: TFunction, effect: (e: PolicyEffect) => string): string {
  const parts = [
    diff.added.length > 0 ? t('policies.publish.added', { count: diff.added.length }) : '',
    diff.removed.length > 0 ? t('policies.publish.removed', { count: diff.removed.length }) : '',
    diff.changed.length > 0 ? t('policies.publish.changed', { count: diff.changed.length }) : '',
    diff.defaultEffectChanged
      ? t('policies.publish.defaultChanged', {
          before: effect(diff.defaultEffectChanged.before),
          after: effect(diff.defaultEffectChanged.after),
        })
      : '',
  ].filter(Boolean);
  return parts.length === 0 ? t('policies.publish.noChanges') : parts.join(' · ');
}
