import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import type { ImplementationReview } from '../../../../shared/schemas/review';
import { ReviewForm } from './review-form';
import { ReviewResult } from './review-result';
import './review.css';

/** The action plan's yearly review, counted from the audit trail: a state's, or the whole network's. */
export function ReviewPage({ me }: { me: UserView }) {
  const { t } = useTranslation();
  const [review, setReview] = useState<ImplementationReview>();
  return (
    <section className="review-page" data-testid="review-page">
      <h2>{t('review.title')}</h2>
      <p className="hint">{t('review.intro')}</p>
      <ReviewForm me={me} onPrepared={setReview} />
      {review && <ReviewResult review={review} />}
    </section>
  );
}
