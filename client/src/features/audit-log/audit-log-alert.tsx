import { useTranslation } from 'react-i18next';
import { useLabels } from '../../components/use-labels';
import { keyFor } from '../../i18n/keys';
import { useClient } from '../../services/client-context';
import { describeVerdict } from './describe-verdict';
import { useAuditLogStatus } from './use-audit-log-status';
import './audit-log.css';

/**
 * On every page after sign-in when this browser could not verify the audit trail: what happened,
 * who was told, what to do. It stays until the person says they understand (not a toast).
 */
export function AuditLogAlert() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { auditLog } = useClient();
  const status = useAuditLogStatus();
  const verdict = status?.verdict;
  if (!status || !verdict || verdict.ok || status.acknowledged) return null;
  const alert = describeVerdict(verdict, labels.date);
  return (
    <section
      className={`audit-log-alert tone-${alert.tone}`}
      role="alert"
      aria-labelledby="audit-log-alert-title"
      data-testid="audit-log-alert"
      data-kind={verdict.kind}
    >
      <h2 id="audit-log-alert-title">{t(`auditLog.alert.${alert.title}`)}</h2>
      <p>{t(keyFor('auditLog.alert', alert.body), alert.values)}</p>
      {alert.told && <p data-testid="audit-log-told">{t(`auditLog.alert.${alert.told}`)}</p>}
      {alert.tone === 'danger' && <p>{t('auditLog.alert.whatToDo')}</p>}
      <button type="button" className="primary" onClick={() => auditLog.acknowledge()}>
        {t('auditLog.alert.understand')}
      </button>
    </section>
  );
}
