import { useTranslation } from 'react-i18next';
import type { EntryView } from '../../../../shared/schemas/directory';
import { useLabels } from '../../components/use-labels';

/** "Stale" when the entry was not reconfirmed within the freshness period, "current" otherwise. */
export function FreshnessBadge({ entry }: { entry: EntryView }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const confirmed = t('directory.badges.confirmedOn', { date: labels.date(entry.lastConfirmedAt) });
  return entry.stale ? (
    <span className="badge stale" data-testid="stale-badge" data-stale="true" title={confirmed}>
      {t('directory.badges.stale')}
    </span>
  ) : (
    <span className="badge current" data-testid="stale-badge" data-stale="false" title={confirmed}>
      {t('directory.badges.current')}
    </span>
  );
}

/** Whether a national admin (or the secretariat) compared the safety number before activating this key. */
export function KeysBadge({ entry }: { entry: EntryView }) {
  const { t } = useTranslation();
  if (!entry.keys)
    return (
      <span className="badge unverified" data-testid="keys-badge" data-verified="false">
        {t('directory.badges.noKeys')}
      </span>
    );
  return entry.keys.verified ? (
    <span className="badge verified" data-testid="keys-badge" data-verified="true">
      {t('directory.badges.verified')}
    </span>
  ) : (
    <span className="badge unverified" data-testid="keys-badge" data-verified="false">
      {t('directory.badges.unverified')}
    </span>
  );
}
