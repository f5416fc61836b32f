import { useEffect, useEffectEvent, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useClient, useRemembered } from '../../services/client-context';

/**
 * Unlocks the private keys for this tab with the password (the same as the account's) or the
 * recovery key. `autoPassword`: the password just used to sign in, tried once without asking.
 */
export function UnlockKeysForm({
  autoPassword,
  remember = false,
}: {
  autoPassword?: string | undefined;
  remember?: boolean;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const remembered = useRemembered();
  const [method, setMethod] = useState<'password' | 'recovery'>('password');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const tried = useRef(false);

  const unlock = async (input: { password: string } | { recoveryKeyText: string }): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await client.unlockKeys(input);
      if (remember) await remembered.remember();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  // Tried once for the password handed over by the sign-in form.
  const unlockWithPassword = useEffectEvent((password: string) => void unlock({ password }));
  useEffect(() => {
    if (!autoPassword || tried.current) return;
    tried.current = true;
    unlockWithPassword(autoPassword);
  }, [autoPassword]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void unlock(method === 'password' ? { password: secret } : { recoveryKeyText: secret });
  };
  const switchMethod = (): void => {
    setMethod(method === 'password' ? 'recovery' : 'password');
    setSecret('');
    setError(undefined);
  };

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="unlock-title" aria-busy={busy}>
      <h2 id="unlock-title">{t('unlock.title')}</h2>
      <p>{t('unlock.intro')}</p>
      {method === 'password' ? (
        <Field label={t('unlock.password')} hint={t('unlock.passwordHint')}>
          {(field) => (
            <input
              {...field}
              name="unlock-password"
              type="password"
              autoComplete="current-password"
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
              required
              disabled={busy}
            />
          )}
        </Field>
      ) : (
        <Field label={t('unlock.recoveryKey')} hint={t('unlock.recoveryHint')}>
          {(field) => (
            <textarea
              {...field}
              name="recovery-key"
              rows={2}
              spellCheck={false}
              autoComplete="off"
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
              required
              disabled={busy}
            />
          )}
        </Field>
      )}
      <FormError error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('unlock.working') : t('unlock.submit')}
        </button>
        <button type="button" className="link" onClick={switchMethod} disabled={busy}>
          {method === 'password' ? t('unlock.useRecovery') : t('unlock.usePassword')}
        </button>
        <button type="button" className="link" onClick={() => void client.signOut()} disabled={busy}>
          {t('unlock.signOut')}
        </button>
      </div>
    </form>
  );
}
