import { useTranslation } from 'react-i18next';
import type { ImplementationReview } from '../../../../shared/schemas/review';
import { useLabels } from '../../components/use-labels';
import { ReviewDownloads } from './review-downloads';
import { ReviewTable } from './review-table';
import { REVIEW_TABLES } from './review-tables';
import { TrailVerdict } from './trail-verdict';

/** The trail's verdict before any figure: the figures are only as good as the trail they come from. */
export function ReviewResult({ review }: { review: ImplementationReview }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <section
      className="review-result"
      data-testid="review-result"
      data-year={review.year}
      data-state={review.state ?? ''}
    >
      <h3>{t('review.result.title', { year: review.year, scope: labels.state(review.state) })}</h3>
      <TrailVerdict trail={review.trail} />
      {REVIEW_TABLES.map((spec) => (
        <ReviewTable key={spec.name} spec={spec} review={review} />
      ))}
      <ReviewDownloads review={review} />
      <p className="hint">
        {t('review.result.prepared', { year: review.year, time: labels.date(review.generatedAt) })}
      </p>
    </section>
  );
}
