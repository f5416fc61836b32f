import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useClient } from '../../services/client-context';
import { useLoaded } from '../../hooks/use-loaded';
import { describeDevice } from './describe-device';

/** Where I am signed in; any other session can be ended at once (a browser left signed in, or not mine). */
export function MySessions() {
  const { t } = useTranslation();
  const { date } = useLabels();
  const client = useClient();
  const sessions = useLoaded(useCallback(() => client.me.sessions(), [client]));
  const [error, setError] = useState<unknown>();
  const end = async (ids: string[]): Promise<void> => {
    setError(undefined);
    try {
      for (const id of ids) await client.me.endSession(id);
    } catch (caught) {
      setError(caught);
    } finally {
      sessions.reload();
    }
  };
  const others = (sessions.data ?? []).filter((s) => !s.current);
  return (
    <section className="card" aria-labelledby="sessions-title" data-testid="my-sessions">
      <h3 id="sessions-title">{t('account.sessions.title')}</h3>
      <p className="hint">{t('account.sessions.intro')}</p>
      <FormError error={sessions.error ?? error} />
      <ul className="session-list">
        {(sessions.data ?? []).map((s) => (
          <li key={s.id} data-testid="session" data-current={s.current}>
            <strong>{describeDevice(s.device) ?? t('account.sessions.unknownDevice')}</strong>
            {s.current && <span className="badge active">{t('account.sessions.current')}</span>}
            <div className="detail">
              {s.signedInAt && t('account.sessions.signedIn', { at: date(s.signedInAt) })} ·{' '}
              {t('account.sessions.lastActive', { at: date(s.lastRefreshedAt) })}
            </div>
            {!s.current && (
              <button type="button" onClick={() => void end([s.id])}>
                {t('account.sessions.end')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {others.length > 1 && (
        <button type="button" onClick={() => void end(others.map((s) => s.id))}>
          {t('account.sessions.endOthers')}
        </button>
      )}
    </section>
  );
}
