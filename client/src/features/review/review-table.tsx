import { useTranslation } from 'react-i18next';
import type { ImplementationReview } from '../../../../shared/schemas/review';
import { useLabels } from '../../components/use-labels';
import { formatDuration } from '../../lib/duration';
import type { ColumnKind, ReviewRow, ReviewTableSpec } from './review-tables';
import { keyFor } from '../../i18n/keys';

/** "2026-12" as "December 2026" in the reader's language (the CSV keeps the code). */
const formatMonth = (month: string, language: string): string => {
  const at = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(at.getTime())
    ? month
    : new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
};

/** A row's key: the states and domain it counts (the other columns are its figures). */
const rowKey = (row: ReviewRow, columns: ReviewTableSpec['columns']): string =>
  columns
    .filter(
      ([, kind]) =>
        kind === 'state' || kind === 'organiser' || kind === 'domain' || kind === 'libraryKind' || kind === 'month',
    )
    .map(([key]) => String(row[key]))
    .join('/');

/** One table of the review under its heading, or a short line when the year has nothing in it. */
export function ReviewTable({ spec, review }: { spec: ReviewTableSpec; review: ImplementationReview }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const rows = spec.rows(review);
  const show = (kind: ColumnKind, value: unknown): string => {
    if (kind === 'state') return labels.state(String(value));
    if (kind === 'organiser') return value === null ? t('review.secretariat') : labels.state(String(value));
    if (kind === 'domain') return value === '' ? t('review.allDomains') : labels.domain(String(value));
    if (kind === 'libraryKind') return t(keyFor('review.libraryKind', String(value)));
    if (kind === 'month') return formatMonth(String(value), labels.language);
    if (kind === 'duration')
      return typeof value === 'number' ? formatDuration(value, labels.language) : t('common.none');
    return String(value);
  };
  return (
    <section className="review-table" data-testid={`review-${spec.name}`}>
      <h3>{t(`review.table.${spec.name}`)}</h3>
      {rows.length === 0 ? (
        <p className="hint">{t('review.empty')}</p>
      ) : (
        // Wide tables (upkeep) scroll inside their own region rather than widening the page.
        <div className="review-table-scroll" tabIndex={0} role="region" aria-label={t(`review.table.${spec.name}`)}>
          <table>
            <thead>
              <tr>
                {spec.columns.map(([key, kind]) => (
                  <th key={key} className={kind}>
                    {t(keyFor('review.column', key))}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row, spec.columns)}>
                  {spec.columns.map(([key, kind]) => (
                    <td key={key} className={kind} data-column={key}>
                      {show(kind, row[key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
