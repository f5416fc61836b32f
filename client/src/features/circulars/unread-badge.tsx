import { useTranslation } from 'react-i18next';
import { useTitleCount } from '../../services/title-counts';
import { useReceivedCirculars } from './use-circulars';

/** The number of unread circulars beside "Circulars", and in the tab's title. */
export function UnreadCircularsBadge() {
  const { t } = useTranslation();
  const count = useReceivedCirculars().data?.unread ?? 0;
  useTitleCount('circulars', count);
  if (count === 0) return null;
  return (
    <span className="badge nav-count" data-testid="unread-circulars" aria-label={t('circulars.unread', { count })}>
      {count}
    </span>
  );
}
