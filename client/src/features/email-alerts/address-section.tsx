import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EmailAddress, type NotificationPreferencesView } from '../../../../shared/schemas/notifications';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useClient } from '../../services/client-context';

/** Where the mails go: the address, whether it is verified yet, and how to (re)send the link. */
export function AddressSection({
  view,
  onChange,
}: {
  view: NotificationPreferencesView;
  onChange: (next: NotificationPreferencesView) => void;
}) {
  const { t } = useTranslation();
  const { date } = useLabels();
  const client = useClient();
  const [address, setAddress] = useState(view.address?.value ?? '');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [sentTo, setSentTo] = useState<string>();
  const valid = EmailAddress.safeParse(address.trim()).success;

  const run = async (action: () => Promise<NotificationPreferencesView>, to: string): Promise<void> => {
    setBusy(true);
    setError(undefined);
    setSentTo(undefined);
    try {
      const next = await action();
      onChange(next);
      if (next.address && !next.address.verified) setSentTo(to);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setTried(true);
    if (!valid) return;
    void run(() => client.notifications.setAddress(address.trim()), address.trim());
  };

  const current = view.address;
  return (
    <section className="card" aria-labelledby="address-title" data-testid="notification-address">
      <h3 id="address-title">{t('emailAlerts.address.title')}</h3>
      {!current && <p>{t('emailAlerts.address.none')}</p>}
      {current?.verified && (
        <p>
          {t('emailAlerts.address.verified', { address: current.value })}{' '}
          <span className="badge active">{t('emailAlerts.address.verifiedBadge')}</span>
        </p>
      )}
      {current && !current.verified && (
        <div className="warning" data-testid="address-pending">
          <p>
            <span className="badge pending">{t('emailAlerts.address.pendingBadge')}</span>{' '}
            {t('emailAlerts.address.pending', {
              address: current.value,
              at: current.verificationSentAt ? date(current.verificationSentAt) : '—',
            })}
          </p>
          <button
            type="button"
            disabled={busy || !view.available}
            onClick={() => void run(() => client.notifications.resendVerification(), current.value)}
          >
            {t('emailAlerts.address.resend')}
          </button>
        </div>
      )}
      {sentTo && (
        <p className="success" role="status">
          {t('emailAlerts.address.sent', { address: sentTo })}
        </p>
      )}
      <FormError error={error} />
      <form className="form" onSubmit={submit} noValidate>
        <Field
          label={t('emailAlerts.address.label')}
          hint={t('emailAlerts.address.hint')}
          error={tried && !valid && t('emailAlerts.address.invalid')}
        >
          {(props) => (
            <input
              {...props}
              type="email"
              name="address"
              autoComplete="email"
              value={address}
              onChange={(e) => setAddress(e.target.value)}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !view.available}>
            {t('emailAlerts.address.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
