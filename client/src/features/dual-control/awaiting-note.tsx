import { useTranslation } from 'react-i18next';
import type { DualControlRequestView } from '../../../../shared/schemas/dual-control';
import { useLabels } from '../../components/use-labels';
import { approverWords } from './approver-words';
import { Link } from '../../router/link';

/** On a person waiting for a second approver: since when, until when, and who may approve. */
export function AwaitingNote({ request }: { request: DualControlRequestView }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <div className="hint" data-testid="awaiting-second-approval" data-kind={request.kind}>
      <p>
        {t('dualControl.waiting', {
          what: t(`dualControl.what.${request.kind}`),
          since: labels.date(request.requestedAt),
          expires: labels.date(request.expiresAt),
        })}
      </p>
      {request.approversAvailable === 0 ? (
        <p className="warning" data-testid="nobody-can-approve">
          {t(approverWords(request).nobody, { state: labels.state(request.state) })}
        </p>
      ) : (
        <p>{t(approverWords(request).who, { state: labels.state(request.state) })}</p>
      )}
      <Link to="/second-approvals">{t('dualControl.open')}</Link>
    </div>
  );
}
