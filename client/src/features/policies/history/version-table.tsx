import { useTranslation } from 'react-i18next';
import type { PolicyVersionSummary } from '../../../../../shared/schemas/policy-api';
import { usePolicyLabels } from '../use-policy-labels';
import { useUserNames } from '../use-user-names';

/** Every version: in force or not, default, rule counts, who signed with which key version, when. */
export function VersionTable({
  versions,
  onView,
}: {
  versions: readonly PolicyVersionSummary[];
  onView: (version: number) => void;
}) {
  const { t } = useTranslation();
  const l = usePolicyLabels();
  const name = useUserNames();
  return (
    <table className="card" data-testid="version-table">
      <thead>
        <tr>
          <th>{t('policies.history.version')}</th>
          <th>{t('policies.history.defaultEffect')}</th>
          <th>{t('policies.history.rules')}</th>
          <th>{t('policies.history.signedBy')}</th>
          <th>{t('policies.history.signedAt')}</th>
          <th>{t('policies.history.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {[...versions].reverse().map((v) => (
          <tr key={v.version} data-version={v.version} data-current={v.current}>
            <td>
              {v.version} {v.current && <span className="badge active">{t('policies.history.inForce')}</span>}
            </td>
            <td>{l.effect(v.defaultEffect)}</td>
            <td>{t('policies.history.ruleCounts', { count: v.ruleCount, published: v.publishedRuleCount })}</td>
            <td>
              {name(v.signedBy.userId)}
              <div className="detail small">
                {t('policies.history.key', {
                  version: v.signedBy.keyVersion,
                  key: `${v.signedBy.identityKey.slice(0, 12)}…`,
                })}
              </div>
              {v.cosignedBy && (
                <div className="detail small" data-testid="cosigned-by">
                  {t('policies.history.cosignedBy', { name: name(v.cosignedBy.userId) })}
                </div>
              )}
            </td>
            <td>{l.date(v.createdAt)}</td>
            <td>
              <button type="button" onClick={() => onView(v.version)}>
                {t('policies.history.view')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
