import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryView } from '../../../../shared/schemas/directory';
import { FormError } from '../../components/form-error';
import { useClient } from '../../services/client-context';

/** "This entry is still current" (resets the freshness clock) and the way into the edit form. */
export function EntryActions({
  entry,
  onChanged,
  onEdit,
}: {
  entry: EntryView;
  onChanged: (entry: EntryView) => void;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [confirmed, setConfirmed] = useState(false);
  const confirm = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await client.directory.confirmEntry(entry.userId));
      setConfirmed(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card notice entry-actions" aria-label={t('directory.actions.label')}>
      <p>{entry.stale ? t('directory.actions.staleIntro') : t('directory.actions.intro')}</p>
      {confirmed && (
        <p className="success" role="status" data-testid="entry-confirmed">
          {t('directory.actions.confirmed')}
        </p>
      )}
      <FormError error={error} />
      <div className="actions">
        <button type="button" className="primary" onClick={() => void confirm()} disabled={busy}>
          {t('directory.actions.confirm')}
        </button>
        <button type="button" onClick={onEdit} disabled={busy}>
          {t('directory.actions.edit')}
        </button>
      </div>
    </section>
  );
}
