import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalView } from '../../../../shared/schemas/approvals';
import { ConfirmAction } from '../../components/confirm-action';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useClient } from '../../services/client-context';

/** Approve (comment optional) or reject (comment required: the sender is told why). */
export function DecideForm({
  approval,
  onDecided,
}: {
  approval: ApprovalView;
  onDecided: (next: ApprovalView) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const approve = async (): Promise<void> => {
    const text = comment.trim();
    setBusy(true);
    setError(undefined);
    try {
      onDecided(await client.approvals.approve(approval.id, text === '' ? undefined : text));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="decide-form form">
      <Field label={t('approvals.comment')} hint={t('approvals.commentHint')}>
        {(field) => (
          <textarea
            {...field}
            name="approval-comment"
            rows={2}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            disabled={busy}
          />
        )}
      </Field>
      <FormError error={error} />
      <div className="actions">
        <button type="button" className="primary" onClick={() => void approve()} disabled={busy}>
          {t('approvals.approve')}
        </button>
        <ConfirmAction
          className="danger"
          disabled={busy}
          label={t('approvals.reject')}
          title={t('approvals.confirmReject.title')}
          confirm={t('approvals.confirmReject.confirm')}
          reasonLabel={t('approvals.confirmReject.reason')}
          reasonRequired={t('approvals.reasonRequired')}
          initialReason={comment}
          onConfirm={async (reason) => onDecided(await client.approvals.reject(approval.id, reason ?? ''))}
        />
      </div>
    </div>
  );
}
