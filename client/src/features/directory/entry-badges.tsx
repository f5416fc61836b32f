import { useTranslation } from 'react-i18next';
import type { EntryView } from '../../../../shared/schemas/directory';
import { useLabels } from '../../components/use-labels';

/**
 * "Incomplete" while the entry lacks an authority or any contact (as the server says), then
 * "stale" when it was not reconfirmed within the freshness period, "current" otherwise.
 */
export function FreshnessBadge({ entry }: { entry: EntryView }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const confirmed = t('directory.badges.confirmedOn', { date: labels.date(entry.lastConfirmedAt) });
  if (entry.status === 'incomplete')
    return (
      <span
        className="badge incomplete"
        data-testid="stale-badge"
        data-stale={entry.stale}
        data-status="incomplete"
        title={t('directory.badges.incompleteHint')}
      >
        {t('directory.badges.incomplete')}
      </span>
    );
  return entry.stale ? (
    <span className="badge stale" data-testid="stale-badge" data-stale="true" data-status="stale" title={confirmed}>
      {t('directory.badges.stale')}
    </span>
  ) : (
    <span
      className="badge current"
      data-testid="stale-badge"
      data-stale="false"
      data-status="current"
      title={confirmed}
    >
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
