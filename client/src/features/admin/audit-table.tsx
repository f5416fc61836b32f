import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../../../shared/schemas/accounts';
import { useLabels } from '../../components/use-labels';
import { VerifyInclusionButton } from '../audit-log/verify-inclusion-button';
import { describeAuditDetails } from './audit-fields';
import { useAuditWords } from './use-audit-words';

/**
 * Entries in words: the event in the person's language, people by name where this admin may see
 * them, details with translated field names, the leaf hash and its inclusion proof; full ids when `showIds`.
 */
export function AuditTable({
  entries,
  names,
  showIds,
}: {
  entries: AuditEntryView[];
  names: ReadonlyMap<string, string>;
  showIds: boolean;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const words = useAuditWords((id) => names.get(id) ?? t('admin.audit.unlisted'));
  // A person this admin does not manage, or a record (a proposal, an exchange): its id on demand.
  const who = (id: string | null, unknown: string) =>
    id === null ? (
      t('common.none')
    ) : (
      <>
        {names.get(id) ?? (showIds ? null : <span className="detail">{unknown}</span>)}
        {showIds && (
          <div className="mono small" data-testid="full-id">
            {id}
          </div>
        )}
      </>
    );
  return (
    <div className="audit-scroll">
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
              <td>
                {t(`auditEvents.${entry.type}`, { defaultValue: entry.type })}
                {showIds && <div className="mono small">{entry.type}</div>}
              </td>
              <td>{who(entry.actorId, t('admin.audit.unlisted'))}</td>
              <td>{entry.state ? labels.state(entry.state) : t('common.none')}</td>
              <td>{who(entry.subjectId, t('admin.audit.hiddenId'))}</td>
              <td className="small" data-testid="audit-details">
                {describeAuditDetails(entry.data, words).map(({ key, label, value }) => (
                  <div key={key} data-field={key}>
                    <span className="detail">{label}:</span> {value}
                  </div>
                ))}
                <VerifyInclusionButton entry={entry} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
