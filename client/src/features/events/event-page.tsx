import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import type { EventView } from '../../../../shared/schemas/events';
import { ConfirmAction } from '../../components/confirm-action';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useLoaded } from '../../hooks/use-loaded';
import { useNow } from '../../hooks/use-now';
import { saveFile } from '../../lib/save-file';
import { Link } from '../../router/link';
import { useClient } from '../../services/client-context';
import { formatAt, formatSpan, viewerZone } from './event-times';
import { RegistrationSection } from './registration-section';
import './events.css';

/** /events/:id: the details, times at the venue and the viewer's, registrations, materials, the .ics. */
export function EventPage({ me, eventId }: { me: UserView; eventId: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const loaded = useLoaded(useCallback(() => client.events.get(eventId), [client, eventId]));
  const event = loaded.data;
  return (
    <>
      <p>
        <Link to="/events">← {t('events.page.back')}</Link>
      </p>
      <FormError error={loaded.error} />
      {event ? (
        <EventDetails me={me} event={event} onChanged={loaded.reload} />
      ) : (
        !loaded.error && <p>{t('common.loading')}</p>
      )}
    </>
  );
}

function EventDetails({ me, event, onChanged }: { me: UserView; event: EventView; onChanged: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const client = useClient();
  const now = useNow();
  const language = labels.language;
  const title = event.title[language] ?? event.title.en ?? event.title.ru;
  const description = event.description?.[language] ?? event.description?.en ?? event.description?.ru;
  const started = new Date(event.startsAt).getTime() <= now;
  const zone = viewerZone();
  const download = async (): Promise<void> => {
    const ics = await client.events.ics(event.id, language);
    saveFile(new Blob([ics], { type: 'text/calendar' }), `event-${event.id}.ics`);
  };
  return (
    <>
      <p className="event-kind">
        {t(`events.kinds.${event.kind}`)}
        {event.status === 'cancelled' && <strong> · {t('events.cancelled')}</strong>}
      </p>
      <h2 data-testid="event-title">{title}</h2>
      {event.status === 'cancelled' && <p className="card warning">{t('events.page.cancelledNotice')}</p>}
      <section className="card">
        <dl className="event-facts" data-testid="event-facts">
          <dt>{t('events.page.inEventZone', { zone: event.timeZone })}</dt>
          <dd>{formatSpan(event.startsAt, event.endsAt, event.timeZone, language)}</dd>
          {zone !== event.timeZone && (
            <>
              <dt>{t('events.page.inYourZone', { zone })}</dt>
              <dd>{formatSpan(event.startsAt, event.endsAt, zone, language)}</dd>
            </>
          )}
          <dt>{t('events.page.host')}</dt>
          <dd>{event.hostState ? labels.state(event.hostState) : t('events.secretariat')}</dd>
          <dt>{t('events.page.where')}</dt>
          <dd>{[event.venue, event.online ? t('events.page.online') : null].filter(Boolean).join(' · ')}</dd>
          <dt>{t('events.page.domains')}</dt>
          <dd>{labels.domains(event.domains)}</dd>
          {event.languages.length > 0 && (
            <>
              <dt>{t('events.page.languages')}</dt>
              <dd>{event.languages.join(', ')}</dd>
            </>
          )}
          {event.partners.length > 0 && (
            <>
              <dt>{t('events.page.partners')}</dt>
              <dd>{event.partners.join(', ')}</dd>
            </>
          )}
          <dt>{t('events.page.capacity')}</dt>
          <dd>
            {event.capacity === null
              ? `${t('events.page.unlimited')} · ${t('events.registered', { count: event.registeredTotal })}`
              : t('events.registeredOf', { count: event.registeredTotal, capacity: event.capacity })}
          </dd>
          <dt>{t('events.page.deadline')}</dt>
          <dd>{formatAt(event.registrationDeadline, event.timeZone, language)}</dd>
        </dl>
        {description && (
          <>
            <h3>{t('events.page.description')}</h3>
            <p className="event-description">{description}</p>
          </>
        )}
        <div className="actions">
          <button type="button" onClick={() => void download()} data-testid="download-ics">
            {t('events.page.download')}
          </button>
          {event.mayManage && event.status === 'scheduled' && (
            <>
              <Link to={`/events/${event.id}/edit`} className="button secondary">
                {t('events.page.edit')}
              </Link>
              <ConfirmAction
                label={t('events.page.cancel')}
                title={t('events.page.cancelTitle')}
                confirm={t('events.page.cancelConfirm')}
                className="danger"
                onConfirm={async () => {
                  await client.events.cancel(event.id);
                  onChanged();
                }}
              />
            </>
          )}
        </div>
      </section>
      {started && (
        <section className="card" data-testid="event-materials">
          <h3>{t('events.page.materials')}</h3>
          <p>
            <Link to={`/library?event=${event.id}`}>{t('events.page.materialsLink')}</Link>
          </p>
          {event.mayManage && (
            <p>
              <Link to={`/library/new?event=${event.id}`} className="button secondary">
                {t('events.page.addMaterial')}
              </Link>
            </p>
          )}
        </section>
      )}
      <RegistrationSection me={me} event={event} now={now} onChanged={onChanged} />
    </>
  );
}
