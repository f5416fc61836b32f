import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import { FormError } from '../../components/form-error';
import { useLoaded } from '../../hooks/use-loaded';
import { isAdmin } from '../../services/actor';
import { useClient } from '../../services/client-context';
import { ComposeForm } from './compose-form';
import { ReceivedList } from './received-list';
import { SentList } from './sent-list';
import { useReceivedCirculars } from './use-circulars';
import './circulars.css';

/** Circulars received (everyone), and for admins the ones sent with their read tallies, and a new one. */
export function CircularsPage({ me }: { me: UserView }) {
  const { t } = useTranslation();
  const client = useClient();
  const admin = isAdmin(me);
  const received = useReceivedCirculars();
  const sent = useLoaded(
    useCallback(async () => (admin ? (await client.circulars.sent()).circulars : []), [client, admin]),
  );
  return (
    <>
      <h2>{t('circulars.title')}</h2>
      <p>{t('circulars.intro')}</p>
      {admin && <ComposeForm me={me} onSent={sent.reload} />}
      <h3>{t('circulars.received.title')}</h3>
      <FormError error={received.error} />
      {received.data ? (
        <ReceivedList circulars={received.data.circulars} onRead={received.reload} />
      ) : (
        <p>{t('common.loading')}</p>
      )}
      {admin && (
        <>
          <h3>
            {t('circulars.sent.title')}{' '}
            <button type="button" className="secondary small" onClick={sent.reload} data-testid="reload-sent">
              {t('circulars.sent.reload')}
            </button>
          </h3>
          <FormError error={sent.error} />
          {sent.data ? <SentList circulars={sent.data} /> : <p>{t('common.loading')}</p>}
        </>
      )}
    </>
  );
}
