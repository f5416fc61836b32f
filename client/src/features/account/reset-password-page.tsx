import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { Link } from '../../router/link';
import { useClient } from '../../services/client-context';
import { useLoaded } from '../admin/use-loaded';

const MIN_PASSWORD = 12;

/**
 * /reset#TOKEN, opened without a session: whose account, then the recovery key and a new
 * password twice. The keys are unlocked, re-wrapped and the reset signed here in the browser.
 */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const client = useClient();
  // The token travels in the fragment, which browsers never send to a server.
  const [token] = useState(() => window.location.hash.slice(1));
  const account = useLoaded(useCallback(async () => (token ? client.passwordResets.preview(token) : undefined), [client, token]));
  const [recoveryKeyText, setRecoveryKeyText] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const tooShort = next.length < MIN_PASSWORD;
  const mismatch = repeat !== next;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setTried(true);
    if (recoveryKeyText.trim() === '' || tooShort || mismatch) return;
    setBusy(true);
    setError(undefined);
    try {
      await client.passwordResets.reset({ token, recoveryKeyText, newPassword: next });
      setDone(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (!token) return <p className="card warning" role="alert">{t('account.reset.noToken')}</p>;
  if (account.error) return <FormError error={account.error} />;
  if (!account.data) return <p>{t('account.reset.loading')}</p>;
  if (done) {
    return (
      <section className="card" data-testid="reset-done">
        <p className="success" role="status">{t('account.reset.done')}</p>
        <Link to="/sign-in" className="button primary">{t('account.reset.signIn')}</Link>
      </section>
    );
  }
  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="reset-title" aria-busy={busy} noValidate>
      <h2 id="reset-title">{t('account.reset.title')}</h2>
      <p data-testid="reset-account"><strong>{t('account.reset.for', { name: account.data.displayName, username: account.data.username })}</strong></p>
      <p className="hint">{t('account.reset.intro')}</p>
      <Field label={t('account.reset.recoveryKey')} hint={t('account.reset.recoveryHint')} error={tried && recoveryKeyText.trim() === '' && t('account.reset.noRecoveryKey')}>
        {(field) => <textarea {...field} name="recovery-key" rows={2} spellCheck={false} autoComplete="off" value={recoveryKeyText} onChange={(e) => setRecoveryKeyText(e.target.value)} required disabled={busy} />}
      </Field>
      <Field label={t('account.password.new')} hint={t('register.passwordRule')} error={(tried || next.length > 0) && tooShort && t('register.tooShort', { count: next.length })}>
        {(field) => <input {...field} name="newPassword" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} required disabled={busy} />}
      </Field>
      <Field label={t('account.password.repeat')} error={tried && mismatch && t('register.mismatch')}>
        {(field) => <input {...field} name="repeatPassword" type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required disabled={busy} />}
      </Field>
      <FormError error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>{busy ? t('account.reset.working') : t('account.reset.submit')}</button>
      </div>
    </form>
  );
}
