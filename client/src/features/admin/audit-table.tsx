import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../../../shared/schemas/accounts';
import { useLabels } from '../../components/use-labels';

/** Entries with translated event names; ids shown as names where known. */
export function AuditTable({ entries, names }: { entries: AuditEntryView[]; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const who = (id: string | null): string => (id === null ? t('common.none') : (names.get(id) ?? `${id.slice(0, 8)}…`));
  return (
    <table className="card audit" data-testid="audit-table">
      <thead>
        <tr>
          <th>{t('admin.audit.seq')}</th>
          <th>{t('admin.audit.at')}</th>
          <th>{t('admin.audit.type')}</th>
          <th>{t('admin.audit.actor')}</th>
          <th>{t('admin.audit.state')}</th>
          <th>{t('admin.audit.subject')}</th>
          <th>{t('admin.audit.details')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.seq} data-type={entry.type}>
            <td>{entry.seq}</td>
            <td>{labels.time(entry.at)}</td>
            <td title={entry.type}>{t(`auditEvents.${entry.type}`, { defaultValue: entry.type })}</td>
            <td>{who(entry.actorId)}</td>
            <td>{entry.state ? labels.state(entry.state) : t('common.none')}</td>
            <td>{who(entry.subjectId)}</td>
            <td className="small">
              {Object.entries(entry.data).map(([key, value]) => (
                <div key={key}>
                  <span className="detail">{key}:</span>{' '}
                  <span className="mono">{typeof value === 'string' ? value : JSON.stringify(value)}</span>
                </div>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
