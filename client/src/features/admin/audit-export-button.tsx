import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEventType } from '../../../../shared/audit/event-types';
import type { AuditEntryView } from '../../../../shared/schemas/accounts';
import { FormError } from '../../components/form-error';
import { saveFile } from '../../lib/save-file';
import { useClient } from '../../services/client-context';
import { auditToCsv } from './audit-csv';
import { useAuditWords } from './use-audit-words';

const BATCH = 500;
/** Enough for any filtered view an admin reads; a full archive is the server's backup. */
const MAX_ENTRIES = 20_000;

export interface AuditFilter {
  state?: string;
  type?: AuditEventType;
  person?: string;
}

/** Downloads every entry of the filtered view (not just the page shown), newest first, as CSV. */
export function AuditExportButton({ filter, names }: { filter: AuditFilter; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const client = useClient();
  const words = useAuditWords((id) => names.get(id) ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const download = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      const entries: AuditEntryView[] = [];
      let beforeSeq: number | undefined;
      for (;;) {
        const batch = await client.audit.list({
          order: 'desc',
          limit: BATCH,
          ...(beforeSeq !== undefined ? { beforeSeq } : {}),
          ...filter,
        });
        entries.push(...batch);
        beforeSeq = batch.at(-1)?.seq;
        if (batch.length < BATCH || beforeSeq === undefined || entries.length >= MAX_ENTRIES) break;
      }
      const csv = auditToCsv(entries, {
        ...words,
        columns: {
          seq: t('admin.audit.seq'),
          at: t('admin.audit.at'),
          type: t('admin.audit.type'),
          event: t('admin.audit.csvEvent'),
          actor: t('admin.audit.csvActor'),
          state: t('admin.audit.state'),
          subject: t('admin.audit.csvSubject'),
          details: t('admin.audit.csvDetails'),
        },
        event: (type) => t(`auditEvents.${type}`, { defaultValue: type }),
      });
      saveFile(
        new Blob([csv], { type: 'text/csv;charset=utf-8' }),
        `audit-${new Date().toISOString().slice(0, 10)}.csv`,
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" onClick={() => void download()} disabled={busy} data-testid="audit-export">
        {busy ? t('admin.audit.exporting') : t('admin.audit.exportCsv')}
      </button>
      <FormError error={error} />
    </>
  );
}
