import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useLoaded } from '../../hooks/use-loaded';
import { useClient } from '../../services/client-context';
import { cosigners } from './cosigners';
import { useAuditLogStatus } from './use-audit-log-status';
import './audit-log.css';

/** "Audit log: N entries, head signed <time>, verified by this browser; co-signed by: <states>". */
export function AuditLogPanel() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { auditLog } = useClient();
  const status = useAuditLogStatus();
  const verdict = status?.verdict;
  const shown = useLoaded(useCallback(() => auditLog.api.head(), [auditLog]));
  // Loaded again after each check and co-signature, so the head and co-signers shown are current.
  const { reload } = shown;
  const witness = status?.witness;
  useEffect(() => {
    if (verdict) reload();
  }, [verdict, witness, reload]);
  const head = shown.data?.head;

  const verification = (() => {
    if (!verdict || status.checking) return <p>{t('auditLog.panel.checking')}</p>;
    if (!verdict.ok)
      return (
        <p className="failed" data-testid="audit-log-unverified">
          {t(verdict.kind === 'unchecked' ? 'auditLog.panel.unchecked' : 'auditLog.panel.failed')}
        </p>
      );
    return (
      <p data-testid="audit-log-verified">
        {head && verdict.head.size < head.size
          ? t('auditLog.panel.verifiedUpTo', { size: verdict.head.size })
          : t('auditLog.panel.verified')}{' '}
        <button type="button" className="link" onClick={() => void auditLog.check()}>
          {t('auditLog.panel.checkAgain')}
        </button>
      </p>
    );
  })();
  const cosigned = head ? cosigners(shown.data?.witnesses ?? [], head.size) : [];

  return (
    <section className="card audit-log-panel" data-testid="audit-log-panel" aria-labelledby="audit-log-panel-title">
      <h3 id="audit-log-panel-title">{t('auditLog.panel.title')}</h3>
      {head && (
        <p data-testid="audit-log-summary">
          {t('auditLog.panel.summary', { count: head.size, time: labels.time(head.at) })}
        </p>
      )}
      <FormError error={shown.error} />
      {verification}
      {head && (
        <p data-testid="audit-log-cosigners">
          {cosigned.length === 0
            ? t('auditLog.panel.cosignedNone')
            : t('auditLog.panel.cosigned', {
                states: cosigned
                  .map(({ state, upTo }) =>
                    upTo === undefined
                      ? labels.state(state)
                      : t('auditLog.panel.upTo', { state: labels.state(state), size: upTo }),
                  )
                  .join(', '),
              })}
        </p>
      )}
      {witness &&
        ('size' in witness ? (
          <p className="detail">{t('auditLog.panel.witnessed', { size: witness.size })}</p>
        ) : (
          <p className="failed">{t('auditLog.panel.witnessFailed', { error: witness.error })}</p>
        ))}
    </section>
  );
}
