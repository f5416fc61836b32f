import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { Link } from '../../router/link';
import { useClient } from '../../services/client-context';
import { useLoaded } from '../../hooks/use-loaded';
import { EMPTY_NEW_PASSWORD, NewPasswordFields, newPasswordReady } from './new-password-fields';

/**
 * /reset#TOKEN, opened without a session: whose account, then the recovery key and a new
 * password twice. The keys are unlocked, re-wrapped and the reset signed here in the browser.
 */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const client = useClient();
  // The token travels in the fragment, which browsers never send to a server.
  const [token] = useState(() => window.location.hash.slice(1));
  const account = useLoaded(
    useCallback(async () => (token ? client.passwordResets.preview(token) : undefined), [client, token]),
  );
  const [recoveryKeyText, setRecoveryKeyText] = useState('');
  const [next, setNext] = useState(EMPTY_NEW_PASSWORD);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setTried(true);
    if (recoveryKeyText.trim() === '' || !newPasswordReady(next)) return;
    setBusy(true);
    setError(undefined);
    try {
      await client.passwordResets.reset({ token, recoveryKeyText, newPassword: next.value });
      setDone(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (!token)
    return (
      <p className="card warning" role="alert">
        {t('account.reset.noToken')}
      </p>
    );
  if (account.error) return <FormError error={account.error} />;
  if (!account.data) return <p>{t('account.reset.loading')}</p>;
  if (done) {
    return (
      <section className="card" data-testid="reset-done">
        <p className="success" role="status">
          {t('account.reset.done')}
        </p>
        <Link to="/sign-in" className="button primary">
          {t('account.reset.signIn')}
        </Link>
      </section>
    );
  }
  return (
    <form
      className="card form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="reset-title"
      aria-busy={busy}
      noValidate
    >
      <h2 id="reset-title">{t('account.reset.title')}</h2>
      <p data-testid="reset-account">
        <strong>{t('account.reset.for', { name: account.data.displayName, username: account.data.username })}</strong>
      </p>
      <p className="hint">{t('account.reset.intro')}</p>
      <Field
        label={t('account.reset.recoveryKey')}
        hint={t('account.reset.recoveryHint')}
        error={tried && recoveryKeyText.trim() === '' && t('account.reset.noRecoveryKey')}
      >
        {(field) => (
          <textarea
            {...field}
            name="recovery-key"
            rows={2}
            spellCheck={false}
            autoComplete="off"
            value={recoveryKeyText}
            onChange={(e) => setRecoveryKeyText(e.target.value)}
            required
            disabled={busy}
          />
        )}
      </Field>
      <NewPasswordFields value={next} onChange={setNext} tried={tried} disabled={busy} />
      <FormError error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('account.reset.working') : t('account.reset.submit')}
        </button>
      </div>
    </form>
  );
}
