import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DualControlRequestView } from '../../../../shared/schemas/dual-control';
import { ConfirmAction } from '../../components/confirm-action';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { approverWords } from './approver-words';
import { useClient } from '../../services/client-context';

/**
 * One action waiting for a second person: what was asked, about whom, by whom and when, what the
 * first person states (the safety number comparison, or the reason), and the decision buttons.
 */
export function SecondApprovalCard({
  request,
  mine,
  onDecided,
}: {
  request: DualControlRequestView;
  /** The signed-in admin asked for it: they may withdraw it, not approve it. */
  mine: boolean;
  onDecided: (next: DualControlRequestView) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const labels = useLabels();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const approve = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      onDecided(await client.dualControl.approve(request.id));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const { keyVersion, reason } = request.payload;
  return (
    <article className="card" data-testid="second-approval" data-kind={request.kind} data-id={request.id}>
      <h4>
        {t(`dualControl.kind.${request.kind}`, { name: request.subjectName, state: labels.state(request.state) })}
      </h4>
      <p className="detail">
        {t('dualControl.askedBy', { name: request.requestedByName, date: labels.date(request.requestedAt) })}
      </p>
      {request.kind.startsWith('activate-') && keyVersion !== undefined && (
        <p data-testid="comparison-statement">
          {t('dualControl.comparison', {
            name: request.requestedByName,
            version: keyVersion,
            subject: request.subjectName,
          })}
        </p>
      )}
      {reason && <p>{t('dualControl.reason', { reason })}</p>}
      <p className="detail">{t('dualControl.expires', { date: labels.date(request.expiresAt) })}</p>
      {request.approversAvailable === 0 ? (
        <p className="warning" data-testid="nobody-can-approve">
          {t(approverWords(request).nobody, { state: labels.state(request.state) })}
        </p>
      ) : (
        !request.youMayDecide && (
          <p className="hint">{t(approverWords(request).who, { state: labels.state(request.state) })}</p>
        )
      )}
      <FormError error={error} />
      <div className="actions">
        {request.youMayDecide && (
          <>
            <button type="button" className="primary" disabled={busy} onClick={() => void approve()}>
              {t('dualControl.approve')}
            </button>
            <ConfirmAction
              className="danger"
              disabled={busy}
              label={t('dualControl.refuse')}
              title={t('dualControl.refuseTitle')}
              confirm={t('dualControl.confirmRefuse')}
              reasonLabel={t('dualControl.refuseReason')}
              onConfirm={async (text) => onDecided(await client.dualControl.refuse(request.id, text ?? ''))}
            />
          </>
        )}
        {mine && (
          <ConfirmAction
            disabled={busy}
            label={t('dualControl.cancel')}
            title={t('dualControl.cancelTitle')}
            confirm={t('dualControl.confirmCancel')}
            onConfirm={async () => onDecided(await client.dualControl.cancel(request.id))}
          />
        )}
      </div>
    </article>
  );
}
