import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { deputyCoverage, type AwayNotice } from '../../../sdk/index';
import { useLabels } from '../../components/use-labels';
import { useLoaded } from '../../hooks/use-loaded';
import { useClient } from '../../services/client-context';

/**
 * Before sending: which recipients are away, and whether their deputy will also receive this
 * (the SDK adds the deputy when it seals, from the same directory reading).
 */
export function AwayRecipientsNotice({ to, domain }: { to: readonly string[]; domain: string }) {
  const { t } = useTranslation();
  const l = useLabels();
  const client = useClient();
  const key = to.join(',');
  const coverage = useLoaded(
    // Keyed by the ids, not the array: the caller builds a new one each render.
    useCallback(() => deputyCoverage(client.directory, key ? key.split(',') : [], domain), [client, key, domain]),
  );
  const away = coverage.data?.away ?? [];
  if (away.length === 0) return null;
  const sentence = (notice: AwayNotice): string => {
    const names = { name: notice.name, deputy: notice.deputy?.name ?? '' };
    if (notice.skipped === 'withheld' || !notice.deputy) return t('duty.notice.withheld', names);
    if (notice.skipped === 'not-in-domain') return t('duty.notice.notInDomain', names);
    if (notice.skipped === 'unavailable') return t('duty.notice.unavailable', names);
    return notice.until
      ? t('duty.notice.willAlsoReceive', { ...names, until: l.date(notice.until) })
      : t('duty.notice.willAlsoReceiveOpen', names);
  };
  return (
    <div className="card notice" role="status" aria-label={t('duty.notice.label')} data-testid="away-recipients">
      {away.map((notice) => (
        <p key={notice.userId}>{sentence(notice)}</p>
      ))}
    </div>
  );
}
