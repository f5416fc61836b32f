import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { useClient } from '../../services/client-context';
import { saveFile } from '../../lib/save-file';

type Format = 'json' | 'csv';

/**
 * Everything the reader may see, as a file. The export needs the bearer token, so a plain link
 * cannot do it: the SDK fetches it and the page hands the result over as a Blob.
 */
export function ExportButtons() {
  const { t } = useTranslation();
  const client = useClient();
  const [busy, setBusy] = useState<Format>();
  const [error, setError] = useState<unknown>();
  const stamp = new Date().toISOString().slice(0, 10);

  const run = async (format: Format): Promise<void> => {
    setBusy(format);
    setError(undefined);
    try {
      const blob =
        format === 'csv'
          ? new Blob([await client.directory.exportCsv()], { type: 'text/csv;charset=utf-8' })
          : new Blob([JSON.stringify(await client.directory.exportJson(), null, 2)], { type: 'application/json' });
      saveFile(blob, `focalnet-directory-${stamp}.${format}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="export-buttons" aria-label={t('directory.export.label')} role="group">
      <span className="hint">{t('directory.export.label')}</span>
      <button type="button" onClick={() => void run('csv')} disabled={busy !== undefined}>
        {busy === 'csv' ? t('common.working') : t('directory.export.csv')}
      </button>
      <button type="button" onClick={() => void run('json')} disabled={busy !== undefined}>
        {busy === 'json' ? t('common.working') : t('directory.export.json')}
      </button>
      <FormError error={error} />
    </div>
  );
}
