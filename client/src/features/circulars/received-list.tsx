import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceivedCircular } from '../../../../shared/schemas/circulars';
import type { OpenedCircular } from '../../../sdk/circulars/open-circular';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useClient } from '../../services/client-context';
import { useAudienceWords } from './audience-words';

/** One received circular: sealed until opened here (verified and decrypted in this browser), then marked read. */
function ReceivedItem({ circular, onRead }: { circular: ReceivedCircular; onRead: () => void }) {
  const { t } = useTranslation();
  const l = useLabels();
  const words = useAudienceWords();
  const client = useClient();
  const [opened, setOpened] = useState<OpenedCircular>();
  const [error, setError] = useState<unknown>();
  const open = async (): Promise<void> => {
    try {
      setOpened(await client.circulars.open(circular));
      if (!circular.readAt) {
        await client.circulars.markRead(circular.id);
        onRead();
      }
    } catch (caught) {
      setError(caught);
    }
  };
  const unread = !circular.readAt;
  return (
    <li className={`card circular${unread ? ' unread' : ''}`} data-testid="received-circular" data-id={circular.id}>
      <p className="circular-meta">
        {unread && <span className="badge">{t('circulars.received.new')}</span>}{' '}
        <strong>
          {t('circulars.received.from', {
            who:
              circular.sender.role === 'network-admin'
                ? t('circulars.received.secretariat')
                : t('circulars.received.adminOf', { state: l.state(circular.sender.state ?? '') }),
          })}
        </strong>{' '}
        · {l.date(circular.storedAt)} · {words.audience(circular.audience)}
      </p>
      {!circular.sender.verified && <p className="detail warning">{t('circulars.received.unverifiedKey')}</p>}
      {circular.readAt && <p className="detail">{t('circulars.received.readAt', { date: l.date(circular.readAt) })}</p>}
      <FormError error={error} />
      {opened ? (
        <article data-testid="circular-text">
          <h4>{opened.subject}</h4>
          <p className="circular-text">{opened.text}</p>
          <button type="button" className="secondary" onClick={() => setOpened(undefined)}>
            {t('circulars.received.close')}
          </button>
        </article>
      ) : (
        <button type="button" onClick={() => void open()}>
          {t('circulars.received.open')}
        </button>
      )}
    </li>
  );
}

/** My circulars, unread first. */
export function ReceivedList({ circulars, onRead }: { circulars: readonly ReceivedCircular[]; onRead: () => void }) {
  const { t } = useTranslation();
  if (circulars.length === 0) return <p className="card">{t('circulars.received.empty')}</p>;
  return (
    <ul className="circular-list">
      {circulars.map((circular) => (
        <ReceivedItem key={circular.id} circular={circular} onRead={onRead} />
      ))}
    </ul>
  );
}
