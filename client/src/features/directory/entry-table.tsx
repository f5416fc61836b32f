import { useTranslation } from 'react-i18next';
import type { EntryView } from '../../../../shared/schemas/directory';
import { useLabels } from '../../components/use-labels';
import { Link } from '../../router/link';
import { Bilingual } from './bilingual';
import { FreshnessBadge, KeysBadge } from './entry-badges';
import { languageName } from './languages';
import { AwayBadge } from '../duty-roster/duty-facts';

export const entryPath = (userId: string): string => `/directory/entries/${encodeURIComponent(userId)}`;

/** Search results: who, where, for what, in which languages, and whether the entry can be trusted. */
export function EntryTable({ entries, stateName }: { entries: EntryView[]; stateName: (code: string) => string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <table className="card directory-table" data-testid="directory-results">
      <thead>
        <tr>
          <th>{t('directory.columns.name')}</th>
          <th>{t('directory.columns.state')}</th>
          <th>{t('directory.columns.domains')}</th>
          <th>{t('directory.columns.languages')}</th>
          <th>{t('directory.columns.available24x7')}</th>
          <th>{t('directory.columns.status')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.userId} data-testid="directory-entry" data-user-id={entry.userId}>
            <td>
              <Link to={entryPath(entry.userId)} className="entry-name">
                <Bilingual text={entry.name} />
              </Link>
              {entry.kind === 'duty-desk' && <span className="badge kind">{t('directory.kind.duty-desk')}</span>}
              <AwayBadge entry={entry} />
              <div className="detail">
                <Bilingual text={entry.authority} />
              </div>
            </td>
            <td>{stateName(entry.state)}</td>
            <td className="small">
              {entry.domains.map((domain) => (
                <div key={domain}>{labels.domain(domain)}</div>
              ))}
            </td>
            <td className="small">
              {entry.languages.map((code) => languageName(code, labels.language)).join(', ') || t('common.none')}
            </td>
            <td>
              {entry.available24x7 ? <span className="badge h24">{t('directory.yes24x7')}</span> : t('common.none')}
            </td>
            <td className="badges">
              <FreshnessBadge entry={entry} />
              <KeysBadge entry={entry} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
