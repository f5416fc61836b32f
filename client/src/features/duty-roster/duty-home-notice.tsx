import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../components/use-labels';
import { useLoaded } from '../../hooks/use-loaded';
import { Link } from '../../router/link';
import { useClient } from '../../services/client-context';
import { entryPath } from '../directory/entry-table';
import { AwaySentence } from './duty-facts';

/** On a focal point's home: "you are marked away" (with the way back), or whom they stand in for now. */
export function DutyHomeNotice({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const l = useLabels();
  const client = useClient();
  // An account without a directory entry yet has nothing to show here.
  const entry = useLoaded(
    useCallback(() => client.directory.entry(userId).catch(() => undefined), [client, userId]),
  ).data;
  if (!entry?.away && !entry?.covering) return null;
  return (
    <div className="card notice" role="status" data-testid="duty-home">
      {entry.away && (
        <p>
          <strong>{t('duty.home.youAreAway')}</strong> <AwaySentence away={entry.away} />{' '}
          {entry.away.deputy && t('duty.away.deputyShort', { name: entry.away.deputy.name })}{' '}
          <Link to="/account">{t('duty.home.change')}</Link>
        </p>
      )}
      {entry.covering?.map((person) => (
        <p key={person.userId}>
          {t('duty.away.coveringTitle')}: <Link to={entryPath(person.userId)}>{person.name}</Link>
          {person.until && ` ${t('duty.away.coveringUntil', { until: l.date(person.until) })}`}.{' '}
          {t('duty.home.coveringHint')}
        </p>
      ))}
    </div>
  );
}
