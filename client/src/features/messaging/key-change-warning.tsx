import { useTranslation } from 'react-i18next';
import { ContactName } from './contact-name';
import { useMessaging } from './use-messaging';

/** A warning for each of these people whose key changed since last seen, until the reader accepts it. */
export function KeyChangeWarning({ userIds }: { userIds: readonly string[] }) {
  const { t } = useTranslation();
  const { store, state } = useMessaging();
  const changes = state.keyChanges.filter((change) => userIds.includes(change.userId));
  if (changes.length === 0) return null;
  return (
    <div className="card warning" role="alert" data-testid="key-changed">
      {changes.map((change) => (
        <p key={change.userId}>
          {t('messaging.keyChanged.text', { from: change.previous.keyVersion, to: change.current.keyVersion })}{' '}
          <strong>
            <ContactName userId={change.userId} />
          </strong>{' '}
          <span className="hint">
            {t('messaging.keyChanged.fingerprint', { fingerprint: change.current.fingerprint })}
          </span>{' '}
          <button type="button" onClick={() => store.acceptKey(change.userId)}>
            {t('messaging.keyChanged.accept')}
          </button>
        </p>
      ))}
    </div>
  );
}
