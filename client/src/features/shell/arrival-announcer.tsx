import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWaitingTotal } from '../../services/title-counts';

const MESSAGES = ['messages'] as const;
const REQUESTS = ['requests'] as const;

/**
 * Tells a screen reader, politely, when a message or a request arrives, wherever the person is
 * in the app; reading one (a count going down) is not announced.
 */
export function ArrivalAnnouncer() {
  const { t } = useTranslation();
  const messages = useWaitingTotal(MESSAGES);
  const requests = useWaitingTotal(REQUESTS);
  const [seen, setSeen] = useState({ messages, requests, text: '' });
  if (seen.messages !== messages || seen.requests !== requests) {
    const text =
      messages > seen.messages
        ? t('home.count', { what: t('home.what.unread'), count: messages })
        : requests > seen.requests
          ? t('home.count', { what: t('home.what.requests'), count: requests })
          : seen.text;
    setSeen({ messages, requests, text });
  }
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="arrival-announcer">
      {seen.text}
    </p>
  );
}
