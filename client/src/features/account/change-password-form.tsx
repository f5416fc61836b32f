import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useClient, useRemembered, useSession } from '../../services/client-context';
import { EMPTY_NEW_PASSWORD, NewPasswordFields, newPasswordReady } from './new-password-fields';

/**
 * Current password, new one twice. The keys are re-wrapped in the key worker (argon2id, about a
 * second), then the server checks the current password; other sessions end, this tab goes on.
 */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const client = useClient();
  const remembered = useRemembered();
  const [current, setCurrent] = useState('');
  const [code, setCode] = useState('');
  const asksCode = useSession()?.user.totpEnabled === true;
  const [next, setNext] = useState(EMPTY_NEW_PASSWORD);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setTried(true);
    setDone(false);
    if (current === '' || !newPasswordReady(next) || (asksCode && code.trim() === '')) return;
    setBusy(true);
    setError(undefined);
    try {
      await client.changePassword({
        currentPassword: current,
        newPassword: next.value,
        ...(asksCode ? { totp: code.trim() } : {}),
      });
      // What this browser kept under the old password is erased; kept afresh (new key) if it was kept.
      if (remembered.active()) {
        await remembered.forget();
        await remembered.remember();
      }
      setCurrent('');
      setCode('');
      setNext(EMPTY_NEW_PASSWORD);
      setTried(false);
      setDone(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="change-password-title"
      data-testid="change-password"
      noValidate
    >
      <h3 id="change-password-title">{t('account.password.title')}</h3>
      <p className="hint">{t('account.password.intro')}</p>
      <Field
        label={t('account.password.current')}
        error={tried && current === '' && t('account.password.currentMissing')}
      >
        {(field) => (
          <input
            {...field}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            required
          />
        )}
      </Field>
      {asksCode && (
        <Field
          label={t('account.password.code')}
          error={tried && code.trim() === '' && t('account.password.codeMissing')}
        >
          {(field) => (
            <input
              {...field}
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\d{6}"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              required
            />
          )}
        </Field>
      )}
      <NewPasswordFields value={next} onChange={setNext} tried={tried} />
      <FormError error={error} />
      {done && (
        <p className="success" role="status" data-testid="password-changed">
          {t('account.password.done')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('account.password.working') : t('account.password.submit')}
        </button>
      </div>
    </form>
  );
}
