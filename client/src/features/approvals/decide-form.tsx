import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalView } from '../../../../shared/schemas/approvals';
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
  const [missingReason, setMissingReason] = useState(false);

  const decide = async (verdict: 'approve' | 'reject'): Promise<void> => {
    const text = comment.trim();
    setMissingReason(verdict === 'reject' && text === '');
    if (verdict === 'reject' && text === '') return;
    setBusy(true);
    setError(undefined);
    try {
      onDecided(
        verdict === 'approve'
          ? await client.approvals.approve(approval.id, text === '' ? undefined : text)
          : await client.approvals.reject(approval.id, text),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="decide-form form">
      <Field
        label={t('approvals.comment')}
        hint={t('approvals.commentHint')}
        error={missingReason && t('approvals.reasonRequired')}
      >
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
        <button type="button" className="primary" onClick={() => void decide('approve')} disabled={busy}>
          {t('approvals.approve')}
        </button>
        <button type="button" className="danger" onClick={() => void decide('reject')} disabled={busy}>
          {t('approvals.reject')}
        </button>
      </div>
    </div>
  );
}
