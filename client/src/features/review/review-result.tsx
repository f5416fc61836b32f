import { useTranslation } from 'react-i18next';
import type { ImplementationReview } from '../../../../shared/schemas/review';
import { useLabels } from '../../components/use-labels';
import { ReviewChart } from './review-chart';
import { REVIEW_CHARTS } from './review-charts';
import { ReviewDownloads } from './review-downloads';
import { ReviewTable } from './review-table';
import { REVIEW_TABLES } from './review-tables';
import { TrailVerdict } from './trail-verdict';

/**
 * The trail's verdict before any figure: the figures are only as good as the trail they come from.
 * Then the charts, read at a glance, and the tables with every figure (the charts' text equivalent).
 */
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
      <div className="review-print-bar">
        <button type="button" data-testid="review-print" onClick={() => window.print()}>
          {t('review.print')}
        </button>
        <span className="hint">{t('review.printHint')}</span>
      </div>
      <TrailVerdict trail={review.trail} />
      <section className="review-charts">
        {REVIEW_CHARTS.map((spec) => (
          <ReviewChart key={spec.name} spec={spec} review={review} />
        ))}
      </section>
      <section className="review-tables">
        {REVIEW_TABLES.map((spec) => (
          <ReviewTable key={spec.name} spec={spec} review={review} />
        ))}
      </section>
      <ReviewDownloads review={review} />
      <p className="hint">
        {t('review.result.prepared', { year: review.year, time: labels.date(review.generatedAt) })}
      </p>
    </section>
  );
}
