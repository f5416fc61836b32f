import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarFeedView, EventLanguage } from '../../../../shared/schemas/events';
import { ConfirmAction } from '../../components/confirm-action';
import { FormError } from '../../components/form-error';
import { ShownOnce } from '../../components/shown-once';
import { useLabels } from '../../components/use-labels';
import { useLoaded } from '../../hooks/use-loaded';
import { useClient } from '../../services/client-context';
import './events.css';

/** In the account page: the personal calendar feed's secret URL (shown once), replaced or revoked. */
export function CalendarFeedSection() {
  const { t } = useTranslation();
  const labels = useLabels();
  const client = useClient();
  const feed = useLoaded(useCallback(() => client.events.feed(), [client]));
  const [language, setLanguage] = useState<EventLanguage>(labels.language);
  const [issued, setIssued] = useState<CalendarFeedView>();
  const [error, setError] = useState<unknown>();
  const create = async (): Promise<void> => {
    setError(undefined);
    try {
      setIssued(await client.events.createFeed(language));
      feed.reload();
    } catch (caught) {
      setError(caught);
    }
  };
  const current = feed.data;
  return (
    <section className="card" aria-labelledby="calendar-feed-title" data-testid="calendar-feed">
      <h3 id="calendar-feed-title">{t('events.feed.title')}</h3>
      <p>{t('events.feed.intro')}</p>
      {issued?.url && (
        <ShownOnce
          id="calendar-feed-shown"
          testId="calendar-feed-url"
          title={t('events.feed.shownTitle')}
          warning={t('events.feed.shownWarning')}
          label={t('events.feed.shownLabel')}
          name="calendarFeedUrl"
          value={issued.url}
          doneLabel={t('events.feed.done')}
          onDone={() => setIssued(undefined)}
        />
      )}
      {current && (
        <p data-testid="calendar-feed-state">
          {current.active && current.language && current.createdAt
            ? t('events.feed.active', {
                language: t(`events.feed.languages.${current.language}`),
                date: labels.date(current.createdAt),
              })
            : t('events.feed.inactive')}
        </p>
      )}
      <label>
        {t('events.feed.language')}
        <select name="feedLanguage" value={language} onChange={(e) => setLanguage(e.target.value as EventLanguage)}>
          <option value="en">{t('events.feed.languages.en')}</option>
          <option value="ru">{t('events.feed.languages.ru')}</option>
        </select>
      </label>
      <FormError error={error ?? feed.error} />
      <div className="actions">
        <button type="button" onClick={() => void create()} data-testid="create-feed">
          {current?.active ? t('events.feed.replace') : t('events.feed.create')}
        </button>
        {current?.active && (
          <ConfirmAction
            label={t('events.feed.revoke')}
            title={t('events.feed.revokeTitle')}
            confirm={t('events.feed.revokeConfirm')}
            className="danger"
            onConfirm={async () => {
              await client.events.revokeFeed();
              setIssued(undefined);
              feed.reload();
            }}
          />
        )}
      </div>
    </section>
  );
}
