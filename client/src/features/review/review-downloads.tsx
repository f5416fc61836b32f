import { useTranslation } from 'react-i18next';
import type { ImplementationReview } from '../../../../shared/schemas/review';
import { saveFile } from '../../lib/save-file';
import { reviewToCsv } from './review-csv';

/** The review as it came (JSON), or its tables for a spreadsheet (CSV); made in the browser. */
export function ReviewDownloads({ review }: { review: ImplementationReview }) {
  const { t } = useTranslation();
  const name = `focalnet-review-${review.year}-${review.state ?? 'network'}`;
  return (
    <div className="review-downloads" role="group" aria-label={t('review.download.label')}>
      <button
        type="button"
        data-testid="review-download-json"
        onClick={() =>
          saveFile(new Blob([JSON.stringify(review, null, 2)], { type: 'application/json' }), `${name}.json`)
        }
      >
        {t('review.download.json')}
      </button>
      <button
        type="button"
        data-testid="review-download-csv"
        onClick={() => saveFile(new Blob([reviewToCsv(review)], { type: 'text/csv;charset=utf-8' }), `${name}.csv`)}
      >
        {t('review.download.csv')}
      </button>
    </div>
  );
}
