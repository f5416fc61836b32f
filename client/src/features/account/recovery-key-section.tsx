import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { useClient, useSession } from '../../services/client-context';
import { RecoveryKeyStep } from '../onboarding/recovery-key-step';

/**
 * Whether a recovery key is set and was confirmed, and making a new one: shown once, typed back,
 * then the keys are wrapped under it on the server in place of the old one, which stops working.
 */
export function RecoveryKeySection() {
  const { t } = useTranslation();
  const client = useClient();
  const user = useSession()?.user;
  const [shown, setShown] = useState<string>();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>();
  const confirmed = useRef<() => void>(undefined);
  if (!user) return null;

  const start = async (): Promise<void> => {
    setError(undefined);
    setDone(false);
    try {
      await client.newRecoveryKey(
        (recoveryKeyText) =>
          new Promise<void>((resolve) => {
            confirmed.current = resolve;
            setShown(recoveryKeyText);
          }),
      );
      setDone(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setShown(undefined);
    }
  };

  return (
    <section
      className="card"
      aria-labelledby="recovery-section-title"
      data-testid="recovery-key-section"
      data-confirmed={user.recoveryKeyConfirmed}
    >
      <h3 id="recovery-section-title">{t('account.recovery.title')}</h3>
      <p data-testid="recovery-key-status">
        {user.recoveryKeyConfirmed ? t('account.recovery.confirmed') : t('account.recovery.notConfirmed')}
      </p>
      {shown ? (
        <RecoveryKeyStep recoveryKeyText={shown} onConfirmed={() => confirmed.current?.()} />
      ) : (
        <>
          <p className="hint">{t('account.recovery.hint')}</p>
          <button type="button" onClick={() => void start()}>
            {t('account.recovery.make')}
          </button>
        </>
      )}
      {done && (
        <p className="success" role="status" data-testid="recovery-key-replaced">
          {t('account.recovery.done')}
        </p>
      )}
      <FormError error={error} />
    </section>
  );
}
