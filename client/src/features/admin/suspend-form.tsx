import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The reason is required: it goes into the audit trail. */
export function SuspendForm({ onSubmit, onCancel }: { onSubmit: (reason: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (reason.trim()) onSubmit(reason.trim());
  };
  return (
    <form className="suspend-form" onSubmit={submit}>
      <label>
        {t('admin.people.reason')}
        <input
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          maxLength={500}
          autoFocus
        />
      </label>
      <button type="submit" className="danger">
        {t('admin.people.confirmSuspend')}
      </button>
      <button type="button" className="link" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
