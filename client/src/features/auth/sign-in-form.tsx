import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../sdk/index';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useClient } from '../../services/client-context';

/**
 * Username and password (it never leaves the browser: OPAQUE); the code field appears when the
 * server asks for it. The password is handed on to unlock the keys right away, with whether this
 * browser should remember the person (default on; off on a shared computer).
 */
export function SignInForm({ onSignedIn }: { onSignedIn: (password: string, remember: boolean) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needTotp, setNeedTotp] = useState(false);
  const [remember, setRemember] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await client.signIn({ username, password, ...(needTotp && totp ? { totp: totp.trim() } : {}) });
      onSignedIn(password, remember);
    } catch (caught) {
      if (isApiError(caught, 'auth.totp-required') || isApiError(caught, 'auth.totp-invalid')) setNeedTotp(true);
      // Asking for the code is the expected next step, not an error to show in red.
      setError(isApiError(caught, 'auth.totp-required') ? undefined : caught);
      setTotp('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={(event) => void submit(event)} aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{t('signIn.title')}</h2>
      <label>
        {t('signIn.username')}
        <input
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
        />
      </label>
      <label>
        {t('signIn.password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      {needTotp && (
        <Field label={t('signIn.totp')} hint={t('signIn.totpHint')}>
          {(field) => (
            <input
              {...field}
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\d{6}"
              maxLength={6}
              value={totp}
              onChange={(e) => setTotp(e.target.value)}
              required
              autoFocus
            />
          )}
        </Field>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          name="remember"
          checked={remember}
          onChange={(e) => setRemember(e.target.checked)}
          aria-describedby="remember-hint"
        />
        {t('signIn.remember')}
      </label>
      <p id="remember-hint" className="hint">
        {t('signIn.rememberHint')}
      </p>
      <FormError error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('signIn.submitting') : t('signIn.submit')}
      </button>
    </form>
  );
}
