import { useTranslation } from 'react-i18next';
import type { EntryView } from '../../../../shared/schemas/directory';
import { useLabels } from '../../components/use-labels';
import { Link } from '../../router/link';
import { entryPath } from '../directory/entry-table';
import './duty-roster.css';

/** "Away until …": the sentence for an absence under way or planned. */
export function AwaySentence({ away }: { away: NonNullable<EntryView['away']> }) {
  const { t } = useTranslation();
  const l = useLabels();
  if (away.active)
    return <>{away.until ? t('duty.away.until', { until: l.date(away.until) }) : t('duty.away.openEnded')}</>;
  return (
    <>
      {away.until
        ? t('duty.away.planned', { from: l.date(away.from), until: l.date(away.until) })
        : t('duty.away.plannedOpenEnded', { from: l.date(away.from) })}
    </>
  );
}

/**
 * On an entry: who is away until when and who stands in, whom this person stands in for, and
 * the members of a duty desk. Nothing when none applies.
 */
export function DutyFacts({ entry }: { entry: EntryView }) {
  const { t } = useTranslation();
  const l = useLabels();
  const { away, covering, members } = entry;
  if (!away && !covering && !members) return null;
  return (
    <>
      {away && (
        <section className="card notice" data-testid="away-facts" aria-label={t('duty.away.title')}>
          <p>
            <strong>
              <AwaySentence away={away} />
            </strong>{' '}
            {away.deputy ? (
              <>
                {t('duty.away.deputy')}{' '}
                <Link to={entryPath(away.deputy.userId)} data-testid="away-deputy">
                  {away.deputy.name}
                </Link>
              </>
            ) : (
              <span className="detail">{t('duty.away.deputyWithheld')}</span>
            )}
          </p>
          {away.note && (
            <p className="detail">
              {t('duty.away.note')} {away.note}
            </p>
          )}
        </section>
      )}
      {covering && (
        <section className="card notice" data-testid="covering-facts" aria-label={t('duty.away.coveringTitle')}>
          <ul className="duty-list">
            {covering.map((person) => (
              <li key={person.userId}>
                {t('duty.away.coveringTitle')}: <Link to={entryPath(person.userId)}>{person.name}</Link>
                {person.until && ` ${t('duty.away.coveringUntil', { until: l.date(person.until) })}`}
              </li>
            ))}
          </ul>
        </section>
      )}
      {members && (
        <section className="card" data-testid="desk-members" aria-labelledby="desk-members-title">
          <h3 id="desk-members-title">{t('duty.desk.membersTitle')}</h3>
          {members.length === 0 ? (
            <p>{t('duty.desk.noMembers')}</p>
          ) : (
            <ul>
              {members.map((member) => (
                <li key={member.userId}>
                  <Link to={entryPath(member.userId)}>{member.name}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}

/** In search results: "Away" and the deputy's name, beside the person's name. */
export function AwayBadge({ entry }: { entry: EntryView }) {
  const { t } = useTranslation();
  if (!entry.away?.active) return null;
  return (
    <span className="away-badge" data-testid="away-badge">
      <span className="badge pending">{t('duty.away.badge')}</span>
      {entry.away.deputy && (
        <span className="detail"> {t('duty.away.deputyShort', { name: entry.away.deputy.name })}</span>
      )}
    </span>
  );
}
