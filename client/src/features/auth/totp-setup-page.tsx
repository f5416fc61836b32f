import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpSetup } from '../../../sdk/index';
import { FormError } from '../../components/form-error';
import { QrCode } from '../../components/qr-code';
import { Link } from '../../router/link';
import { useClient, useSession } from '../../services/client-context';

/** Authenticator enrolment: QR of the otpauth:// URL and the secret, confirmed with a code. */
export function TotpSetupPage() {
  const { t } = useTranslation();
  const client = useClient();
  const session = useSession();
  const [setup, setSetup] = useState<TotpSetup>();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  // Admins go on to their work; a focal point whose state requires the second factor goes home.
  const admin = session ? session.user.role !== 'focal-point' : true;

  const act = async (action: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  // The password is proven here (OPAQUE): an access token alone must not enrol someone else's authenticator.
  const begin = (event: FormEvent): void => {
    event.preventDefault();
    void act(async () => {
      setSetup(await client.me.startTotpSetup({ password }));
      setPassword('');
    });
  };
  const confirm = (event: FormEvent): void => {
    event.preventDefault();
    void act(async () => {
      await client.me.confirmTotp(code.trim());
      setDone(true);
    });
  };

  if (done || (session?.user.totpEnabled && !setup)) {
    return (
      <section className="card" aria-labelledby="totp-title">
        <h2 id="totp-title">{t('totp.title')}</h2>
        <p className="success" data-testid="totp-enabled">
          {done ? t('totp.done') : t('totp.already')}
        </p>
        <Link to={admin ? '/admin/pending' : '/'} className="button primary">
          {admin ? t('totp.continue') : t('totp.continueHome')}
        </Link>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="totp-title">
      <h2 id="totp-title">{t('totp.title')}</h2>
      <p>{admin ? t('totp.required') : t('totp.requiredFocalPoint')}</p>
      {!setup ? (
        <form className="form" onSubmit={begin}>
          <label>
            {t('totp.password')}
            <input
              name="current-password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          </label>
          <p className="hint">{t('totp.passwordHint')}</p>
          <FormError error={error} />
          <button type="submit" className="primary" disabled={busy}>
            {t('totp.start')}
          </button>
        </form>
      ) : (
        <form className="form" onSubmit={confirm}>
          <p>{t('totp.scan')}</p>
          <QrCode text={setup.otpauthUrl} alt={t('totp.qrAlt')} />
          <p>
            {t('totp.secret')}:{' '}
            <code data-testid="totp-secret" data-secret={setup.secret}>
              {setup.secret.match(/.{1,4}/g)?.join(' ')}
            </code>
          </p>
          <label>
            {t('totp.code')}
            <input
              name="totp-code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\d{6}"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              required
            />
          </label>
          <FormError error={error} />
          <button type="submit" className="primary" disabled={busy}>
            {t('totp.confirm')}
          </button>
        </form>
      )}
    </section>
  );
}
