import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_KINDS, type EventKind, type EventView } from '../../../../shared/schemas/events';
import type { UserView } from '../../../../shared/schemas/accounts';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useLoaded } from '../../hooks/use-loaded';
import { Link } from '../../router/link';
import { useClient } from '../../services/client-context';
import { useDomains } from '../../services/domains';
import { formatSpan } from './event-times';
import './events.css';

export const mayPropose = (me: UserView): boolean =>
  me.status === 'active' && (me.role === 'network-admin' || me.role === 'national-admin');

/** /events: the calendar, upcoming or past, by domain and kind. */
export function EventsPage({ me }: { me: UserView }) {
  const { t } = useTranslation();
  const client = useClient();
  const domains = useDomains();
  const labels = useLabels();
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming');
  const [domain, setDomain] = useState('');
  const [kind, setKind] = useState<EventKind | ''>('');
  const events = useLoaded(
    useCallback(
      () => client.events.list({ when, ...(domain ? { domain } : {}), ...(kind ? { kind } : {}) }),
      [client, when, domain, kind],
    ),
  );
  return (
    <>
      <h2>{t('events.title')}</h2>
      <p>{t('events.intro')}</p>
      {mayPropose(me) && (
        <p>
          <Link to="/events/new" className="button" data-testid="propose-event">
            {t('events.propose')}
          </Link>
        </p>
      )}
      <div className="events-filters" role="group" aria-label={t('events.title')}>
        <div className="tabs" role="tablist">
          {(['upcoming', 'past'] as const).map((value) => (
            <button
              key={value}
              type="button"
              role="tab"
              aria-selected={when === value}
              className={when === value ? 'active' : ''}
              onClick={() => setWhen(value)}
            >
              {t(`events.${value}`)}
            </button>
          ))}
        </div>
        <label>
          {t('events.domainFilter')}
          <select value={domain} onChange={(e) => setDomain(e.target.value)} data-testid="events-domain">
            <option value="">{t('events.allDomains')}</option>
            {domains.map((d) => (
              <option key={d.code} value={d.code}>
                {labels.domain(d.code)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('events.kindFilter')}
          <select value={kind} onChange={(e) => setKind(e.target.value as EventKind | '')}>
            <option value="">{t('events.allKinds')}</option>
            {EVENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`events.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FormError error={events.error} />
      {!events.data ? (
        <p>{t('common.loading')}</p>
      ) : events.data.length === 0 ? (
        <p className="card">{t('events.none')}</p>
      ) : (
        <ul className="event-list" data-testid="event-list">
          {events.data.map((event) => (
            <EventCard key={event.id} event={event} />
          ))}
        </ul>
      )}
    </>
  );
}

function EventCard({ event }: { event: EventView }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const title = event.title[labels.language] ?? event.title.en ?? event.title.ru;
  return (
    <li className={`card event-card${event.status === 'cancelled' ? ' cancelled' : ''}`}>
      <p className="event-kind">
        {t(`events.kinds.${event.kind}`)} · {event.hostState ? labels.state(event.hostState) : t('events.secretariat')}
        {event.status === 'cancelled' && <strong> · {t('events.cancelled')}</strong>}
      </p>
      <h3>
        <Link to={`/events/${event.id}`}>{title}</Link>
      </h3>
      <p>{formatSpan(event.startsAt, event.endsAt, event.timeZone, labels.language)}</p>
      <p className="detail">
        {labels.domains(event.domains)} ·{' '}
        {event.capacity === null
          ? t('events.registered', { count: event.registeredTotal })
          : t('events.registeredOf', { count: event.registeredTotal, capacity: event.capacity })}
      </p>
    </li>
  );
}
