import { useTranslation } from 'react-i18next';
import type { ImplementationReview } from '../../../../shared/schemas/review';

/** Shown first: whether the audit trail the figures rest on held, and if not, from where it does not. */
export function TrailVerdict({ trail }: { trail: ImplementationReview['trail'] }) {
  const { t } = useTranslation();
  if (trail.verified) {
    return (
      <p className="success" role="status" data-testid="review-trail" data-verified="true" title={trail.headHash}>
        {t('review.trail.intact', {
          count: trail.entriesChecked,
          seq: trail.headSeq,
          hash: trail.headHash.slice(0, 16),
        })}
      </p>
    );
  }
  return (
    <p className="warning" role="alert" data-testid="review-trail" data-verified="false">
      {t('review.trail.broken', {
        seq: trail.firstBroken?.seq ?? t('common.none'),
        reason: trail.firstBroken?.reason ?? t('common.none'),
      })}
    </p>
  );
}
