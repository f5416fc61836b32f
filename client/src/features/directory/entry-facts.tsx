import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryView, RestrictableField } from '../../../../shared/schemas/directory';
import { useLabels } from '../../components/use-labels';
import { Link } from '../../router/link';
import { Bilingual } from './bilingual';
import { entryPath } from './entry-table';
import { FreshnessBadge } from './entry-badges';
import { languageName } from './languages';
import { WorkingHoursView } from './working-hours-view';

/** Every field the reader may see; a withheld one says so in place. */
export function EntryFacts({ entry, stateName }: { entry: EntryView; stateName: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const withheld = (field: RestrictableField): boolean => entry.withheld.includes(field);
  const hidden = (
    <span className="detail" data-withheld="true">
      {t('directory.withheld.inline')}
    </span>
  );
  const none = t('common.none');
  const rows: Array<[string, string, ReactNode]> = [
    ['kind', t('directory.fields.kind'), t(`directory.kind.${entry.kind}`)],
    [
      'title',
      t('directory.fields.title'),
      withheld('title') ? hidden : entry.title ? <Bilingual text={entry.title} /> : none,
    ],
    ['authority', t('directory.fields.authority'), entry.authority ? <Bilingual text={entry.authority} /> : none],
    ['state', t('directory.fields.state'), stateName],
    ['domains', t('directory.fields.domains'), labels.domains(entry.domains)],
    ['role', t('directory.fields.role'), entry.role ? t(`directory.role.${entry.role}`) : none],
    [
      'languages',
      t('directory.fields.languages'),
      entry.languages.map((code) => languageName(code, labels.language)).join(', ') || none,
    ],
    ['timeZone', t('directory.fields.timeZone'), entry.timeZone ?? none],
    [
      'workingHours',
      t('directory.fields.workingHours'),
      withheld('workingHours') ? (
        hidden
      ) : entry.workingHours ? (
        <WorkingHoursView hours={entry.workingHours} timeZone={entry.timeZone} />
      ) : (
        none
      ),
    ],
    [
      'available24x7',
      t('directory.fields.available24x7'),
      entry.available24x7 ? t('directory.yes') : t('directory.no'),
    ],
    [
      'deputy',
      t('directory.fields.deputy'),
      withheld('deputy') ? (
        hidden
      ) : entry.deputy ? (
        <Link to={entryPath(entry.deputy.userId)} data-testid="deputy-link">
          {entry.deputy.name}
        </Link>
      ) : (
        none
      ),
    ],
    [
      'lastConfirmed',
      t('directory.fields.lastConfirmed'),
      <>
        {labels.date(entry.lastConfirmedAt)} <FreshnessBadge entry={entry} />
      </>,
    ],
  ];
  return (
    <dl className="facts" data-testid="entry-facts">
      {rows.map(([key, label, value]) => (
        <div key={key} className="fact" data-field={key}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
